import Foundation
import XCTest

/// Issue 15's command line: options before the command, --version, the manual page,
/// completions, the story command, the config check, and the small inconsistencies.
final class CLIHabitsTests: XCTestCase {
    func testOptionsGoBeforeOrAfterTheCommand() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let before = try cli.run(["--library", cli.library.path, "list", "--count"], useLibraryOption: false)
        XCTAssertEqual(before.status, 0, before.stderr)
        XCTAssertEqual(before.stdout, "2\n")
        let after = try cli.run(["list", "--count"])
        XCTAssertEqual(after.stdout, "2\n")
    }

    func testVersionManualAndCompletions() throws {
        let cli = try CLIHarness()
        let version = try cli.run(["--version"], useLibraryOption: false)
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.hasPrefix("0."), version.stdout)
        let manual = try cli.run(["man"], useLibraryOption: false)
        XCTAssertTrue(manual.stdout.hasPrefix(".TH CABLE 1"), manual.stdout)
        for section in [".SH COMMANDS", ".SH KEYS", ".SH FILES", "config.toml", "\\fBstory\\fR"] {
            XCTAssertTrue(manual.stdout.contains(section), section)
        }
        let completion = try cli.run(["--generate-completion-script", "bash"], useLibraryOption: false)
        XCTAssertEqual(completion.status, 0)
        XCTAssertTrue(completion.stdout.contains("story"), "completions know the commands")
    }

    func testANegativeLimitIsAClearError() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let result = try cli.run(["list", "--limit", "-1"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("--limit must be 0 or more"), result.stderr)
    }

    func testUserTagsAreAKeyOfTheirOwnAndQuotesLoseTheirTrailingComma() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let rows = try XCTUnwrap(try cli.json(["list", "--sort", "oldest"]) as? [[String: Any]])
        let id = try XCTUnwrap(rows.first?["id"] as? String)
        XCTAssertEqual(rows.first?["title"] as? String, "Baltic Cables Damaged Again", "oldest first")
        XCTAssertEqual(try cli.run(["tag", id, "+later"]).status, 0)
        let shown = try XCTUnwrap(try cli.json(["show", id]) as? [String: Any])
        XCTAssertEqual(shown["userTags"] as? [String], ["later"])
        XCTAssertEqual(shown["tags"] as? [String], ["Baltic Sea", "NATO"], "the page's own, apart")
        let quote = try XCTUnwrap((shown["quotes"] as? [[String: Any]])?.first?["text"] as? String)
        XCTAssertFalse(quote.hasSuffix(","), quote)
        let text = try cli.run(["list"])
        XCTAssertTrue(text.stdout.contains("[Baltic Sea, NATO]  {later}"), text.stdout)
        let quotes = try XCTUnwrap(try cli.json(["quotes"]) as? [[String: Any]])
        XCTAssertEqual(quotes.first?["text"] as? String, quote, "the same words in both JSON shapes")
    }

    func testStoryShowsTheLinkedArticlesByDate() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let rows = try XCTUnwrap(try cli.json(["list"]) as? [[String: Any]])
        let nato = try XCTUnwrap(rows.first { ($0["title"] as? String)?.hasPrefix("NATO") == true }?["id"] as? String)
        let story = try XCTUnwrap(try cli.json(["story", nato]) as? [String: Any])
        let entries = try XCTUnwrap(story["entries"] as? [[String: Any]])
        XCTAssertEqual(entries.compactMap { $0["title"] as? String },
                       ["Baltic Cables Damaged Again", "NATO Launches Sea Drone Mission"])
        XCTAssertEqual(entries.compactMap { $0["relation"] as? String }, ["linked", "this"])
        XCTAssertEqual((entries.first?["quote"] as? [String: Any])?["speaker"] as? String, "Aino Laakso")
        let text = try cli.run(["story", String(nato.prefix(6))])
        XCTAssertTrue(text.stdout.contains("> \(nato.prefix(8))"), text.stdout)
    }

    func testTheConfigCheckNamesTheLineAndTheConfigLibraryIsUsed() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let config = cli.base.appendingPathComponent("config/cable/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("library = \"\(cli.library.path)\"\n\n[keys]\nquit = \"x\"\nfly = \"f\"\n".utf8).write(to: config)
        let check = try cli.run(["config"], useLibraryOption: false)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains("line 5: [keys] fly: no such action"), check.stdout)
        let count = try cli.run(["list", "--count"], useLibraryOption: false)
        XCTAssertEqual(count.stdout, "2\n", "the config's library: " + count.stderr)
        try Data("[keys\nquit = 1\n".utf8).write(to: config)
        let broken = try cli.run(["config"], useLibraryOption: false)
        XCTAssertTrue(broken.stdout.contains("line 1:"), broken.stdout)
    }
}
