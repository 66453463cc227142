import Foundation
import GRDB
import XCTest
@testable import CableCore

/// Upgrading to ids that keep punctuation loses nothing (issue 16, item 8): a library and
/// state made with the old ids (letters and digits only), opened by this Cable, keep every
/// mark and tag; an older backup imports onto the right articles; and two pages that differ
/// only in "$1.5bn" and "$15bn" become two articles, each with its own state from then on.
final class LegacyStateTests: XCTestCase {
    private let samples = ["sanctions", "undersea-cables"]

    /// Two pages older Cable took for one (the second skipped as its duplicate).
    private func loanPage(_ amount: String) -> String {
        """
        G7 agrees \(amount) loan for Kyiv

        By Anna Reed, Diplomatic Correspondent
        12:00 GMT, 14 June 2024

        The Group of Seven agreed on Thursday a \(amount) loan to be repaid from the interest on frozen assets.

        "It is a fair way to pay for the damage," one official said.
        """
    }

    /// A library as older Cable left it: the files, an index of the schema before `index-7`
    /// keyed by old ids (one article for the two loan pages), and the state keyed by old
    /// ids, each old id given marks and tags by `marks(for:)`.
    private func oldLibrary() throws -> (library: TestLibrary, legacyIDs: [String]) {
        let library = try TestLibrary()
        for folder in samples {
            try FileManager.default.copyItem(at: ScoringFiles.root.appendingPathComponent("SampleData/\(folder)"),
                                             to: library.root.appendingPathComponent(folder))
        }
        try library.writeRaw("loan-a.txt", Data(loanPage("$1.5bn").utf8))
        try library.writeRaw("loan-b.txt", Data(loanPage("$15bn").utf8))
        let current = try Library.open(library.locations)
        try current.sync()
        try current.close()
        let index = try DatabaseQueue(path: library.locations.index.path)
        let legacyIDs = try index.write { db -> [String] in
            // One article per old id, as older Cable kept: the other page is its duplicate.
            try db.execute(sql: """
                DELETE FROM article WHERE rid NOT IN (SELECT min(rid) FROM article GROUP BY legacyID);
                UPDATE file SET article = (SELECT legacyID FROM article WHERE article.id = file.article);
                UPDATE article SET id = legacyID;
                DROP INDEX article_legacyID;
                ALTER TABLE article DROP COLUMN legacyID;
                DELETE FROM grdb_migrations WHERE identifier = 'index-7';
                """)
            return try String.fetchAll(db, sql: "SELECT id FROM article ORDER BY id")
        }
        try index.close()
        let state = try DatabaseQueue(path: library.locations.state.path)
        try state.write { db in
            try db.execute(sql: "DELETE FROM mark; DELETE FROM userTag")
            for id in legacyIDs {
                let marks = marks(for: id)
                try db.execute(sql: "INSERT INTO mark(id, read, starred) VALUES (?, ?, ?)",
                               arguments: [id, marks.read, marks.starred])
                for tag in marks.tags {
                    try db.execute(sql: "INSERT INTO userTag(id, tagKey, tag) VALUES (?, ?, ?)",
                                   arguments: [id, Library.tagKey(tag), tag])
                }
            }
        }
        try state.close()
        return (library, legacyIDs)
    }

    /// The marks and tags the old state gives an old id: a mix, from its digits.
    private func marks(for legacyID: String) -> ArticleMarks {
        let value = UInt64(legacyID, radix: 16) ?? 0
        var tags = ["old \(legacyID.prefix(4))"]
        if value % 3 == 0 { tags.append("Five Eyes") }
        return ArticleMarks(read: value % 2 == 0, starred: value % 4 < 2, tags: tags.sorted())
    }

    /// Every article of the library now: new id, old id, file.
    private func articles(_ library: Library) throws -> [(id: String, legacyID: String, file: String)] {
        try library.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, legacyID, file FROM article ORDER BY file").map {
                ($0["id"], $0["legacyID"], $0["file"])
            }
        }
    }

    private func loanArticles(_ library: Library) throws -> [ArticleID] {
        try articles(library).filter { $0.file.hasPrefix("loan-") }.map { ArticleID(rawValue: $0.id) }
    }

    func testTheFirstOpenCarriesEveryMarkAndTagToTheNewIDs() throws {
        let (old, legacyIDs) = try oldLibrary()
        let (library, _) = try Library.withRecovery(old.locations) { try $0.sync(.folders) }
        XCTAssertTrue(library.notices.contains { $0.contains("older version") && $0.contains("new ids") }, "\(library.notices)")
        let now = try articles(library)
        XCTAssertEqual(now.count, legacyIDs.count + 1, "the two loan pages are two articles")
        XCTAssertEqual(Set(now.map(\.legacyID)), Set(legacyIDs))
        for article in now {
            XCTAssertNotEqual(article.id, article.legacyID)
            XCTAssertEqual(try library.marks(ArticleID(rawValue: article.id)), marks(for: article.legacyID), article.file)
        }
        let leftUnderOldIDs = try library.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM state.mark WHERE id NOT IN (SELECT id FROM article)")
        }
        XCTAssertEqual(leftUnderOldIDs, 0, "carried state is no longer kept under the old ids")
    }

    /// Both pages inherit the state of the one article they were; from then on each has its own.
    func testPagesThatSharedAnOldIDAreTwoArticlesWithTheirOwnState() throws {
        let (old, _) = try oldLibrary()
        let (library, report) = try Library.withRecovery(old.locations) { try $0.sync(.folders) }
        XCTAssertFalse(report.skipped.contains { $0.file.hasPrefix("loan-") }, "\(report.skipped)")
        let loans = try articles(library).filter { $0.file.hasPrefix("loan-") }
        XCTAssertEqual(loans.count, 2)
        XCTAssertEqual(loans[0].legacyID, loans[1].legacyID)
        let (first, second) = (ArticleID(rawValue: loans[0].id), ArticleID(rawValue: loans[1].id))
        let inherited = marks(for: loans[0].legacyID)
        XCTAssertEqual(try library.marks(first), inherited)
        XCTAssertEqual(try library.marks(second), inherited)
        try library.setRead([first], !inherited.read)
        try library.changeUserTags([first], adding: ["only a"], removing: [])
        XCTAssertEqual(try library.marks(second), inherited, "marking one leaves the other as it was")
        XCTAssertNotEqual(try library.marks(first), inherited)
    }

    /// The old id's rows are gone once carried: an index rebuilt later (a new parser) cannot
    /// bring back a mark taken off since.
    func testARebuildLaterDoesNotBringOldMarksBack() throws {
        let (old, _) = try oldLibrary()
        let (library, _) = try Library.withRecovery(old.locations) { try $0.sync(.folders) }
        let loan = try XCTUnwrap(try loanArticles(library).first)
        XCTAssertNotEqual(try library.marks(loan), ArticleMarks(), "carried")
        try library.setRead([loan], false)
        try library.setStarred([loan], false)
        try library.changeUserTags([loan], adding: [], removing: try library.marks(loan).tags)
        try library.close()
        let rebuilt = try Library.open(old.locations, parse: Library.standardParse, parserVersion: PageReader.version + 1)
        try rebuilt.sync()
        XCTAssertEqual(try rebuilt.marks(loan), ArticleMarks())
    }

    /// A backup written by older Cable (format 2, or 1 without a header) names old ids:
    /// restored after the upgrade, each line goes to the articles that had that id.
    func testAnOldBackupImportsOntoTheRightArticles() throws {
        for header in ["# cable state export, format 2: <id> [read] [starred] [tag:\"name\"]...  # title\n", ""] {
            let (old, legacyIDs) = try oldLibrary()
            let backup = header + legacyIDs.map { id in
                let marks = marks(for: id)
                return ([id] + (marks.read ? ["read"] : []) + (marks.starred ? ["starred"] : [])
                    + marks.tags.map { "tag:\"\($0)\"" }).joined(separator: " ") + "  # a title"
            }.joined(separator: "\n") + "\n"
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: old.locations.state.path + suffix) }
            let (library, _) = try Library.withRecovery(old.locations) { try $0.sync(.folders) }
            let report = try library.importState(backup, replacing: true)
            XCTAssertEqual(report.problems, [])
            XCTAssertEqual(report.applied, legacyIDs.count)
            XCTAssertEqual(report.keptUnderOldIDs, 0)
            for article in try articles(library) {
                XCTAssertEqual(try library.marks(ArticleID(rawValue: article.id)), marks(for: article.legacyID),
                               "\(article.file) (\(header.isEmpty ? "format 1" : "format 2"))")
            }
            XCTAssertTrue(try library.exportState().hasPrefix("# cable state export, format 3:"))
        }
    }

    /// An old backup's line for an article this library does not hold (yet) is kept under
    /// its old id, and goes to the article when a file with that text arrives.
    func testAnOldBackupLineForAnotherArticleWaitsForIt() throws {
        let (old, _) = try oldLibrary()
        let (library, _) = try Library.withRecovery(old.locations) { try $0.sync(.folders) }
        let later = loanPage("$2bn")
        let legacy = ArticleID.legacy(forContent: later).rawValue
        let report = try library.importState("# cable state export, format 2: x\n\(legacy) starred tag:later\n")
        XCTAssertEqual(report.keptUnderOldIDs, 1)
        try old.writeRaw("loan-c.txt", Data(later.utf8))
        try library.sync()
        XCTAssertEqual(try library.marks(ArticleID.forContent(later)), ArticleMarks(starred: true, tags: ["later"]))
        XCTAssertEqual(try library.marks(ArticleID(rawValue: legacy)), ArticleMarks())
    }

    /// A shortened old id names the articles of the one old id it starts.
    func testAnOldBackupMayShortenIDs() throws {
        let (old, legacyIDs) = try oldLibrary()
        let (library, _) = try Library.withRecovery(old.locations) { try $0.sync(.folders) }
        let id = try XCTUnwrap(legacyIDs.first)
        let report = try library.importState("# cable state export, format 2: x\n\(id.prefix(10)) tag:short\n")
        XCTAssertEqual(report.problems, [])
        let article = try XCTUnwrap(try articles(library).first { $0.legacyID == id })
        XCTAssertTrue(try library.marks(ArticleID(rawValue: article.id)).tags.contains("short"))
    }
}
