@testable import CableCore
import Foundation
import XCTest

/// Rules for a page's related links, tags, outlet, address and date on kinds of page the
/// fourth blind HTML round brought (`HTMLBlind6/`): forums, posts, clips, saved newsletters,
/// e-papers, streamed and generated markup. Each page is cut down to the structure.
final class HTMLLinksAndDatesTests: XCTestCase {
    private func read(_ html: String) -> Article {
        HTMLArticleReader.parse(data: Data(html.utf8), file: "page.html")
    }

    private static let body = HTMLPageStructureTests.body

    private func published(_ article: Article) -> String? {
        article.published.map(ISO8601DateFormatter().string)
    }

    // MARK: Related blocks

    func testATagHeadingOverHeadlinesHeadsRelatedStories() {
        let forum = read("""
            <html><body><h1>Port deal signed</h1>\(Self.body)
            <div class="tag-row"><a class="tag" href="/tag/ports">ports</a> <a class="tag" href="/tag/trade">trade</a></div>
            <div><h3>Related topics</h3><table><tr><td><a href="/t/rail-freight-figures/101">Rail freight figures for last year are finally out</a></td></tr>
            <tr><td><a href="/t/harbour-dredging/102">Who is paying for the harbour dredging this time?</a></td></tr></table></div>
            </body></html>
            """)
        XCTAssertEqual(forum.related, ["Rail freight figures for last year are finally out", "Who is paying for the harbour dredging this time?"])
        XCTAssertEqual(forum.tags, ["ports", "trade"])
        let news = read("""
            <html><body><h1>Port deal signed</h1>\(Self.body)<div><h3>Related topics</h3>
            <a href="/topic/ports">Ports</a><a href="/topic/eu">European Union</a></div></body></html>
            """)
        XCTAssertEqual(news.tags, ["Ports", "European Union"], "short names under the heading are tags")
        XCTAssertEqual(news.related, [])
    }

    func testMoreFromTheAuthorIsNotRelatedButMoreFromTheOutletIs() {
        func related(_ heading: String) -> [String] {
            read("""
                <html><head><meta name="author" content="Mira Holm"></head><body><h1>Ice routes</h1>\(Self.body)
                <div><h2>\(heading)</h2><a href="/p/1">Why the northern route still loses money</a></div></body></html>
                """).related
        }
        XCTAssertEqual(related("More from Mira Holm and Polar Notes"), [])
        XCTAssertEqual(related("More from The Harbour Courier"), ["Why the northern route still loses money"])
    }

    func testARelatedBlockStreamedIntoAHiddenSegmentIsShown() {
        let article = read("""
            <html><body><h1>Crossing closed</h1>\(Self.body)<template id="B:0"></template>
            <div hidden id="S:0"><section><h2>Related Stories</h2><ul><li><a href="/news/a">Traders end their sit-in at the crossing</a></li></ul></section></div>
            <div hidden><h2>Related</h2><a href="/news/b">A hidden teaser nobody sees</a></div></body></html>
            """)
        XCTAssertEqual(article.related, ["Traders end their sit-in at the crossing"])
    }

    func testAPageNumberBeforeAnEditionsHeadlineIsNoPartOfIt() {
        let article = read("""
            <html><body><h1>Tanker seized</h1>\(Self.body)<section><h3>More from The Coast Daily</h3><ul>
            <li><a href="/e/1"><span class="item-no">Page 3</span><span>Port traffic rises in first quarter</span></a></li>
            <li><a href="/e/2"><span>P14</span><span>Refinery reaches full capacity</span></a></li></ul></section></body></html>
            """)
        XCTAssertEqual(article.related, ["Port traffic rises in first quarter", "Refinery reaches full capacity"])
        XCTAssertTrue(LinkBlocks.isPageReference("p. 12"))
        XCTAssertFalse(LinkBlocks.isPageReference("Pages of history"))
    }

    func testARelatedBlockOfFilesIsDocumentsNotStories() {
        let article = read("""
            <html><body><h1>Mine clearance plan</h1>\(Self.body)
            <div><h2>Related documents</h2><a href="/files/factsheet.pdf">Factsheet: the clearance facility</a>
            <a href="/files/Proposal.DOCX?dl=1">Proposal for a regulation</a></div>
            <div><h2>Related press releases</h2><a href="/detail/ip_1">Council backs safe corridors for shipping</a>
            <a href="/files/q-and-a.pdf">Questions and answers on the facility</a></div></body></html>
            """)
        XCTAssertEqual(article.related, ["Council backs safe corridors for shipping", "Questions and answers on the facility"])
    }

    func testAListsOnwardLinkAndAHeadingsEditLinkAreNoHeadlines() {
        let list = read("""
            <html><body><h1>Patrol pact</h1>\(Self.body)<div><h2>Related news</h2>
            <a href="/n/1">Coast guard receives two new boats</a><a href="/list?cat=fish">More news on Fisheries &gt;&gt;</a></div></body></html>
            """)
        XCTAssertEqual(list.related, ["Coast guard receives two new boats"])
        let wiki = read("""
            <html><body><h1>Water deal</h1>\(Self.body)<div class="mw-heading"><h2>Related news</h2><span>[<a href="/w?action=edit">edit</a>]</span></div>
            <ul><li><a href="/wiki/Dam">Construction begins on the new dam</a></li></ul></body></html>
            """)
        XCTAssertEqual(wiki.related, ["Construction begins on the new dam"])
    }

    func testANewslettersAlsoInHeadingHeadsItsOtherStories() {
        let article = read("""
            <html><body><h1>Fund vetoed again</h1>\(Self.body)<table>
            <tr><td>ALSO IN TODAY’S BRIEF</td></tr>
            <tr><td><a href="https://click.example/ls?u=1&amp;c=2">Protests spread to the capital</a><br><span>Thousands marched on Sunday.</span></td></tr>
            </table></body></html>
            """)
        XCTAssertEqual(article.related, ["Protests spread to the capital"])
        XCTAssertEqual(article.linkURLs["Protests spread to the capital"], "https://click.example/ls?u=1&c=2")
    }

    // MARK: Tags

    func testTagPillsEachInTheirOwnWrapperAreTheTagList() {
        let article = read("""
            <html><body><h1>Ice routes</h1>\(Self.body)<div class="x1"><div class="a2"><a href="/tag/arctic?source=post"><div>Arctic</div></a></div>
            <div class="b3"><a href="/tag/shipping?source=post"><div>Shipping</div></a></div></div></body></html>
            """)
        XCTAssertEqual(article.tags, ["Arctic", "Shipping"])
    }

    func testAHashtagIsTaggedWithoutItsSign() {
        let article = read("""
            <html><body><h1>Fishing deal lapses</h1>\(Self.body)<div class="hashtag-bar">
            <a href="/tags/Senegal" rel="tag">#<span>Senegal</span></a> <a href="/tags/EU" rel="tag">#<span>EU</span></a></div></body></html>
            """)
        XCTAssertEqual(article.tags, ["Senegal", "EU"])
        XCTAssertEqual(LinkBlocks.withoutHashSigil("#1 priority"), "#1 priority", "a number sign before a number stays")
    }

    func testATagLabelWithItsListInTheNextCellGivesTheTags() {
        let article = read("""
            <html><body><table><tr><td><b>Source:</b></td><td><a href="https://news.example/a">https://news.example/a</a></td></tr>
            <tr><td><b>Tags:</b></td><td><i>indonesia, south china sea, maritime</i></td></tr></table>
            <h1>Coast guard ship driven off</h1>\(Self.body)</body></html>
            """)
        XCTAssertEqual(article.tags, ["indonesia", "south china sea", "maritime"])
    }

    // MARK: Outlet, address, date

    /// The visible dateline read from the top of a page down to its last unit (the date rule
    /// alone, whatever the body turns out to be on a page this small).
    private func visibleDateline(_ html: String) -> String? {
        let units = HTMLDocument.parse(Array(html.utf8)).textUnits()
        return HTMLArticleReader.visibleDateline(units, before: units.last).map(ISO8601DateFormatter().string)
    }

    func testAClipsSourceAddressAndTheArticlesDatelineBeatTheClipsTimes() {
        let clip = """
            <html><head><meta name="source-url" content="https://news.example/2024/10/24/ship-driven-off"></head><body>
            <table><tr><td><b>Created:</b></td><td><i>25/10/2024 09:17</i></td></tr>
            <tr><td><b>Updated:</b></td><td><i>25/10/2024 09:19</i></td></tr></table>
            <h1>Coast guard ship driven off</h1><div><span>Ana Putri</span><span> | </span><span>Thursday, 24 October 2024 | 18:40 WIB</span></div>
            \(Self.body)</body></html>
            """
        XCTAssertEqual(read(clip).url, "https://news.example/2024/10/24/ship-driven-off")
        XCTAssertEqual(visibleDateline(clip), "2024-10-24T11:40:00Z")
    }

    func testAMailHeadersDateLosesToTheNewslettersDatelineAndIsKeptWithoutOne() {
        let newsletter = """
            <html><body><table><tr><td><b>Subject: </b>Morning Brief</td></tr><tr><td><b>Date: </b>05/03/2024, 06:02</td></tr></table>
            <table><tr><td>Tuesday, 5 March 2024 &middot; 06:00 CET &middot; Issue 9</td></tr></table>
            <h1>Fund vetoed again</h1>\(Self.body)</body></html>
            """
        XCTAssertEqual(visibleDateline(newsletter), "2024-03-05T05:00:00Z")
        let mail = "<html><body><table><tr><td><b>Date: </b>5 March 2024 06:02</td></tr></table><h1>Fund vetoed again</h1>\(Self.body)</body></html>"
        XCTAssertEqual(visibleDateline(mail), "2024-03-05T06:02:00Z")
    }

    func testAPostsOpenGraphPublicationTimeIsItsDate() {
        let article = read("""
            <html><head><meta property="og:published_time" content="2024-11-18T10:42:00Z"></head><body><h1>Post</h1>\(Self.body)
            <time datetime="2024-11-18T11:05:33Z">reply</time></body></html>
            """)
        XCTAssertEqual(published(article), "2024-11-18T10:42:00Z")
    }

    func testASubjectLinesLastItemIsNoOutletAndTheCopyrightHolderIs() {
        let newsletter = read("""
            <html><head><title>Morning Brief: Fund vetoed · Lithium protests · Slovak media law</title></head><body>
            <h1>Fund vetoed again</h1>\(Self.body)<p>Unsubscribe<br>© 2024 Danube Wire Kft. · Main Street 4, Budapest</p></body></html>
            """)
        XCTAssertEqual(newsletter.source, "Danube Wire")
        let notice = read("""
            <html><body><h1>Water talks</h1>\(Self.body)<div>Copyright 2024. Reproduction permitted with a link to the source.</div></body></html>
            """)
        XCTAssertNil(notice.source)
        XCTAssertTrue(PageTitle.isWrittenAsName("The Frontier Ledger"))
        XCTAssertFalse(PageTitle.isWrittenAsName("Slovak media law"))
    }

    func testAPageKindBesideTheOutletInTheTitleNamesTheOutlet() {
        XCTAssertEqual(PageTitle.outlet(in: "Press release | Lake Region Growers’ Union", headline: nil, host: nil), "Lake Region Growers’ Union")
        XCTAssertNil(PageTitle.outlet(in: "Press release | new fees for the port", headline: nil, host: nil))
    }

    func testAConvertersDocumentDateIsNoPublicationTime() {
        func published(generator: String) -> Date? {
            let html = """
                <html><head><meta name="generator" content="\(generator)"><meta name="date" content="2024-03-04T21:17:33+00:00"></head>
                <body><h1>Crab quota cut</h1></body></html>
                """
            let document = HTMLDocument.parse(Array(html.utf8))
            return PageMetadata(document: document, raw: Array(html.utf8)).published
        }
        XCTAssertNil(published(generator: "pdftohtml 0.86.1"), "the PDF's creation time")
        XCTAssertNotNil(published(generator: "Hugo 0.120"))
    }

    /// A page of thousands of block headings is searched under the first few dozen only: each
    /// search reads on through the page, and a hostile page must not cost their square.
    func testOnlyTheFirstHeadingsOfAPageAreSearched() {
        let blocks = (1...(LinkBlocks.mostHeadings + 5)).map {
            "<h3>Related</h3><ul><li><a href=\"/story/\($0)\">Story number \($0) about the port strike</a></li></ul>"
        }.joined()
        let html = "<html><body><article><h1>Port strike enters its second week</h1>"
            + "<p>The dockers' union said on Monday that the strike would go on until the ministry answered its demands.</p>"
            + "<p>Shipping lines diverted six vessels to other ports, and exporters warned of losses running into millions.</p>"
            + "<p>The ministry said talks would resume on Thursday, and asked both sides to keep the grain terminals open.</p>"
            + blocks + "</article></body></html>"
        let document = HTMLDocument.parse(Array(html.utf8))
        let links = LinkBlocks(document: document, units: document.textUnits(), base: "https://news.example/")
        XCTAssertEqual(links.related.count, LinkBlocks.mostHeadings)
        XCTAssertEqual(links.related.last, "Story number \(LinkBlocks.mostHeadings) about the port strike")
    }

    func testAHeadlineEndingInAQuotationIsNoOnwardLink() {
        XCTAssertTrue(LinkBlocks.pointsOnward("More news on fisheries »"))
        XCTAssertFalse(LinkBlocks.pointsOnward("Minister: «We will answer the blockade»"))
    }
}
