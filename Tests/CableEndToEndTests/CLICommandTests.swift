import Foundation
import XCTest

/// The `cable` binary end to end on a temporary library: JSON shapes, marks, state, errors.
final class CLICommandTests: XCTestCase {
    func testListJSONHasTheDocumentedShapeAndRelativeFiles() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let rows = try XCTUnwrap(try cli.json(["list"]) as? [[String: Any]])
        XCTAssertEqual(rows.count, 2)
        for row in rows {
            XCTAssertEqual(Set(row.keys), ["id", "title", "published", "source", "url", "tags", "userTags", "file",
                                           "unread", "starred"])
            XCTAssertTrue(row["url"] is NSNull, "a text page has no address")
            XCTAssertEqual((row["id"] as? String)?.count, 16)
            XCTAssertEqual(row["unread"] as? Bool, true)
        }
        XCTAssertEqual(Set(rows.compactMap { $0["file"] as? String }), ["cables/baltic.txt", "nato.txt"])
        let count = try cli.run(["list", "--count"])
        XCTAssertEqual(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "2")
    }

    func testShowListsLinksLikeRelatedAndWritesNullRoles() throws {
        let cli = try CLIHarness()
        try cli.writeArticle("a.txt", headline: "Baltic Cables Damaged Again", dateline: "09:41 GMT07 Mar 2024",
                             body: ["Two undersea data cables in the Baltic were found damaged on Wednesday, operators said.",
                                    "READ MORE: NATO Launches Sea Drone Mission",
                                    "\"Nothing is ruled out,\" Laakso said on Thursday.",
                                    "Repairs will take weeks, the operators added."],
                             related: ["NATO LAUNCHES SEA DRONE MISSION", "Finland Detains Tanker"], tags: ["NATO"])
        let rows = try XCTUnwrap(try cli.json(["list"]) as? [[String: Any]])
        let id = try XCTUnwrap(rows.first?["id"] as? String)
        let shown = try cli.run(["show", id])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        let lines = shown.stdout.components(separatedBy: "\n")
        XCTAssertEqual(lines.filter { $0.lowercased().contains("nato launches sea drone mission") }.count, 1,
                       "one line per story, however the page cased it: \(shown.stdout)")
        XCTAssertTrue(lines.contains { $0.contains("READ MORE: NATO Launches Sea Drone Mission") }, shown.stdout)
        XCTAssertTrue(lines.contains { $0.contains("Finland Detains Tanker") }, shown.stdout)

        let json = try XCTUnwrap(try cli.json(["show", id]) as? [String: Any])
        let quotes = try XCTUnwrap(json["quotes"] as? [[String: Any]])
        XCTAssertFalse(quotes.isEmpty)
        for quote in quotes {
            XCTAssertEqual(Set(quote.keys), ["text", "speaker", "role", "paragraph"])
        }
        XCTAssertTrue(quotes.contains { $0["role"] is NSNull }, "\(quotes)")
        XCTAssertTrue(json["source"] is NSNull)
        XCTAssertTrue(json["url"] is NSNull)

        // `show --json` and `parse --json` are one article form: the same keys, plus the
        // user's marks in one and the error in the other.
        let parsed = try cli.run(["parse", "--json", cli.library.appendingPathComponent("a.txt").path,
                                  cli.library.appendingPathComponent("missing.txt").path], useLibraryOption: false)
        let objects = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(objects.count, 2)
        let article = Set(json.keys).subtracting(["userTags", "unread", "starred"])
        XCTAssertEqual(article, ["id", "file", "title", "titleDerived", "published", "source", "url", "paragraphs",
                                 "quotes", "readMore", "related", "tags", "linkURLs", "warnings"])
        for object in objects { XCTAssertEqual(Set(object.keys), article.union(["error"])) }
        XCTAssertEqual(objects[0]["id"] as? String, json["id"] as? String)
        XCTAssertTrue(objects[0]["error"] is NSNull)
        XCTAssertTrue(objects[1]["id"] is NSNull)
        XCTAssertTrue(objects[1]["error"] is String)
    }

    func testMarkByPrefixChangesWhatQueriesSee() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let rows = try XCTUnwrap(try cli.json(["list"]) as? [[String: Any]])
        let id = try XCTUnwrap(rows.first?["id"] as? String)
        XCTAssertEqual(try cli.run(["mark", "read", String(id.prefix(6))]).status, 0)
        XCTAssertEqual(try cli.run(["mark", "star", id]).status, 0)
        let unread = try XCTUnwrap(try cli.json(["list", "is:unread"]) as? [[String: Any]])
        XCTAssertEqual(unread.count, 1)
        XCTAssertNotEqual(unread.first?["id"] as? String, id)
        let starred = try XCTUnwrap(try cli.json(["list", "is:starred"]) as? [[String: Any]])
        XCTAssertEqual(starred.first?["id"] as? String, id)
        XCTAssertEqual(starred.first?["unread"] as? Bool, false)
    }

    func testStateExportAndImportRoundTripThroughText() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let rows = try XCTUnwrap(try cli.json(["list"]) as? [[String: Any]])
        let id = try XCTUnwrap(rows.first?["id"] as? String)
        XCTAssertEqual(try cli.run(["mark", "read", id]).status, 0)
        XCTAssertEqual(try cli.run(["tag", id, "+Five Eyes"]).status, 0)
        let export = try cli.run(["state", "export"])
        XCTAssertTrue(export.stdout.contains("\(id) read tag:\"Five Eyes\""), export.stdout)

        // A new machine: fresh state, same files; import restores the marks.
        let other = try CLIHarness()
        try other.writeTwoArticles()
        let refused = try other.run(["state", "import", "-"], stdin: export.stdout + "garbage line\n")
        XCTAssertNotEqual(refused.status, 0, "a bad line is reported")
        XCTAssertTrue(refused.stderr.contains("line 3:"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("nothing imported"), refused.stderr)
        let imported = try other.run(["state", "import", "--skip-bad-lines", "-"], stdin: export.stdout + "garbage line\n")
        XCTAssertNotEqual(imported.status, 0, "the bad line is still reported")
        XCTAssertEqual(try other.run(["state", "export"]).stdout, export.stdout)
        let tagged = try XCTUnwrap(try other.json(["list", "tag:\"five eyes\""]) as? [[String: Any]])
        XCTAssertEqual(tagged.first?["id"] as? String, id)

        // Later changes: a merge keeps them, --replace restores the backup exactly.
        XCTAssertEqual(try other.run(["tag", id, "+later"]).status, 0)
        XCTAssertEqual(try other.run(["state", "import", "-"], stdin: export.stdout).status, 0)
        XCTAssertTrue(try other.run(["state", "export"]).stdout.contains("tag:later"))
        XCTAssertEqual(try other.run(["state", "import", "--replace", "-"], stdin: export.stdout).status, 0)
        XCTAssertEqual(try other.run(["state", "export"]).stdout, export.stdout)
    }

    func testTagsQuotesAndRelatedJSONShapes() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let tags = try XCTUnwrap(try cli.json(["tags"]) as? [[String: Any]])
        for tag in tags { XCTAssertEqual(Set(tag.keys), ["tag", "count"]) }
        let counts = tags.compactMap { $0["count"] as? Int }
        XCTAssertEqual(counts, counts.sorted(by: >))

        let quotes = try XCTUnwrap(try cli.json(["quotes"]) as? [[String: Any]])
        for quote in quotes {
            XCTAssertTrue(Set(quote.keys).isSuperset(of: ["text", "speaker", "role", "id", "title", "published"]))
        }

        let rows = try XCTUnwrap(try cli.json(["list"]) as? [[String: Any]])
        let id = try XCTUnwrap(rows.first?["id"] as? String)
        let related = try XCTUnwrap(try cli.json(["related", id]) as? [String: Any])
        XCTAssertEqual(Set(related.keys), ["id", "explicit", "similar", "linkedFrom"])
        for link in related["explicit"] as? [[String: Any]] ?? [] {
            XCTAssertTrue(Set(link.keys).isSuperset(of: ["headline", "id", "title"]))
        }
        for similar in related["similar"] as? [[String: Any]] ?? [] {
            XCTAssertEqual(Set(similar.keys), ["id", "title", "score"])
        }
    }

    func testErrorsAreOneLineOnStderrWithNonZeroExit() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let unknown = try cli.run(["show", "zzzz"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("no article with id 'zzzz'"), unknown.stderr)
        XCTAssertEqual(unknown.stdout, "")

        let badQuery = try cli.run(["list", "tag:"])
        XCTAssertNotEqual(badQuery.status, 0)
        XCTAssertTrue(badQuery.stderr.contains("column"), badQuery.stderr)

        let missing = try cli.run(["list", "--library", cli.base.appendingPathComponent("nope").path],
                                  useLibraryOption: false)
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("not a readable folder"), missing.stderr)
        for result in [unknown, badQuery, missing] {
            XCTAssertFalse(result.stderr.contains("Fatal error"))
            XCTAssertLessThanOrEqual(result.stderr.split(separator: "\n").count, 2, result.stderr)
        }
    }

    func testImportCopiesNewArticlesOnceWithSafeNames() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let outside = cli.base.appendingPathComponent("incoming")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let fresh = "Grain Deal Collapses\n12:00 GMT17 Jul 2023\n\n    Russia quit the grain corridor deal on Monday, officials said.\n"
        try Data(fresh.utf8).write(to: outside.appendingPathComponent("grain deal.txt"))
        let result = try cli.run(["import", outside.path, cli.library.appendingPathComponent("nato.txt").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("already in the library"), result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(
            atPath: cli.library.appendingPathComponent("incoming/grain deal.txt").path))
        XCTAssertEqual(try XCTUnwrap(try cli.json(["list"]) as? [[String: Any]]).count, 3)
        let again = try cli.run(["import", outside.path])
        XCTAssertTrue(again.stderr.contains("0 imported"), again.stderr)

        // A path that does not exist is an error, after the others are imported.
        let other = "Tanker Detained\n12:00 GMT17 Jul 2024\n\n    Finland detained a tanker on Thursday, officials said.\n"
        try Data(other.utf8).write(to: outside.appendingPathComponent("tanker.txt"))
        let missing = try cli.run(["import", cli.base.appendingPathComponent("nonexistent").path,
                                   outside.appendingPathComponent("tanker.txt").path])
        XCTAssertEqual(missing.status, 1, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("no such file"), missing.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: cli.library.appendingPathComponent("tanker.txt").path))
    }

    func testTwoProcessesAtOnceBothSucceed() throws {
        let cli = try CLIHarness()
        for n in 0..<300 {
            try cli.writeArticle("bulk/\(n).txt", headline: "Bulk Story Number \(n)", dateline: "10:00 GMT08 Mar 2024",
                                 body: ["Paragraph for bulk story \(n), with words about ports and shipping."])
        }
        let results = ResultSlots(count: 3)
        let group = DispatchGroup()
        for index in 0..<3 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                results.set(index, try? cli.run(index == 2 ? ["tags"] : ["sync"]))
            }
        }
        XCTAssertEqual(group.wait(timeout: .now() + 120), .success)
        for result in results.values {
            XCTAssertEqual(result?.status, 0, result?.stderr ?? "did not run")
        }
        XCTAssertEqual(try cli.run(["list", "--count"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines), "300")
    }
}
