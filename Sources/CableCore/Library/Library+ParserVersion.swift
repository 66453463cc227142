import GRDB

extension Library {
    /// The index holds what the parser made of each file, so an index made by another parser
    /// version is stale even where no file changed (sync only re-reads files whose size or
    /// time moved). Such an index is emptied here; the next sync re-reads every file. The
    /// user's state is keyed by content, not by the index, so nothing of it is lost.
    /// Returns a notice for the user when it emptied the index.
    static func checkParserVersion(_ pool: DatabasePool, _ version: Int) throws -> [String] {
        let stored = try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'parserVersion'")
        }
        if stored == version { return [] }
        return try pool.writeWithoutTransaction { db in
            var notices: [String] = []
            try db.inTransaction(.immediate) {
                // Another process may have done it meanwhile.
                let current = try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'parserVersion'")
                guard current != version else { return .commit }
                if try Int.fetchOne(db, sql: "SELECT count(*) FROM file") ?? 0 > 0 {
                    try db.execute(sql: """
                        DELETE FROM link; DELETE FROM quote; DELETE FROM tag; DELETE FROM articleJSON;
                        DELETE FROM article; DELETE FROM speaker; DELETE FROM file;
                        DELETE FROM tagCount; DELETE FROM termStat;
                        INSERT INTO fts(fts) VALUES ('delete-all');
                        DELETE FROM meta WHERE key IN ('articles', 'termStatArticles');
                        """)
                    notices.append("the article parser changed (index made by version "
                                   + "\(current.map(String.init) ?? "unknown"), now \(version)): "
                                   + "every file is read again")
                }
                try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('parserVersion', ?)",
                               arguments: [version])
                return .commit
            }
            return notices
        }
    }
}
