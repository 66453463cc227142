import CableCore
import Foundation
import XCTest

/// Issue 16, item 3, through the real binary: the index is a cache, so a sync killed at any
/// moment must never leave answers wrong; the next sync finishes the job.
final class CLIIndexHealingTests: XCTestCase {
    /// Articles in the generated library: a few story threads that name each other, two
    /// batches of the sync's writer, small enough for 50 kills in well under a minute.
    static let articles = 60

    /// A sync killed at moments spread over its run (after the articles are stored, before
    /// links are resolved among them), then one more sync: `related` answers exactly as after
    /// a clean sync of the same folder into a fresh index.
    func testASyncKilledAtAnyMomentIsFinishedByTheNextSync() throws {
        let cli = try CLIHarness()
        try SyntheticLibrary(count: Self.articles, seed: 16).write(into: cli.library)
        let cache = cli.base.appendingPathComponent("cache")
        let started = Date()
        XCTAssertEqual(try cli.run(["sync"]).status, 0)
        let full = Date().timeIntervalSince(started)
        let ids = try sampleIDs(cli, count: 6)
        var clean: [String: String] = [:]
        for id in ids { clean[id] = try related(cli, id) }
        XCTAssertTrue(clean.values.contains { $0.contains("\"resolved\"") || $0.contains("\"id\"") },
                      "the sample has links to compare")

        var random = Random(seed: 3)
        for round in 0..<50 {
            try FileManager.default.removeItem(at: cache)
            let process = try cli.start(["sync"])
            // Spread over the run, with a random jitter so the same moment is not hit twice.
            let moment = full * (Double(round) + Double(random.int(1_000)) / 1_000) / 50
            Thread.sleep(forTimeInterval: moment)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let healed = try cli.run(["sync"])
            XCTAssertEqual(healed.status, 0, "round \(round): \(healed.stderr)")
            for id in ids.indices.filter({ $0 % 3 == round % 3 }).map({ ids[$0] }) {
                XCTAssertEqual(try related(cli, id), clean[id], "round \(round) (\(moment) s): related \(id)")
            }
        }
    }

    /// Ids of `count` articles spread over the library.
    private func sampleIDs(_ cli: CLIHarness, count: Int) throws -> [String] {
        let rows = try XCTUnwrap(try cli.json(["list", "--sort", "title"]) as? [[String: Any]])
        let ids = rows.compactMap { $0["id"] as? String }
        XCTAssertGreaterThanOrEqual(ids.count, count)
        return stride(from: 0, to: ids.count, by: max(1, ids.count / count)).prefix(count).map { ids[$0] }
    }

    private func related(_ cli: CLIHarness, _ id: String) throws -> String {
        let result = try cli.run(["related", id, "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }
}
