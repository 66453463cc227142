import Foundation
import GRDB

/// The full-text index is contentless: it keeps the words of removed articles (`ftsDead`),
/// which queries never see but which take room and weigh in word statistics. When they are
/// more than a tenth of the articles, the full check (`cable sync`) builds it again from the
/// files: every article's file is read and parsed again, in batches on every core.
extension Library {
    /// Removed articles' rows the full-text index may keep before it is rebuilt: a tenth of
    /// the articles, and never fewer than this.
    static let deadRowsKept = 1_000

    /// Rebuilds the full-text index when removed articles' words have piled up; returns
    /// whether it did.
    func rebuildFullTextIfWorthIt() throws -> Bool {
        let (dead, articles) = try pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM ftsDead") ?? 0, try IndexMeta.int(IndexMeta.articles, db) ?? 0)
        }
        guard dead > max(Library.deadRowsKept, articles / 10) else { return false }
        try rebuildFullText()
        return true
    }

    /// Empties the full-text index and adds every article again from its file, in number
    /// order (a keyset walk, one batch at a time). An article whose file no longer holds it
    /// is left out; the next sync sees that file as changed.
    func rebuildFullText() throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO fts(fts) VALUES ('delete-all');
                DELETE FROM ftsDead;
                INSERT INTO fts(fts, rank) VALUES ('automerge', 0);
                """)
        }
        defer { _ = try? write { db in try db.execute(sql: "INSERT INTO fts(fts, rank) VALUES ('automerge', 4)") } }
        let writer = BatchWriter<Void>()
        defer { _ = try? writer.finish() }
        var after = Int64.min
        while true {
            let batch = try pool.read { db in
                try ArticleRecord.fetchAll(db, sql: "SELECT * FROM article WHERE rid > ? ORDER BY rid LIMIT ?",
                                           arguments: [after, BatchReader.batchSize])
            }
            guard let last = batch.last else { break }
            after = last.rid
            let texts = readTexts(batch)
            try writer.finish()
            writer.start { [self] in
                try write { db in
                    let insert = try db.cachedStatement(sql: "INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)")
                    for (rid, title, body) in texts { try insert.execute(arguments: [rid, title, body]) }
                }
            }
        }
        try writer.finish()
        try write { db in
            try db.execute(sql: "INSERT INTO fts(fts) VALUES ('optimize')")
            try IndexMeta.set(IndexMeta.termStatArticles, nil, db)
            try Library.refreshTermStats(db)
        }
    }

    /// (number, title, body) of each article whose file still holds it, read on every core.
    private func readTexts(_ batch: [ArticleRecord]) -> [(Int64, String, String)] {
        let slots = Slots<(Int64, String, String)>(count: batch.count)
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            let record = batch[index]
            if case .article(let article) = readFile(of: record), article.id.rawValue == record.id {
                slots.set(index, (record.rid, article.title, Library.searchBody(article)))
            }
        }
        return slots.values.compactMap { $0 }
    }

    /// Reads and parses the file an article is read from.
    func readFile(of record: ArticleRecord) -> ArticleFileReader.Outcome {
        ArticleFileReader.read(root.appendingPathComponent(record.file), relativePath: record.file, parse: parse)
    }
}
