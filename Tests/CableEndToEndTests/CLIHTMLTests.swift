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

    /// Bytes that do not fit the charset a page declares: libxml2 would print "encoding error"
    /// lines on standard error (over the reader's screen, during a background sync); the page
    /// is read with nothing said but what Cable says.
    func testBytesThatDoNotFitTheDeclaredCharsetPrintNothingOfLibxml2s() throws {
        let cli = try CLIHarness()
        let page = cli.base.appendingPathComponent("mismatch.html")
        var bytes = Data(("<html><head><meta charset=\"shift_jis\"><title>Port talks</title></head><body><p>"
            + "The port authority said on Monday that talks would resume next week. ").utf8)
        bytes += Data([0x81, 0xFF, 0xFE, 0x20, 0xE2, 0x9A, 0xA1])
        bytes += Data("</p></body></html>".utf8)
        try bytes.write(to: page)
        for arguments in [["parse", page.path], ["parse", "--json", page.path]] {
            let result = try cli.run(arguments, useLibraryOption: false)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stderr, "", "nothing of libxml2's on standard error")
            XCTAssertTrue(result.stdout.contains("talks would resume"), result.stdout)
        }
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
        let text = try cli.run(["show", id])
        XCTAssertTrue(text.stdout.contains(
            "\nRiverside Dispatch  ·  https://riversidedispatch.example/2024/03/grain-convoy-constanta/\n"), text.stdout)
        let bySource = try XCTUnwrap(try cli.json(["list", "source:\"riverside DISPATCH\"", "tag:Danube"]) as? [[String: Any]])
        XCTAssertEqual(bySource.count, 1)
        XCTAssertEqual((try cli.json(["list", "-source:riverside"]) as? [[String: Any]])?.count, 0)
    }

    /// A related link whose headline names no title in the library, but whose address is an
    /// article's canonical URL, is that article for `cable related` and `cable show`.
    func testRelatedLinksResolveByTheirAddress() throws {
        let cli = try CLIHarness()
        let outside = cli.base.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.pages.appendingPathComponent("baltic-repair-ship.html"),
                                         to: outside.appendingPathComponent("baltic-repair-ship.html"))
        try Data("""
            <html><head><title>Seabed Gouges Traced to One Vessel</title>
            <link rel="canonical" href="http://meridianledger.example/world/europe/2023/12/20/anchor-drag-investigation/">
            <meta property="og:site_name" content="The Meridian Ledger"></head>
            <body><article><h1>Seabed Gouges Traced to One Vessel</h1>
            <p>Investigators said on Tuesday that the marks on the seabed ran for more than a hundred kilometres, and that only one ship had been in the area on the night.</p>
            </article></body></html>
            """.utf8).write(to: outside.appendingPathComponent("target.html"))
        XCTAssertEqual(try cli.run(["import", outside.path]).status, 0)
        let rows = try XCTUnwrap(try cli.json(["list"]) as? [[String: Any]])
        let linking = try XCTUnwrap(rows.first { ($0["title"] as? String)?.hasPrefix("Finland") == true }?["id"] as? String)
        let target = try XCTUnwrap(rows.first { $0["title"] as? String == "Seabed Gouges Traced to One Vessel" }?["id"] as? String)
        let related = try XCTUnwrap(try cli.json(["related", linking]) as? [String: Any])
        let explicit = try XCTUnwrap(related["explicit"] as? [[String: Any]])
        let link = explicit.first { $0["headline"] as? String == "Anchor Marks Point Investigators to a Single Container Ship" }
        XCTAssertEqual(link?["id"] as? String, target)
        let shown = try cli.run(["show", linking])
        XCTAssertTrue(shown.stdout.contains("\(target.prefix(8))  Anchor Marks Point Investigators"), shown.stdout)
    }
}
