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
        migrator.registerMigration("index-4") { db in
            let hadArticles = try db.tableExists("article", in: "main")
                && (try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM article)") ?? false)
            // Children before parents: dropping a table deletes its rows, which foreign keys check.
            for table in ["articleJSON", "link", "quote", "tag", "tagCount", "speaker", "file",
                          "termStat", "ftsVocab", "fts", "article", "meta"] {
                try db.execute(sql: "DROP TABLE IF EXISTS main.\(table)")
            }
            try createSchema(db)
            if hadArticles {
                try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('notice', ?)", arguments: [
                    "the index was made by an older version of Cable: every file is read again"])
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
            -- list rows); `titleKey` and the two groups are for link resolution (LinkResolution).
            CREATE TABLE article(
                rid INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                file TEXT NOT NULL,
                title TEXT NOT NULL,
                published REAL,
                source TEXT,
                url TEXT,
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

            CREATE TABLE speaker(
                sid INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                key TEXT NOT NULL
            );

            CREATE TABLE quote(
                article INTEGER NOT NULL REFERENCES article(rid) ON DELETE CASCADE,
                ord INTEGER NOT NULL,
                text TEXT NOT NULL,
                speaker INTEGER,
                role TEXT,
                paragraph INTEGER NOT NULL,
                PRIMARY KEY(article, ord)
            ) WITHOUT ROWID;
            CREATE INDEX quote_speaker ON quote(speaker);

            -- The headlines a page names (READ MORE lines, then its related block, each story
            -- once), by their key; the headlines as written are read from the page itself.
            -- `grp` is the group a match must be in (NULL: nothing can match).
            CREATE TABLE link(
                article INTEGER NOT NULL REFERENCES article(rid) ON DELETE CASCADE,
                ord INTEGER NOT NULL,
                key TEXT NOT NULL,
                truncated INTEGER NOT NULL,
                grp INTEGER,
                target INTEGER REFERENCES article(rid) ON DELETE SET NULL,
                PRIMARY KEY(article, ord)
            ) WITHOUT ROWID;

            -- Groups whose unresolved links must be matched again: their titles changed.
            CREATE TABLE pendingGroup(
                kind INTEGER NOT NULL,
                grp INTEGER NOT NULL,
                PRIMARY KEY(kind, grp)
            ) WITHOUT ROWID;

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
        // Holds every column link resolution reads, so that it never looks a row up.
        ("link_unresolved", """
            CREATE INDEX IF NOT EXISTS link_unresolved ON link(truncated, grp, key, target)
            WHERE target IS NULL AND grp IS NOT NULL
            """),
    ]
}
