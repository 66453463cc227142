import GRDB

/// The derived index: everything here can be rebuilt from the files, so a schema change may
/// simply drop the index (see `Library.open`), but migrations keep upgrades cheap.
enum IndexSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // `rid` is the compact key every side table and the FTS index use; AUTOINCREMENT
            // so a deleted article's number is never reused by another one.
            try db.execute(sql: """
                CREATE TABLE article(
                    rid INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    titleKey TEXT NOT NULL,
                    published REAL,
                    ord REAL NOT NULL,
                    file TEXT NOT NULL,
                    tags TEXT NOT NULL,
                    json BLOB NOT NULL
                );
                CREATE INDEX article_ord ON article(ord);
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
                CREATE INDEX tagCount_count ON tagCount(count);

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
                """)
        }
        migrator.registerMigration("v2") { db in
            // v2 numbers articles in date order (see `Library.orderKey`), so the list, a tag's
            // index range and the full-text index all read newest-first without sorting. The
            // index is derived: drop v1 and let the next sync rebuild it.
            try db.execute(sql: """
                DROP TABLE IF EXISTS ftsVocab; DROP TABLE IF EXISTS fts;
                DROP TABLE IF EXISTS link; DROP TABLE IF EXISTS quote; DROP TABLE IF EXISTS speaker;
                DROP TABLE IF EXISTS tagCount; DROP TABLE IF EXISTS tag; DROP TABLE IF EXISTS file;
                DROP TABLE IF EXISTS article;

                CREATE TABLE article(
                    rid INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    titleKey TEXT NOT NULL,
                    published REAL,
                    file TEXT NOT NULL,
                    tags TEXT NOT NULL,
                    json BLOB NOT NULL
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
                """)
        }
        migrator.registerMigration("v3") { db in
            // The parsed article moves to its own table: list rows stay small, so scans and
            // counts over `article` read a few megabytes, not the whole text of the library.
            try db.execute(sql: """
                CREATE TABLE articleJSON(
                    rid INTEGER PRIMARY KEY REFERENCES article(rid) ON DELETE CASCADE,
                    json BLOB NOT NULL
                );
                INSERT INTO articleJSON(rid, json) SELECT rid, json FROM article;
                ALTER TABLE article DROP COLUMN json;
                """)
        }
        return migrator
    }
}

/// The user state: not derivable, so it is only ever migrated forward, never dropped.
enum StateSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE mark(
                    id TEXT PRIMARY KEY,
                    read INTEGER NOT NULL DEFAULT 0,
                    starred INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID;
                CREATE TABLE userTag(
                    id TEXT NOT NULL,
                    tagKey TEXT NOT NULL,
                    tag TEXT NOT NULL,
                    PRIMARY KEY(id, tagKey)
                ) WITHOUT ROWID;
                CREATE INDEX userTag_key ON userTag(tagKey);
                """)
        }
        return migrator
    }
}
