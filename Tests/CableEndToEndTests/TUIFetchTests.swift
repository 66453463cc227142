import Foundation
import LocalHTTPServer
import XCTest

/// The fetch key in the real binary in tmux: `R` fetches the subscribed feeds in the
/// background, the status line follows it, and the new articles join the list without a
/// restart.
final class TUIFetchTests: XCTestCase {
    func testRFetchesTheFeedsAndTheirArticlesAppear() throws {
        let site = try LocalHTTPServer { path in
            if path == "/feed.xml" {
                // Relative links: resolved against the feed's address.
                var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Gazette</title>"
                for number in 1...3 {
                    xml += "<item><title>Story \(number)</title><link>/story/\(number)</link><guid>s\(number)</guid>"
                        + "<pubDate>Tue, 10 Jun 2031 04:00:00 +0200</pubDate></item>"
                }
                return LocalHTTPServer.Response(headers: [("Content-Type", "application/rss+xml")],
                                                body: Data((xml + "</channel></rss>").utf8))
            }
            guard path.hasPrefix("/story/"), let number = Int(path.dropFirst(7)) else {
                return LocalHTTPServer.Response(status: 404)
            }
            // Slow enough for the progress to be seen.
            var response = LocalHTTPServer.Response.html(CLIAddTests.page(number))
            response.delay = 0.4
            return response
        }
        defer { site.stop() }
        let tmux = try TUITmux()
        defer { tmux.stop() }
        let file = tmux.folder.appendingPathComponent("config/cable/feeds.opml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(("<opml version=\"2.0\"><body><outline text=\"Harbour Gazette\" xmlUrl=\"\(site.base)/feed.xml\"/>"
                  + "</body></opml>").utf8).write(to: file)

        try tmux.start(width: 80, height: 24)
        tmux.waitFor("the list") { $0.contains(" Articles") && $0.contains(" 42 ") }
        try tmux.send("R")
        tmux.waitFor("the fetch's progress in the status line") { $0.contains("Fetching feeds") }
        tmux.waitFor("the fetch's outcome") { $0.contains("Fetched 1 feed: 3 new articles") }
        let screen = tmux.waitFor("the new articles in the list", timeout: 20) {
            $0.contains("Port Talks Resume") && $0.contains(" 45 ")
        }
        XCTAssertTrue(screen.contains("04 May 24 Port Talks"), "dated by the page (its own time wins over the feed's): \(screen)")
        try tmux.send("?")
        tmux.waitFor("R in the help") { $0.contains("R") && $0.contains("fetch the feeds") }
    }
}
