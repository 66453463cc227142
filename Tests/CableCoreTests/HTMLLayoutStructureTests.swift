@testable import CableCore
import Foundation
import XCTest

/// Page structures from the third blind HTML round (converted PDFs, block editors, wikis,
/// property tables), each rule on a page cut down to the structure, with invented text.
final class HTMLLayoutStructureTests: XCTestCase {
    private func read(_ html: String) -> Article {
        HTMLArticleReader.parse(data: Data(html.utf8), file: "page.html")
    }

    private func unit(_ text: String, links: [TextUnit.Link] = []) -> TextUnit {
        TextUnit(owner: 0, first: 0, kind: .paragraph, text: text, linkLength: links.reduce(0) { $0 + $1.text.count },
                 emphasisLength: 0, links: links)
    }

    /// Three paragraphs long enough to be the article.
    static let body = (1...3).map {
        "<p>Paragraph \($0) of the report says, at some length and with commas, what the delegates agreed at the meeting on Tuesday.</p>"
    }.joined()

    // MARK: A PDF converted line by line

    /// A placed line of a converted page, in the body font unless told.
    private func line(_ text: String, top: Int, left: Int, font: String = "ft7") -> String {
        "<p style=\"position:absolute;top:\(top)px;left:\(left)px;white-space:nowrap\" class=\"\(font)\">\(text)</p>"
    }

    /// Two columns and a second page: the lead, an indented paragraph running on into the next
    /// column, an unindented paragraph that ends at the foot of the page and goes on overleaf,
    /// a brief of another story in the body font, and an advert's small print.
    private var convertedPage: String {
        let column1 = ["The river authority said on Monday that the", "eastern weir would close for repairs in", "the spring, cutting traffic for a month."]
            .enumerated().map { line($1, top: 500 + 14 * $0, left: 40) }
        let indented = line("Barge operators warned that the closure", top: 542, left: 52)
        let column2 = ["would cost them dearly and asked for a", "detour through the old canal, which the", "authority had refused before. The canal"]
            .enumerated().map { line($1, top: 500 + 14 * $0, left: 300) }
        let filler = (0..<8).map { line("Running foot \($0)", top: 900 + 14 * $0, left: 40, font: "ft9") }
        let advert = line("Cheap barge hire every weekend. hire.example", top: 1000, left: 40)
        let page2 = [line("is too shallow, they said, for loaded boats.", top: 100, left: 40),
                     line("The brief of another story sits beside it", top: 100, left: 300),
                     line("in the same font and is no part of it.", top: 114, left: 300)]
        return """
            <html><head><title>Layout 1</title><meta name="generator" content="pdftohtml 0.86.1"><meta name="date" content="2024-01-02T10:00:00+00:00"></head><body>
            <div id="page1-div" style="position:relative">
            \(line("<b>Weir closure angers barge crews</b>", top: 100, left: 40, font: "ft1"))
            \(line("Tuesday 6 February 2024", top: 60, left: 40, font: "ft2"))
            \((column1 + [indented] + column2 + filler + [advert]).joined(separator: "\n"))
            </div><div id="page2-div" style="position:relative">\(page2.joined(separator: "\n"))</div></body></html>
            """
    }

    func testAConvertedPDFsLinesAreJoinedIntoParagraphsByColumnFlowAndIndent() {
        let lines = HTMLDocument.parse(Array(convertedPage.utf8))
        let units = PrintedLayout.reflowed(lines.textUnits(), in: lines) ?? []
        let texts = units.map(\.text)
        XCTAssertTrue(texts.contains("The river authority said on Monday that the eastern weir would close for repairs in the spring, cutting traffic for a month."), "\(texts)")
        XCTAssertTrue(texts.contains("Barge operators warned that the closure would cost them dearly and asked for a detour through the old canal, which the authority had refused before. The canal is too shallow, they said, for loaded boats."), "\(texts)")
        XCTAssertFalse(texts.contains { $0.contains("another story") || $0.contains("barge hire") }, "\(texts)")
    }

    /// A paragraph that ends at the foot of a column leaves the next column's first line to
    /// start the next paragraph, indented or not (a layout that sets paragraphs apart with space).
    func testAParagraphEndingAtAColumnsFootIsFollowedByTheNextOne() {
        let column1 = ["The river authority said on Monday that the", "eastern weir would close for repairs in", "the spring, cutting traffic for a month."]
            .enumerated().map { line($1, top: 500 + 14 * $0, left: 40) }
        let column2 = ["Barge operators warned that the closure", "would cost them dearly and asked for a", "detour through the old canal instead."]
            .enumerated().map { line($1, top: 500 + 14 * $0, left: 300) }
        let filler = (0..<16).map { line("Running foot \($0)", top: 900 + 14 * $0, left: 40, font: "ft9") }
        let page = "<html><body><div style=\"position:relative\">" + (column1 + column2 + filler).joined(separator: "\n") + "</div></body></html>"
        let document = HTMLDocument.parse(Array(page.utf8))
        let texts = (PrintedLayout.reflowed(document.textUnits(), in: document) ?? []).map(\.text)
        XCTAssertTrue(texts.contains("Barge operators warned that the closure would cost them dearly and asked for a detour through the old canal instead."), "\(texts)")
    }

    func testAReferenceMarkerAfterASentenceStillEndsIt() {
        XCTAssertTrue(ParagraphFilter.endsLikeSentence("The court upheld the ban on Tuesday.[3]"))
        XCTAssertTrue(ParagraphFilter.endsLikeSentence("The court upheld the ban. [citation needed]"))
        XCTAssertFalse(ParagraphFilter.endsLikeSentence("The court upheld [3]"))
    }

    func testAPageOfBlocksIsNotReadAsPlacedLines() {
        let page = HTMLDocument.parse(Array("<html><body><h1>Talks</h1>\(Self.body)</body></html>".utf8))
        XCTAssertNil(PrintedLayout.reflowed(page.textUnits(), in: page))
    }

    func testAConvertersBareDateMetaLosesToThePrintedDate() {
        let article = read(convertedPage)
        XCTAssertEqual(article.published, ISODate.parse("2024-02-06T00:00:00Z"))
    }

    // MARK: Prose and furniture

    func testAListLaidOutAsBlocksIsNoProse() {
        let units = ["Timeline of the talks", "3 May: delegations arrive in the capital", "5 May: first round ends without a text",
                     "9 May: ministers join the talks and sign the framework agreement"].map { unit($0) }
        XCTAssertEqual(ParagraphFilter.listRuns(units + [unit("The talks ended on Friday with a signed framework agreement.")]), [0, 1, 2, 3])
        XCTAssertEqual(ParagraphFilter.listRuns(Array(units.prefix(2))), [])
    }

    func testAShortFragmentWithoutASentenceIsNoProse() {
        XCTAssertFalse(ParagraphFilter.isProse(unit("total length, of which 200 km in the mountains")))
        XCTAssertTrue(ParagraphFilter.isProse(unit("The line is 400 km long.")))
    }

    func testALabelThenALinkIsAPointerNotProse() {
        let link = TextUnit.Link(text: "Upper Valley Dam Project", href: "https://encyclopedia.example/wiki/Dam")
        XCTAssertFalse(ParagraphFilter.isProse(unit("The encyclopedia has more about this subject: Upper Valley Dam Project", links: [link])))
    }

    func testAChannelsPromotionIsNoProse() {
        XCTAssertFalse(ParagraphFilter.isProse(unit("Follow River Desk for hourly updates on the closure: @riverdesk")))
        XCTAssertTrue(ParagraphFilter.isProse(unit("Follow-up talks are planned for June, the ministry said on Friday.")))
    }

    func testANoteBoxIsChrome() {
        let article = read("""
            <html><body><h1>Talks</h1><div role="note"><p>River Desk publishes short updates on the waterways every week of the year.</p></div>\
            \(Self.body)</body></html>
            """)
        XCTAssertFalse(article.paragraphs.contains { $0.hasPrefix("River Desk") }, "\(article.paragraphs)")
    }

    func testALinkAroundACardIsLinkText() {
        let page = HTMLDocument.parse(Array("<html><body><a href=\"/a\"><div>Stranded crews count the cost of the closure</div></a></body></html>".utf8))
        XCTAssertEqual(page.textUnits().first?.linkDensity ?? 0, 1, accuracy: 0.01)
    }

    // MARK: Links and tags

    func testALinkOnToMoreOfTheListIsNoHeadline() {
        XCTAssertTrue(LinkBlocks.isButton("More news on Waterways >>"))
        XCTAssertFalse(LinkBlocks.isButton("Canal reopens after dredging"))
    }

    func testAHeadingsOwnControlsAreNoRelatedStories() {
        let article = read("""
            <html><body><h1>Talks</h1>\(Self.body)<div class="heading"><h2>Related news</h2><span><a href="/edit?section=1">edit</a></span></div>\
            <ul><li><a href="/wiki/Canal_reopens">Canal reopens after dredging</a></li></ul></body></html>
            """)
        XCTAssertEqual(article.related, ["Canal reopens after dredging"])
    }

    func testAWikisCategoryLinksAreTags() {
        let article = read("""
            <html class="main-menu-pinned"><body><h1>Talks</h1>\(Self.body)<div id="catlinks"><div class="normal-catlinks">\
            <a href="/wiki/Special:Categories">Categories</a>: <ul><li><a href="/wiki/Category:Rivers">Rivers</a></li>\
            <li><a href="/wiki/Category:Transport">Transport</a></li></ul></div></div>\
            <aside class="widget"><h2>Categories</h2><ul><li><a href="/c/sport">Sport</a></li></ul></aside></body></html>
            """)
        XCTAssertEqual(article.tags, ["Rivers", "Transport"])
    }

    func testATagsFieldsUnlinkedValuesAreTags() {
        let article = read("""
            <html><body><h1>Talks</h1><div role="table"><div role="row"><div role="rowheader"><div>Tags</div></div>\
            <div role="cell"><div><div class="pill"><span>Rivers</span></div><div class="pill"><span>Canal trade</span></div></div></div></div></div>\
            \(Self.body)</body></html>
            """)
        XCTAssertEqual(article.tags, ["Rivers", "Canal trade"])
    }

    func testATitleNamingAKindOfPageGivesTheOutletBesideIt() {
        XCTAssertEqual(PageTitle.outlet(in: "Press release | Union of River Carriers", headline: nil, host: nil), "Union of River Carriers")
    }
}
