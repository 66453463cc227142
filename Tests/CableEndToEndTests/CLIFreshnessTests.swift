import Foundation
import XCTest

/// What the README promises about freshness, from the real binary: every command checks the
/// library's folders before it answers, so files added, removed or renamed are seen by the
/// next command; a file rewritten in place is seen by `cable sync`, and by `show` (which
/// reads the file) of the article it held.
final class CLIFreshnessTests: XCTestCase {
    func count(_ cli: CLIHarness, _ query: [String] = []) throws -> Int {
        let result = try cli.run(["list"] + query + ["--count"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    func testAddedRemovedAndRenamedFilesAreSeenByTheNextCommand() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        XCTAssertEqual(try count(cli), 2)

        // Added, in a folder the index knows and in a new one.
        try cli.writeArticle("cables/second.txt", headline: "Second Cable Cut Off Gotland", dateline: "11:00 GMT09 Mar 2024",
                             body: ["A second cable was cut off Gotland, the operator said."], tags: ["Gotland", "Sweden"])
        try cli.writeArticle("new/folder/third.txt", headline: "Third Story In A New Folder", dateline: "12:00 GMT10 Mar 2024",
                             body: ["Investigators widened their search on Sunday."], tags: ["Gotland", "Sweden"])
        XCTAssertEqual(try count(cli), 4)
        XCTAssertEqual(try count(cli, ["tag:gotland"]), 2)

        // Removed, and a whole folder removed.
        try FileManager.default.removeItem(at: cli.library.appendingPathComponent("new"))
        XCTAssertEqual(try count(cli, ["tag:gotland"]), 1)
        try FileManager.default.removeItem(at: cli.library.appendingPathComponent("nato.txt"))
        let tags = try XCTUnwrap(try cli.json(["tags"]) as? [[String: Any]])
        XCTAssertEqual(tags.first { $0["tag"] as? String == "NATO" }?["count"] as? Int, 1)

        // Renamed into another folder: same article, new file.
        let before = try XCTUnwrap(try cli.json(["list", "tag:gotland"]) as? [[String: Any]])
        try FileManager.default.createDirectory(at: cli.library.appendingPathComponent("moved"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: cli.library.appendingPathComponent("cables/second.txt"),
                                         to: cli.library.appendingPathComponent("moved/second.txt"))
        let after = try XCTUnwrap(try cli.json(["list", "tag:gotland"]) as? [[String: Any]])
        XCTAssertEqual(after.first?["id"] as? String, before.first?["id"] as? String)
        XCTAssertEqual(after.first?["file"] as? String, "moved/second.txt")
    }

    /// A command that finds no folder changed writes nothing, to the index or to the state
    /// (issue 17): as it exits, SQLite has nothing to copy from the write-ahead log into the
    /// index and nothing to sync to disk. A file added is still seen, and stored, by the next.
    func testACommandThatFindsNothingChangedWritesNothing() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        // Folder times older than the two seconds a folder check does not trust, recorded.
        for folder in ["", "cables"] {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)],
                                                  ofItemAtPath: cli.library.appendingPathComponent(folder).path)
        }
        XCTAssertEqual(try cli.run(["sync"]).status, 0)
        let cache = cli.base.appendingPathComponent("cache/cable")
        let index = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: cache.path)
            .first { $0.hasPrefix("index-") && $0.hasSuffix(".sqlite") })
        let files = [cache.appendingPathComponent(index).path, cache.appendingPathComponent(index).path + "-wal",
                     cli.base.appendingPathComponent("data/cable/state.sqlite").path]
        func written() -> [String] {
            files.map { file in
                let attributes = try? FileManager.default.attributesOfItem(atPath: file)
                return "\(attributes?[.size] ?? "none") \(attributes?[.modificationDate] ?? "none")"
            }
        }
        let before = written()
        // Any write from here on has a later time.
        Thread.sleep(forTimeInterval: 0.05)
        XCTAssertEqual(try count(cli), 2)
        XCTAssertEqual(try count(cli, ["tag:nato"]), 1)
        XCTAssertEqual(try cli.run(["tags"]).status, 0)
        XCTAssertEqual(written(), before, "nothing written")

        try cli.writeArticle("cables/third.txt", headline: "Third Cable Cut Off Gotland", dateline: "11:00 GMT09 Mar 2024",
                             body: ["A third cable was cut off Gotland, the operator said."], tags: ["Gotland"])
        XCTAssertEqual(try count(cli), 3)
        XCTAssertNotEqual(written(), before, "stored")
        XCTAssertEqual(try count(cli), 3)
    }

    func testAFileRewrittenInPlaceIsSeenByShowAndBySync() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let rows = try XCTUnwrap(try cli.json(["list", "tag:\"baltic sea\""]) as? [[String: Any]])
        let id = try XCTUnwrap(rows.first?["id"] as? String)

        // Rewritten in place: the folder's time does not move.
        let folder = cli.library.appendingPathComponent("cables")
        let folderTime = try FileManager.default.attributesOfItem(atPath: folder.path)[.modificationDate]
        try cli.writeArticle("cables/baltic.txt", headline: "Baltic Cables Damaged Again, Navy Says", dateline: "09:41 GMT07 Mar 2024",
                             body: ["The navy confirmed the damage on Wednesday."], tags: ["Baltic Sea", "Navy"])
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: folder.path)[.modificationDate] as? Date,
                       folderTime as? Date, "the test rewrites the file in place")

        // `show` reads the file, sees it is another article now, and syncs that file.
        let shown = try cli.run(["show", id])
        XCTAssertNotEqual(shown.status, 0, "the article it held is gone")
        XCTAssertTrue(shown.stderr.contains("no article"), shown.stderr)
        XCTAssertEqual(try count(cli, ["tag:navy"]), 1)

        // And `cable sync` sees any such file.
        try cli.writeArticle("nato.txt", headline: "NATO Launches Sea Drone Mission Off Finland", dateline: "10:00 GMT08 Mar 2024",
                             body: ["The alliance will watch Baltic infrastructure with sea drones."], tags: ["NATO", "Finland"])
        XCTAssertEqual(try cli.run(["sync"]).status, 0)
        XCTAssertEqual(try count(cli, ["tag:finland"]), 1)
    }
}
