import Foundation
import GRDB
#if canImport(CMalloc)
import CMalloc
#endif

/// How far a sync has got, for a progress line.
public struct SyncProgress: Sendable {
    public var done: Int
    public var total: Int
}

/// A file sync did not index, and why (binary, unreadable, empty, too large, duplicate).
public struct SkippedFile: Hashable, Sendable, Codable {
    public var file: String
    public var reason: String
}

/// What a sync did.
public struct SyncReport: Sendable {
    public var added = 0
    public var updated = 0
    public var removed = 0
    public var unchanged = 0
    /// Every file currently not indexed, with the reason.
    public var skipped: [SkippedFile] = []
    public var articles = 0
    public var seconds = 0.0
    /// Where the time went: listing files, reading + parsing + storing them, and the
    /// library-wide steps after (tag counts, word statistics, resolving links).
    public var phases: [(name: String, seconds: Double)] = []

    /// (old id, new id) for each file whose content changed in place; whether the marks
    /// follow is decided once every batch is stored (see `Library.carryReplacedState`).
    var replaced: [(old: String, new: String)] = []

    mutating func add(_ counts: Library.StoreCounts?) {
        added += counts?.added ?? 0
        updated += counts?.updated ?? 0
        unchanged += counts?.unchanged ?? 0
        replaced += counts?.replaced ?? []
    }
}

extension Library {
    /// From this many files to read, a sync is a bulk load (see `sync`).
    static let bulkLoadThreshold = 2_000

    /// Brings the index up to date with the files: reads only new and changed files (by size
    /// and modification time), drops removed ones, and keeps the user's state attached to the
    /// content (an edited file carries its marks over to its new id).
    @discardableResult
    public func sync(progress: ((SyncProgress) -> Void)? = nil) throws -> SyncReport {
        let started = Date()
        var report = SyncReport()
        var badNames: [String] = []
        let onDisk = try FileScanner.scan(root, badNames: &badNames)
        let known = try pool.read { db in try Library.knownFiles(db) }

        var removed: [String] = []
        var toRead: [String] = []
        var previousIDs: [String: String] = [:]
        for (path, old) in known {
            guard let now = onDisk[path] else { removed.append(path); continue }
            if now != old.fingerprint {
                // Replaced when stored (see `store`): a touched file whose text is the same
                // keeps its article rather than being dropped and added again.
                toRead.append(path)
                if let id = old.articleID, old.skip == nil { previousIDs[path] = id }
            } else if old.skip == nil, old.articleID != nil {
                report.unchanged += 1
            }
        }
        for path in onDisk.keys where known[path] == nil { toRead.append(path) }
        toRead.sort()

        report.phases.append(("scan", Date().timeIntervalSince(started)))
        var phaseStart = Date()
        var changedArticles = false
        if !removed.isEmpty {
            for batch in removed.chunked(500) {
                if try write({ db in try Library.remove(batch, db) }) { changedArticles = true }
            }
        }
        // This thread reads and parses each batch on every core while a writer thread
        // stores the previous one (SQLite writes are serial anyway). Parsing is the costly
        // part, so it runs where `concurrentPerform` gets the whole machine.
        // A bulk load lets FTS5 skip its incremental merges (each batch would otherwise merge
        // segments that the next batches merge again) and merges once at the end.
        let bulk = toRead.count >= Library.bulkLoadThreshold
        if bulk { try write { db in try db.execute(sql: "INSERT INTO fts(fts, rank) VALUES ('automerge', 0)") } }
        defer {
            if bulk {
                _ = try? write { db in try db.execute(sql: "INSERT INTO fts(fts, rank) VALUES ('automerge', 4)") }
            }
        }
        let writer = BatchWriter<StoreCounts>()
        let carried = previousIDs
        var done = 0
        for batch in toRead.chunked(256) {
            let outcomes = readConcurrently(Array(batch))
            let counts = try writer.finish()
            report.add(counts)
            if let counts, counts.added + counts.updated > 0 || counts.removedArticles { changedArticles = true }
            if counts != nil { progress?(SyncProgress(done: done, total: toRead.count)) }
            writer.start { [self] in
                try write { db in try Library.store(outcomes, fingerprints: onDisk, previousIDs: carried, db) }
            }
            done += batch.count
        }
        let last = try writer.finish()
        report.add(last)
        if bulk { try write { db in try db.execute(sql: "INSERT INTO fts(fts) VALUES ('optimize')") } }
        if let last, last.added + last.updated > 0 || last.removedArticles { changedArticles = true }
        // A state that cannot be written keeps the marks under the old text's id.
        if !report.replaced.isEmpty, stateAccess.isWritable {
            let carried = try write { db in try Library.carryReplacedState(report.replaced, db) }
            report.updated += carried
            report.added -= carried
        }
        if !toRead.isEmpty { progress?(SyncProgress(done: done, total: toRead.count)) }
        report.removed = removed.filter { onDisk[$0] == nil }.count
        report.phases.append(("index files", Date().timeIntervalSince(phaseStart)))
        // An index from an older Cable may lack the kept counts: make them once.
        if !changedArticles, try pool.read({ db in
            try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'articles'") == nil
        }) {
            try write { db in try Library.recountTags(db) }
        }
        if changedArticles {
            phaseStart = Date()
            try write { db in
                try Library.recountTags(db)
                try Library.refreshTermStats(db)
            }
            report.phases.append(("tag counts + word statistics", Date().timeIntervalSince(phaseStart)))
            phaseStart = Date()
            try resolveLinks()
            report.phases.append(("resolve links", Date().timeIntervalSince(phaseStart)))
        }
        try pool.read { db in
            report.articles = try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0
            report.skipped = try Row.fetchAll(
                db, sql: "SELECT path, skip FROM file WHERE skip IS NOT NULL ORDER BY path"
            ).map { SkippedFile(file: try $0.decode(atIndex: 0), reason: try $0.decode(atIndex: 1)) }
        }
        report.skipped += badNames.sorted().map { SkippedFile(file: $0, reason: "file name is not valid UTF-8") }
        if bulk { Library.returnFreedMemory() }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// After a bulk load, hands the heap the sync freed (parsed batches, the headline matcher)
    /// back to the system: the allocator keeps it otherwise, and the TUI runs on for hours
    /// after its first sync. (glibc only; elsewhere the allocator decides.)
    static func returnFreedMemory() {
        #if canImport(CMalloc)
        _ = malloc_trim(0)
        #endif
    }

    struct KnownFile {
        var fingerprint: Fingerprint
        var articleID: String?
        var skip: String?
    }

    static func knownFiles(_ db: Database) throws -> [String: KnownFile] {
        var known: [String: KnownFile] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT path, size, mtime, articleId, skip FROM file")
        while let row = try rows.next() {
            let path: String = try row.decode(atIndex: 0)
            known[path] = KnownFile(
                fingerprint: Fingerprint(size: try row.decode(atIndex: 1), mtime: try row.decode(atIndex: 2)),
                articleID: try row.decode(atIndex: 3), skip: try row.decode(atIndex: 4))
        }
        return known
    }

    /// Reads, parses and prepares a batch on every core.
    private func readConcurrently(_ paths: [String]) -> [(String, PreparedOutcome)] {
        let slots = Slots<PreparedOutcome>(count: paths.count)
        let root = self.root
        let parse = self.parse
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let url = root.appendingPathComponent(paths[index])
            let outcome: PreparedOutcome
            switch ArticleFileReader.read(url, relativePath: paths[index], parse: parse) {
            case .skipped(let reason): outcome = .skipped(reason)
            case .article(let article): outcome = PreparedArticle.make(article)
            }
            slots.set(index, outcome)
        }
        return zip(paths, slots.values).compactMap { path, outcome in outcome.map { (path, $0) } }
    }

    /// Forgets files; an article goes when its last file goes (a duplicate copy takes over).
    /// Returns whether any article went.
    static func remove(_ paths: ArraySlice<String>, _ db: Database) throws -> Bool {
        var changed = false
        for path in paths {
            let articleID = try String.fetchOne(
                db, sql: "SELECT articleId FROM file WHERE path = ?", arguments: [path])
            try db.execute(sql: "DELETE FROM file WHERE path = ?", arguments: [path])
            guard let articleID else { continue }
            let stillThere = try String.fetchOne(
                db, sql: "SELECT path FROM file WHERE articleId = ? ORDER BY path LIMIT 1",
                arguments: [articleID])
            if let other = stillThere {
                let file = try String.fetchOne(db, sql: "SELECT file FROM article WHERE id = ?",
                                               arguments: [articleID])
                if file == path {
                    try db.execute(sql: "UPDATE article SET file = ? WHERE id = ?", arguments: [other, articleID])
                    try db.execute(sql: "UPDATE file SET skip = NULL WHERE path = ?", arguments: [other])
                }
            } else {
                try deleteArticle(id: articleID, db)
                changed = true
            }
        }
        return changed
    }

    static func deleteArticle(id: String, _ db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT a.rid, j.json FROM article a LEFT JOIN articleJSON j ON j.rid = a.rid WHERE a.id = ?
            """,
                                         arguments: [id]) else { return }
        let rid: Int64 = try row.decode(atIndex: 0)
        let json: Data? = try row.decode(atIndex: 1)
        // The full-text index keeps no copy of the text (contentless), so removing a row
        // means handing it the same text again.
        if let json, let article = try? JSONDecoder().decode(Article.self, from: json) {
            try db.execute(
                sql: "INSERT INTO fts(fts, rowid, title, body) VALUES('delete', ?, ?, ?)",
                arguments: [rid, article.title, searchBody(article)])
        }
        try db.execute(sql: "DELETE FROM article WHERE rid = ?", arguments: [rid])
    }

    struct StoreCounts: Sendable {
        var added = 0
        var updated = 0
        var replaced: [(old: String, new: String)] = []
        /// Files touched without a change of text.
        var unchanged = 0
        /// Whether replacing a changed file's content dropped an article.
        var removedArticles = false
    }

    static func store(_ outcomes: [(String, PreparedOutcome)],
                      fingerprints: [String: Fingerprint], previousIDs: [String: String],
                      _ db: Database) throws -> StoreCounts {
        var counts = StoreCounts()
        var speakers: [String: Int64] = [:]
        for (path, outcome) in outcomes {
            guard let fingerprint = fingerprints[path] else { continue }
            let current = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT size, mtime, articleId, skip FROM file WHERE path = ?"),
                arguments: [path])
            if let current {
                // Another process may have indexed this file since we looked: nothing to do.
                if Fingerprint(size: try current.decode(atIndex: 0), mtime: try current.decode(atIndex: 1)) == fingerprint {
                    continue
                }
                // Touched but the same text: only the fingerprint moves.
                let oldID: String? = try current.decode(atIndex: 2)
                if case .article(let prepared) = outcome, oldID == prepared.article.id.rawValue {
                    let skip: String? = try current.decode(atIndex: 3)
                    try saveFile(path, fingerprint, articleID: oldID, skip: skip, db)
                    if skip == nil { counts.unchanged += 1 }
                    continue
                }
                // New text (or now unreadable): the old one goes, unless another file has it.
                if try remove([path][...], db) { counts.removedArticles = true }
            }
            switch outcome {
            case .skipped(let reason):
                try saveFile(path, fingerprint, articleID: nil, skip: reason, db)
            case .article(let prepared):
                let id = prepared.article.id.rawValue
                if let owner = try String.fetchOne(db.cachedStatement(sql: "SELECT file FROM article WHERE id = ?"),
                                                   arguments: [id]) {
                    let skip = owner == path ? nil : "duplicate of \(owner)"
                    try saveFile(path, fingerprint, articleID: id, skip: skip, db)
                    continue
                }
                try insert(prepared, speakers: &speakers, db)
                try saveFile(path, fingerprint, articleID: id, skip: nil, db)
                counts.added += 1
                if let previous = previousIDs[path], previous != id {
                    counts.replaced.append((previous, id))
                }
            }
        }
        return counts
    }

    static func saveFile(_ path: String, _ fingerprint: Fingerprint, articleID: String?,
                         skip: String?, _ db: Database) throws {
        try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO file(path, size, mtime, articleId, skip) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [path, fingerprint.size, fingerprint.mtime, articleID, skip])
    }

    /// A file's content changed in place. That is an edit (its marks and tags follow the new
    /// text) only if the old text is gone from the library: when it moved to another file
    /// (renamed, and a new story saved under the old name) or two files swapped contents,
    /// the old article still exists and keeps its own marks, and the new one starts clean.
    /// Decided after every batch is stored, because the moved copy may be in a later batch.
    /// Returns how many were edits.
    static func carryReplacedState(_ pairs: [(old: String, new: String)], _ db: Database) throws -> Int {
        var carried = 0
        for (old, new) in pairs {
            let gone = try Bool.fetchOne(db.cachedStatement(
                sql: "SELECT NOT EXISTS (SELECT 1 FROM file WHERE articleId = ?)"), arguments: [old]) ?? false
            let present = try Bool.fetchOne(db.cachedStatement(
                sql: "SELECT EXISTS (SELECT 1 FROM article WHERE id = ?)"), arguments: [new]) ?? false
            guard gone, present else { continue }
            try carryState(from: old, to: new, db)
            carried += 1
        }
        return carried
    }

    /// The user edited a file: its marks and tags follow the new text.
    static func carryState(from old: String, to new: String, _ db: Database) throws {
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

    static func insert(_ prepared: PreparedArticle, speakers: inout [String: Int64], _ db: Database) throws {
        let article = prepared.article
        let published = article.published?.timeIntervalSince1970
        var rid = orderKey(published: article.published, id: article.id)
        let taken = try db.cachedStatement(sql: "SELECT 1 FROM article WHERE rid = ?")
        while try Bool.fetchOne(taken, arguments: [rid]) != nil { rid += 1 }
        try db.cachedStatement(sql: """
            INSERT INTO article(rid, id, title, titleKey, published, file, tags)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [rid, article.id.rawValue, article.title, prepared.titleKey,
                                     published, article.file, prepared.tagsJSON])
        try db.cachedStatement(sql: "INSERT INTO articleJSON(rid, json) VALUES (?, ?)")
            .execute(arguments: [rid, prepared.json])
        try db.cachedStatement(sql: "INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)").execute(arguments: [rid, article.title, prepared.body])
        for (key, tag) in prepared.tags {
            try db.cachedStatement(sql: "INSERT INTO tag(tagKey, article, tag) VALUES (?, ?, ?)").execute(arguments: [key, rid, tag])
        }
        for (ord, quote) in article.quotes.enumerated() {
            var speakerID: Int64?
            if let speaker = quote.speaker, !speaker.isEmpty {
                speakerID = try speakerNumber(speaker, known: &speakers, db)
            }
            try db.cachedStatement(sql: """
                INSERT INTO quote(article, ord, text, speaker, role, paragraph) VALUES (?, ?, ?, ?, ?, ?)
                """).execute(arguments: [rid, ord, quote.text, speakerID, quote.role, quote.paragraph])
        }
        for (ord, link) in prepared.links.enumerated() {
            try db.cachedStatement(sql: """
                INSERT INTO link(article, ord, headline, key, kind, target) VALUES (?, ?, ?, ?, ?, NULL)
                """).execute(arguments: [rid, ord, link.headline, link.key, link.kind.rawValue])
        }
    }

    /// A speaker's number, adding the speaker when new. `known` remembers the ones seen in
    /// this transaction: most quotes are by a speaker already met.
    static func speakerNumber(_ name: String, known: inout [String: Int64], _ db: Database) throws -> Int64 {
        if let sid = known[name] { return sid }
        let sid: Int64
        if let found = try Int64.fetchOne(db.cachedStatement(sql: "SELECT sid FROM speaker WHERE name = ?"),
                                          arguments: [name]) {
            sid = found
        } else {
            try db.cachedStatement(sql: "INSERT INTO speaker(name, key) VALUES (?, ?)")
                .execute(arguments: [name, name.lowercased()])
            sid = db.lastInsertedRowID
        }
        known[name] = sid
        return sid
    }

    static func searchBody(_ article: Article) -> String {
        article.paragraphs.joined(separator: "\n")
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

    /// The unfiltered tag list is read on every screen: keep it precomputed.
    /// The article count is kept too: counting 100,000 rows on every screen costs 20 ms.
    static func recountTags(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM tagCount;
            INSERT INTO tagCount(tagKey, tag, count)
                SELECT tagKey, min(tag), count(*) FROM tag GROUP BY tagKey;
            INSERT OR REPLACE INTO meta(key, value) VALUES ('articles', (SELECT count(*) FROM article));
            """)
    }

    /// Copies document frequencies out of the full-text index for `similar`. A full pass
    /// over the index, so on a large library it is redone only when the article count has
    /// moved by 2% since the last one (frequencies barely change between).
    static func refreshTermStats(_ db: Database) throws {
        let articles = try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0
        let last = try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'termStatArticles'")
        if let last, articles > 5000, abs(articles - last) * 50 < articles { return }
        try db.execute(sql: """
            DELETE FROM termStat;
            INSERT INTO termStat(term, doc) SELECT term, doc FROM ftsVocab WHERE doc > 1;
            INSERT OR REPLACE INTO meta(key, value) VALUES ('termStatArticles', ?);
            """, arguments: [articles])
    }

    /// Resolves every unresolved explicit link against all titles. Runs after a sync that
    /// added or removed articles, so a story added later resolves old pages' links.
    func resolveLinks(chunkSize: Int = Library.resolveChunk) throws {
        let titles = try pool.read { db in
            // A cursor, not `fetchAll`: at 100,000 titles a row object each would be 20 MB more.
            var titles: [(id: Int64, key: String)] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT rid, titleKey FROM article ORDER BY rid")
            while let row = try rows.next() { titles.append((try row.decode(atIndex: 0), try row.decode(atIndex: 1))) }
            return titles
        }
        let matcher = HeadlineMatcher(titles: titles)
        // A large library has hundreds of thousands of links. They are taken in chunks in
        // key order (each chunk starts after the last one's key: one index range scan each,
        // never a rescan of what is done), matched on every core, and written on the writer
        // thread while the next chunk is read and matched, so memory holds two chunks
        // whatever the library's size.
        let writer = BatchWriter<Void>()
        defer { _ = try? writer.finish() }
        var after: (article: Int64, ord: Int) = (-1, -1)
        while true {
            let chunk = try pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT article, ord, headline, key FROM link
                    WHERE target IS NULL AND (article, ord) > (?, ?) ORDER BY article, ord LIMIT ?
                    """, arguments: [after.article, after.ord, chunkSize]).map {
                    UnresolvedLink(article: try $0.decode(atIndex: 0), ord: try $0.decode(atIndex: 1),
                                   headline: try $0.decode(atIndex: 2), key: try $0.decode(atIndex: 3))
                }
            }
            guard let last = chunk.last else { break }
            after = (last.article, last.ord)
            let resolved = Library.resolveConcurrently(chunk, matcher)
            try writer.finish()
            writer.start { [self] in try write { db in try Library.applyResolutions(resolved[...], db) } }
            if chunk.count < chunkSize { break }
        }
        try writer.finish()
    }

    /// Links matched per parallel step: large enough to keep both cores busy, small enough
    /// that a library's worth of headlines is never in memory at once.
    static let resolveChunk = 20_000

    struct UnresolvedLink: Sendable {
        var article: Int64
        var ord: Int
        var headline: String
        var key: String
    }

    /// Matches a chunk of links on every core (the matcher is immutable, so the slices
    /// share it without locks); resolutions come back in the chunk's order.
    static func resolveConcurrently(_ links: [UnresolvedLink], _ matcher: HeadlineMatcher)
        -> [(article: Int64, ord: Int, target: Int64)] {
        guard !links.isEmpty else { return [] }
        let slices = min(links.count, 4 * ProcessInfo.processInfo.activeProcessorCount)
        let found = Slots<[(article: Int64, ord: Int, target: Int64)]>(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            var resolved: [(article: Int64, ord: Int, target: Int64)] = []
            for link in links[(slice * links.count / slices)..<((slice + 1) * links.count / slices)] {
                let key = HeadlineKey(key: link.key, truncated: HeadlineKey.isTruncated(link.headline))
                if let target = matcher.resolve(key, excluding: link.article) {
                    resolved.append((link.article, link.ord, target))
                }
            }
            found.set(slice, resolved)
        }
        return found.values.flatMap { $0 ?? [] }
    }

    /// Writes resolved links. Titles were read in an earlier transaction, so another process
    /// may have removed a target (or the linking article) since: such a resolution is dropped
    /// (its link stays unresolved, to resolve at a later sync) rather than point at nothing.
    static func applyResolutions(_ batch: ArraySlice<(article: Int64, ord: Int, target: Int64)>,
                                 _ db: Database) throws {
        let update = try db.cachedStatement(sql: """
            UPDATE link SET target = ?
            WHERE article = ? AND ord = ? AND EXISTS (SELECT 1 FROM article WHERE rid = ?)
            """)
        for item in batch {
            try update.execute(arguments: [item.target, item.article, item.ord, item.target])
        }
    }
}

/// An article with everything the index stores computed off the writer thread (JSON, keys,
/// search text), because the writer is the one part of sync that cannot run in parallel.
struct PreparedArticle: Sendable {
    var article: Article
    var json: Data
    var tagsJSON: String
    var titleKey: String
    var body: String
    /// (tag key, tag as written), each key once.
    var tags: [(String, String)]
    var links: [(headline: String, key: String, kind: ExplicitLink.Kind)]

    static func make(_ article: Article) -> PreparedOutcome {
        guard let json = ArticleJSON.encode(article) else {
            return .skipped("cannot be stored (encoding failed)")
        }
        let tagsJSON = ArticleJSON.encode(article.tags)
        var seen = Set<String>()
        let tags = article.tags.compactMap { tag -> (String, String)? in
            let key = Library.tagKey(tag)
            return !key.isEmpty && seen.insert(key).inserted ? (key, tag) : nil
        }
        var links: [(headline: String, key: String, kind: ExplicitLink.Kind)] = []
        var seenLinks = Set<String>()
        for (headline, kind) in article.readMore.map({ ($0, ExplicitLink.Kind.readMore) })
            + article.related.map({ ($0, ExplicitLink.Kind.related) }) {
            let key = HeadlineKey(headline).key
            if seenLinks.insert(key).inserted { links.append((headline, key, kind)) }
        }
        return .article(PreparedArticle(
            article: article, json: json, tagsJSON: tagsJSON,
            titleKey: HeadlineKey(article.title).key, body: Library.searchBody(article), tags: tags,
            links: links))
    }
}

enum PreparedOutcome: Sendable {
    case article(PreparedArticle)
    case skipped(String)
}

/// Runs one store job at a time on its own thread; `finish` waits for it and hands back its
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
