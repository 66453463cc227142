import Foundation
import GRDB

/// Reads, parses and stores files in batches: this thread reads and parses a batch on every
/// core while a writer thread stores the previous one (SQLite writes are serial anyway).
/// Memory holds two batches, whatever the number of files.
final class BatchReader {
    /// Files per batch: enough to keep every core busy, few enough to keep memory small.
    static let batchSize = 256

    private let library: Library
    private let trackGroups: Bool
    private let progress: (Int) -> Void
    private let writer = BatchWriter<StoreOutcome>()
    private var pending: [(folder: FolderRecord, change: FolderDiff.Change)] = []
    private var done = 0

    /// `progress` gets the number of files stored so far.
    init(library: Library, trackGroups: Bool, progress: @escaping (Int) -> Void) {
        self.library = library
        self.trackGroups = trackGroups
        self.progress = progress
    }

    /// Queues a file; reads a batch when one is full. What earlier batches stored is added
    /// to `outcome`.
    func add(folder: FolderRecord, _ change: FolderDiff.Change, into outcome: inout StoreOutcome) throws {
        pending.append((folder, change))
        if pending.count == BatchReader.batchSize { try flush(into: &outcome) }
    }

    /// Reads and stores what is queued, and waits for the writer.
    func finish(into outcome: inout StoreOutcome) throws {
        if !pending.isEmpty { try flush(into: &outcome) }
        try collect(into: &outcome)
    }

    private func flush(into outcome: inout StoreOutcome) throws {
        let batch = pending
        pending = []
        let (files, work) = readConcurrently(batch)
        try collect(into: &outcome)
        outcome.work.add(work)
        let trackGroups = self.trackGroups
        writer.start { [library] in
            try library.write { db in try Library.store(files, trackGroups: trackGroups, db) }
        }
        done += batch.count
    }

    /// Waits for the batch being stored, and reports it.
    private func collect(into outcome: inout StoreOutcome) throws {
        guard let stored = try writer.finish() else { return }
        outcome.add(stored)
        progress(done)
    }

    /// Reads, parses and prepares a batch on every core.
    private func readConcurrently(_ batch: [(folder: FolderRecord, change: FolderDiff.Change)]) -> ([ReadFile], SyncWork) {
        let slots = Slots<(ReadFile, SyncWork)>(count: batch.count)
        let root = library.root
        let parse = library.parse
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            let (folder, change) = batch[index]
            let path = folder.path(of: change.name)
            var work = SyncWork()
            let outcome: ReadFile.Outcome
            switch ArticleFileReader.read(root.appendingPathComponent(path), relativePath: path, parse: parse, work: &work) {
            case .skipped(let reason):
                outcome = .skipped(reason)
            case .article(let article):
                var clock = Stopwatch()
                outcome = .article(PreparedArticle(article))
                work.prepare += clock.lap()
            }
            slots.set(index, (ReadFile(folder: folder.id, name: change.name, path: path, fingerprint: change.fingerprint,
                                       previous: change.previous, outcome: outcome), work))
        }
        var files: [ReadFile] = []
        var work = SyncWork()
        for case let (file, fileWork)? in slots.values {
            files.append(file)
            work.add(fileWork)
        }
        return (files, work)
    }
}

/// Runs one job at a time on its own thread; `finish` waits for it and hands back its
/// result or rethrows its error.
final class BatchWriter<Output: Sendable>: @unchecked Sendable {
    private let queue = DispatchQueue(label: "cable.sync.writer")
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var result: Result<Output, Error>?

    func start(_ job: @escaping @Sendable () throws -> Output) {
        queue.async(group: group) {
            let outcome = Result { try job() }
            self.lock.lock()
            self.result = outcome
            self.lock.unlock()
        }
    }

    /// The running job's output (nil when none was running).
    func finish() throws -> Output? {
        group.wait()
        lock.lock()
        defer { result = nil; lock.unlock() }
        return try result?.get()
    }
}

/// Result slots that concurrent workers fill, one index each.
final class Slots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [T?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
