import CableCore
import CableFetch
import Foundation
import GRDB

/// What Cable remembers about fetching each feed into a library, kept out of the OPML file
/// (which is the user's): the feed's folder, its validators for conditional requests, when it
/// was last fetched and what went wrong, and every item seen, so an item is fetched once.
///
/// SQLite (through GRDB) rather than a file rewritten whole: each item is noted in its own
/// small transaction the moment its page is saved, so a fetch killed at any point has noted
/// everything it saved; the seen items of large feeds are looked up by key, not loaded and
/// rewritten on every fetch; and a reader (`cable feeds list`, the TUI) can look while a
/// fetch writes. One file for all libraries, `$XDG_STATE_HOME/cable/feeds.sqlite`, keyed by
/// the library's folder: it is bookkeeping, not the user's data, and losing it costs only
/// a re-download (pages already saved are recognised by their first line).
public final class FeedStateStore: Sendable {
    private let pool: DatabasePool

    public static func standardLocation(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        XDG.stateHome(environment).appendingPathComponent("cable/feeds.sqlite")
    }

    public init(at url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // A commit survives the process being killed; only a power cut can lose the last few.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        pool = try DatabasePool(path: url.path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE feed (
                    library TEXT NOT NULL, url TEXT NOT NULL, folder TEXT, title TEXT,
                    etag TEXT, lastModified TEXT, lastFetched DATETIME, lastAttempt DATETIME, lastError TEXT,
                    itemCount INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (library, url));
                CREATE TABLE item (
                    library TEXT NOT NULL, feed TEXT NOT NULL, key TEXT NOT NULL, link TEXT, file TEXT,
                    fromFeed BOOLEAN NOT NULL DEFAULT 0, done BOOLEAN NOT NULL DEFAULT 0,
                    attempts INTEGER NOT NULL DEFAULT 0, lastError TEXT, recorded DATETIME NOT NULL,
                    PRIMARY KEY (library, feed, key));
                CREATE INDEX itemByLink ON item(library, link);
                """)
        }
        return migrator
    }

    // MARK: Feeds

    public func feed(library: String, url: String) throws -> FeedRecord? {
        try pool.read { db in try FeedRecord.fetchOne(db, key: ["library": library, "url": url]) }
    }

    public func feeds(library: String) throws -> [FeedRecord] {
        try pool.read { db in try FeedRecord.filter(Column("library") == library).fetchAll(db) }
    }

    public func save(_ record: FeedRecord) throws {
        try pool.write { db in try record.save(db) }
    }

    /// The feed's folder under `feeds/`: the one it has, else `preferred` (or `preferred (2)`,
    /// … when another feed of the library has it), noted at once.
    public func folder(library: String, url: String, preferred: String) throws -> String {
        try pool.write { db in
            var record = try FeedRecord.fetchOne(db, key: ["library": library, "url": url])
                ?? FeedRecord(library: library, url: url)
            if let folder = record.folder { return folder }
            let taken = Set(try String.fetchAll(db, sql: "SELECT folder FROM feed WHERE library = ? AND folder IS NOT NULL",
                                                arguments: [library]).map { $0.lowercased() })
            var name = preferred
            var attempt = 1
            while taken.contains(name.lowercased()) {
                attempt += 1
                name = "\(preferred) (\(attempt))"
            }
            record.folder = name
            try record.save(db)
            return name
        }
    }

    // MARK: Items

    /// The items of a feed that need nothing more (saved, or given up), by key.
    public func doneKeys(library: String, feed: String) throws -> Set<String> {
        try pool.read { db in
            Set(try String.fetchAll(db, sql: "SELECT key FROM item WHERE library = ? AND feed = ? AND done",
                                    arguments: [library, feed]))
        }
    }

    public func item(library: String, feed: String, key: String) throws -> ItemRecord? {
        try pool.read { db in try ItemRecord.fetchOne(db, key: ["library": library, "feed": feed, "key": key]) }
    }

    /// The file already saved in the library from an item with this link (in any feed).
    public func savedFile(library: String, link: String) throws -> String? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT file FROM item WHERE library = ? AND link = ? AND file IS NOT NULL",
                                arguments: [library, link])
        }
    }

    public func record(_ item: ItemRecord) throws {
        try pool.write { db in try item.save(db) }
    }

    /// How many items of each feed of the library have been saved as files.
    public func savedCounts(library: String) throws -> [String: Int] {
        try pool.read { db in
            var counts: [String: Int] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT feed, COUNT(*) FROM item WHERE library = ? AND file IS NOT NULL GROUP BY feed
                """, arguments: [library])
            for row in rows { counts[row[0]] = row[1] }
            return counts
        }
    }
}

/// One feed's bookkeeping in one library.
public struct FeedRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "feed"

    public var library: String
    public var url: String
    /// The folder under `<library>/feeds/` its articles go to, once it has been read.
    public var folder: String?
    /// The title the feed gives itself.
    public var title: String?
    public var etag: String?
    public var lastModified: String?
    /// When it was last fetched whole (or found unchanged).
    public var lastFetched: Date?
    public var lastAttempt: Date?
    /// What went wrong the last time, nil after a fetch that went well.
    public var lastError: String?
    /// Items in the feed the last time it was read.
    public var itemCount = 0

    public init(library: String, url: String, folder: String? = nil) {
        self.library = library
        self.url = url
        self.folder = folder
    }

    public var validators: Validators {
        get { Validators(etag: etag, lastModified: lastModified) }
        set {
            etag = newValue.etag
            lastModified = newValue.lastModified
        }
    }
}

/// One item seen in a feed of a library: where its article went, or why it has none yet.
public struct ItemRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "item"

    public var library: String
    public var feed: String
    public var key: String
    public var link: String?
    /// The article's file, relative to the library; nil when none was saved (the library
    /// had the article already, or the item was given up).
    public var file: String?
    /// Saved from the feed's own text, the page being out of reach.
    public var fromFeed = false
    /// Nothing more to do: saved, already in the library, or given up after `attempts`.
    public var done = false
    public var attempts = 0
    public var lastError: String?
    public var recorded = Date()

    public init(library: String, feed: String, key: String, link: String?) {
        self.library = library
        self.feed = feed
        self.key = key
        self.link = link
    }
}
