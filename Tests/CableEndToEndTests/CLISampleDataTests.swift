import Foundation
import XCTest

/// With no library configured, `cable` opens the bundled SampleData and must leave it exactly
/// as it was (the index and state live under the XDG folders).
final class CLISampleDataTests: XCTestCase {
    func testDefaultLibraryIsTheSampleDataAndItStaysUntouched() throws {
        let cli = try CLIHarness()
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("SampleData")
        func listing() throws -> [String: Date] {
            var result: [String: Date] = [:]
            for path in try FileManager.default.subpathsOfDirectory(atPath: samples.path) {
                let attributes = try FileManager.default.attributesOfItem(atPath: samples.appendingPathComponent(path).path)
                result[path] = attributes[.modificationDate] as? Date
            }
            return result
        }
        let before = try listing()
        let result = try cli.run(["list", "--json"], useLibraryOption: false)
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.count, before.keys.filter { $0.hasSuffix(".txt") }.count)
        XCTAssertEqual(try listing(), before)
        let cache = cli.base.appendingPathComponent("cache/cable")
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: cache.path).contains { $0.hasPrefix("index-") })
    }
}
