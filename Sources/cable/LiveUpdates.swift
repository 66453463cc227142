import CableCore
import CableUI
import Foundation
import Glibc

/// Keeps the running UI in step with the library: the first sync (the list filling as it
/// goes), then files added, changed or removed in the folder (inotify, or a look at the
/// folders' modification times every few seconds where inotify is not to be had), and marks
/// or articles changed by other processes (the state and index files' sizes and times).
/// Runs on its own thread and tells the UI through the mailbox.
final class LiveUpdates: @unchecked Sendable {
    let library: Library
    let mailbox: Mailbox
    /// How often to look, and how long the folder must be quiet before a sync (a copy of many
    /// files is one sync, not one per file).
    static let tick: TimeInterval = 0.25
    static let quiet: TimeInterval = 0.4
    /// The longest a change waits for the folder to be quiet: files arriving one after
    /// another (a feed fetch) are synced every few seconds, not only when they stop.
    static let longestWait: TimeInterval = 2
    /// While a sync runs, how often the list is reloaded so it fills as the sync goes.
    static let fillInterval: TimeInterval = 1

    private var watcher: FolderWatcher
    private var indexStamp: FileStamp
    private var stateStamp: FileStamp

    init(library: Library, mailbox: Mailbox) {
        self.library = library
        self.mailbox = mailbox
        watcher = FolderWatcher(root: library.root)
        indexStamp = FileStamp(library.locations.index)
        stateStamp = FileStamp(library.locations.state)
    }

    /// Never returns: the thread ends with the process.
    func run() {
        sync(first: true)
        var changedAt: Date?
        var firstChangeAt: Date?
        while true {
            Thread.sleep(forTimeInterval: Self.tick)
            if watcher.changed() {
                changedAt = Date()
                if firstChangeAt == nil { firstChangeAt = changedAt }
            }
            if let since = changedAt, let first = firstChangeAt,
               Date().timeIntervalSince(since) >= Self.quiet || Date().timeIntervalSince(first) >= Self.longestWait {
                changedAt = nil
                firstChangeAt = nil
                sync(first: false)
            }
            let index = FileStamp(library.locations.index)
            if index != indexStamp {
                indexStamp = index
                mailbox.post(.library(.changed))
            }
            let state = FileStamp(library.locations.state)
            if state != stateStamp {
                stateStamp = state
                mailbox.post(.library(.marksChanged))
            }
        }
    }

    /// An incremental sync, saying what it did; while it runs the list is reloaded every
    /// second, so a large first sync shows its articles as they are indexed.
    func sync(first: Bool) {
        var lastPercent = -1
        var lastFill = Date()
        do {
            let report = try library.sync { [mailbox] progress in
                guard progress.total > 0 else { return }
                if Date().timeIntervalSince(lastFill) >= Self.fillInterval {
                    lastFill = Date()
                    mailbox.post(.library(.changed))
                }
                // One message per percent is plenty for a status line.
                let percent = progress.done * 100 / progress.total
                guard percent != lastPercent else { return }
                lastPercent = percent
                mailbox.post(.library(.progress("Syncing \(NumberText.grouped(progress.done)) of "
                    + "\(NumberText.grouped(progress.total)) files…")))
            }
            mailbox.post(.library(.progress(nil)))
            let changed = report.added + report.updated + report.removed
            if changed > 0 {
                mailbox.post(.library(.changed))
                mailbox.post(.library(.notice(SyncNotice.changed(added: report.added, updated: report.updated,
                                                                 removed: report.removed))))
            }
            if first, !report.skipped.isEmpty {
                mailbox.post(.library(.notice(
                    "\(NumberText.grouped(report.skipped.count)) file(s) skipped; `cable sync` says why")))
            }
        } catch {
            mailbox.post(.library(.progress(nil)))
            mailbox.post(.library(Library.isDamage(error) ? .indexDamaged : .failed("Sync failed: \(ErrorText.describe(error))")))
        }
        // What this sync wrote is known; only others' writes after it are news.
        indexStamp = FileStamp(library.locations.index)
    }
}

/// A database file's size and modification time, with its write-ahead log's: any commit
/// by any process changes one of them.
struct FileStamp: Equatable {
    var parts: [Int64] = []

    init(_ database: URL) {
        for path in [database.path, database.path + "-wal"] {
            var info = stat()
            if stat(path, &info) == 0 {
                parts += [Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec)]
            } else {
                parts += [-1, -1, -1]
            }
        }
    }
}

/// Tells whether anything in a folder tree changed since it was last asked: inotify on every
/// (non-hidden) folder, or, where that fails, the folders' modification times every few
/// seconds (a file added, removed or renamed changes its folder's).
struct FolderWatcher {
    let root: URL
    private var descriptor: Int32 = -1
    private var watched: [Int32: String] = [:]
    private var times: [String: Int64] = [:]
    private var lastPoll = Date()
    static let pollInterval: TimeInterval = 2
    static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB)

    init(root: URL) {
        self.root = root
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        for folder in Self.folders(under: root.path) where !watch(folder) {
            // Out of watches (a very large tree): fall back to looking at times.
            close(descriptor)
            descriptor = -1
            watched = [:]
            break
        }
        if descriptor < 0 { times = Self.folderTimes(under: root.path) }
    }

    private mutating func watch(_ folder: String) -> Bool {
        guard descriptor >= 0 else { return false }
        let handle = inotify_add_watch(descriptor, folder, Self.mask)
        guard handle >= 0 else { return false }
        watched[handle] = folder
        return true
    }

    mutating func changed() -> Bool {
        descriptor >= 0 ? drainEvents() : pollTimes()
    }

    /// Reads every event waiting; new folders are watched too. Hidden names are not the
    /// library's, so they change nothing.
    private mutating func drainEvents() -> Bool {
        var changed = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return changed }
            var offset = 0
            let headerSize = MemoryLayout<inotify_event>.size
            while offset + headerSize <= count {
                let (handle, mask, length) = buffer.withUnsafeBytes { bytes -> (Int32, UInt32, Int) in
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + length)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += headerSize + length
                guard !name.hasPrefix(".") else { continue }
                changed = true
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                   let parent = watched[handle] {
                    for folder in Self.folders(under: parent + "/" + name) { _ = watch(folder) }
                }
            }
        }
    }

    private mutating func pollTimes() -> Bool {
        guard Date().timeIntervalSince(lastPoll) >= Self.pollInterval else { return false }
        lastPoll = Date()
        let now = Self.folderTimes(under: root.path)
        defer { times = now }
        return now != times
    }

    /// The folder and every non-hidden folder below it.
    static func folders(under path: String) -> [String] {
        var found = [path]
        var index = 0
        while index < found.count {
            let folder = found[index]
            index += 1
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where !name.hasPrefix(".") {
                var isFolder = ObjCBool(false)
                let child = folder + "/" + name
                if FileManager.default.fileExists(atPath: child, isDirectory: &isFolder), isFolder.boolValue {
                    found.append(child)
                }
            }
        }
        return found
    }

    static func folderTimes(under path: String) -> [String: Int64] {
        var times: [String: Int64] = [:]
        for folder in folders(under: path) {
            var info = stat()
            if stat(folder, &info) == 0 {
                times[folder] = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            }
        }
        return times
    }
}
