@testable import CableCore
import XCTest

/// Rules for page styles the parser had not met: a terminal's story screen whose paragraphs are
/// marked by an indent, the desk's notes about the article itself, flashes stamped with a time,
/// a wiki's dated related list.
final class UnseenPageStylesTests: XCTestCase {
    private func parse(_ text: String) -> Article { ArticleParser.parse(text: text, file: "page.txt") }
    private func isFurniture(_ line: String) -> Bool { Furniture.isFurniture(line, shape: LineShape(line)) }

    func testParagraphsMarkedByAFirstLineIndentAreCutThere() {
        // No blank line between paragraphs: each opens with five spaces and runs on flush left.
        let page = [
            "     The harbour board said on Tuesday that pilots would again guide",
            "vessels through the northern channel after a week in which fog had",
            "closed it to all but the smallest boats.",
            "     Fishing crews, which had waited outside the breakwater since the",
            "night, began unloading their catch before dawn, and the market",
            "opened two hours late to let the buyers arrive.",
            "     A spokesman for the board, speaking from the control tower,",
            "said radar coverage of the outer approaches had been restored and",
            "that the channel would stay open unless visibility fell again.",
        ].joined(separator: "\n")
        let clean = TextCleaning.lines(of: page)
        XCTAssertTrue(LogicalLines.isIndentLed(clean))
        XCTAssertEqual(LogicalLines.splitAtIndents(clean).map(\.count), [3, 3, 3])
        let lines = LogicalLines.lines(of: clean)
        XCTAssertTrue(lines.last?.text.hasPrefix("A spokesman for the board, speaking from the control tower, said radar") ?? false)
        // An indented body set apart with blank lines has no indented line running on flush left.
        XCTAssertFalse(LogicalLines.isIndentLed(TextCleaning.lines(of: "  One paragraph here.\n\n  Another paragraph here.")))
    }

    func testAnIndentedFirstLineIsFullSoonerThanItsText() {
        // `…for the Baltic-based` (in Title Case, so no sentence runs on by its shape) would leave
        // room for `Northern` only if its indent were not counted.
        let page = [
            "     Commodore Ilse Varnholt, a spokesman for the Baltic-based",
            "Northern Watch Group, told reporters in the port that the ships",
            "would stay on station through the winter and into the spring, he said.",
            "     The harbour board said on Tuesday that pilots would again guide",
            "vessels through the northern channel after a week in which fog had",
            "closed it to all but the smallest boats in the whole of the bay.",
            "     Fishing crews, which had waited outside the breakwater since the",
            "night, began unloading their catch before dawn, and the market",
            "opened two hours late to let the buyers arrive from the inland.",
        ].joined(separator: "\n")
        let lines = LogicalLines.lines(of: TextCleaning.lines(of: page))
        XCTAssertTrue(lines.first?.text.hasSuffix("into the spring, he said.") ?? false)
    }

    func testTheDesksNotesAboutTheArticleAreFurniture() {
        XCTAssertTrue(isFurniture("This article was amended on 3 June 2024 to correct the name of the harbour master."))
        XCTAssertTrue(isFurniture("Correction (4 June 2024): an earlier version of this story gave the wrong tonnage."))
        XCTAssertTrue(isFurniture("Correction, June 4, 2024: A previous version misstated the length of the pier."))
        XCTAssertTrue(isFurniture("This page is archived and can no longer be edited. Pages reflect the time at which they were written."))
        XCTAssertTrue(isFurniture("This article was translated from Portuguese and checked by our editors."))
        // The article may speak of itself inside a sentence; that sentence is still its own.
        XCTAssertFalse(isFurniture("Every ministry named in this article was asked to comment before publication."))
        XCTAssertFalse(isFurniture("Corrections officers at the prison walked out on Monday over pay."))
        XCTAssertTrue(isFurniture("This story features first-hand reporting by members of the wire's collective."))
        // An essay's author speaks of the article with an argument's verb: that is a paragraph.
        XCTAssertFalse(isFurniture("This article argues that the port deal was never about shipping at all."))
        XCTAssertFalse(isFurniture("This story begins in a fish market in Busan, two weeks before the vote."))
        XCTAssertFalse(isFurniture("This piece of legislation would close the strait to tankers for a month."))
        XCTAssertFalse(isFurniture("This article of the treaty has never been invoked by either side."))
    }

    func testWithAssistanceFromIsACredit() {
        XCTAssertTrue(Furniture.isByline("--With assistance from Ana Lindqvist.", shape: LineShape("--With assistance from Ana Lindqvist.")))
    }

    func testALineStampedWithAClockTimeIsNeverTheHeadline() {
        XCTAssertTrue(PageTop.isTimedEntry("10:14 *HARBOUR BOARD REOPENS NORTHERN CHANNEL: PILOTS"))
        XCTAssertTrue(PageTop.isTimedEntry("09:40 Talks resume in the capital after a pause"))
        XCTAssertFalse(PageTop.isTimedEntry("Harbour Board Reopens Northern Channel After Fog"))
        XCTAssertFalse(PageTop.isTimedEntry("2024 Was the Year the Channel Closed"))
        let article = parse("""
            10:02 *HARBOUR BOARD: NORTHERN CHANNEL TO REOPEN AT NOON
            10:14 *PILOTS TO RESUME GUIDING VESSELS: BOARD
            Harbour Board Reopens Northern Channel After a Week of Fog
            2024-03-05 10:31:07 GMT

            The harbour board said on Tuesday that pilots would again guide vessels through the northern channel after a week of fog.
            """)
        XCTAssertEqual(article.title, "Harbour Board Reopens Northern Channel After a Week of Fog")
    }

    func testARelatedItemLosesTheDateWrittenBeforeIt() {
        XCTAssertEqual(PageBottom.relatedHeadline("* 3 March 2024: Harbour board closes northern channel"), "Harbour board closes northern channel")
        XCTAssertEqual(PageBottom.relatedHeadline("Explainer: Why the channel keeps closing"), "Explainer: Why the channel keeps closing")
    }

    func testAPartnershipsLegalFormIsNotTheOutletsName() {
        XCTAssertEqual(Outlet.withoutLegalForm("2024 Harbour Wire L.P. All rights reserved"), "Harbour Wire")
    }

    func testCaptionsEndingWithWhosePhotoItIs() {
        XCTAssertTrue(isFurniture("The old pier on the day it opened, May 2, 1988. Gazette file photo"))
        XCTAssertTrue(isFurniture("A map of the disputed shoal and the channel around it. Image: Jane Roe, CC BY-SA 4.0."))
        XCTAssertFalse(isFurniture("The mayor said the crowd had gathered for a photo."))
    }
}
