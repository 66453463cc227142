import Foundation
import XCTest

/// HTML pages through the real binary: `cable parse` and a library holding them.
final class CLIHTMLTests: XCTestCase {
    static let pages = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CableCoreTests/HTMLPages")

    func testParseJSONCarriesOutletAddressAndLinkAddresses() throws {
        let cli = try CLIHarness()
        let page = Self.pages.appendingPathComponent("baltic-repair-ship.html").path
        let result = try cli.run(["parse", "--json", page, "/nonexistent/page.html"], useLibraryOption: false)
        XCTAssertEqual(result.status, 1, "one file could not be read")
        let objects = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(objects.count, 2)
        let article = objects[0]
        XCTAssertEqual(article["title"] as? String, "Finland and Estonia Charter a Standby Repair Ship for Baltic Cables")
        XCTAssertEqual(article["source"] as? String, "The Meridian Ledger")
        XCTAssertEqual(article["url"] as? String, "https://www.meridianledger.example/world/europe/2024/02/06/baltic-repair-ship")
        let links = try XCTUnwrap(article["linkURLs"] as? [String: String])
        XCTAssertEqual(links["NATO Widens Baltic Patrols After Pipeline Damage"],
                       "https://www.meridianledger.example/news/2024/01/nato-baltic-sentry-patrols")
        let failed = objects[1]
        XCTAssertTrue(failed["url"] is NSNull)
        XCTAssertTrue(failed["source"] is NSNull)
        XCTAssertEqual((failed["linkURLs"] as? [String: String])?.isEmpty, true)

        let text = try cli.run(["parse", page], useLibraryOption: false)
        XCTAssertTrue(text.stdout.contains("  url: https://www.meridianledger.example/world/europe/2024/02/06/baltic-repair-ship"),
                      text.stdout)
    }

    func testALibraryReadsHTMLPagesAndRefusesBinaryOnes() throws {
        let cli = try CLIHarness()
        let outside = cli.base.appendingPathComponent("downloads")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.pages.appendingPathComponent("danube-grain-convoy.html"),
                                         to: outside.appendingPathComponent("danube-grain-convoy.html"))
        try Data([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0]).write(to: outside.appendingPathComponent("report.pdf"))
        let imported = try cli.run(["import", outside.path])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stderr.contains("report.pdf: binary"), imported.stderr)

        let rows = try XCTUnwrap(try cli.json(["list"]) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["title"] as? String }, ["Grain convoy reaches Constanța as Danube escorts begin"])
        let id = try XCTUnwrap(rows.first?["id"] as? String)
        let shown = try XCTUnwrap(try cli.json(["show", id]) as? [String: Any])
        XCTAssertEqual(shown["source"] as? String, "Riverside Dispatch")
        XCTAssertEqual((shown["paragraphs"] as? [Any])?.count, 5)
        let tagged = try XCTUnwrap(try cli.json(["list", "tag:Danube"]) as? [[String: Any]])
        XCTAssertEqual(tagged.count, 1)
    }
}
