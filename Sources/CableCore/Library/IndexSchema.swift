import GRDB

/// The derived index: everything here can be rebuilt from the files.
enum IndexSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        // The index is derived, so a schema change registers a new migration that drops the
        // old tables and creates the new ones (the next command reads every file again), and
        // an index from an unknown schema is set aside and rebuilt (`Library.open`). The older
        // schemas' names stay registered, doing nothing, so that an index made by them is
        // recognised as ours and migrated by dropping it.
        migrator.registerMigration("index-1") { _ in }
        migrator.registerMigration("index-2") { _ in }
        migrator.registerMigration("index-3-source") { _ in }
        migrator.registerMigration("index-4") { _ in }
        migrator.registerMigration("index-5-url") { _ in }
        migrator.registerMigration("index-5-speakers") { _ in }
        migrator.registerMigration("index-6") { _ in }
        // 7: ids that keep punctuation (`ArticleID`), each article with the id older Cable
        // gave it (`legacyID`), whose marks the first sync carries over (`LegacyState`).
        migrator.registerMigration("index-7") { db in
            let hadArticles = try db.tableExists("article", in: "main")
                && (try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM article)") ?? false)
            // Children before parents: dropping a table deletes its rows, which foreign keys check.
            for table in ["articleJSON", "link", "pendingURL", "quote", "tag", "tagCount", "pendingPerson", "person",
                          "speaker", "file", "folder", "pendingGroup", "ftsDead",
                          "termStat", "ftsVocab", "fts", "article", "meta"] {
                try db.execute(sql: "DROP TABLE IF EXISTS main.\(table)")
            }
            try createSchema(db)
            if hadArticles {
                try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('notice', ?)", arguments: [
                    "the index was made by an older version of Cable: every file is read again, and "
                    + "your marks and tags go to the articles' new ids"])
            }
        }
        return migrator
    }

    /// The tables of the current schema.
    ///
    /// Articles are numbered in date order (`Library.orderKey`), so the list, a tag's index
    /// range and the full-text index all read newest-first without sorting. The index keeps
    /// what queries need (titles, dates, tags, quotes, links, the words of the full-text
    /// index), not the articles themselves: the article view reads its file again.
    private static func createSchema(_ db: Database) throws {
        try db.execute(sql: """
            -- The library's folders ('' is the library itself). mtime is the folder's own
            -- modification time when it was last listed (NULL: list it at the next check);
            -- it changes when a file in it is added, removed or renamed (see FolderSurvey).
            CREATE TABLE folder(
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                mtime INTEGER
            );

            -- Every file found, with what sync compares (size, mtime) and what became of it:
            -- the article it holds, or why it is skipped.
            CREATE TABLE file(
                folder INTEGER NOT NULL,
                name TEXT NOT NULL,
                size INTEGER NOT NULL,
                mtime INTEGER NOT NULL,
                article TEXT,
                skip TEXT,
                PRIMARY KEY(folder, name)
            ) WITHOUT ROWID;
            CREATE INDEX file_article ON file(article) WHERE article IS NOT NULL;
            CREATE INDEX file_skipped ON file(skip) WHERE skip IS NOT NULL;

            -- One row per article. `tags` are the page's tags in page order, one a line (for
            -- list rows); `sourceKey` is `source` lowercased (for `source:`); `titleKey`, the two groups and `urlKey` (the canonical URL as `URLKey`
            -- compares it) are for link resolution (LinkResolution). `legacyID` is the id older
            -- Cable gave the text (several articles may share one), for its state (LegacyState).
            CREATE TABLE article(
                rid INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                legacyID TEXT,
                file TEXT NOT NULL,
                title TEXT NOT NULL,
                published REAL,
                source TEXT,
                sourceKey TEXT,
                url TEXT,
                urlKey TEXT,
                tags TEXT NOT NULL,
                titleKey TEXT NOT NULL,
                matchGroup INTEGER NOT NULL,
                prefixGroup INTEGER
            );

            CREATE TABLE tag(
                tagKey TEXT NOT NULL,
                article INTEGER NOT NULL REFERENCES article(rid) ON DELETE CASCADE,
                tag TEXT NOT NULL,
                PRIMARY KEY(tagKey, article)
            ) WITHOUT ROWID;
            CREATE INDEX tag_article ON tag(article);

            CREATE TABLE tagCount(
                tagKey TEXT PRIMARY KEY,
                tag TEXT NOT NULL,
                count INTEGER NOT NULL
            ) WITHOUT ROWID;

            -- Every spelling of a speaker the parser gave, with its key (SpeakerKey.key).
            CREATE TABLE speaker(
                sid INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                key TEXT NOT NULL
            );

            -- Speakers as entities (SpeakerEntities): one row per key. `name` is its most
            -- common spelling, `quotes` how many quotes are by it; `surname`, `lone` and
            -- `core` its shape (SpeakerKey.shape; surname NULL when it is no name), and
            -- `target` the one full name in the library a lone surname resolves to.
            CREATE TABLE person(
                pid INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                quotes INTEGER NOT NULL DEFAULT 0,
                surname TEXT,
                lone INTEGER NOT NULL,
                core TEXT,
                target INTEGER REFERENCES person(pid) ON DELETE SET NULL
            );
            CREATE INDEX person_surname ON person(surname) WHERE surname IS NOT NULL;
            CREATE INDEX person_target ON person(target) WHERE target IS NOT NULL;
            -- Persons whose quotes changed since the last sync settled them.
            CREATE TABLE pendingPerson(pid INTEGER PRIMARY KEY);

            -- `speaker` is the spelling, `person` who it is within the article (a lone
            -- surname given beside its full name is that full name's person).
            CREATE TABLE quote(
                article INTEGER NOT NULL REFERENCES article(rid) ON DELETE CASCADE,
                ord INTEGER NOT NULL,
                text TEXT NOT NULL,
                speaker INTEGER,
                person INTEGER,
                role TEXT,
                paragraph INTEGER NOT NULL,
                PRIMARY KEY(article, ord)
            ) WITHOUT ROWID;
            CREATE INDEX quote_person ON quote(person);

            -- The headlines a page names (READ MORE lines, then its related block, each story
            -- once), by their key; the headlines as written are read from the page itself.
            -- `grp` is the group a match must be in (NULL: nothing can match); `urlKey` the
            -- link's address as `URLKey` compares it (HTML pages), which resolves it first.
            CREATE TABLE link(
                article INTEGER NOT NULL REFERENCES article(rid) ON DELETE CASCADE,
                ord INTEGER NOT NULL,
                key TEXT NOT NULL,
                truncated INTEGER NOT NULL,
                grp INTEGER,
                urlKey TEXT,
                target INTEGER REFERENCES article(rid) ON DELETE SET NULL,
                PRIMARY KEY(article, ord)
            ) WITHOUT ROWID;

            -- Groups whose unresolved links must be matched again: their titles changed.
            CREATE TABLE pendingGroup(
                kind INTEGER NOT NULL,
                grp INTEGER NOT NULL,
                PRIMARY KEY(kind, grp)
            ) WITHOUT ROWID;

            -- Addresses whose links must be matched again: an article with that canonical
            -- URL came or went, or a link to it is new.
            CREATE TABLE pendingURL(urlKey TEXT PRIMARY KEY) WITHOUT ROWID;

            -- Contentless: the index holds the words, not the text. A removed article's words
            -- cannot be taken out without its text (which is gone with its file), so its row
            -- number is kept here, every query joins `article` (which no longer has it), and
            -- `cable sync` rebuilds the full-text index when such rows pile up (FullTextRebuild).
            CREATE VIRTUAL TABLE fts USING fts5(
                title, body, content='', tokenize='unicode61 remove_diacritics 2'
            );
            CREATE VIRTUAL TABLE ftsVocab USING fts5vocab(fts, 'row');
            CREATE TABLE ftsDead(rid INTEGER PRIMARY KEY);

            -- Document frequencies for similarity, copied from ftsVocab after syncs
            -- (reading ftsVocab per word walks the whole posting list: too slow).
            CREATE TABLE termStat(term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
            INSERT INTO meta(key, value) VALUES ('articles', 0);
            """)
        for (_, sql) in groupIndexes + [linkTargetIndex] { try db.execute(sql: sql) }
        try db.execute(sql: "CREATE INDEX article_legacyID ON article(legacyID) WHERE legacyID IS NOT NULL")
    }

    /// Who links to an article (`linkedFrom`), and the links to null when it goes.
    static let linkTargetIndex = (name: "link_target",
                                  sql: "CREATE INDEX IF NOT EXISTS link_target ON link(target) WHERE target IS NOT NULL")

    /// The unresolved-link index (one of `groupIndexes`).
    static var linkUnresolvedIndex: (name: String, sql: String) {
        groupIndexes.first { $0.name == "link_unresolved" } ?? groupIndexes[0]
    }

    /// The indexes link resolution reads by group (`LinkResolution`). Their keys are hashes,
    /// so rows arrive in random order: a load of most of the library drops them and makes
    /// them again at its end, one sort each, instead of a random insert per row.
    static let groupIndexes: [(name: String, sql: String)] = [
        ("article_matchGroup", "CREATE INDEX IF NOT EXISTS article_matchGroup ON article(matchGroup)"),
        ("article_prefixGroup", """
            CREATE INDEX IF NOT EXISTS article_prefixGroup ON article(prefixGroup) WHERE prefixGroup IS NOT NULL
            """),
        // Link resolution by address (`resolveLinksByURL`): few rows (web pages' only).
        ("article_urlKey", "CREATE INDEX IF NOT EXISTS article_urlKey ON article(urlKey) WHERE urlKey IS NOT NULL"),
        ("link_urlKey", "CREATE INDEX IF NOT EXISTS link_urlKey ON link(urlKey) WHERE urlKey IS NOT NULL"),
        // Holds every column link resolution reads, so that it never looks a row up.
        ("link_unresolved", """
            CREATE INDEX IF NOT EXISTS link_unresolved ON link(truncated, grp, key, target)
            WHERE target IS NULL AND grp IS NOT NULL
            """),
    ]
}
