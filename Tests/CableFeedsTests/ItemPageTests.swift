import CableCore
@testable import CableFeeds
import Foundation
import XCTest

/// The files saved for items: a page with the feed's metadata added only where the page
/// lacks it, and a safe page made from the feed's own text, both read back by the HTML reader.
final class ItemPageTests: XCTestCase {
    let item = FeedItem(guid: "g1", link: URL(string: "https://news.example/story"), title: "Bridge Talks Stall",
                        published: ISO8601DateFormatter().date(from: "2024-02-03T04:05:06Z"),
                        categories: ["Balkans", "Infrastructure"], author: "Mira Kos")

    func read(_ data: Data) -> Article {
        HTMLArticleReader.parse(data: data, file: "page.html")
    }

    func testAPageThatSaysEverythingIsSavedByteForByte() {
        let page = Data("""
            <!-- saved from url=(0026)https://news.example/story -->
            <html><head><meta property="og:site_name" content="The Courier"><meta property="article:published_time" content="2024-02-01T00:00:00Z">
            <meta property="article:tag" content="Bridges"></head><body><h1>Bridge Talks Stall</h1><p>Talks on the bridge stalled again on Monday, officials said.</p></body></html>
            """.utf8)
        XCTAssertEqual(ItemPage.fromPage(page, reading: read(page), item: item, source: "Feed Title"), page)
    }

    func testWhatThePageLacksComesFromTheFeed() throws {
        let page = Data("""
            <!-- saved from url=(0026)https://news.example/story -->
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Bridge Talks Stall</title></head>
            <body><article><h1>Bridge Talks Stall</h1><p>Talks on the bridge stalled again on Monday, officials said.</p></article></body></html>
            """.utf8)
        let saved = ItemPage.fromPage(page, reading: read(page), item: item, source: "Courier Wire — Café")
        let bodyEnd = try XCTUnwrap(page.range(of: Data("</body>".utf8))).lowerBound
        XCTAssertEqual(saved.prefix(bodyEnd), page.prefix(bodyEnd), "the page's bytes before the added tags are untouched")
        XCTAssertTrue(saved.suffix(14) == page.suffix(14), "and the end after them (</body></html>)")
        let text = String(decoding: saved, as: UTF8.self)
        XCTAssertTrue(text.contains("<!-- cable: from the feed; the page does not say these -->"))
        XCTAssertTrue(text.contains("content=\"Courier Wire &#8212; Caf&#233;\""), "ASCII only: \(text)")
        let article = read(saved)
        XCTAssertEqual(article.source, "Courier Wire — Café")
        XCTAssertEqual(article.published, item.published)
        XCTAssertEqual(article.tags, ["Balkans", "Infrastructure"])
        XCTAssertEqual(article.id, read(page).id, "the same article (the id is the page's text)")
    }

    func testThePagesOwnDateTagsAndSourceWin() {
        let page = Data("""
            <html><head><title>Bridge Talks Stall | The Courier</title><meta property="article:published_time" content="2024-01-01T00:00:00Z"></head>
            <body><h1>Bridge Talks Stall</h1><p>Talks on the bridge stalled again on Monday, officials said.</p><p>Tags: Roads, Bridges</p></body></html>
            """.utf8)
        let article = read(ItemPage.fromPage(page, reading: read(page), item: item, source: "Feed Title"))
        XCTAssertEqual(article.published, ISO8601DateFormatter().date(from: "2024-01-01T00:00:00Z"))
        XCTAssertEqual(article.source, "The Courier")
    }

    func testAPageWithNoClosingTagsGetsTheTagsAtTheEnd() {
        let page = Data("<p>Talks on the bridge stalled again on Monday, officials said, and again on Tuesday.".utf8)
        let saved = ItemPage.fromPage(page, reading: read(page), item: item, source: "Feed Title")
        XCTAssertEqual(saved.prefix(page.count), page)
        XCTAssertEqual(read(saved).source, "Feed Title")
    }

    func testAPageFromTheFeedsTextIsSafeAndComplete() throws {
        let content = ItemContent(html: """
            <div class="x" onclick="evil()"><p style="color:red">Talks on the <a href="/bridge" onmouseover="x()">bridge</a> stalled\u{1B}[2J again.</p>
            <script>alert(1)</script><iframe src="https://evil.example"></iframe><img src="x.png" onerror="y()">
            <blockquote><p>"We will try again," said Minister Ana Vidić.</p></blockquote><a href="javascript:alert(1)">click</a></div>
            """, base: URL(string: "https://news.example/feeds/"))
        let data = ItemPage.fromFeed(item, content: content, feedURL: "https://news.example/feed--x.xml", source: "The Courier")
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("<!-- cable: saved from the feed https://news.example/feed-%2Dx.xml, item g1 -->\n"), text)
        for unsafe in ["script", "iframe", "onclick", "onerror", "onmouseover", "style=", "javascript:", "<img", "\u{1B}"] {
            XCTAssertFalse(text.contains(unsafe), "\(unsafe) in \(text)")
        }
        XCTAssertTrue(text.contains("<a href=\"https://news.example/bridge\">bridge</a>"), text)
        let article = read(data)
        XCTAssertEqual(article.title, "Bridge Talks Stall")
        XCTAssertEqual(article.source, "The Courier")
        XCTAssertEqual(article.url, "https://news.example/story")
        XCTAssertEqual(article.published, item.published)
        XCTAssertEqual(article.tags, ["Balkans", "Infrastructure"])
        XCTAssertTrue(article.paragraphs.contains { $0.hasPrefix("Talks on the bridge stalled") }, "\(article.paragraphs)")
        XCTAssertEqual(article.quotes.first?.speaker, "Ana Vidić")
    }

    func testTheFirstLineTellsAFileAlreadySaved() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cable-item-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let mine = Data("<!-- saved from url=(0005)x -->\n<p>one".utf8)
        try Data("<!-- saved from url=(0005)x -->\n<p>changed since".utf8).write(to: folder.appendingPathComponent("a.html"))
        try Data("<!-- saved from url=(0005)y -->\n<p>one".utf8).write(to: folder.appendingPathComponent("b.html"))
        XCTAssertTrue(ItemPage.sameFirstLine(mine, as: folder.appendingPathComponent("a.html")))
        XCTAssertFalse(ItemPage.sameFirstLine(mine, as: folder.appendingPathComponent("b.html")))
        XCTAssertFalse(ItemPage.sameFirstLine(mine, as: folder.appendingPathComponent("none.html")))
    }

    func testFeedLinksOfAPage() {
        let page = Data("""
            <html><head><base href="https://site.example/news/">
            <link rel="alternate" type="application/rss+xml" title="RSS" href="feed.xml">
            <link rel="alternate" type="application/atom+xml; charset=utf-8" href="https://site.example/atom">
            <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
            <link rel="stylesheet" type="text/css" href="s.css">
            <link rel="Alternate" type="application/rss+xml" href="feed.xml">
            </head><body></body></html>
            """.utf8)
        XCTAssertEqual(FeedLinkDiscovery.feeds(inPage: page, address: URL(string: "https://site.example/")!).map(\.absoluteString),
                       ["https://site.example/news/feed.xml", "https://site.example/atom"])
    }
}
