@testable import CableFeeds
import Foundation
import XCTest

/// Feeds of each format, as publishers write them (and as they get them wrong).
final class FeedParserTests: XCTestCase {
    let address = URL(string: "http://news.example/feeds/world.xml")!

    func parse(_ xml: String) throws -> Feed {
        try FeedParser.parse(Data(xml.utf8), address: address)
    }

    static func date(_ iso: String) -> Date? {
        ISO8601DateFormatter().date(from: iso)
    }

    func testRSS2WithContentCategoriesAndRelativeLinks() throws {
        let feed = try parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>World &amp; Wire</title><link>https://news.example/</link>
            <image><title>Logo title is not the feed's</title></image>
            <item>
              <title>Grain deal extended</title>
              <link>/2024/grain-deal</link>
              <guid isPermaLink="false">urn:grain-1</guid>
              <pubDate>Tue, 10 Jun 2003 04:00:00 +0200</pubDate>
              <category>Black Sea</category><category>grain</category><category>Grain</category>
              <dc:creator>Ana Pop</dc:creator>
              <description>&lt;p&gt;Short &amp;amp; escaped&lt;/p&gt;</description>
              <content:encoded><![CDATA[<p>The <b>full</b> text.</p>]]></content:encoded>
            </item>
            </channel></rss>
            """)
        XCTAssertEqual(feed.format, .rss2)
        XCTAssertEqual(feed.title, "World & Wire")
        XCTAssertEqual(feed.siteURL, "https://news.example/")
        let item = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(item.title, "Grain deal extended")
        XCTAssertEqual(item.link?.absoluteString, "http://news.example/2024/grain-deal", "relative to the feed's address")
        XCTAssertEqual(item.guid, "urn:grain-1")
        XCTAssertEqual(item.key, "urn:grain-1")
        XCTAssertEqual(item.published, Self.date("2003-06-10T02:00:00Z"))
        XCTAssertEqual(item.categories, ["Black Sea", "grain"], "repeats (in any case) dropped")
        XCTAssertEqual(item.author, "Ana Pop")
        XCTAssertEqual(item.content?.html, "<p>The <b>full</b> text.</p>", "content:encoded wins over the description")
    }

    func testHTMLEscapedSummaryAndTitle() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><title>T</title>
            <item><title>Q&amp;amp;A: the &lt;b&gt;talks&lt;/b&gt;</title><link>https://news.example/qa</link>
            <description>&lt;p&gt;Ministers met &amp;amp; talked.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description></item>
            </channel></rss>
            """)
        let item = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(item.title, "Q&A: the talks", "an escaped HTML title is read as HTML")
        XCTAssertEqual(item.content?.html, "<p>Ministers met &amp; talked.</p><script>alert(1)</script>",
                       "the description is HTML once the XML is read (made safe only when saved)")
        XCTAssertNil(item.guid)
        XCTAssertEqual(item.key, "https://news.example/qa", "no GUID: the link is the key")
    }

    func testPermalinkGUIDIsTheLinkWhenThereIsNone() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><title>T</title>
            <item><title>A</title><guid>https://news.example/a</guid></item>
            <item><title>B</title><guid isPermaLink="false">https://news.example/b</guid></item>
            </channel></rss>
            """)
        XCTAssertEqual(feed.items[0].link?.absoluteString, "https://news.example/a")
        XCTAssertNil(feed.items[1].link, "a GUID said not to be a permalink is no link")
    }

    func testRSS1RDF() throws {
        let feed = try parse("""
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://agency.example/rss"><title>Agency Wire</title><link>https://agency.example/</link>
                <items><rdf:Seq><rdf:li rdf:resource="https://agency.example/1"/></rdf:Seq></items></channel>
              <item rdf:about="https://agency.example/1">
                <title>Tanker seized</title><link>https://agency.example/1</link>
                <description>A tanker was seized.</description>
                <dc:date>2024-03-07T09:41:00+01:00</dc:date><dc:subject>Shipping</dc:subject>
              </item>
            </rdf:RDF>
            """)
        XCTAssertEqual(feed.format, .rss1)
        XCTAssertEqual(feed.title, "Agency Wire")
        let item = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(item.guid, "https://agency.example/1")
        XCTAssertEqual(item.link?.absoluteString, "https://agency.example/1")
        XCTAssertEqual(item.published, Self.date("2024-03-07T08:41:00Z"))
        XCTAssertEqual(item.categories, ["Shipping"])
        XCTAssertEqual(item.content?.html, "A tanker was seized.")
    }

    func testAtomWithXMLBaseAndTextConstructs() throws {
        let feed = try parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/news/">
              <title type="html">Arctic &lt;i&gt;Notes&lt;/i&gt;</title>
              <link rel="self" href="/atom.xml"/><link href="./"/>
              <entry xml:base="2024/">
                <id>tag:blog.example,2024:1</id>
                <title>Ice route opens</title>
                <link rel="alternate" type="text/html" href="ice-route.html"/>
                <link rel="enclosure" href="/podcast.mp3"/>
                <published>2024-05-01T12:00:00-04:00</published><updated>2024-05-02T00:00:00Z</updated>
                <category term="arctic" label="The Arctic"/><category term="shipping"/>
                <author><name>Lena Berg</name></author>
                <summary type="text">Short.</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Ships <a href="map.html">sailed</a> &amp; waited.</p></div></content>
              </entry>
              <entry>
                <id>tag:blog.example,2024:2</id><title type="text">Plain &amp; simple</title>
                <link href="https://other.example/x"/>
                <updated>2024-05-03T08:00:00.250Z</updated>
                <content type="text">First paragraph.

            Second &lt;not a tag&gt;.</content>
              </entry>
            </feed>
            """)
        XCTAssertEqual(feed.format, .atom)
        XCTAssertEqual(feed.title, "Arctic Notes")
        XCTAssertEqual(feed.siteURL, "https://blog.example/news/")
        let first = feed.items[0]
        XCTAssertEqual(first.link?.absoluteString, "https://blog.example/news/2024/ice-route.html", "xml:base of feed and entry")
        XCTAssertEqual(first.guid, "tag:blog.example,2024:1")
        XCTAssertEqual(first.published, Self.date("2024-05-01T16:00:00Z"), "published wins over updated")
        XCTAssertEqual(first.categories, ["The Arctic", "shipping"])
        XCTAssertEqual(first.author, "Lena Berg")
        XCTAssertEqual(first.content?.base?.absoluteString, "https://blog.example/news/2024/")
        XCTAssertTrue(first.content?.html.contains("<p>Ships <a href=\"map.html\">sailed</a> &amp; waited.</p>") ?? false,
                      first.content?.html ?? "")
        let second = feed.items[1]
        XCTAssertEqual(second.title, "Plain & simple")
        XCTAssertEqual(second.published, Self.date("2024-05-03T08:00:00Z"), "updated when there is no published")
        XCTAssertEqual(second.content?.html, "<p>First paragraph.</p>\n<p>Second &lt;not a tag&gt;.</p>")
    }

    func testMissingAndDuplicateGUIDsGiveKeys() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><title>T</title>
            <item><title>One</title><link>https://news.example/1</link></item>
            <item><title>Dup</title><guid isPermaLink="false">same</guid></item>
            <item><title>Dup again</title><guid isPermaLink="false">same</guid></item>
            <item><title>Only a title</title><description>Only text.</description></item>
            </channel></rss>
            """)
        XCTAssertEqual(feed.items.map(\.key).prefix(3), ["https://news.example/1", "same", "same"])
        XCTAssertTrue(feed.items[3].key.hasPrefix("text:"))
        XCTAssertEqual(feed.items[3].key, try parse("""
            <rss version="2.0"><channel><item><title>Only a title</title><description>Only text.</description></item></channel></rss>
            """).items[0].key, "the same title and text give the same key")
    }

    func testMalformedXMLSaysWhere() {
        XCTAssertThrowsError(try parse("<rss version=\"2.0\"><channel><title>T</title>\n<item><title>A & B</title></item></channel></rss>")) { error in
            guard case FeedError.malformed(let problem) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(problem.line, 2)
            XCTAssertTrue(problem.description.contains("line 2"), problem.description)
        }
        XCTAssertThrowsError(try parse("<rss><channel><item><title>unclosed</channel></rss>"))
        XCTAssertThrowsError(try parse("")) { error in XCTAssertTrue("\(error)".contains("empty") || "\(error)".contains("malformed"), "\(error)") }
    }

    func testAPageOrOtherXMLIsNotAFeed() {
        XCTAssertThrowsError(try parse("<html><head><title>x</title></head></html>")) { error in
            XCTAssertEqual(error as? FeedError, .notAFeed("the address gives a web page (cable feeds add finds the feed a page names)"))
        }
        XCTAssertThrowsError(try parse("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")) { error in
            XCTAssertTrue("\(error)".contains("not RSS or Atom"), "\(error)")
        }
    }

    func testUndeclaredPrefixesAndLeadingWhitespaceAreReadPast() throws {
        let feed = try parse("""

              <?xml version="1.0"?>
            <rss version="2.0"><channel><title>T</title>
            <item><title>A</title><link>https://news.example/a</link><dc:creator>Someone</dc:creator><dc:date>2024-01-02T03:04:05Z</dc:date></item>
            </channel></rss>
            """)
        XCTAssertEqual(feed.items.first?.author, "Someone")
        XCTAssertEqual(feed.items.first?.published, Self.date("2024-01-02T03:04:05Z"))
    }

    func testEntitiesAreNeitherFetchedNorExpandedWithoutLimit() throws {
        let external = try parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>T &secret;</title></channel></rss>
            """)
        XCTAssertFalse(external.title?.contains("root") ?? false)
        var bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a0 \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\">"
        for level in 1...12 {
            bomb += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">"
        }
        bomb += "]><rss version=\"2.0\"><channel><title>&a12;</title></channel></rss>"
        let started = Date()
        let result = try? parse(bomb)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "an entity bomb is refused, not expanded")
        XCTAssertLessThan(result?.title?.count ?? 0, 10_000_000)
    }

    func testAThousandItems() throws {
        var xml = "<rss version=\"2.0\"><channel><title>Big</title>"
        for number in 0..<1_000 {
            xml += "<item><title>Story \(number)</title><link>https://news.example/\(number)</link>"
                + "<pubDate>Mon, 0\(number % 9 + 1) Jan 2024 10:00:00 GMT</pubDate></item>"
        }
        xml += "</channel></rss>"
        let started = Date()
        let feed = try parse(xml)
        XCTAssertEqual(feed.items.count, 1_000)
        XCTAssertEqual(Set(feed.items.map(\.key)).count, 1_000)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }
}
