import Foundation
import XCTest

/// The fuzz targets still build and hold on their seeds and a few hundred mutations (the
/// long runs are `Fuzz/run`; see the README's testing section).
final class FuzzSmokeTests: XCTestCase {
    func testEachTargetRunsItsCorpusAndSomeMutations() throws {
        let binary = CLIHarness.binary.deletingLastPathComponent().appendingPathComponent("cable-fuzz")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("cable-fuzz is not built next to cable")
        }
        let cli = try CLIHarness()
        for target in ["query", "state-import", "page", "html"] {
            let result = try cli.launch(binary, [target, "--runs", "400", "--seed", "7"])
            XCTAssertEqual(result.status, 0, "\(target): \(result.stderr)")
            XCTAssertTrue(result.stdout.contains("400 executions"), result.stdout)
        }
    }
}
