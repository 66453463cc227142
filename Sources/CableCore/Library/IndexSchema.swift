import GRDB

/// The derived index: everything here can be rebuilt from the files.
enum IndexSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        // One migration holds the whole schema: the index is derived, so a schema change
        // registers a new migration that may simply drop and recreate (the next sync refills
        // it), and an index from an unknown schema is set aside and rebuilt (`Library.open`).
        // Articles are numbered in date order (see `Library.orderKey`), so the list, a tag's
        // index range and the full-text index all read newest-first without sorting.
        migrator.registerMigration("index-1") { db in
            try db.execute(sql: """
                CREATE TABLE article(
                    rid INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    titleKey TEXT NOT NULL,
                    published REAL,
                    file TEXT NOT NULL,
                    tags TEXT NOT NULL
                );
                CREATE INDEX article_titleKey ON article(titleKey);

                CREATE TABLE file(
                    path TEXT PRIMARY KEY,
                    size INTEGER NOT NULL,
                    mtime INTEGER NOT NULL,
                    articleId TEXT,
                    skip TEXT
                ) WITHOUT ROWID;
                CREATE INDEX file_article ON file(articleId);

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

                CREATE TABLE link(
                    article INTEGER NOT NULL REFERENCES article(rid) ON DELETE CASCADE,
                    ord INTEGER NOT NULL,
                    headline TEXT NOT NULL,
                    key TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    target INTEGER REFERENCES article(rid) ON DELETE SET NULL,
                    PRIMARY KEY(article, ord)
                ) WITHOUT ROWID;
                CREATE INDEX link_target ON link(target);

                CREATE VIRTUAL TABLE fts USING fts5(
                    title, body, content='', tokenize='unicode61 remove_diacritics 2'
                );
                CREATE VIRTUAL TABLE ftsVocab USING fts5vocab(fts, 'row');

                -- Document frequencies for similarity, copied from ftsVocab after syncs
                -- (reading ftsVocab per word walks the whole posting list: too slow).
                CREATE TABLE termStat(term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID;
                CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;

                -- The parsed article in its own table: list rows stay small, so scans and
                -- counts over `article` read a few megabytes, not the whole text of the library.
                CREATE TABLE articleJSON(
                    rid INTEGER PRIMARY KEY REFERENCES article(rid) ON DELETE CASCADE,
                    json BLOB NOT NULL
                );
                """)
        }
        // Link resolution matches titles in memory (`HeadlineMatcher`), so nothing reads
        // this index, and keeping it up to date was a tenth of a bulk load's writing.
        migrator.registerMigration("index-2") { db in
            try db.execute(sql: "DROP INDEX IF EXISTS article_titleKey")
        }
        return migrator
    }
}
