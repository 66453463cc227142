import GRDB

/// Speakers as entities: every quote's speaker is a `person` (one row per `SpeakerKey.key`),
/// and a lone surname's person points (`target`) at the one full name in the library ending
/// in it, while there is exactly one. Sync keeps this up to date incrementally: storing and
/// removing articles marks their persons pending, and `settleSpeakers` (after each sync)
/// recounts them, picks their displayed spelling and resolves the surnames they touch again.
extension Library {
    /// Numbers looked up in one write transaction (most quotes are by a speaker already met).
    struct SpeakerNumbers {
        /// Spelling → `speaker.sid`.
        var spellings: [String: Int64] = [:]
        /// Key → `person.pid`.
        var persons: [String: Int64] = [:]
        /// Persons already marked pending in this transaction.
        var pending = Set<Int64>()
    }

    /// The person each quote of an article is by (nil for no speaker), resolved within the
    /// article: a lone surname ("Strayer", "Mr Strayer") given beside exactly one full name
    /// ending in it ("Robert Strayer") is that person, wherever in the article either comes.
    /// (The parser resolves a bare surname after the full name itself; this also covers a
    /// title with the surname and a surname before the full name.)
    static func articleSpeakerKeys(_ quotes: [Quote]) -> [(spelling: String, key: String)?] {
        let keys: [(spelling: String, key: String)?] = quotes.map { quote in
            guard let name = quote.speaker, !name.isEmpty else { return nil }
            return (name, SpeakerKey.key(name))
        }
        var fullBySurname: [String: [(core: String, key: String)]] = [:]
        for case let (spelling, key)? in keys {
            guard let shape = SpeakerKey.shape(key), !shape.lone, SpeakerKey.looksLikeName(spelling) else { continue }
            if !(fullBySurname[shape.surname]?.contains { $0.core == shape.core } ?? false) {
                fullBySurname[shape.surname, default: []].append((shape.core, key))
            }
        }
        guard !fullBySurname.isEmpty else { return keys }
        return keys.map { entry in
            guard let (spelling, key) = entry, let shape = SpeakerKey.shape(key), shape.lone,
                  let fulls = fullBySurname[shape.surname], fulls.count == 1 else { return entry }
            return (spelling, fulls[0].key)
        }
    }

    /// A spelling's number, adding it when new.
    static func spellingNumber(_ name: String, _ numbers: inout SpeakerNumbers, _ db: Database) throws -> Int64 {
        if let sid = numbers.spellings[name] { return sid }
        let sid: Int64
        if let found = try Int64.fetchOne(db.cachedStatement(sql: "SELECT sid FROM speaker WHERE name = ?"),
                                          arguments: [name]) {
            sid = found
        } else {
            try db.cachedStatement(sql: "INSERT INTO speaker(name, key) VALUES (?, ?)")
                .execute(arguments: [name, SpeakerKey.key(name)])
            sid = db.lastInsertedRowID
        }
        numbers.spellings[name] = sid
        return sid
    }

    /// A key's person, added when new (named by `spelling` until `settleSpeakers` counts),
    /// and marked pending: its counts change.
    static func personNumber(_ key: String, spelling: String, _ numbers: inout SpeakerNumbers,
                             _ db: Database) throws -> Int64 {
        let pid: Int64
        if let known = numbers.persons[key] {
            pid = known
        } else if let found = try Int64.fetchOne(db.cachedStatement(sql: "SELECT pid FROM person WHERE key = ?"),
                                                 arguments: [key]) {
            pid = found
        } else {
            let shape = SpeakerKey.shape(key)
            let named = SpeakerKey.looksLikeName(spelling)
            try db.cachedStatement(sql: "INSERT INTO person(key, name, surname, lone, core) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [key, spelling, named ? shape?.surname : nil, shape?.lone ?? false, shape?.core])
            pid = db.lastInsertedRowID
        }
        numbers.persons[key] = pid
        if numbers.pending.insert(pid).inserted {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO pendingPerson(pid) VALUES (?)").execute(arguments: [pid])
        }
        return pid
    }

    /// Marks the persons of an article about to be removed pending.
    static func markSpeakersPending(article rid: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO pendingPerson(pid) SELECT DISTINCT person FROM quote WHERE article = ? AND person IS NOT NULL
            """).execute(arguments: [rid])
    }

    /// After a sync: recounts each pending person (removing one no quote is by any more),
    /// names it by its most common spelling (ties: the longest, then the first seen), and
    /// resolves the lone surnames of every surname they carry again.
    static func settleSpeakers(_ db: Database) throws {
        let pending = try Row.fetchAll(db, sql: """
            SELECT p.pid, p.key, p.surname FROM pendingPerson x JOIN person p ON p.pid = x.pid
            """)
        guard !pending.isEmpty else { return }
        var surnames = Set<String>()
        let spellings = try db.cachedStatement(sql: """
            SELECT s.name, s.key, count(*) AS n FROM quote q JOIN speaker s ON s.sid = q.speaker
            WHERE q.person = ? GROUP BY q.speaker ORDER BY q.speaker
            """)
        for row in pending {
            let pid: Int64 = row["pid"]
            let key: String = row["key"]
            if let surname: String = row["surname"] { surnames.insert(surname) }
            let counts = try Row.fetchAll(spellings, arguments: [pid])
            guard !counts.isEmpty else {
                try db.cachedStatement(sql: "DELETE FROM person WHERE pid = ?").execute(arguments: [pid])
                continue
            }
            // Spellings of the key itself: a surname resolved within an article counts its
            // quotes here, but "Strayer" is not a way to write "Robert Strayer".
            let own = counts.filter { ($0["key"] as String) == key }
            var best: (name: String, count: Int)?
            for spelling in own.isEmpty ? counts : own {
                let name: String = spelling["name"]
                let count: Int = spelling["n"]
                if let current = best, count < current.count || (count == current.count && name.count <= current.name.count) {
                    continue
                }
                best = (name, count)
            }
            let total = counts.reduce(0) { $0 + ($1["n"] as Int) }
            try db.cachedStatement(sql: "UPDATE person SET name = ?, quotes = ? WHERE pid = ?")
                .execute(arguments: [best?.name ?? key, total, pid])
        }
        for surname in surnames { try resolveSurname(surname, db) }
        try db.execute(sql: "DELETE FROM pendingPerson")
    }

    /// Points every lone person with this surname at the full name ending in it, when the
    /// library has exactly one (told apart by their names without titles; of the spellings
    /// of that one, the most quoted), or at nothing.
    static func resolveSurname(_ surname: String, _ db: Database) throws {
        let fulls = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT pid, core FROM person WHERE surname = ? AND NOT lone ORDER BY quotes DESC, pid
            """), arguments: [surname])
        let cores = Set(fulls.map { $0["core"] as String })
        let target: Int64? = cores.count == 1 ? fulls.first?["pid"] : nil
        try db.cachedStatement(sql: "UPDATE person SET target = ? WHERE surname = ? AND lone")
            .execute(arguments: [target, surname])
    }
}
