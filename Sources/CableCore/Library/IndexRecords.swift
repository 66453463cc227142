import Foundation
import GRDB

// The rows of the index (see `IndexSchema`), read by column name: rows read now and then
// decode by their `Codable` keys; rows read by the hundred thousand (files in a full check,
// links in a resolution, articles in a rebuild) name their columns in `init(row:)`, which
// measured twice as fast. Rows written in bulk by sync go through one cached INSERT each
// (`insert`), beside the record's columns: GRDB's generic `PersistableRecord.insert` builds its
// statement for every row, which measured two to three times the cost of the row itself on
// the sync writer.

/// A folder of the library, with its modification time when it was last listed.
struct FolderRecord: Codable, FetchableRecord, Sendable {
    var id: Int64
    /// Relative to the library, without a trailing `/`; '' for the library itself.
    var path: String
    /// Nanoseconds since 1970; nil when the folder must be listed at the next check.
    var mtime: Int64?

    /// A file's path relative to the library.
    func path(of name: String) -> String { path.isEmpty ? name : path + "/" + name }
}

/// A file as sync last saw it, and what it holds: an article, or why it is skipped.
struct FileRecord: FetchableRecord, Sendable {
    var folder: Int64
    var name: String
    var fingerprint: Fingerprint
    /// The id of the article read from it (also for a skipped duplicate).
    var article: String?
    var skip: String?

    enum Columns {
        static let folder = Column("folder")
        static let name = Column("name")
        static let size = Column("size")
        static let mtime = Column("mtime")
        static let article = Column("article")
        static let skip = Column("skip")
    }

    init(row: Row) throws {
        folder = row[Columns.folder]
        name = row[Columns.name]
        fingerprint = Fingerprint(size: row[Columns.size], mtime: row[Columns.mtime])
        article = row[Columns.article]
        skip = row[Columns.skip]
    }

    init(folder: Int64, name: String, fingerprint: Fingerprint, article: String?, skip: String?) {
        self.folder = folder
        self.name = name
        self.fingerprint = fingerprint
        self.article = article
        self.skip = skip
    }

    /// Inserts or replaces the file's row.
    func save(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO file(folder, name, size, mtime, article, skip) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [folder, name, fingerprint.size, fingerprint.mtime, article, skip])
    }
}

/// What lists, filters and link resolution need of an article (the rest is in its file).
struct ArticleRecord: FetchableRecord, Sendable {
    /// Its number: in date order, see `Library.orderKey`.
    var rid: Int64
    var id: String
    /// The id older Cable gave its text (`ArticleID.legacy(forContent:)`), when known.
    var legacyID: String?
    /// The file it is read from, relative to the library.
    var file: String
    var title: String
    /// Seconds since 1970.
    var published: Double?
    var source: String?
    var url: String?
    /// `url` as link resolution compares it (`URLKey`).
    var urlKey: String?
    /// The page's tags in page order (`TagList`).
    var tags: String
    var titleKey: String
    var matchGroup: Int64
    var prefixGroup: Int64?

    enum Columns {
        static let rid = Column("rid")
        static let id = Column("id")
        static let legacyID = Column("legacyID")
        static let file = Column("file")
        static let title = Column("title")
        static let published = Column("published")
        static let source = Column("source")
        static let url = Column("url")
        static let urlKey = Column("urlKey")
        static let tags = Column("tags")
        static let titleKey = Column("titleKey")
        static let matchGroup = Column("matchGroup")
        static let prefixGroup = Column("prefixGroup")
    }

    init(row: Row) throws {
        rid = row[Columns.rid]
        id = row[Columns.id]
        legacyID = row[Columns.legacyID]
        file = row[Columns.file]
        title = row[Columns.title]
        published = row[Columns.published]
        source = row[Columns.source]
        url = row[Columns.url]
        urlKey = row[Columns.urlKey]
        tags = row[Columns.tags]
        titleKey = row[Columns.titleKey]
        matchGroup = row[Columns.matchGroup]
        prefixGroup = row[Columns.prefixGroup]
    }

    init(rid: Int64, id: String, legacyID: String?, file: String, title: String, published: Double?, source: String?,
         url: String?, urlKey: String?, tags: String, titleKey: String, matchGroup: Int64, prefixGroup: Int64?) {
        self.rid = rid
        self.id = id
        self.legacyID = legacyID
        self.file = file
        self.title = title
        self.published = published
        self.source = source
        self.url = url
        self.urlKey = urlKey
        self.tags = tags
        self.titleKey = titleKey
        self.matchGroup = matchGroup
        self.prefixGroup = prefixGroup
    }

    func insert(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO article(rid, id, legacyID, file, title, published, source, sourceKey, url, urlKey, tags,
                titleKey, matchGroup, prefixGroup)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [rid, id, legacyID, file, title, published, source, source?.lowercased(), url,
                                     urlKey, tags, titleKey, matchGroup, prefixGroup])
    }

    static func fetch(id: String, _ db: Database) throws -> ArticleRecord? {
        try ArticleRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM article WHERE id = ?"), arguments: [id])
    }
}

/// One page tag of one article.
struct TagRecord: Sendable {
    var tagKey: String
    var article: Int64
    var tag: String

    func insert(_ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO tag(tagKey, article, tag) VALUES (?, ?, ?)")
            .execute(arguments: [tagKey, article, tag])
    }
}

/// A quote as the quote list shows it; the speaker by number: the spelling (`speaker`) and
/// who that is within the article (`person`).
struct QuoteRecord: Sendable {
    var article: Int64
    var ord: Int
    var text: String
    var speaker: Int64?
    var person: Int64?
    var role: String?
    var paragraph: Int

    func insert(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO quote(article, ord, text, speaker, person, role, paragraph) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [article, ord, text, speaker, person, role, paragraph])
    }
}

/// A headline a page names, and the article it resolved to (nil while none matches).
struct LinkRecord: FetchableRecord, Sendable {
    var article: Int64
    /// Its place among the page's explicit links (`ExplicitLinks`).
    var ord: Int
    var key: String
    var truncated: Bool
    /// The group a match must be in (`HeadlineMatcher.group`); nil when nothing can match.
    var grp: Int64?
    /// The link's address as `URLKey` compares it; nil when the page gave none.
    var urlKey: String?
    var target: Int64?

    enum Columns {
        static let article = Column("article")
        static let ord = Column("ord")
        static let key = Column("key")
        static let truncated = Column("truncated")
        static let grp = Column("grp")
        static let urlKey = Column("urlKey")
        static let target = Column("target")
    }

    init(row: Row) throws {
        article = row[Columns.article]
        ord = row[Columns.ord]
        key = row[Columns.key]
        truncated = row[Columns.truncated]
        grp = row[Columns.grp]
        // Resolution by headline reads links without this column (its index does not hold it).
        urlKey = row.hasColumn("urlKey") ? row[Columns.urlKey] : nil
        target = row[Columns.target]
    }

    init(article: Int64, ord: Int, key: String, truncated: Bool, grp: Int64?, urlKey: String? = nil,
         target: Int64? = nil) {
        self.article = article
        self.ord = ord
        self.key = key
        self.truncated = truncated
        self.grp = grp
        self.urlKey = urlKey
        self.target = target
    }

    func insert(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO link(article, ord, key, truncated, grp, urlKey, target) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [article, ord, key, truncated, grp, urlKey, target])
    }
}

/// A row of the kept tag counts (page tags over every article).
struct TagCountRecord: Codable, FetchableRecord, Sendable {
    var tagKey: String
    var tag: String
    var count: Int
}

/// The user's marks on one article (`state.mark`).
struct MarkRecord: Codable, FetchableRecord, Sendable {
    var id: String
    var read: Bool
    var starred: Bool
}

/// One of the user's own tags on one article (`state.userTag`).
struct UserTagRecord: Codable, FetchableRecord, Sendable {
    var id: String
    var tagKey: String
    var tag: String
}

/// The small key-value table of the index (`meta`): kept counts and versions.
enum IndexMeta {
    /// The number of articles, kept up to date by every sync.
    static let articles = "articles"
    /// The article count when `termStat` was last copied.
    static let termStatArticles = "termStatArticles"
    static let parserVersion = "parserVersion"
    /// A message for the user from a migration, shown once.
    static let notice = "notice"
    /// Set when a sync met state under old ids it could not carry (the state could not be
    /// written): the next sync that can write it carries all of it (`LegacyState`).
    static let legacyStatePending = "legacyStatePending"

    static func int(_ key: String, _ db: Database) throws -> Int? {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE key = ?"), arguments: [key])
    }

    static func set(_ key: String, _ value: (any DatabaseValueConvertible)?, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")
            .execute(arguments: [key, value])
    }
}

/// An article's page tags as one column, in page order: one a line. (A tag is a run of a
/// tag line, so it has no line break; one that somehow does is listed with a space there.)
enum TagList {
    static func encode(_ tags: [String]) -> String {
        tags.map { $0.contains(where: \.isNewline) ? String($0.map { $0.isNewline ? " " : $0 }) : $0 }
            .joined(separator: "\n")
    }

    static func decode(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
