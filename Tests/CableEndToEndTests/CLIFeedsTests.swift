import Foundation
import LocalHTTPServer
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `cable feeds …` and `cable fetch` end to end: the real binary against a news site the
/// test starts on 127.0.0.1, with its own XDG folders and library.
final class CLIFeedsTests: XCTestCase {
    /// Pages numbered so each is its own article; a feed of `count` of them; a page naming
    /// the feed; a feed that fails; a slow page.
    final class Site: @unchecked Sendable {
        let lock = NSLock()
        var count = 3
        var pageDelay: TimeInterval = 0
        var feedTitle = "Harbour Gazette"
        var server: LocalHTTPServer!

        var base: String { server.base }

        init() throws {
            server = try LocalHTTPServer(address: "127.0.0.1") { [unowned self] request in self.answer(request.path) }
        }

        func answer(_ path: String) -> LocalHTTPServer.Response {
            let (count, delay, title) = lock.withLock { (self.count, pageDelay, feedTitle) }
            switch path {
            case "/feed.xml":
                var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\(title)</title><link>\(base)/</link>"
                for number in 1...max(1, count) {
                    xml += "<item><title>Story \(number)</title><link>\(base)/story/\(number)</link><guid>s\(number)</guid>"
                        + "<pubDate>Tue, 10 Jun 2003 04:00:00 +0200</pubDate><category>Ports</category></item>"
                }
                return LocalHTTPServer.Response(headers: [("Content-Type", "application/rss+xml")],
                                                body: Data((xml + "</channel></rss>").utf8))
            case "/home":
                return .html("<html><head><title>Home</title><link rel=\"alternate\" type=\"application/rss+xml\" "
                             + "href=\"/feed.xml\"></head><body><p>Welcome</p></body></html>")
            case "/plain":
                return .html("<html><head><title>No feed here</title></head><body><p>Nothing</p></body></html>")
            case "/down.xml":
                return LocalHTTPServer.Response(status: 500, body: Data("down".utf8))
            default:
                guard path.hasPrefix("/story/"), let number = Int(path.dropFirst(7)) else {
                    return LocalHTTPServer.Response(status: 404)
                }
                var response = LocalHTTPServer.Response.html(CLIAddTests.page(number))
                response.delay = delay
                return response
            }
        }
    }

    var site: Site!
    var cli: CLIHarness!

    override func setUpWithError() throws {
        site = try Site()
        cli = try CLIHarness()
    }

    override func tearDown() {
        site.server.stop()
    }

    func feedFiles() -> [String] {
        let folder = cli.library.appendingPathComponent("feeds")
        let names = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return names.filter { $0.contains("/") }.sorted()
    }

    func testSubscribeListExportImportRemove() throws {
        let added = try cli.run(["feeds", "add", site.base + "/feed.xml", site.base + "/home", site.base + "/plain",
                                 "ftp://x.example/feed"], useLibraryOption: false)
        XCTAssertEqual(added.status, 1, "two addresses failed")
        XCTAssertTrue(added.stdout.contains("added Harbour Gazette: \(site.base)/feed.xml"), added.stdout)
        XCTAssertTrue(added.stderr.contains("already subscribed: \(site.base)/feed.xml (named by \(site.base)/home)"), added.stderr)
        XCTAssertTrue(added.stderr.contains("failed \(site.base)/plain: no feed found"), added.stderr)
        XCTAssertTrue(added.stderr.contains("failed ftp://x.example/feed: only http and https"), added.stderr)

        let list = try XCTUnwrap(try cli.json(["feeds", "list"]) as? [[String: Any]])
        XCTAssertEqual(list.count, 1)
        XCTAssertEqual(list[0]["title"] as? String, "Harbour Gazette")
        XCTAssertEqual(list[0]["articles"] as? Int, 0)
        XCTAssertTrue(list[0]["lastFetched"] is NSNull)
        XCTAssertTrue(list[0]["lastError"] is NSNull)

        // The bar: export, then import into an empty config, gives the same subscriptions.
        let exported = try cli.run(["feeds", "export"], useLibraryOption: false)
        XCTAssertEqual(exported.status, 0)
        XCTAssertTrue(exported.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"))
        let file = cli.base.appendingPathComponent("exported.opml")
        try Data(exported.stdout.utf8).write(to: file)
        let fresh = try CLIHarness()
        let imported = try fresh.run(["feeds", "import", file.path], useLibraryOption: false)
        XCTAssertTrue(imported.stderr.contains("1 feed(s) imported, 0 already subscribed"), imported.stderr)
        XCTAssertEqual(try fresh.run(["feeds", "export"], useLibraryOption: false).stdout, exported.stdout)
        XCTAssertTrue(try fresh.run(["feeds", "import", "-"], stdin: exported.stdout, useLibraryOption: false)
            .stderr.contains("0 feed(s) imported, 1 already subscribed"))

        let removed = try cli.run(["feeds", "remove", site.base + "/feed.xml"], useLibraryOption: false)
        XCTAssertEqual(removed.status, 0)
        XCTAssertEqual(try cli.run(["feeds", "remove", site.base + "/feed.xml"], useLibraryOption: false).status, 1)
        XCTAssertEqual((try cli.json(["feeds", "list"]) as? [Any])?.count, 0)
    }

    func testFetchSavesEachItemOnceAndReportsAFailingFeed() throws {
        try writeSubscriptions([site.base + "/down.xml", site.base + "/feed.xml"])
        let first = try cli.run(["fetch", "--retries", "0"])
        XCTAssertEqual(first.status, 1, "a feed failed")
        XCTAssertTrue(first.stdout.contains("Down: failed: the server answered 500"), first.stdout)
        XCTAssertTrue(first.stdout.contains("Harbour Gazette: 3 new"), first.stdout)
        XCTAssertTrue(first.stderr.contains("3 new article(s)"), first.stderr)
        XCTAssertFalse(first.stderr.contains("\r"), "no progress bar when stderr is not a terminal")
        XCTAssertEqual(feedFiles(), ["Harbour Gazette/Port Talks Resume for the 1th Time.html",
                                     "Harbour Gazette/Port Talks Resume for the 2th Time.html",
                                     "Harbour Gazette/Port Talks Resume for the 3th Time.html"])
        let listed = try XCTUnwrap(try cli.json(["list"]) as? [[String: Any]])
        XCTAssertEqual(listed.count, 3, "indexed by the fetch")
        XCTAssertEqual(listed.first?["source"] as? String, "Harbour Gazette")

        site.lock.withLock { site.count = 4 }
        let second = try cli.run(["fetch", "--json", "--retries", "0"])
        XCTAssertEqual(second.status, 1)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(report["saved"] as? Int, 1)
        XCTAssertEqual(report["failedFeeds"] as? Int, 1)
        XCTAssertEqual(report["pagesDownloaded"] as? Int, 1, "only the new item's page")
        let feeds = try XCTUnwrap(report["feeds"] as? [[String: Any]])
        XCTAssertEqual(feeds.map { $0["status"] as? String }, ["failed", "fetched"])
        XCTAssertEqual(feeds[1]["alreadySeen"] as? Int, 3)
        XCTAssertTrue(feeds[0]["folder"] is NSNull)
        XCTAssertEqual(site.server.requestedPaths.filter { $0 == "/story/1" }.count, 1)

        let list = try XCTUnwrap(try cli.json(["feeds", "list"]) as? [[String: Any]])
        XCTAssertEqual(list.map { $0["articles"] as? Int }, [0, 4])
        XCTAssertTrue((list[0]["lastError"] as? String)?.contains("500") ?? false)
        XCTAssertTrue(list[1]["lastError"] is NSNull)
    }

    func testAKilledFetchPicksUpWhereItStopped() throws {
        site.lock.withLock {
            site.count = 12
            site.pageDelay = 0.3
        }
        try writeSubscriptions([site.base + "/feed.xml"])
        let process = Process()
        process.executableURL = CLIHarness.binary
        process.arguments = ["fetch", "--library", cli.library.path]
        process.environment = cli.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while feedFiles().count < 3, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let before = feedFiles()
        XCTAssertGreaterThanOrEqual(before.count, 3)
        XCTAssertLessThan(before.count, 12, "killed part way")

        site.lock.withLock { site.pageDelay = 0 }
        let again = try cli.run(["fetch"])
        XCTAssertEqual(again.status, 0, again.stderr)
        let after = feedFiles()
        XCTAssertEqual(after.count, 12, "every item once: \(after)")
        XCTAssertFalse(after.contains { $0.contains("(2)") }, "nothing saved twice")
        XCTAssertFalse(after.contains { ($0 as NSString).lastPathComponent.hasPrefix(".") }, "no temporary file left")
        XCTAssertEqual(try cli.run(["fetch", "--json"]).stdout.contains("\"saved\" : 0"), true)
    }

    func testOneFetchAtATimeAndHostileTitlesNeverReachTheTerminal() throws {
        // XML cannot carry C0 controls, but HTML escaped inside it can, and C1 ones (CSI) pass.
        site.lock.withLock { site.feedTitle = "Evil&amp;#27;]0;owned&amp;#7; Feed\u{9B}2J" }
        try writeSubscriptions([site.base + "/feed.xml"])
        let lockFile = cli.base.appendingPathComponent("state/cable/fetch.lock")
        try FileManager.default.createDirectory(at: lockFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(lockFile.path, O_RDWR | O_CREAT, 0o600)
        XCTAssertEqual(flock(fd, LOCK_EX | LOCK_NB), 0)
        let refused = try cli.run(["fetch"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("another cable fetch is running"), refused.stderr)
        close(fd)

        let fetched = try cli.run(["fetch"])
        XCTAssertEqual(fetched.status, 0, fetched.stderr)
        let listed = try cli.run(["feeds", "list"])
        for output in [fetched.stdout, fetched.stderr, listed.stdout] {
            XCTAssertFalse(output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) },
                           output.debugDescription)
        }
        XCTAssertTrue(fetched.stdout.contains("Feed"), fetched.stdout)
        XCTAssertFalse(feedFiles().contains { $0.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } },
                       "\(feedFiles())")
    }

    private func writeSubscriptions(_ urls: [String]) throws {
        let titles = ["Down", nil]
        var opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>"
        for (index, url) in urls.enumerated() {
            let title = urls.count > 1 ? titles[index] : nil
            opml += "<outline type=\"rss\" " + (title.map { "text=\"\($0)\" " } ?? "") + "xmlUrl=\"\(url)\"/>"
        }
        let file = cli.base.appendingPathComponent("config/cable/feeds.opml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((opml + "</body></opml>").utf8).write(to: file)
    }
}
