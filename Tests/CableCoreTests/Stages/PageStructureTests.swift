@testable import CableCore
import XCTest

/// How a page divides into top, body and bottom, on small pages built for each rule.
final class PageStructureTests: XCTestCase {
    private func parse(_ text: String) -> Article { ArticleParser.parse(text: text, file: "page.txt") }

    private let lead = "The government said on Monday that talks with the union would resume next week, after a pause of nearly a month."
    private let second = "Officials from both sides met briefly in the capital, but neither would say what had been agreed before the weekend."

    func testHeadlineIsTheLineAboveTheBylineNotTheTaglineOrTheStandfirst() {
        let article = parse("""
            THE LEDGER
            News for people who follow the world closely
            World
            Talks with the union resume after a month-long pause in the capital
            Both sides say little about what was agreed, and the strike threat remains on the table for now
            By Jane Doe
            7 March 2024 09:41 GMT

            \(lead)

            \(second)
            """)
        XCTAssertEqual(article.title, "Talks with the union resume after a month-long pause in the capital")
        XCTAssertEqual(article.paragraphs, [lead, second])
    }

    func testAShortTitleOverALongStandfirstAndAQuotedHeadline() {
        let long = parse("""
            The Nickel Road
            How a stretch of coastline became the furnace of the battery age. A year of reporting from the smelters and villages.
            By Dewi Setiawan
            2 May 2024, 12:30 (GMT+7)

            \(lead)
            """)
        XCTAssertEqual(long.title, "The Nickel Road")
        let quoted = parse("""
            “Every convoy is a negotiation”: an aid chief on getting food into Darfur
            By Ola Abakar
            7 March 2024

            \(lead)
            """)
        XCTAssertEqual(quoted.title, "“Every convoy is a negotiation”: an aid chief on getting food into Darfur")
        XCTAssertEqual(quoted.paragraphs, [lead])
    }

    func testPublishedBeatsUpdatedAndTheTimeAfterFirstPublished() {
        XCTAssertEqual(Dateline.date(in: "Updated May 14, 2025 — 6.02pm AEST, first published at 4.35pm AEST"),
                       Dateline.date(in: "May 14, 2025 4.35pm AEST"))
        XCTAssertNil(Dateline.date(in: "stated on April 2, 2024 in a speech on the Senate floor:"))
        XCTAssertNotNil(Dateline.date(in: "Source: CGN | 2024-10-08 21:14:30 (GMT+8) | Editor: Zhao Lan"))
        let article = parse("""
            Talks with the union resume after a month-long pause in the capital
            Updated 6:02 PM EDT, Thu June 13, 2024
            Published 7:58 AM EDT, Thu June 13, 2024

            \(lead)
            """)
        XCTAssertEqual(article.published, Dateline.date(in: "June 13, 2024 11:58 UTC"))
    }

    func testListsSummariesSubheadingsAndRepeatsAreNotParagraphs() {
        let article = parse("""
            Talks with the union resume after a month-long pause in the capital
            7 March 2024

            Key points
            The union and the government will meet again next week
            A strike remains possible in April

            \(lead)

            • Both sides want a deal before the budget.

            What happens next?

            “Nobody wants a strike before the budget,” said union leader Ana Ruiz, who spoke after the meeting.

            “Nobody wants a strike before the budget.”

            \(second)
            """)
        XCTAssertEqual(article.paragraphs, [lead, "“Nobody wants a strike before the budget,” said union leader Ana Ruiz, who spoke after the meeting.", second])
    }

    func testBottomSectionsGiveRelatedStoriesAndTagsButNotMostRead() {
        let article = parse("""
            Talks with the union resume after a month-long pause in the capital
            7 March 2024

            \(lead)

            Related stories
            Union threatens strike as budget talks stall in the capital
            What a general strike would mean for the ports and railways

            Most read
            1. Heatwave warning issued as temperatures set to hit 32C
            2. The best beach towns you have never heard of this summer

            More about
            Labour · Strikes · Budget

            © 2024 Ledger News & Media Limited. All rights reserved.
            """)
        XCTAssertEqual(article.related, ["Union threatens strike as budget talks stall in the capital",
                                         "What a general strike would mean for the ports and railways"])
        XCTAssertEqual(article.tags, ["Labour", "Strikes", "Budget"])
        XCTAssertEqual(article.source, "Ledger News & Media")
    }

    func testABareListIsOneListWithItsShortHeadlinesButNotItsHeading() {
        let article = parse("""
            Talks with the union resume after a month-long pause in the capital
            7 March 2024

            \(lead)

            In the same series
            Union threatens strike as budget talks stall in the capital
            Ports Brace For Walkout

            Labour, Strikes
            """)
        XCTAssertEqual(article.related, ["Union threatens strike as budget talks stall in the capital", "Ports Brace For Walkout"])
        XCTAssertEqual(article.tags, ["Labour", "Strikes"])
    }

    func testALocalPapersListsEndTheBody() {
        let article = parse("""
            Talks with the union resume after a month-long pause in the capital
            7 March 2024

            \(lead)

            \(second)

            Classifieds
            FARM AUCTION: Sat., March 15, 10 a.m., 4 miles N of town. Tractors, planter, grain bins.
            FOR RENT: 2BR duplex near the river, $850/mo. No pets.
            """)
        XCTAssertEqual(article.paragraphs, [lead, second])
    }

    func testOnlyAHardWrappedPageHasItsLinesJoined() {
        let wrapped = TextCleaning.lines(of: """
            The government said on Monday that talks with the union would resume
            next week, after a pause of nearly a month in which neither side had
            moved, and that a strike was still possible before the budget.
            """)
        XCTAssertTrue(LogicalLines.isHardWrapped(wrapped))
        XCTAssertEqual(LogicalLines.lines(of: wrapped).count, 1)
        let list = TextCleaning.lines(of: """
            \(lead) \(second)

            Union threatens strike as budget talks stall in the capital
            What a general strike would mean for the ports and railways
            """)
        XCTAssertFalse(LogicalLines.isHardWrapped(list))
        XCTAssertEqual(LogicalLines.lines(of: list).count, 3)
    }

    func testTheOutletInTheMastheadsWords() {
        XCTAssertEqual(Outlet.withoutLegalForm("Chronicle Media Group Limited 2025. Registered in England No 1234"), "Chronicle Media Group")
        XCTAssertEqual(Outlet.withoutLegalForm("PT Equator Media Nusantara"), "Equator Media Nusantara")
        XCTAssertTrue(Outlet.isMasthead("The Sentinel", naming: "Sentinel News & Media"))
        XCTAssertTrue(Outlet.isMasthead("Council of the European Union", naming: "European Union"))
        XCTAssertFalse(Outlet.isMasthead("European Council", naming: "European Union"))
    }
}
