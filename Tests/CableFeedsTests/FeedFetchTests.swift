import CableCore
@testable import CableFeeds
import CableFetch
import Foundation
import GRDB
import LocalHTTPServer
import XCTest

/// `FeedFetch` against sites the tests start on 127.0.0.1: each format, conditional requests,
/// items seen once, pages that fail, feeds that fail, slow servers, large feeds, the limits
/// per host, and a fetch picking up after being killed.
final class FeedFetchTests: XCTestCase {
    var folder: URL!
    var library: URL!
    var store: FeedStateStore!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cable-feeds-\(UUID().uuidString)")
        library = folder.appendingPathComponent("library", isDirectory: true)
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        store = try FeedStateStore(at: folder.appendingPathComponent("state/feeds.sqlite"))
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    func options(retries: Int = 2, timeout: TimeInterval = 10) -> FeedFetchOptions {
        var options = FeedFetchOptions()
        options.backoff = 0.05
        options.retries = retries
        options.pagePolicy.idleTimeout = timeout
        options.feedPolicy.idleTimeout = timeout
        return options
    }

    @discardableResult
    func fetch(_ urls: [String], options: FeedFetchOptions? = nil, titles: [String?] = [],
               isKnown: @escaping @Sendable (ArticleID) -> Bool = { _ in false }) -> FetchReport {
        let subscriptions = urls.enumerated().map { index, url in
            Subscription(url: url, title: index < titles.count ? titles[index] : nil)
        }
        let fetch = FeedFetch(subscriptions: subscriptions, library: library, store: store,
                              options: options ?? self.options(), isKnown: isKnown)
        return fetch.run()
    }

    /// Every file under the library's feeds folder (hidden ones too), relative.
    func files() -> [String] {
        let feeds = library.appendingPathComponent("feeds")
        guard let enumerator = FileManager.default.enumerator(atPath: feeds.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter {
            var isFolder = ObjCBool(false)
            _ = FileManager.default.fileExists(atPath: feeds.appendingPathComponent($0).path, isDirectory: &isFolder)
            return !isFolder.boolValue
        }.sorted()
    }

    func read(_ file: String) -> Article {
        HTMLArticleReader.parse(data: (try? Data(contentsOf: library.appendingPathComponent(file))) ?? Data(), file: file)
    }

    // MARK: Formats

    func testEachFormatArrivesInItsFolderWithTagsSourceAndDate() throws {
        let site = try FeedSite()
        let base = site.base
        site.feed("/rss.xml", FeedSite.rss(title: "Harbour Post", items: [("r1", "/story/r1", "Port Talks Resume")], base: base))
        site.feed("/rdf.xml", """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel rdf:about="\(base)/rdf.xml"><title>Agency Wire</title><link>\(base)/</link></channel>
            <item rdf:about="\(base)/story/d1"><title>Tanker Seized Off Coast</title><link>\(base)/story/d1</link>
            <dc:date>2024-03-07T09:41:00+01:00</dc:date><dc:subject>Shipping</dc:subject></item></rdf:RDF>
            """)
        site.feed("/atom.xml", """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="\(base)/blog/"><title>Arctic Notes</title>
            <entry xml:base="2024/"><id>tag:a,1</id><title>Ice Route Opens</title><link href="../../story/a1"/>
            <published>2024-05-01T12:00:00-04:00</published><category term="Arctic"/></entry></feed>
            """)
        site.page("/story/r1", title: "Port Talks Resume")
        site.page("/story/d1", title: "Tanker Seized Off Coast")
        site.page("/story/a1", title: "Ice Route Opens")

        let report = fetch([site.url("/rss.xml"), site.url("/rdf.xml"), site.url("/atom.xml")])
        XCTAssertEqual(report.feeds.map(\.status), [.fetched, .fetched, .fetched], "\(report.feeds.map(\.error))")
        XCTAssertEqual(files(), ["Agency Wire/Tanker Seized Off Coast.html", "Arctic Notes/Ice Route Opens.html",
                                 "Harbour Post/Port Talks Resume.html"])
        XCTAssertEqual(site.requests("/story/a1"), 1, "the Atom link resolved against both xml:base")
        let rss = read("feeds/Harbour Post/Port Talks Resume.html")
        XCTAssertEqual(rss.source, "Harbour Post", "the feed's title when the page names no outlet")
        XCTAssertEqual(rss.tags, ["Ports"])
        XCTAssertEqual(rss.published, ISO8601DateFormatter().date(from: "2003-06-10T02:00:00Z"))
        XCTAssertEqual(rss.url, site.url("/story/r1"))
        XCTAssertEqual(read("feeds/Agency Wire/Tanker Seized Off Coast.html").published,
                       ISO8601DateFormatter().date(from: "2024-03-07T08:41:00Z"))
        XCTAssertEqual(read("feeds/Arctic Notes/Ice Route Opens.html").tags, ["Arctic"])
        XCTAssertEqual(report.saved, 3)
        XCTAssertEqual(report.feeds[0].saved.first?.file, "feeds/Harbour Post/Port Talks Resume.html")
    }

    // MARK: Seen items

    func testASecondFetchDownloadsNoPageAndAsksConditionally() throws {
        let site = try FeedSite()
        let items = (1...5).map { (guid: "g\($0)" as String?, path: "/story/\($0)", title: "Story Number \($0)") }
        site.feed("/etag.xml", FeedSite.rss(title: "With ETag", items: items, base: site.base), etag: "\"v1\"")
        site.feed("/plain.xml", FeedSite.rss(title: "Without", items: [(nil, "/story/9", "Story Nine")], base: site.base))
        for item in items { site.page(item.path, title: item.title) }
        site.page("/story/9", title: "Story Nine")
        XCTAssertEqual(fetch([site.url("/etag.xml"), site.url("/plain.xml")]).saved, 6)
        let pages = site.pageRequests

        let again = fetch([site.url("/etag.xml"), site.url("/plain.xml")])
        XCTAssertEqual(site.pageRequests, pages, "no page downloaded again")
        XCTAssertEqual(again.feeds.map(\.status), [.notModified, .fetched])
        XCTAssertEqual(again.feeds[1].alreadySeen, 1)
        XCTAssertEqual(again.saved, 0)
        XCTAssertEqual(files().count, 6)
    }

    func testAReorderedFeedWithoutGUIDsFetchesOnlyTheNewItem() throws {
        let site = try FeedSite()
        let a = (guid: String?.none, path: "/story/a", title: "Story Alpha")
        let b = (guid: String?.none, path: "/story/b", title: "Story Bravo")
        let c = (guid: String?.none, path: "/story/c", title: "Story Charlie")
        for item in [a, b, c] { site.page(item.path, title: item.title) }
        site.feed("/feed.xml", FeedSite.rss(title: "No GUIDs", items: [a, b], base: site.base))
        fetch([site.url("/feed.xml")])
        site.feed("/feed.xml", FeedSite.rss(title: "No GUIDs", items: [c, b, a], base: site.base))
        let report = fetch([site.url("/feed.xml")])
        XCTAssertEqual(report.feeds[0].saved.map(\.link), [site.url("/story/c")])
        XCTAssertEqual(report.feeds[0].alreadySeen, 2)
        XCTAssertEqual(site.requests("/story/a"), 1)
    }

    func testADuplicateGUIDIsOneItem() throws {
        let site = try FeedSite()
        site.page("/story/1", title: "Story One")
        site.page("/story/2", title: "Story Two")
        site.feed("/feed.xml", FeedSite.rss(title: "Dups", items: [("same", "/story/1", "Story One"),
                                                                 ("same", "/story/2", "Story Two")], base: site.base))
        let report = fetch([site.url("/feed.xml")])
        XCTAssertEqual(report.feeds[0].saved.count, 1)
        XCTAssertEqual(report.feeds[0].alreadySeen, 1)
    }

    func testTheSamePageInTwoFeedsIsSavedOnce() throws {
        let site = try FeedSite()
        site.page("/story/1", title: "Shared Story")
        site.feed("/one.xml", FeedSite.rss(title: "One", items: [("x", "/story/1", "Shared Story")], base: site.base))
        site.feed("/two.xml", FeedSite.rss(title: "Two", items: [("y", "/story/1", "Shared Story")], base: site.base))
        let report = fetch([site.url("/one.xml")])
        XCTAssertEqual(report.saved, 1)
        let second = fetch([site.url("/two.xml")])
        XCTAssertEqual(second.feeds[0].alreadyInLibrary, 1)
        XCTAssertEqual(second.saved, 0)
        XCTAssertEqual(site.requests("/story/1"), 1)
    }

    func testAnArticleTheLibraryHasIsNotSavedAgain() throws {
        let site = try FeedSite()
        site.page("/story/1", title: "Known Story")
        site.feed("/feed.xml", FeedSite.rss(title: "Feed", items: [("k", "/story/1", "Known Story")], base: site.base))
        let report = fetch([site.url("/feed.xml")], isKnown: { _ in true })
        XCTAssertEqual(report.feeds[0].alreadyInLibrary, 1)
        XCTAssertEqual(files(), [])
    }

    // MARK: Failures

    func testAMissingPageIsSavedFromTheFeedsTextWithAWarning() throws {
        let site = try FeedSite()
        site.feed("/feed.xml", """
            <rss version="2.0"><channel><title>Gazette</title>
            <item><title>Gone Story</title><link>\(site.base)/story/gone</link><guid>g1</guid>
            <description>&lt;p&gt;What the feed says about the gone story &amp;amp; more, at paragraph length.&lt;/p&gt;</description>
            <category>Ports</category></item>
            <item><title>Gone Without Text</title><link>\(site.base)/story/gone2</link><guid>g2</guid></item>
            </channel></rss>
            """)
        let report = fetch([site.url("/feed.xml")])
        let feed = report.feeds[0]
        XCTAssertEqual(feed.status, .fetched)
        XCTAssertEqual(feed.saved.map(\.fromFeed), [true])
        XCTAssertTrue(feed.warnings.contains { $0.contains("Gone Story: the server answered 404") && $0.contains("feed's text") },
                      "\(feed.warnings)")
        XCTAssertEqual(feed.failedItems, 1)
        XCTAssertEqual(feed.retryLater, 1)
        let article = read(try XCTUnwrap(feed.saved.first?.file))
        XCTAssertEqual(article.title, "Gone Story")
        XCTAssertEqual(article.tags, ["Ports"])
        XCTAssertEqual(article.source, "Gazette")
        XCTAssertTrue(article.paragraphs.first?.contains("gone story & more") ?? false, "\(article.paragraphs)")

        // The item with nothing to save is tried in the next fetches (the feed is asked for
        // whole again), then given up.
        XCTAssertEqual(fetch([site.url("/feed.xml")]).feeds[0].retryLater, 1)
        let third = fetch([site.url("/feed.xml")]).feeds[0]
        XCTAssertEqual(third.failedItems, 1)
        XCTAssertEqual(third.retryLater, 0)
        XCTAssertTrue(third.warnings.contains { $0.contains("given up") }, "\(third.warnings)")
        XCTAssertEqual(fetch([site.url("/feed.xml")]).feeds[0].alreadySeen, 2)
        XCTAssertEqual(site.requests("/story/gone2"), 3)
    }

    func testAFailingFeedIsReportedAndTheOthersArrive() throws {
        let site = try FeedSite()
        site.set("/broken.xml", LocalHTTPServer.Response(status: 500, body: Data("oops".utf8)))
        site.feed("/malformed.xml", "<rss version=\"2.0\"><channel><title>Bad</title>\n<item><title>A & B</title></item></channel></rss>")
        site.feed("/good.xml", FeedSite.rss(title: "Good", items: (1...3).map { ("g\($0)", "/story/\($0)", "Good Story \($0)") },
                                            base: site.base))
        for number in 1...3 { site.page("/story/\(number)", title: "Good Story \(number)") }
        let report = fetch([site.url("/broken.xml"), site.url("/malformed.xml"), site.url("/good.xml")],
                           options: options(retries: 2))
        XCTAssertEqual(report.feeds.map(\.status), [.failed, .failed, .fetched])
        XCTAssertTrue(report.feeds[0].error?.hasPrefix("the server answered 500") ?? false, "\(report.feeds[0].error ?? "")")
        XCTAssertEqual(site.requests("/broken.xml"), 3, "a 5xx is tried twice more")
        XCTAssertTrue(report.feeds[1].error?.contains("malformed XML at line 2") ?? false, "\(report.feeds[1].error ?? "")")
        XCTAssertEqual(site.requests("/malformed.xml"), 1, "malformed XML is not tried again")
        XCTAssertEqual(report.feeds[2].saved.count, 3)
        XCTAssertEqual(report.failedFeeds, 2)
        let record = try store.feed(library: library.resolvingSymlinksInPath().path, url: site.url("/broken.xml"))
        XCTAssertEqual(record?.lastError, report.feeds[0].error)
        XCTAssertNil(record?.lastFetched)
    }

    func testAServerErrorThenSuccessIsRetriedWithBackOff() throws {
        let site = try FeedSite()
        site.feed("/feed.xml", FeedSite.rss(title: "Flaky", items: [("f", "/story/1", "Flaky Story")], base: site.base))
        site.page("/story/1", title: "Flaky Story")
        site.failFirst("/feed.xml", with: [LocalHTTPServer.Response(status: 503)])
        site.failFirst("/story/1", with: [LocalHTTPServer.Response(status: 502), LocalHTTPServer.Response(status: 500)])
        let started = Date()
        let report = fetch([site.url("/feed.xml")])
        XCTAssertEqual(report.feeds[0].status, .fetched)
        XCTAssertEqual(report.feeds[0].saved.map(\.fromFeed), [false], "the page itself, on the third try")
        XCTAssertEqual(site.requests("/story/1"), 3)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.05 + 0.05 + 0.1, "waits 0.05 s, then twice as long")
    }

    func testATimeOutIsReportedAfterItsRetries() throws {
        let site = try FeedSite()
        var slow = LocalHTTPServer.Response.html("")
        slow.delay = 3
        site.set("/slow.xml", slow)
        site.feed("/fast.xml", FeedSite.rss(title: "Fast", items: [("f", "/story/1", "Fast Story")], base: site.base))
        site.page("/story/1", title: "Fast Story")
        let started = Date()
        // (URLSession on Linux counts a time-out in whole seconds: under one, a request times out at once.)
        let report = fetch([site.url("/slow.xml"), site.url("/fast.xml")], options: options(retries: 1, timeout: 1))
        XCTAssertEqual(report.feeds[0].status, .failed)
        XCTAssertTrue(report.feeds[0].error?.contains("timed out") ?? false, "\(report.feeds[0].error ?? "")")
        XCTAssertEqual(site.requests("/slow.xml"), 2)
        XCTAssertEqual(report.feeds[1].saved.count, 1)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 2, "two tries of a second each")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5.5)
    }

    // MARK: Scale and manners

    func testAThousandItemFeedKeepsToTwoRequestsPerHost() throws {
        let site = try FeedSite(latency: 0.002)
        let items = (0..<1_000).map { (guid: "i\($0)" as String?, path: "/story/\($0)", title: "Story Number \($0)") }
        site.feed("/big.xml", FeedSite.rss(title: "Big", items: items, base: site.base))
        for item in items { site.page(item.path, title: item.title) }
        let subscriptions = [Subscription(url: site.url("/big.xml"))]
        let fetch = FeedFetch(subscriptions: subscriptions, library: library, store: store, options: options()) { _ in false }
        let report = fetch.run()
        XCTAssertEqual(report.feeds[0].saved.count, 1_000)
        XCTAssertEqual(Set(report.feeds[0].saved.map(\.file)).count, 1_000)
        XCTAssertEqual(files().count, 1_000)
        XCTAssertLessThanOrEqual(site.server.peakConcurrentRequests, 2)
        XCTAssertEqual(fetch.peakRequestsPerHost["127.0.0.1"], 2)
    }

    func testTwoHostsAreFetchedSideBySide() throws {
        let first = try FeedSite(address: "127.0.0.1", latency: 0.05)
        let second = try FeedSite(address: "127.0.0.2", latency: 0.05)
        for site in [first, second] {
            let items = (0..<8).map { (guid: "i\($0)" as String?, path: "/story/\($0)", title: "Story \(site.server.address) \($0)") }
            site.feed("/feed.xml", FeedSite.rss(title: "Site \(site.server.address)", items: items, base: site.base))
            for item in items { site.page(item.path, title: item.title) }
        }
        let fetch = FeedFetch(subscriptions: [Subscription(url: first.url("/feed.xml")), Subscription(url: second.url("/feed.xml"))],
                              library: library, store: store, options: options()) { _ in false }
        let report = fetch.run()
        XCTAssertEqual(report.saved, 16)
        XCTAssertEqual(fetch.peakRequestsPerHost["127.0.0.1"], 2)
        XCTAssertEqual(fetch.peakRequestsPerHost["127.0.0.2"], 2)
        XCTAssertLessThanOrEqual(first.server.peakConcurrentRequests, 2)
    }

    // MARK: Killed fetches

    func testAFetchKilledAfterSavingPicksUpWithoutDuplicates() throws {
        let site = try FeedSite()
        let items = (1...4).map { (guid: "k\($0)" as String?, path: "/story/\($0)", title: "Kept Story \($0)") }
        site.feed("/feed.xml", FeedSite.rss(title: "Killed", items: items, base: site.base), etag: "\"e\"")
        for item in items { site.page(item.path, title: item.title) }
        site.feed("/text.xml", """
            <rss version="2.0"><channel><title>Text Only</title><item><title>Text Story</title><guid>t1</guid>
            <description>The feed's own words about the story, long enough for a paragraph.</description></item></channel></rss>
            """)
        fetch([site.url("/feed.xml"), site.url("/text.xml")])
        let saved = files()
        XCTAssertEqual(saved.count, 5)

        // As if killed after linking the files in but before noting them, with a temporary
        // file half-written: the notes and the validators are gone.
        let statePath = folder.appendingPathComponent("state/feeds.sqlite").path
        store = nil
        try DatabaseQueue(path: statePath).write { try $0.execute(sql: "DELETE FROM item; UPDATE feed SET etag = NULL") }
        store = try FeedStateStore(at: URL(fileURLWithPath: statePath))
        let leftover = library.appendingPathComponent("feeds/Killed/.cable-add-\(UUID().uuidString).tmp")
        try Data("half".utf8).write(to: leftover)

        let again = fetch([site.url("/feed.xml"), site.url("/text.xml")])
        XCTAssertEqual(files(), saved, "the same files: none saved twice, the leftover gone")
        XCTAssertEqual(again.feeds.map { $0.saved.count }, [4, 1], "each noted as saved (under its existing name)")
        XCTAssertEqual(fetch([site.url("/feed.xml"), site.url("/text.xml")]).saved, 0)
    }
}
