import Foundation
import XCTest

/// Findings of the first review, each pinned by the case that showed it.
final class CLIHardeningTests: XCTestCase {
    /// A file name (or page) can carry escape sequences; human output must not pass them to the
    /// user's terminal (JSON escapes them itself).
    func testEscapeSequencesInFileNamesNeverReachTheTerminal() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let hostile = "x\u{1B}]0;PWNED\u{07}\u{1B}[2J.txt"
        try Data("Listen Live\n".utf8).write(to: cli.library.appendingPathComponent(hostile))
        for command in [["list"], ["sync"], ["quotes"], ["tags"]] {
            let result = try cli.run(command)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertFalse(result.stdout.contains("\u{1B}"), "\(command): \(result.stdout)")
            XCTAssertFalse(result.stderr.contains("\u{1B}"), "\(command): \(result.stderr)")
            XCTAssertFalse(result.stdout.contains("\u{07}"), "\(command): \(result.stdout)")
        }
    }

    /// `-tag:X` and `-name` are the documented way to exclude a tag or remove a user tag; they
    /// must not be taken for unknown options.
    func testDashPrefixedQueryWordsAndTagRemovalsAreArguments() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let rows = try XCTUnwrap(try cli.json(["list"]) as? [[String: Any]])
        let id = try XCTUnwrap(rows.first?["id"] as? String)
        XCTAssertEqual(try cli.run(["tag", id, "+todo", "+later"]).status, 0)
        let removed = try cli.run(["tag", id, "-later"])
        XCTAssertEqual(removed.status, 0, removed.stderr)
        let later = try XCTUnwrap(try cli.json(["list", "tag:later"]) as? [[String: Any]])
        XCTAssertEqual(later.count, 0)
        let notTodo = try XCTUnwrap(try cli.json(["list", "-tag:todo"]) as? [[String: Any]])
        XCTAssertEqual(notTodo.count, 1)
        XCTAssertNotEqual(notTodo.first?["id"] as? String, id)
    }

    func testTagSplitsOnCommasAndSaysWhenARemovalDoesNothing() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let rows = try XCTUnwrap(try cli.json(["list", "undersea"]) as? [[String: Any]])
        let id = try XCTUnwrap(rows.first?["id"] as? String)
        XCTAssertEqual(try cli.run(["tag", id, "+a,b"]).status, 0)
        XCTAssertEqual(try XCTUnwrap(try cli.json(["list", "tag:a", "tag:b"]) as? [[String: Any]]).count, 1)
        let pageTag = try cli.run(["tag", id, "-NATO", "-missing"])
        XCTAssertEqual(pageTag.status, 0)
        XCTAssertTrue(pageTag.stderr.contains("page's own tag"), pageTag.stderr)
        XCTAssertTrue(pageTag.stderr.contains("has no tag 'missing'"), pageTag.stderr)
        let control = try cli.run(["tag", id, "+two\nlines"])
        XCTAssertNotEqual(control.status, 0)
        XCTAssertTrue(control.stderr.contains("control character"), control.stderr)
    }

    /// A backup edited or saved on Windows has CRLF line endings; importing it must restore
    /// the marks, not read the whole file as one comment line.
    func testStateImportAcceptsCRLFLineEndings() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let rows = try XCTUnwrap(try cli.json(["list"]) as? [[String: Any]])
        let id = try XCTUnwrap(rows.first?["id"] as? String)
        XCTAssertEqual(try cli.run(["mark", "star", id]).status, 0)
        let export = try cli.run(["state", "export"]).stdout
        XCTAssertEqual(try cli.run(["mark", "unstar", id]).status, 0)
        let crlf = export.replacingOccurrences(of: "\n", with: "\r\n")
        let imported = try cli.run(["state", "import", "-"], stdin: crlf)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let starred = try XCTUnwrap(try cli.json(["list", "is:starred"]) as? [[String: Any]])
        XCTAssertEqual(starred.first?["id"] as? String, id)
    }
}
