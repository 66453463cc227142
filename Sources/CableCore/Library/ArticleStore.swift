import Foundation
import GRDB

/// A file sync has read (or could not read), with what it read.
struct ReadFile: Sendable {
    var folder: Int64
    var name: String
    /// Relative to the library.
    var path: String
    var fingerprint: Fingerprint
    /// The article the file held before, when it held one (see `FolderDiff.Change`).
    var previous: String?
    var outcome: Outcome

    enum Outcome: Sendable {
        case article(PreparedArticle)
        case skipped(String)
    }
}

/// What storing a batch did, for the report and the steps after the last batch.
struct StoreOutcome: Sendable {
    var added = 0
    /// Articles new to the index.
    var inserted = 0
    /// Files touched without a change of text.
    var unchanged = 0
    /// (old id, new id) for each file whose text changed in place: an edit if the old text
    /// is gone from the library once every batch is stored (`Library.carryEditedState`).
    var replaced: [(old: String, new: String)] = []
    /// Articles that lost a file: gone, unless another file still holds them (`settle`).
    var orphans = Set<String>()
    /// Old ids (`ArticleID.legacy(forContent:)`) of new articles that hold state, to be
    /// carried to the articles' ids (`LegacyState`).
    var legacyIDs = Set<String>()
    /// Tag keys whose counts changed.
    var tagKeys = Set<String>()
    var work = SyncWork()

    mutating func add(_ other: StoreOutcome) {
        added += other.added
        inserted += other.inserted
        unchanged += other.unchanged
        replaced += other.replaced
        orphans.formUnion(other.orphans)
        legacyIDs.formUnion(other.legacyIDs)
        tagKeys.formUnion(other.tagKeys)
        work.add(other.work)
    }
}

/// Writing articles into the index and taking them out: the writer's side of sync. Each
/// function runs inside one write transaction.
extension Library {
    /// Stores a batch of read files. A file another process stored meanwhile (the same
    /// fingerprint) is left as it is; a file whose text did not change only gets its new
    /// fingerprint; a file whose text is another article's is a duplicate of it, unless that
    /// article's own file is gone (moved), in which case this file takes it over.
    /// `trackGroups`: mark the groups of new titles and links as pending (off in a load that
    /// resolves every group anyway).
    static func store(_ files: [ReadFile], trackGroups: Bool, _ db: Database) throws -> StoreOutcome {
        var outcome = StoreOutcome()
        var speakers = SpeakerNumbers()
        for file in files {
            let current = try FileRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM file WHERE folder = ? AND name = ?"),
                arguments: [file.folder, file.name])
            if current?.fingerprint == file.fingerprint { continue }
            var record = FileRecord(folder: file.folder, name: file.name, fingerprint: file.fingerprint,
                                    article: nil, skip: nil)
            if case .article(let prepared) = file.outcome, let current, current.article == prepared.article.id.rawValue {
                record.article = current.article
                record.skip = current.skip
                try record.save(db)
                if current.skip == nil { outcome.unchanged += 1 }
                continue
            }
            if let old = current?.article { outcome.orphans.insert(old) }
            switch file.outcome {
            case .skipped(let reason):
                record.skip = reason
            case .article(let prepared):
                let id = prepared.article.id.rawValue
                record.article = id
                if let existing = try ArticleRecord.fetch(id: id, db) {
                    if try holds(existing.file, id, db) {
                        record.skip = "duplicate of \(existing.file)"
                    } else {
                        try moveArticle(id, to: file.path, db)
                        outcome.added += 1
                    }
                } else {
                    var clock = Stopwatch()
                    let fullText = try insert(prepared, path: file.path, trackGroups: trackGroups,
                                              speakers: &speakers, db)
                    outcome.work.write += clock.lap() - fullText
                    outcome.work.fullText += fullText
                    outcome.tagKeys.formUnion(prepared.tags.map(\.key))
                    outcome.added += 1
                    outcome.inserted += 1
                    if let previous = file.previous, previous != id { outcome.replaced.append((previous, id)) }
                    if let legacy = prepared.article.legacyID?.rawValue, try hasState(legacy, db) {
                        outcome.legacyIDs.insert(legacy)
                    }
                }
            }
            try record.save(db)
        }
        if outcome.inserted > 0 {
            try db.cachedStatement(sql: "UPDATE meta SET value = value + ? WHERE key = 'articles'")
                .execute(arguments: [outcome.inserted])
        }
        // Exactly when the sync will run the steps after storing (`changed` in `run`).
        if outcome.added > 0 || !outcome.orphans.isEmpty { try markUnfinishedSync(db) }
        return outcome
    }

    /// Whether the file at `path` is there in the index holding article `id` as its own.
    static func holds(_ path: String, _ id: String, _ db: Database) throws -> Bool {
        let (folder, name) = splitPath(path)
        return try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT 1 FROM file f JOIN folder d ON d.id = f.folder
            WHERE d.path = ? AND f.name = ? AND f.article = ? AND f.skip IS NULL
            """), arguments: [folder, name, id]) ?? false
    }

    /// The article is now read from `path` (its old file went, or is another article now).
    static func moveArticle(_ id: String, to path: String, _ db: Database) throws {
        try db.cachedStatement(sql: "UPDATE article SET file = ? WHERE id = ?").execute(arguments: [path, id])
    }

    /// (folder path, file name) of a relative path.
    static func splitPath(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// Adds an article and everything the index keeps of it. Returns the seconds spent on
    /// the full-text index (for the report's split of the writer's time).
    static func insert(_ prepared: PreparedArticle, path: String, trackGroups: Bool,
                       speakers: inout SpeakerNumbers, _ db: Database) throws -> Double {
        let article = prepared.article
        var rid = orderKey(published: article.published, id: article.id)
        // A number still in the full-text index (a removed article's) is taken too.
        let taken = try db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM article WHERE rid = ?1) OR EXISTS (SELECT 1 FROM ftsDead WHERE rid = ?1)
            """)
        while try Bool.fetchOne(taken, arguments: [rid]) == true { rid += 1 }
        try ArticleRecord(rid: rid, id: article.id.rawValue, legacyID: article.legacyID?.rawValue, file: path,
                          title: article.title, published: article.published?.timeIntervalSince1970,
                          source: article.source, url: article.url, urlKey: prepared.urlKey, tags: prepared.tagList, titleKey: prepared.titleKey,
                          matchGroup: prepared.matchGroup, prefixGroup: prepared.prefixGroup).insert(db)
        var clock = Stopwatch()
        try db.cachedStatement(sql: "INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)")
            .execute(arguments: [rid, article.title, prepared.body])
        let fullText = clock.lap()
        for (key, tag) in prepared.tags {
            try TagRecord(tagKey: key, article: rid, tag: tag).insert(db)
        }
        for (ord, (quote, names)) in zip(article.quotes, articleSpeakerKeys(article.quotes)).enumerated() {
            var speaker: Int64?
            var person: Int64?
            if let names {
                speaker = try spellingNumber(names.spelling, &speakers, db)
                person = try personNumber(names.key, spelling: names.spelling, &speakers, db)
            }
            try QuoteRecord(article: rid, ord: ord, text: quote.text, speaker: speaker, person: person,
                            role: quote.role, paragraph: quote.paragraph).insert(db)
        }
        for (ord, link) in prepared.links.enumerated() {
            try LinkRecord(article: rid, ord: ord, key: link.key, truncated: link.truncated, grp: link.grp,
                           urlKey: link.urlKey).insert(db)
            if trackGroups {
                try markLinkPending(truncated: link.truncated, grp: link.grp, db)
                try markURLPending(link.urlKey, db)
            }
        }
        if trackGroups {
            try markGroupsPending(matchGroup: prepared.matchGroup, prefixGroup: prepared.prefixGroup, db)
            try markURLPending(prepared.urlKey, db)
        }
        return fullText
    }

    /// Forgets files that are gone; returns the articles they held (see `settle`).
    static func forget(_ files: [FileRecord], _ db: Database) throws -> Set<String> {
        var orphans = Set<String>()
        let delete = try db.cachedStatement(sql: "DELETE FROM file WHERE folder = ? AND name = ?")
        for file in files {
            try delete.execute(arguments: [file.folder, file.name])
            if let article = file.article { orphans.insert(article) }
        }
        if !orphans.isEmpty { try markUnfinishedSync(db) }
        return orphans
    }

    /// Forgets a folder that is gone, with its files; returns the articles they held and how
    /// many files there were.
    static func forget(folder: FolderRecord, _ db: Database) throws -> (orphans: Set<String>, files: Int) {
        let files = try FileRecord.fetchAll(db, sql: "SELECT * FROM file WHERE folder = ?", arguments: [folder.id])
        let orphans = try forget(files, db)
        try db.execute(sql: "DELETE FROM folder WHERE id = ?", arguments: [folder.id])
        return (orphans, files.count)
    }

    /// What became of articles that lost a file: one still held by another file is read from
    /// it (the first by path); one no file holds any more is removed. Returns how many files
    /// took an article over, and the tag keys of removed articles.
    static func settle(_ orphans: some Sequence<String>, _ db: Database) throws -> (movedTo: Int, tagKeys: Set<String>) {
        var moved = 0
        var tagKeys = Set<String>()
        for id in orphans {
            guard let article = try ArticleRecord.fetch(id: id, db) else { continue }
            if try holds(article.file, id, db) { continue }
            let holder = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT d.path, f.folder, f.name FROM file f JOIN folder d ON d.id = f.folder
                WHERE f.article = ? ORDER BY d.path, f.name LIMIT 1
                """), arguments: [id])
            if let holder {
                let folder = FolderRecord(id: holder["folder"], path: holder["path"], mtime: nil)
                try moveArticle(id, to: folder.path(of: holder["name"]), db)
                try db.cachedStatement(sql: "UPDATE file SET skip = NULL WHERE folder = ? AND name = ?")
                    .execute(arguments: [folder.id, holder["name"] as String])
                moved += 1
            } else {
                tagKeys.formUnion(try deleteArticle(article, db))
            }
        }
        return (moved, tagKeys)
    }

    /// Removes an article from the index; returns its tag keys (their counts change). Its
    /// words stay in the contentless full-text index (the text to remove them with went with
    /// its file): its number is kept in `ftsDead` and never given to another article.
    @discardableResult
    static func deleteArticle(_ article: ArticleRecord, _ db: Database) throws -> Set<String> {
        try markGroupsPending(matchGroup: article.matchGroup, prefixGroup: article.prefixGroup, db)
        // Links to it by address may find another article with the same one.
        try markURLPending(article.urlKey, db)
        for link in try LinkRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM link WHERE target = ?"),
                                            arguments: [article.rid]) {
            try markLinkPending(truncated: link.truncated, grp: link.grp, db)
        }
        let tagKeys = Set(try String.fetchAll(db.cachedStatement(sql: "SELECT tagKey FROM tag WHERE article = ?"),
                                              arguments: [article.rid]))
        try markSpeakersPending(article: article.rid, db)
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO ftsDead(rid) VALUES (?)").execute(arguments: [article.rid])
        try db.cachedStatement(sql: "DELETE FROM article WHERE rid = ?").execute(arguments: [article.rid])
        try db.cachedStatement(sql: "UPDATE meta SET value = value - 1 WHERE key = 'articles'").execute()
        return tagKeys
    }

    /// A file's content changed in place. That is an edit (its marks and tags follow the new
    /// text) only if the old text is gone from the library: when it moved to another file
    /// (renamed, and a new story saved under the old name) or two files swapped contents,
    /// the old article still exists and keeps its own marks, and the new one starts clean.
    /// Decided after every batch is stored, because the moved copy may be in a later batch.
    /// Returns how many were edits.
    static func carryEditedState(_ pairs: [(old: String, new: String)], _ db: Database) throws -> Int {
        var carried = 0
        for (old, new) in pairs {
            let gone = try Bool.fetchOne(db.cachedStatement(
                sql: "SELECT NOT EXISTS (SELECT 1 FROM file WHERE article = ?)"), arguments: [old]) ?? false
            let present = try Bool.fetchOne(db.cachedStatement(
                sql: "SELECT EXISTS (SELECT 1 FROM article WHERE id = ?)"), arguments: [new]) ?? false
            guard gone, present else { continue }
            try copyState(from: old, to: new, db)
            carried += 1
        }
        return carried
    }

    /// Gives article `new` the marks and tags of `old`, added to its own (read or starred if
    /// either is, the tags of both).
    static func copyState(from old: String, to new: String, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO state.mark(id, read, starred)
                SELECT ?, read, starred FROM state.mark WHERE id = ?
            ON CONFLICT(id) DO UPDATE SET read = max(read, excluded.read),
                                          starred = max(starred, excluded.starred)
            """).execute(arguments: [new, old])
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO state.userTag(id, tagKey, tag)
                SELECT ?, tagKey, tag FROM state.userTag WHERE id = ?
            """).execute(arguments: [new, old])
    }

    /// Counts again the tags whose articles changed (all of them when `keys` is nil): the
    /// unfiltered tag list is read on every screen, so it is kept, not counted each time.
    static func recountTags(_ keys: Set<String>?, _ db: Database) throws {
        guard let keys else {
            try db.execute(sql: """
                DELETE FROM tagCount;
                INSERT INTO tagCount(tagKey, tag, count) SELECT tagKey, min(tag), count(*) FROM tag GROUP BY tagKey;
                """)
            return
        }
        for key in keys {
            try db.cachedStatement(sql: "DELETE FROM tagCount WHERE tagKey = ?").execute(arguments: [key])
            try db.cachedStatement(sql: """
                INSERT INTO tagCount(tagKey, tag, count)
                SELECT tagKey, min(tag), count(*) FROM tag WHERE tagKey = ? GROUP BY tagKey
                """).execute(arguments: [key])
        }
    }

    /// Copies document frequencies out of the full-text index for `similar`. A full pass
    /// over the index, so on a large library it is redone only when the article count has
    /// moved by 2% since the last one (frequencies barely change between).
    static func refreshTermStats(_ db: Database) throws {
        let articles = try IndexMeta.int(IndexMeta.articles, db) ?? 0
        let last = try IndexMeta.int(IndexMeta.termStatArticles, db)
        if let last, articles > 5000, abs(articles - last) * 50 < articles { return }
        try db.execute(sql: """
            DELETE FROM termStat;
            INSERT INTO termStat(term, doc) SELECT term, doc FROM ftsVocab WHERE doc > 1;
            """)
        try IndexMeta.set(IndexMeta.termStatArticles, articles, db)
    }

    static func tagKey(_ tag: String) -> String {
        // Sync keys every tag of every article: plain-ASCII tags (most) skip Foundation.
        if tag.utf8.allSatisfy({ $0 < 0x80 }) {
            // `.whitespaces` in ASCII is space and tab.
            let bytes = tag.utf8.drop { $0 == 0x20 || $0 == 0x09 }
            let end = bytes.lastIndex { $0 != 0x20 && $0 != 0x09 }.map { bytes.index(after: $0) } ?? bytes.startIndex
            return String(decoding: bytes[..<end].map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        return tagKeyGeneral(tag)
    }

    static func tagKeyGeneral(_ tag: String) -> String {
        tag.replacingOccurrences(of: "\u{00A0}", with: " ")
            .trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// An article's number in the index, in date order: the publication second in the high
    /// bits, 20 bits of the id below (so numbers rarely collide; sync steps past a taken one).
    /// Newest first is then plain `rid DESC`, and every table keyed by `rid` (tags, the
    /// full-text index) is already in list order, so a first screen never sorts. Undated
    /// articles get numbers below every dated one: they list last.
    static func orderKey(published: Date?, id: ArticleID) -> Int64 {
        let slot = (Int64(id.rawValue.suffix(5), radix: 16) ?? 0) + 1
        guard let published else { return slot }
        let range: Int64 = 1 << 36
        let seconds = published.timeIntervalSince1970.rounded(.down)
        let clamped = Int64(max(-Double(range) + 1, min(Double(range) - 1, seconds)))
        return (clamped + 2 * range) << 20 + slot
    }
}

/// The "sync unfinished" marker: written in the same transaction as every change of files
/// and articles, removed once links are resolved. A sync killed (or the reader quit) between
/// the two leaves it, and the next sync finishes the steps after storing (settle, tags, word
/// statistics, links) over the whole index (issue 16, item 3).
extension Library {
    static func markUnfinishedSync(_ db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('unfinishedSync', 1)").execute()
    }

    static func clearUnfinishedSync(_ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM meta WHERE key = 'unfinishedSync'").execute()
    }

    static func hasUnfinishedSync(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM meta WHERE key = 'unfinishedSync'")) ?? false
    }

    /// Articles no file holds as its own: what a stopped sync had yet to settle (`settle`
    /// keeps those another file holds).
    static func unheldArticles(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT a.id FROM article a
            WHERE NOT EXISTS (SELECT 1 FROM file f WHERE f.article = a.id AND f.skip IS NULL)
            """)
    }
}
