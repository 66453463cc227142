import Foundation
import GRDB

/// What changed in one folder since the index last saw it: files to read (new, or with
/// another size or modification time), files gone, and how many are as they were.
struct FolderDiff {
    struct Change {
        var name: String
        var fingerprint: Fingerprint
        /// The article the file held, when it held one: an edit carries its marks over.
        var previous: String?
    }

    var toRead: [Change] = []
    var removed: [FileRecord] = []
    var unchanged = 0

    var isEmpty: Bool { toRead.isEmpty && removed.isEmpty }

    /// Compares a folder's listing with its files in the index (both in name order, by
    /// UTF-8 bytes), in one pass over both.
    init(_ listing: FolderListing, known: [FileRecord]) {
        var next = known.startIndex
        for (name, fingerprint) in listing.files {
            var order = 1
            while next < known.endIndex {
                order = FolderListing.compare(known[next].name, name)
                guard order < 0 else { break }
                removed.append(known[next])
                next += 1
            }
            guard next < known.endIndex, order == 0 else {
                toRead.append(Change(name: name, fingerprint: fingerprint, previous: nil))
                continue
            }
            let old = known[next]
            next += 1
            if old.fingerprint != fingerprint {
                toRead.append(Change(name: name, fingerprint: fingerprint,
                                     previous: old.skip == nil ? old.article : nil))
            } else if old.skip == nil, old.article != nil {
                unchanged += 1
            }
        }
        removed += known[next...]
    }

    init(toRead: [Change] = [], removed: [FileRecord] = []) {
        self.toRead = toRead
        self.removed = removed
    }
}

/// Which folders a sync must list again (see `SyncCheck`), and how many files will be read,
/// for the progress line. Nothing is written: `Library.apply` lists these folders again and
/// acts on what it finds then.
struct FolderSurvey {
    /// A folder to list again: new to the index (`known` nil) or changed.
    struct Planned {
        var path: String
        var known: FolderRecord?
        /// Only these files of it (see `init(files:root:)`); nil for all.
        var only: Set<String>? = nil
    }

    var planned: [Planned] = []
    /// Folders in the index that are no longer there (or no longer readable folders).
    var gone: [FolderRecord] = []
    var toRead = 0
    var toRemove = 0
    var unchanged = 0

    let root: URL

    init(_ check: SyncCheck, root: URL, _ db: Database) throws {
        self.root = root
        var known: [String: FolderRecord] = [:]
        for folder in try FolderRecord.fetchAll(db, sql: "SELECT * FROM folder") { known[folder.path] = folder }
        switch check {
        case .files:
            var visited = Set<String>()
            try examine("", known: known, recursing: .everything, visited: &visited, db)
            gone = known.values.filter { !visited.contains($0.path) }
        case .folders:
            var visited = Set<String>()
            if known[""] == nil { try examine("", known: known, recursing: .newFolders, visited: &visited, db) }
            for folder in known.values.sorted(by: { $0.path < $1.path }) where !visited.contains(folder.path) {
                guard let mtime = FolderListing.modificationTime(ofFolder: fullPath(folder.path)) else {
                    gone.append(folder)
                    continue
                }
                if folder.mtime != mtime {
                    try examine(folder.path, known: known, recursing: .newFolders, visited: &visited, db)
                }
            }
        }
        gone.sort { $0.path < $1.path }
    }

    /// Some files alone, whatever their folders' times say.
    init(files paths: [String], root: URL) {
        self.root = root
        var names: [String: Set<String>] = [:]
        for path in paths {
            let (folder, name) = Library.splitPath(path)
            names[folder, default: []].insert(name)
        }
        planned = names.sorted { $0.key < $1.key }.map { Planned(path: $0.key, known: nil, only: $0.value) }
        toRead = paths.count
    }

    /// Which sub-folders an examination goes on into.
    private enum Recursion {
        /// Every one (the full check).
        case everything
        /// Those the index does not know (a known one is checked by its own time).
        case newFolders
    }

    /// Lists one folder and counts what changed in it; plans it when anything did.
    private mutating func examine(_ path: String, known: [String: FolderRecord], recursing: Recursion,
                                  visited: inout Set<String>, _ db: Database) throws {
        guard visited.insert(path).inserted else { return }
        guard let listing = FolderListing.read(fullPath(path)) else {
            if let record = known[path] { gone.append(record) }
            return
        }
        let record = known[path]
        let files = try record.map { try Library.files(inFolder: $0.id, db) } ?? []
        let diff = FolderDiff(listing, known: files)
        if record == nil || record?.mtime != listing.mtime || !diff.isEmpty {
            planned.append(Planned(path: path, known: record))
            toRead += diff.toRead.count
            toRemove += diff.removed.count
        } else {
            // A planned folder's unchanged files are counted when it is applied.
            unchanged += diff.unchanged
        }
        for name in listing.folders.sorted() {
            let child = path.isEmpty ? name : path + "/" + name
            if recursing == .everything || known[child] == nil {
                try examine(child, known: known, recursing: recursing, visited: &visited, db)
            }
        }
    }

    func fullPath(_ path: String) -> String { path.isEmpty ? root.path : root.path + "/" + path }
}

extension Library {
    /// The index's files of one folder, in name order (by UTF-8 bytes).
    static func files(inFolder folder: Int64, _ db: Database) throws -> [FileRecord] {
        try FileRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM file WHERE folder = ? ORDER BY name"),
                                arguments: [folder])
    }
}
