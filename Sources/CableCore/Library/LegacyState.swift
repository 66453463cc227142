import GRDB

/// Marks and tags kept under the ids older Cable gave articles, carried to their ids.
///
/// Older Cable's ids hashed a text's letters and digits only (`ArticleID.legacy(forContent:)`),
/// and its state and backups are keyed by them. The index keeps each article's old id
/// (`article.legacyID`). When sync stores an article whose old id holds state, that state
/// goes to every article of the library with that old id (two pages that differed only in
/// punctuation were one article then: both inherit its marks and tags), and the rows under
/// the old id are removed, so that a later re-index cannot bring back a mark taken off since.
/// After an upgrade the first command rebuilds the index (`index-7`) and so carries all that
/// the library holds. State under an old id no article here has stays as it is: the state
/// serves every library, and the one that holds the article carries it when it indexes it.
extension Library {
    /// After a sync stored its files: carries the state under `legacyIDs` (the old ids of new
    /// articles that hold state). `everything`: under every old id of the index, for a sync
    /// that finishes one that was stopped. When the state cannot be written this is noted in
    /// the index and done by the first sync that can.
    func carryLegacyState(_ legacyIDs: Set<String>, everything: Bool) throws {
        let pending = try pool.read { db in try IndexMeta.int(IndexMeta.legacyStatePending, db) != nil }
        guard everything || pending || !legacyIDs.isEmpty else { return }
        guard stateAccess.isWritable else {
            if !pending { try write { db in try IndexMeta.set(IndexMeta.legacyStatePending, 1, db) } }
            return
        }
        try write { db in
            let keys = everything || pending ? try Library.legacyIDsWithState(db) : legacyIDs
            for legacy in keys.sorted() {
                try Library.carryLegacyState(legacy, db)
            }
            try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [IndexMeta.legacyStatePending])
        }
    }

    /// Gives every article whose old id is `legacy` the state kept under it, then removes it.
    static func carryLegacyState(_ legacy: String, _ db: Database) throws {
        let ids = try articles(withLegacyID: legacy, db)
        // An old id that is also one of these articles' new id (a 1 in 2^64 chance) is theirs.
        guard !ids.contains(legacy) else { return }
        for id in ids { try copyState(from: legacy, to: id, db) }
        try db.cachedStatement(sql: "DELETE FROM state.mark WHERE id = ?").execute(arguments: [legacy])
        try db.cachedStatement(sql: "DELETE FROM state.userTag WHERE id = ?").execute(arguments: [legacy])
    }

    /// The ids of the articles whose old id is `legacy`: several when their texts differ only
    /// in what old ids left out.
    static func articles(withLegacyID legacy: String, _ db: Database) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM article WHERE legacyID = ? ORDER BY id"),
                            arguments: [legacy])
    }

    /// Whether the state holds marks or tags under `id`.
    static func hasState(_ id: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM state.mark WHERE id = ?1) OR EXISTS (SELECT 1 FROM state.userTag WHERE id = ?1)
            """), arguments: [id]) ?? false
    }

    /// The old ids of the index's articles that hold state.
    static func legacyIDsWithState(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: """
            SELECT DISTINCT legacyID FROM article
            WHERE legacyID IN (SELECT id FROM state.mark UNION SELECT id FROM state.userTag)
            """))
    }
}
