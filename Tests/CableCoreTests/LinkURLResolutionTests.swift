import Foundation
import XCTest
@testable import CableCore

/// Related and READ MORE links resolve by address first (issue 13, item 3): a link whose URL
/// is an article's canonical URL opens that article whatever its headline says, then by
/// headline as before. Real web pages through the real reader, on a temporary library.
final class LinkURLResolutionTests: XCTestCase {
    static let pages = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("HTMLPages")

    /// The linking page: its related block names "Anchor Marks Point Investigators to a Single
    /// Container Ship" at …/2023/12/20/anchor-drag-investigation.
    static let linkingPage = "baltic-repair-ship.html"
    static let linkHeadline = "Anchor Marks Point Investigators to a Single Container Ship"

    /// A small web page with a title, a canonical URL and a body.
    static func page(title: String, url: String, date: String) -> Data {
        Data("""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(title)</title>
            <meta property="og:title" content="\(title)">
            <meta property="og:site_name" content="The Meridian Ledger">
            <link rel="canonical" href="\(url)">
            <meta property="article:published_time" content="\(date)">
            </head><body><article><h1>\(title)</h1>
            <p>Investigators in Helsinki said on Tuesday that the marks on the seabed ran for more than a hundred kilometres, and that only one ship had been in the area on the night the cable failed.</p>
            <p>The vessel's owners have denied any part in the damage, saying that its anchor was secured throughout the voyage and that the ship's own records would show as much.</p>
            </article></body></html>
            """.utf8)
    }

    /// The target's canonical URL, spelled as sites do: no `www.`, a trailing slash (the link
    /// has `www.` and none).
    static let targetURL = "https://MeridianLedger.example/world/europe/2023/12/20/anchor-drag-investigation/"
    static let targetTitle = "Investigators Trace Seabed Gouges to One Vessel"

    private func openLibrary(_ test: TestLibrary) throws -> Library {
        let library = try Library.open(test.locations, parse: Library.standardParse)
        try library.sync()
        return library
    }

    private func copyLinkingPage(_ test: TestLibrary) throws {
        try test.writeRaw(Self.linkingPage, try Data(contentsOf: Self.pages.appendingPathComponent(Self.linkingPage)))
    }

    private func linkingID(_ library: Library) throws -> ArticleID {
        let rows = try library.list(try Query.parse("source:meridian"), offset: 0, limit: 10)
        return try XCTUnwrap(rows.first { $0.title.hasPrefix("Finland and Estonia") }?.id)
    }

    private func match(of headline: String, from id: ArticleID, _ library: Library) throws -> ArticleRef? {
        try library.related(id).explicit.first { $0.headline == headline }?.match
    }

    func testARelatedLinkResolvesByItsURLWhenItsHeadlineMatchesNoTitle() throws {
        let test = try TestLibrary()
        try copyLinkingPage(test)
        try test.writeRaw("target.html", Self.page(title: Self.targetTitle, url: Self.targetURL,
                                                   date: "2023-12-20T09:00:00Z"))
        let library = try openLibrary(test)
        let matched = try match(of: Self.linkHeadline, from: try linkingID(library), library)
        XCTAssertEqual(matched?.title, Self.targetTitle)
        let target = try XCTUnwrap(matched?.id)
        XCTAssertEqual(try library.related(target).linkedFrom.map(\.title),
                       ["Finland and Estonia Charter a Standby Repair Ship for Baltic Cables"])
    }

    func testAPendingLinkResolvesByURLWhenItsTargetArrivesInALaterSync() throws {
        let test = try TestLibrary()
        try copyLinkingPage(test)
        let library = try openLibrary(test)
        let id = try linkingID(library)
        XCTAssertNil(try match(of: Self.linkHeadline, from: id, library))
        try test.writeRaw("later/target.html", Self.page(title: Self.targetTitle, url: Self.targetURL,
                                                         date: "2023-12-20T09:00:00Z"))
        try library.sync()
        XCTAssertEqual(try match(of: Self.linkHeadline, from: id, library)?.title, Self.targetTitle)
    }

    func testTheURLWinsOverAHeadlineMatchAndTheHeadlineTakesOverWhenTheURLsArticleGoes() throws {
        let test = try TestLibrary()
        try copyLinkingPage(test)
        // Another article whose title is the link's headline word for word, at another address.
        try test.writeRaw("namesake.html", Self.page(title: Self.linkHeadline,
                                                     url: "https://elsewhere.example/anchor-marks",
                                                     date: "2023-12-21T09:00:00Z"))
        let library = try openLibrary(test)
        let id = try linkingID(library)
        XCTAssertEqual(try match(of: Self.linkHeadline, from: id, library)?.title, Self.linkHeadline,
                       "by headline while no article has the link's address")

        let target = try test.writeRaw("target.html", Self.page(title: Self.targetTitle, url: Self.targetURL,
                                                                date: "2023-12-20T09:00:00Z"))
        try library.sync()
        XCTAssertEqual(try match(of: Self.linkHeadline, from: id, library)?.title, Self.targetTitle,
                       "the address wins once its article arrives")

        try FileManager.default.removeItem(at: target)
        try library.sync()
        XCTAssertEqual(try match(of: Self.linkHeadline, from: id, library)?.title, Self.linkHeadline,
                       "back to the headline when the address's article goes")
    }

    /// A bulk load (thousands of files) resolves every link at once, with no pending addresses.
    func testResolvingEveryLinkAtOnceAlsoGoesByURL() throws {
        let test = try TestLibrary()
        try copyLinkingPage(test)
        try test.writeRaw("target.html", Self.page(title: Self.targetTitle, url: Self.targetURL,
                                                   date: "2023-12-20T09:00:00Z"))
        let library = try openLibrary(test)
        try library.write { db in try db.execute(sql: "UPDATE link SET target = NULL; DELETE FROM pendingURL") }
        XCTAssertNil(try match(of: Self.linkHeadline, from: try linkingID(library), library))
        try library.resolveLinks(all: true)
        XCTAssertEqual(try match(of: Self.linkHeadline, from: try linkingID(library), library)?.title, Self.targetTitle)
    }

    func testURLKeysFoldSpellingsOfOneAddressButKeepWhatPicksThePage() {
        let key = URLKey.of("https://www.example.com/world/story")
        XCTAssertNotNil(key)
        for same in ["http://EXAMPLE.com/world/story/", "https://example.com:443/world/story#comments",
                     "https://www.example.com/world/story?utm_source=x&utm_medium=y", " https://example.com/world/story "] {
            XCTAssertEqual(URLKey.of(same), key, same)
        }
        XCTAssertNotEqual(URLKey.of("https://example.com/World/Story"), key, "a path keeps its case")
        XCTAssertNotEqual(URLKey.of("https://example.com/article?id=1"), URLKey.of("https://example.com/article?id=2"))
        XCTAssertEqual(URLKey.of("https://example.com/article?id=1&fbclid=abc"), URLKey.of("https://example.com/article?id=1"))
        XCTAssertNotEqual(URLKey.of("https://example.com:8080/a"), URLKey.of("https://example.com/a"))
        XCTAssertNil(URLKey.of("mailto:desk@example.com"))
        XCTAssertNil(URLKey.of("/relative/path"))
        XCTAssertNil(URLKey.of(nil))
    }
}
