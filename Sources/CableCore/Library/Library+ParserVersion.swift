import GRDB

extension Library {
    /// The index holds what the parser made of each file, so an index made by another parser
    /// version is stale even where no file changed (sync only re-reads files whose size or
    /// time moved). Such an index is emptied here; the next command reads every file again.
    /// The user's state is keyed by content, not by the index, so nothing of it is lost.
    /// Returns notices for the user: the index was emptied, or a migration's message.
    static func checkParserVersion(_ pool: DatabasePool, _ version: Int) throws -> [String] {
        let (stored, pendingNotice) = try pool.read { db in
            (try IndexMeta.int(IndexMeta.parserVersion, db),
             try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [IndexMeta.notice]))
        }
        if stored == version && pendingNotice == nil { return [] }
        return try pool.writeWithoutTransaction { db in
            var notices: [String] = []
            try db.inTransaction(.immediate) {
                // Another process may have done it meanwhile.
                if let notice = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?",
                                                    arguments: [IndexMeta.notice]) {
                    notices.append(notice)
                    try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [IndexMeta.notice])
                }
                let current = try IndexMeta.int(IndexMeta.parserVersion, db)
                guard current != version else { return .commit }
                if try Int.fetchOne(db, sql: "SELECT count(*) FROM file") ?? 0 > 0 {
                    try emptyIndex(db)
                    notices.append("the article parser changed (index made by version "
                                   + "\(current.map(String.init) ?? "unknown"), now \(version)): "
                                   + "every file is read again")
                }
                try IndexMeta.set(IndexMeta.parserVersion, version, db)
                return .commit
            }
            return notices
        }
    }

    /// Deletes everything derived from the files (the user's state is elsewhere).
    static func emptyIndex(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM link; DELETE FROM quote; DELETE FROM tag; DELETE FROM article;
            DELETE FROM speaker; DELETE FROM file; DELETE FROM folder; DELETE FROM tagCount;
            DELETE FROM termStat; DELETE FROM pendingGroup; DELETE FROM ftsDead;
            INSERT INTO fts(fts) VALUES ('delete-all');
            DELETE FROM meta WHERE key = 'termStatArticles';
            INSERT OR REPLACE INTO meta(key, value) VALUES ('articles', 0);
            """)
    }
}
