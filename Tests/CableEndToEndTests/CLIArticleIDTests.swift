import CableCore
import Foundation
import XCTest

/// Issue 16, item 8, through the real binary: pages that differ only in "$1.5bn" and
/// "$15bn" are two articles, and a backup written by older Cable (format 2, old ids)
/// restores onto both, after which each keeps its own marks.
final class CLIArticleIDTests: XCTestCase {
    func testPagesDifferingInPunctuationAreTwoArticlesAndAnOldBackupRestoresOntoThem() throws {
        let cli = try CLIHarness()
        let texts = try cli.writeLoanPages()
        let sync = try cli.run(["sync"])
        XCTAssertEqual(sync.status, 0, sync.stderr)
        XCTAssertFalse(sync.stdout.contains("duplicate"), sync.stdout)
        XCTAssertEqual(try cli.run(["list", "--count"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines), "2")

        let legacy = ArticleID.legacy(forContent: texts[0]).rawValue
        XCTAssertEqual(legacy, ArticleID.legacy(forContent: texts[1]).rawValue, "older Cable gave both one id")
        let backup = cli.base.appendingPathComponent("old-backup.txt")
        try Data("""
            # cable state export, format 2: <id> [read] [starred] [tag:"name"]...  # title
            \(legacy) read starred tag:loan  # G7 Agrees $1.5bn Loan For Kyiv

            """.utf8).write(to: backup)
        let imported = try cli.run(["state", "import", "--replace", backup.path])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertFalse(imported.stderr.contains("not in this library"), imported.stderr)

        for (file, row) in try cli.rowsByFile() {
            XCTAssertEqual(row["unread"] as? Bool, false, file)
            XCTAssertEqual(row["starred"] as? Bool, true, file)
            XCTAssertEqual(row["userTags"] as? [String], ["loan"], file)
        }
        let first = try XCTUnwrap(try cli.rowsByFile()["loan-a.txt"]?["id"] as? String)
        XCTAssertEqual(try cli.run(["mark", "unread", first]).status, 0)
        let after = try cli.rowsByFile()
        XCTAssertEqual(after["loan-a.txt"]?["unread"] as? Bool, true)
        XCTAssertEqual(after["loan-b.txt"]?["unread"] as? Bool, false, "marking one leaves the other")

        // A line for an article of another library is kept, and the note says what to do.
        let elsewhere = ArticleID.legacy(forContent: "an article this library does not hold").rawValue
        let other = try cli.run(["state", "import", "-"], stdin: "# cable state export, format 2: x\n\(elsewhere) read\n")
        XCTAssertEqual(other.status, 0, other.stderr)
        XCTAssertTrue(other.stderr.contains("1 line(s) of this older backup name articles that are not in this library"),
                      other.stderr)
        XCTAssertTrue(try cli.run(["state", "export"]).stdout.contains("\(elsewhere) read"))
    }
}

extension CLIHarness {
    /// Two pages older Cable took for one article; returns their texts.
    func writeLoanPages() throws -> [String] {
        try [("loan-a.txt", "$1.5bn"), ("loan-b.txt", "$15bn")].map { name, amount in
            let url = try writeArticle(name, headline: "G7 Agrees \(amount) Loan For Kyiv", dateline: "12:00 GMT14 Jun 2024",
                                       body: ["The Group of Seven agreed on Thursday a \(amount) loan, officials said."])
            return try String(contentsOf: url, encoding: .utf8)
        }
    }

    /// `list --json`, by file.
    func rowsByFile() throws -> [String: [String: Any]] {
        let list = try XCTUnwrap(try json(["list"]) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.compactMap { row in (row["file"] as? String).map { ($0, row) } })
    }

    /// Turns the synced library's index and state into what older Cable left: the index of
    /// the schema before `index-7`, keyed by old ids, one article for pages that shared one;
    /// the state under old ids (at most one of such pages may be marked).
    func makeOld() throws {
        let cache = base.appendingPathComponent("cache/cable")
        let index = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: cache.path)
            .first { $0.hasPrefix("index-") && $0.hasSuffix(".sqlite") })
        let sqlite = URL(fileURLWithPath: "/usr/bin/sqlite3")
        let state = try launch(sqlite, [base.appendingPathComponent("data/cable/state.sqlite").path, """
            ATTACH '\(cache.appendingPathComponent(index).path)' AS i;
            UPDATE mark SET id = (SELECT legacyID FROM i.article a WHERE a.id = mark.id);
            UPDATE userTag SET id = (SELECT legacyID FROM i.article a WHERE a.id = userTag.id);
            """])
        XCTAssertEqual(state.status, 0, state.stderr)
        let old = try launch(sqlite, [cache.appendingPathComponent(index).path, """
            DELETE FROM article WHERE rid NOT IN (SELECT min(rid) FROM article GROUP BY legacyID);
            UPDATE file SET article = (SELECT legacyID FROM article WHERE article.id = file.article);
            UPDATE article SET id = legacyID;
            DROP INDEX article_legacyID;
            ALTER TABLE article DROP COLUMN legacyID;
            DELETE FROM grdb_migrations WHERE identifier = 'index-7';
            """])
        XCTAssertEqual(old.status, 0, old.stderr)
    }
}
