@testable import CableCore
import XCTest

/// Boxes of data beside a story (scorecards, score boxes, fact files) and banners over the
/// headline are never the headline. Pages invented for the tests.
final class DataBoxTests: XCTestCase {
    private func parse(_ text: String) -> Article { ArticleParser.parse(text: text, file: "page.txt") }

    private let lead = "The visitors won the final on a cold night in the capital, and the federation said it would review the security arrangements before the next round."

    func testDataLinesAreFiguresColumnsOrLabelsWithValues() {
        XCTAssertTrue(DataBox.isFigures("Northshire 288-6 (50 ov; Patel 104, Okoro 38; Lund 2-51)"))
        XCTAssertFalse(DataBox.isFigures("Ruling party leads with 48% as count passes 60% of districts"))
        XCTAssertTrue(DataBox.isColumns("Harbour Stadium  |  Att: 9,120  |  Referee: Anna Weiss"))
        XCTAssertTrue(DataBox.isLabelAndValue("Lead supplier: Nordwerk Systems (Kiel, Germany)"))
        XCTAssertTrue(DataBox.isLabelAndValue("Signed: 4 May 2025"))
        // A headline with a colon says a sentence after it.
        XCTAssertFalse(DataBox.isLabelAndValue("Revealed: how the port authority lost track of the cranes it had bought and the contracts it had signed."))
    }

    func testALineInABoxOfDataUnderTheDatelineIsNotTheHeadline() {
        let page = """
        Harbour cup final ends in draw as fans' banner halts play for half an hour

        Maren Holt
        12/04/2025 21:30 CET

        NORTHPORT  2 - 2  EASTWICK
        Holt 12'  |  Brandt 80'
        Suspended 30' - 61' (31 min)
        Regional Cup 2025 final, Second Leg
        Harbour Stadium  |  Att: 9,120

        \(lead)
        """
        XCTAssertEqual(parse(page).title, "Harbour cup final ends in draw as fans' banner halts play for half an hour")
    }

    func testALabelAndValueUnderTheDatelineDoesNotBeatASentenceCaseHeadline() {
        let page = """
        Visitors knock hosts out of the cup as protest follows the team to the capital

        Ola Brandt
        Wed 5 Mar 2025 19.05 GMT

        SCORECARD
        Northshire 288-6 (50 ov; Patel 104, Okoro 38; Lund 2-51)
        Eastwick 280 (49.4 ov; Lund 90)
        Northshire won by 8 runs
        Player of the match: Ravi Patel

        \(lead)
        """
        XCTAssertEqual(parse(page).title, "Visitors knock hosts out of the cup as protest follows the team to the capital")
    }

    func testABannerOverTheHeadlineIsNotTheHeadline() {
        XCTAssertTrue(PageTop.isBanner("● LIVE COUNT  This page updates as districts declare"))
        XCTAssertTrue(PageTop.isBanner("LIVE UPDATES Follow the count as it happens"))
        XCTAssertFalse(PageTop.isBanner("NATO allies agree new air-defence plan for the Baltic"))
        XCTAssertFalse(PageTop.isBanner("US, EU Agree to Pause Steel Tariffs for a Year"))
        let page = """
        ● LIVE COUNT  This page updates as districts declare

        Ruling party leads with 48% as count passes 60% of districts; opposition cries foul

        Ana Lenz
        26.10.2024 23:05 (GMT+4)

        \(lead)
        """
        XCTAssertEqual(parse(page).title, "Ruling party leads with 48% as count passes 60% of districts; opposition cries foul")
    }
}
