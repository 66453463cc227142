@testable import CableFeeds
import Foundation
import XCTest

/// The subscription file: OPML 2.0 in and out, and files other readers write.
final class OPMLTests: XCTestCase {
    func testRoundTripKeepsEveryFeedFolderAndAttribute() throws {
        let list = SubscriptionList(title: "Mine", subscriptions: [
            Subscription(url: "https://a.example/rss", title: "A & \"Co\" <news>", siteURL: "https://a.example/"),
            Subscription(url: "https://b.example/atom?x=1&y=2", title: nil, folder: ["World", "Europe"],
                         categories: "/Sanctions,Baltic"),
            Subscription(url: "https://c.example/feed", title: "Ünïcode — 北京", folder: ["World"]),
            Subscription(url: "https://d.example/feed", title: "Line\nbreak\ttab"),
        ])
        let written = OPML.write(list)
        let read = try OPML.read(written)
        XCTAssertEqual(read.title, "Mine")
        XCTAssertEqual(read.subscriptions.map(\.url), list.subscriptions.map(\.url))
        XCTAssertEqual(read.subscriptions[0].title, "A & \"Co\" <news>")
        XCTAssertEqual(read.subscriptions[0].siteURL, "https://a.example/")
        XCTAssertEqual(read.subscriptions[1].folder, ["World", "Europe"])
        XCTAssertEqual(read.subscriptions[1].categories, "/Sanctions,Baltic")
        XCTAssertEqual(read.subscriptions[2].title, "Ünïcode — 北京")
        XCTAssertEqual(read.subscriptions[3].title, "Line break tab", "whitespace is folded on reading")
        let rewritten = OPML.write(read)
        XCTAssertEqual(OPML.write(try OPML.read(rewritten)), rewritten, "read and written again, the same bytes")
    }

    func testReadsOtherReadersFiles() throws {
        let opml = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <opml version="1.0"><head><title>newsboat - Exported Feeds</title></head><body>
              <outline text="Tech">
                <outline type="rss" text="Caf\u{E9} News" xmlUrl="https://cafe.example/rss" htmlUrl="https://cafe.example"/>
                <outline text="Empty folder"/>
              </outline>
              <outline type="rss" text="Top" xmlurl="https://top.example/feed"/>
              <outline text="No address"/>
            </body></opml>
            """
        let list = try OPML.read(opml.data(using: .isoLatin1) ?? Data())
        XCTAssertEqual(list.subscriptions.map(\.url), ["https://cafe.example/rss", "https://top.example/feed"])
        XCTAssertEqual(list.subscriptions[0].title, "Café News")
        XCTAssertEqual(list.subscriptions[0].folder, ["Tech"])
        XCTAssertEqual(list.subscriptions[1].folder, [])
    }

    func testDuplicatesAreKeptOnce() {
        var list = SubscriptionList(subscriptions: [Subscription(url: "https://a.example/rss"),
                                                    Subscription(url: "https://a.example/rss", title: "again")])
        XCTAssertEqual(list.subscriptions.count, 1)
        XCTAssertFalse(list.add(Subscription(url: "https://a.example/rss")))
        XCTAssertTrue(list.remove("https://a.example/rss"))
        XCTAssertFalse(list.remove("https://a.example/rss"))
    }

    func testBrokenFilesAreRefusedWithTheirLine() {
        XCTAssertThrowsError(try OPML.read(Data("<opml><body>\n<outline xmlUrl=\"x\"></body></opml>".utf8))) { error in
            XCTAssertTrue("\(error)".contains("line 2"), "\(error)")
        }
        XCTAssertThrowsError(try OPML.read(Data("<rss><channel/></rss>".utf8))) { error in
            XCTAssertTrue("\(error)".contains("not an OPML file"), "\(error)")
        }
    }

    func testTheFileIsNeverWrittenOverWhenItDoesNotRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cable-opml-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = SubscriptionFile(url: folder.appendingPathComponent("feeds.opml"))
        XCTAssertEqual(try file.load().subscriptions, [], "no file: no subscriptions")
        try file.save(SubscriptionList(subscriptions: [Subscription(url: "https://a.example/rss", title: "A")]))
        XCTAssertEqual(try file.load().subscriptions.map(\.title), ["A"])
        try Data("<opml><body><outline".utf8).write(to: file.url)
        XCTAssertThrowsError(try file.load()) { error in
            XCTAssertTrue("\(error)".contains("will not write over it"), "\(error)")
        }
    }
}
