@testable import CableCore
import Foundation
import XCTest

/// The HTML reader's pieces, and what hostile or broken pages do to it.
final class HTMLReaderTests: XCTestCase {
    private func read(_ html: String, file: String = "page.html") -> Article {
        HTMLArticleReader.parse(data: Data(html.utf8), file: file)
    }

    private func read(bytes: [UInt8]) -> Article {
        HTMLArticleReader.parse(data: Data(bytes), file: "page.html")
    }

    static let body = (1...3).map {
        "<p>Paragraph \($0) of the story says, at some length and with commas, what the ministers agreed in the talks on Friday.</p>"
    }.joined()

    // MARK: Formats

    func testTheFileNameChoosesTheReader() {
        XCTAssertEqual(PageReader.format(of: "a/b/Page.HTML"), .html)
        XCTAssertEqual(PageReader.format(of: "story.htm"), .html)
        XCTAssertEqual(PageReader.format(of: "story.txt"), .text)
        XCTAssertEqual(PageReader.format(of: "notes"), .text)
        let text = PageReader.parse(data: Data("<p>Moscow said on Monday that it would answer.</p>".utf8), file: "x.txt")
        XCTAssertTrue(text.title.hasPrefix("<p>"), "a .txt file is read as text, markup and all")
    }

    func testBinaryFilesAreRefusedWhateverTheirName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cable-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("photo.html")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]).write(to: url)
        XCTAssertThrowsError(try PageReader.read(fileAt: url, as: "photo.html")) { error in
            XCTAssertEqual(error as? ArticleReadError, .binary("photo.html"))
        }
    }

    // MARK: Charsets

    func testWindows1252BytesUnderAUTF8DeclarationAreReadAsWindows1252() {
        var bytes = Array("<html><head><meta charset=\"utf-8\"><title>Caf".utf8)
        bytes += [0xE9] + Array(" talks</title></head><body><h1>Caf".utf8) + [0xE9]
        bytes += Array(" talks open</h1><p>".utf8) + [0x93] + Array("We will talk,".utf8) + [0x94]
        bytes += Array(" said Ren".utf8) + [0xE9] + Array(" Dubois, the mediator, at the opening on Monday morning.</p></body></html>".utf8)
        let article = read(bytes: bytes)
        XCTAssertEqual(article.title, "Café talks open")
        XCTAssertEqual(article.paragraphs.first?.hasPrefix("\u{201C}We will talk,\u{201D} said René Dubois"), true)
        XCTAssertTrue(article.warnings.contains { $0.contains("read as windows-1252") }, "\(article.warnings)")
    }

    func testUTF8BytesUnderALatin1DeclarationAreReadAsUTF8() {
        let article = read("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><h1>Constanța Port Reopens</h1>\(Self.body)</body></html>")
        XCTAssertEqual(article.title, "Constanța Port Reopens")
        XCTAssertTrue(article.warnings.contains { $0.contains("bytes are UTF-8") }, "\(article.warnings)")
    }

    func testAnotherDeclaredCharsetIsConverted() {
        // "Москва" in windows-1251.
        let moscow: [UInt8] = [0xCC, 0xEE, 0xF1, 0xEA, 0xE2, 0xE0]
        var bytes = Array("<html><head><meta charset=windows-1251></head><body><h1>".utf8) + moscow
        bytes += Array(" Talks</h1>\(Self.body)</body></html>".utf8)
        XCTAssertEqual(read(bytes: bytes).title, "Москва Talks")
    }

    func testBytesThatDoNotFitTheDeclaredCharsetLoseOnlyThemselves() {
        // "東京" in Shift_JIS, then 0xFF (no Shift_JIS byte) in the middle of a paragraph.
        let tokyo: [UInt8] = [0x93, 0x8C, 0x8B, 0x9E]
        var bytes = Array("<html><head><meta charset=\"shift_jis\"></head><body><h1>".utf8) + tokyo
        bytes += Array(" Talks Resume</h1><p>The port authority said on Monday that talks ".utf8) + [0xFF]
        bytes += Array(" would resume next week in ".utf8) + tokyo + Array(", after a pause of a month.</p>".utf8)
        bytes += Array("<p>The second paragraph, after the bad byte, is read in full as well.</p></body></html>".utf8)
        let article = read(bytes: bytes)
        XCTAssertEqual(article.title, "東京 Talks Resume")
        XCTAssertEqual(article.paragraphs, [
            "The port authority said on Monday that talks \u{FFFD} would resume next week in 東京, after a pause of a month.",
            "The second paragraph, after the bad byte, is read in full as well.",
        ])
        XCTAssertTrue(article.warnings.contains("the page declares charset shift_jis but 1 byte does not fit it; read as U+FFFD"),
                      "\(article.warnings)")
    }

    func testAByteOrderMarkIsNotText() {
        let article = read(bytes: [0xEF, 0xBB, 0xBF] + Array("<html><body><h1>Port Deal Signed</h1>\(Self.body)</body></html>".utf8))
        XCTAssertEqual(article.title, "Port Deal Signed")
    }

    // MARK: Hostile pages

    func testControlCharactersAndEscapeSequencesNeverReachTheArticle() {
        let article = read("""
            <html><head><title>Ships &#27;[2J Seized</title></head><body><h1>Ships \u{1B}]0;pwned\u{07}Seized &#x202E;Off Coast</h1>
            <p>The navy said on Monday &#27;[31mthat three ships had been seized\u{0}, and that their crews were safe and well cared for.</p>
            <p>Officials said the ships would be taken to port \u{202E}for inspection, which could take weeks, according to the ministry.</p>
            </body></html>
            """)
        for text in [article.title] + article.paragraphs {
            XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{202E}" }, text)
        }
        XCTAssertEqual(article.paragraphs.count, 2)
    }

    func testDeepNestingDoesNotCrash() {
        let depth = 20_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + Self.body
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let article = read(html)
        XCTAssertLessThanOrEqual(article.paragraphs.count, 3)
    }

    func testUnclosedAndMisnestedTagsAreRead() {
        let article = read("<html><body><h1>Border Talks <b>Resume<h1><p>The first paragraph of the story, unclosed and running on with commas, about the talks.<p>The second paragraph, <i>also <b>misnested</i> tags</b>, which browsers read anyway without any trouble.<div></span></div>")
        XCTAssertEqual(article.paragraphs.count, 2, "\(article.paragraphs)")
        XCTAssertEqual(article.paragraphs[1], "The second paragraph, also misnested tags, which browsers read anyway without any trouble.")
    }

    func testAHugePageIsReadInReasonableTime() {
        let paragraph = "<p>A long page repeats this sentence many times over, with commas, to weigh several megabytes in all.</p>\n"
        let html = "<html><body><h1>Huge</h1><div>" + String(repeating: paragraph, count: 40_000) + "</div></body></html>"
        let started = Date()
        let article = read(html)
        XCTAssertLessThan(Date().timeIntervalSince(started), 60)
        XCTAssertEqual(article.title, "Huge")
        XCTAssertEqual(article.paragraphs.count, 1, "identical paragraphs are kept once")
    }

    func testParsingManyPagesDoesNotLeak() throws {
        let page = Data(("<html><head><title>Leak Test | Outlet</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Leak Test\"}</script></head><body>"
            + String(repeating: "<div class=\"x\"><a href=\"/a\">link</a>" + Self.body + "</div>", count: 10) + "</body></html>").utf8)
        for _ in 0..<100 { _ = HTMLArticleReader.parse(data: page, file: "a.html") }
        let before = try Self.residentMegabytes()
        for _ in 0..<1_000 { _ = HTMLArticleReader.parse(data: page, file: "a.html") }
        let after = try Self.residentMegabytes()
        // A leaked libxml2 document of this page is about 25 KB: 1,000 of them would be 25 MB.
        XCTAssertLessThan(after - before, 8, "resident memory grew by \(after - before) MB over 1,000 pages")
    }

    static func residentMegabytes() throws -> Double {
        let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8).split(separator: " ")
        return (Double(statm[1]) ?? 0) * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    // MARK: Metadata

    func testJSONLDGraphTypesAndPublisherReferences() {
        let script = """
            {"@context":"https://schema.org","@graph":[{"@type":"Organization","@id":"#o","name":"Ledger &amp; Post"},
            {"@type":["ReportageNewsArticle"],"headline":"Grain &#8216;Corridor&#8217; Holds","datePublished":"2024-03-07T09:41:00+01:00",
             "dateModified":"2024-03-08T10:00:00Z","publisher":{"@id":"#o"},"keywords":["grain","Black Sea"]}]}
            """
        let found = JSONLDArticle.read(["not json at all", script])
        XCTAssertEqual(found?.headline, "Grain \u{2018}Corridor\u{2019} Holds")
        XCTAssertEqual(found?.datePublished, "2024-03-07T09:41:00+01:00")
        XCTAssertEqual(found?.publisherName, "Ledger & Post")
        XCTAssertEqual(found?.keywords, ["grain", "Black Sea"])
        XCTAssertNil(JSONLDArticle.read(["{\"@type\":\"WebSite\",\"name\":\"x\"}"]))
        let live = JSONLDArticle.read(["[{\"@type\":\"LiveBlogPosting\",\"headline\":\"Live\",\"keywords\":\"a, b\"}]"])
        XCTAssertEqual(live?.keywords, ["a", "b"])
    }

    func testISODates() {
        func iso(_ text: String) -> String? { ISODate.parse(text).map { ParserScore.iso8601($0) } }
        XCTAssertEqual(iso("2024-03-07"), "2024-03-07T00:00:00Z")
        XCTAssertEqual(iso("2024-03-07T09:41Z"), "2024-03-07T09:41:00Z")
        XCTAssertEqual(iso("2024-03-07T09:41:30.123+02:00"), "2024-03-07T07:41:30Z")
        XCTAssertEqual(iso("2024-03-07 09:41:30 -0500"), "2024-03-07T14:41:30Z")
        XCTAssertEqual(iso("20240307T094100Z"), "2024-03-07T09:41:00Z")
        XCTAssertEqual(iso("1999-12-31T23:30:00-01:00"), "2000-01-01T00:30:00Z")
        XCTAssertNil(iso("7 March 2024"))
        XCTAssertNil(iso("2024-13-07"))
    }

    func testTitleSuffixesAndPrefixesNameTheOutlet() {
        XCTAssertEqual(PageTitle.outlet(in: "Port Deal Signed | The Ledger", headline: "Port Deal Signed", host: nil), "The Ledger")
        XCTAssertEqual(PageTitle.outlet(in: "Caucasus Wire | Port Deal Signed", headline: nil, host: "caucasuswire.example"), "Caucasus Wire")
        XCTAssertEqual(PageTitle.outlet(in: "Port Deal Signed After Long Talks - The Ledger", headline: nil, host: nil), "The Ledger")
        XCTAssertNil(PageTitle.outlet(in: "Kremlin Calls Asset Plan Theft - Reports", headline: nil, host: nil))
        XCTAssertEqual(PageTitle.removing("The Ledger", from: "Port Deal Signed | The Ledger"), "Port Deal Signed")
        XCTAssertEqual(PageTitle.removing("Caucasus Wire", from: "Caucasus Wire | Port Deal Signed"), "Port Deal Signed")
    }

    func testTheSavedFromLineGivesTheAddress() {
        XCTAssertEqual(PageMetadata.savedFromURL(Array("<!-- saved from url=(0029)https://example.org/a/b.html -->\n<html>".utf8)),
                       "https://example.org/a/b.html")
        XCTAssertNil(PageMetadata.savedFromURL(Array("<!-- saved from url=(0014)about:internet -->\n".utf8)))
        XCTAssertNil(PageMetadata.savedFromURL(Array("<html>\n<!-- saved from url=(0019)https://example.org -->".utf8)),
                     "only on the first line")
    }

    func testRelativeLinksResolveAgainstTheBase() {
        let article = read("""
            <html><head><base href="https://news.example/world/"><link rel="canonical" href="https://news.example/world/story-1"></head>
            <body><h1>Story One</h1>\(Self.body)
            <p>Read more: <a href="story-2">Story Two Follows</a></p>
            <div><h2>Related</h2><a href="../business/story-3">Story Three</a> <a href="#top">Back to top</a></div></body></html>
            """)
        XCTAssertEqual(article.readMore, ["Story Two Follows"])
        XCTAssertEqual(article.related, ["Story Three"], "a link within the page is no story")
        XCTAssertEqual(article.linkURLs["Story Two Follows"], "https://news.example/world/story-2")
        XCTAssertEqual(article.linkURLs["Story Three"], "https://news.example/business/story-3")
    }

    func testAPageWithNothingInItStillGivesAnArticle() {
        let article = read("<html><body></body></html>", file: "folder/empty page.html")
        XCTAssertEqual(article.title, "empty page")
        XCTAssertTrue(article.titleDerived)
        XCTAssertTrue(article.paragraphs.isEmpty)
        XCTAssertFalse(article.warnings.isEmpty)
    }

    // MARK: Structures

    func testADeclarativeShadowTreeIsReadWithItsSlotsFilled() {
        let lead = "The two governments reopened talks on Friday on the future of the shared seabed zone, officials said."
        let article = read("""
            <html><body><news-story>
            <template shadowrootmode="open">
              <header><slot name="headline"></slot></header>
              <div class="body"><slot name="lead"></slot>\(Self.body)<slot></slot></div>
            </template>
            <h1 slot="headline">Seabed talks reopen as the old deal nears its end</h1>
            <p slot="lead">\(lead)</p>
            <p>A closing paragraph that the default slot shows after the others, with a comma, too.</p>
            </news-story></body></html>
            """)
        XCTAssertEqual(article.title, "Seabed talks reopen as the old deal nears its end")
        XCTAssertEqual(article.paragraphs.first, lead)
        XCTAssertEqual(article.paragraphs.count, 5)
        XCTAssertEqual(article.paragraphs.last, "A closing paragraph that the default slot shows after the others, with a comma, too.")
    }

    func testWordsRevealedConditionalMarkersAreNotText() {
        let bytes = Array("<p><![if !supportLists]>· <![endif]>Fee frozen</p><!--[if gte mso 9]><xml>x</xml><![endif]--><p>b</p>".utf8)
        let stripped = String(decoding: HTMLDocument.withoutRevealedConditionals(bytes), as: UTF8.self)
        XCTAssertEqual(stripped, "<p>· Fee frozen</p><!--[if gte mso 9]><xml>x</xml><![endif]--><p>b</p>")
        let wrapped = Array("<p><![if\n!supportLists]>· <![endif]>Fee</p>".utf8)
        XCTAssertEqual(String(decoding: HTMLDocument.withoutRevealedConditionals(wrapped), as: UTF8.self), "<p>· Fee</p>")
    }
}
