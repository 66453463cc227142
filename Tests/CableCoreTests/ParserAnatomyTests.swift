@testable import CableCore
import Foundation
import XCTest

/// Headline, furniture, body, READ MORE, related block and tag line.
final class ParserAnatomyTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Parser")

    private func fixture(_ name: String) throws -> Article {
        try ArticleParser.read(fileAt: Self.fixtures.appendingPathComponent(name), as: name)
    }

    func testTheGuideExampleParsesAsDocumented() throws {
        let article = try fixture("guide-example.txt")
        XCTAssertTrue(article.titleDerived)
        XCTAssertEqual(article.title, "Two undersea data cables in the Baltic were found damaged on Wednesday…")
        XCTAssertEqual(article.published, Date(timeIntervalSince1970: 1_709_804_460))
        XCTAssertEqual(article.paragraphs.count, 3)
        XCTAssertEqual(article.readMore, ["Baltic States Step Up Patrols Around Offshore Wind Farms"])
        XCTAssertEqual(article.related, [
            "Baltic States Step Up Patrols Around Offshore Wind Farms",
            "NATO Launches Sea Drone Mission to Watch Baltic Infrastructure",
            "Cable Repairs Could Take Weeks, Operator Says - Reports",
        ])
        XCTAssertEqual(article.tags, ["Baltic Sea", "undersea cables", "Finland", "Estonia", "NATO", "sabotage"])
        XCTAssertEqual(article.quotes.map(\.speaker), ["Aino Laakso", "Aino Laakso"])
        XCTAssertEqual(article.quotes.map(\.role), ["Finnish Interior Minister", "Finnish Interior Minister"])
        XCTAssertEqual(article.quotes.map(\.paragraph), [1, 2])
    }

    func testHeadlineIsKeptAndNotDerived() {
        let article = ArticleParser.parse(text: """
            Arctic Shipping Season Opens Early as Ice Retreats
            Published 28.01.2020 18:40 UTC
            By Harriet Vell, Shipping Correspondent
            Share

            The first tankers of the season crossed the Northern Sea Route on Monday, weeks earlier than usual.
            """, file: "a.txt")
        XCTAssertEqual(article.title, "Arctic Shipping Season Opens Early as Ice Retreats")
        XCTAssertFalse(article.titleDerived)
        XCTAssertEqual(article.paragraphs.count, 1)
    }

    func testDerivedTitleIsCutAtAWordBoundary() {
        let lead = "Governments around the Baltic Sea agreed on Thursday to share radar and sonar data from their navies in real time, officials said."
        let title = TitleDerivation.title(fromLead: lead)
        XCTAssertTrue(title.hasSuffix("…"))
        XCTAssertLessThanOrEqual(title.count, 80)
        XCTAssertTrue(lead.hasPrefix(String(title.dropLast())))
        XCTAssertEqual(TitleDerivation.title(fromLead: "Talks resumed. Nothing else happened."), "Talks resumed")
        XCTAssertEqual(TitleDerivation.title(fromLead: ". A tanker ran aground. Nobody was hurt."), "A tanker ran aground")
    }

    func testNoDatelineGivesNilAndAWarning() {
        let article = ArticleParser.parse(text: "\nThe ministry said on Monday that talks would continue next week.\n", file: "a.txt")
        XCTAssertNil(article.published)
        XCTAssertTrue(article.warnings.contains("no dateline found"))
        XCTAssertTrue(article.titleDerived)
    }

    func testUnknownShortLinesAroundTheBodyAreFurniture() {
        let article = ArticleParser.parse(text: """
            12:29 GMT18 May 2021
            Most Shared This Week
            Watch live
            Text size

            The inspectors boarded the vessel at dawn and stayed for six hours, the coast guard said.

            Save for later

            Officials declined to say what had been found on board the ship.

            Explore our maps
            """, file: "a.txt")
        XCTAssertEqual(article.paragraphs, [
            "The inspectors boarded the vessel at dawn and stayed for six hours, the coast guard said.",
            "Officials declined to say what had been found on board the ship.",
        ])
    }

    func testShortRealParagraphsAreKept() {
        let article = ArticleParser.parse(text: """
            12:29 GMT18 May 2021

            The vote passed.

            Advertisement

            Nobody expected it.

            It was close, and the opposition said it would appeal to the constitutional court.
            """, file: "a.txt")
        XCTAssertEqual(article.paragraphs, ["The vote passed.", "Nobody expected it.",
                                            "It was close, and the opposition said it would appeal to the constitutional court."])
    }

    func testReadMoreVariants() {
        let article = ArticleParser.parse(text: """
            12:29 GMT18 May 2021

            The first paragraph of the story is here, and it is a sentence.

            READ MORE: Baltic States Step Up Patrols
            Read more: NATO Launches Sea Drone Mission
            ALSO READ - Cable Repairs Could Take Weeks

            The second paragraph is here, and it is also a sentence.

            Read more
            """, file: "a.txt")
        XCTAssertEqual(article.readMore, ["Baltic States Step Up Patrols", "NATO Launches Sea Drone Mission", "Cable Repairs Could Take Weeks"])
        XCTAssertEqual(article.paragraphs.count, 2)
    }

    func testTagLineWithPrefixAndSingleTag() {
        let withPrefix = ArticleParser.parse(text: """
            12:29 GMT18 May 2021

            The first paragraph of the story is here, and it is a sentence.


            Baltic States Step Up Patrols Around Wind Farms
            Tags: Five Eyes, US, intelligence exchanges
            Comments
            """, file: "a.txt")
        XCTAssertEqual(withPrefix.tags, ["Five Eyes", "US", "intelligence exchanges"])
        XCTAssertEqual(withPrefix.related, ["Baltic States Step Up Patrols Around Wind Farms"])

        let single = ArticleParser.parse(text: """
            12:29 GMT18 May 2021

            The first paragraph of the story is here, and it is a sentence.

            Tags: Arctic
            """, file: "a.txt")
        XCTAssertEqual(single.tags, ["Arctic"])
        XCTAssertEqual(single.related, [])
    }

    func testRelatedHeadlinesWithQuotesDashesAndEllipsis() {
        let article = ArticleParser.parse(text: """
            12:29 GMT18 May 2021

            The first paragraph of the story is here, and it is a sentence.


            Britain’s Huawei Compromise: Into 5G, but Out of the 'Core'
            Europe’s Big Operators Bet on Open RAN to Break the Two−Vendor Grip
            Five Eyes Allies Split Over Huawei as Washington Turns Up the…
            Will the Arctic Become the Next Flashpoint?
            Germany, Huawei, 5G
            Community standardsDiscussion
            """, file: "a.txt")
        XCTAssertEqual(article.related, [
            "Britain’s Huawei Compromise: Into 5G, but Out of the 'Core'",
            "Europe’s Big Operators Bet on Open RAN to Break the Two−Vendor Grip",
            "Five Eyes Allies Split Over Huawei as Washington Turns Up the…",
            "Will the Arctic Become the Next Flashpoint?",
        ])
        XCTAssertEqual(article.tags, ["Germany", "Huawei", "5G"])
        XCTAssertEqual(article.paragraphs.count, 1)
    }

    func testGluedBottomFurniture() {
        XCTAssertTrue(Furniture.splitsIntoLabels("community standardsdiscussion"))
        XCTAssertTrue(Furniture.splitsIntoLabels("sharetweetemail"))
        XCTAssertFalse(Furniture.splitsIntoLabels("community garden"))
    }

    func testHardWrappedParagraphsAreJoined() {
        let article = ArticleParser.parse(text: """
            2024-07-01 07:00 UTC

            A ban on heavy fuel oil in Arctic waters took effect on Monday, but
            exemptions written into the rules mean that many ships can keep burning it
            until the end of the decade, environmental groups said.

            Coast guards will be responsible for much of the enforcement. Commander Erik
            Stavrum of the Norwegian Coast Guard said: "We will check fuel records on
            every ship we board."
            """, file: "a.txt")
        XCTAssertEqual(article.paragraphs.count, 2)
        XCTAssertTrue(article.paragraphs[0].hasSuffix("environmental groups said."))
        XCTAssertEqual(article.quotes.first?.speaker, "Erik Stavrum")
        XCTAssertEqual(article.quotes.first?.role, "Commander")
    }

    func testSourceFromCopyrightLine() {
        let article = ArticleParser.parse(text: """
            12:29 GMT18 May 2021

            The first paragraph of the story is here, and it is a sentence.

            Comments
            © The Harbour Ledger 2020
            """, file: "a.txt")
        XCTAssertEqual(article.source, "The Harbour Ledger")
    }

    func testWireStyleWithSentenceCaseHeadlineBylineCaptionAndFooter() throws {
        let article = try fixture("wire-style.txt")
        XCTAssertEqual(article.title, "Baltic states agree to pool radar data after cable scares")
        XCTAssertFalse(article.titleDerived)
        XCTAssertEqual(article.published, Date(timeIntervalSince1970: 1_709_800_860))
        XCTAssertEqual(article.paragraphs.count, 3)
        XCTAssertTrue(article.paragraphs[0].hasPrefix("HELSINKI, March 7"))
        XCTAssertEqual(article.related, [])
        XCTAssertEqual(article.quotes.map(\.text), ["We see the same ships every day", "Now we will see them together, and faster.",
                                                    "running within weeks, not months"])
        XCTAssertEqual(Set(article.quotes.map(\.speaker)), ["Jüri Saar"])
    }

    func testHeadlineBelowTheDatelineUnderAMastheadAndSection() throws {
        let article = try fixture("section-above-headline.txt")
        XCTAssertEqual(article.title, "Nordic Ministers Agree to Share Undersea Surveillance Data")
        XCTAssertEqual(article.paragraphs.count, 4)
        XCTAssertFalse(article.paragraphs.contains { $0.hasPrefix("What happens next") || $0.hasPrefix("Tonight") })
        XCTAssertEqual(article.related, ["Denmark orders two new patrol ships for the Baltic", "Finland extends border closure with Russia - Reports"])
        XCTAssertEqual(article.tags, ["Nordic security", "undersea cables", "NATO"])
        XCTAssertEqual(article.quotes.map(\.speaker), ["Ola Brekke", "Ola Brekke", "Sweden's defence ministry"])
    }

    func testASentenceCaseHeadlineWithAFullStopStaysInTheRelatedList() {
        let article = ArticleParser.parse(text: """
            12:29 GMT18 May 2021

            The first paragraph of the story is here, and it is a sentence.

            The second paragraph is the last one of the body, and it ends here.


            Baltic States Step Up Patrols Around Wind Farms
            Russia and Ukraine sign deals to reopen grain ports.
            NATO Launches Sea Drone Mission
            Baltic Sea, grain, NATO
            """, file: "a.txt")
        XCTAssertEqual(article.paragraphs.count, 2)
        XCTAssertEqual(article.related.count, 3)
        XCTAssertEqual(article.tags, ["Baltic Sea", "grain", "NATO"])
    }

    func testAParagraphThatLostItsFullStopIsKept() {
        let article = ArticleParser.parse(text: """
            12:29 GMT18 May 2021

            The first paragraph of the story is here, and it is a sentence.

            The minister called the seizure "an act of piracy on the open sea"

            Advertisement

            The last paragraph of the story is here, and it is a sentence.
            """, file: "a.txt")
        XCTAssertEqual(article.paragraphs.count, 3)
        XCTAssertEqual(article.quotes.map(\.text), ["an act of piracy on the open sea"])
    }
}

/// The outlet comes from the copyright line, without its years or rights notice.
final class ParserSourceTests: XCTestCase {
    func testCopyrightLineNamesTheOutletWithoutYearsOrNotice() {
        let lines = [
            "© 2024 The Ledger Post": "The Ledger Post",
            "© The Harbour Ledger 2021": "The Harbour Ledger",
            "© Copyright 2019-2024 Baltic Courier. All rights reserved.": "Baltic Courier",
            "© 2023": nil,
        ]
        for (line, expected) in lines {
            XCTAssertEqual(LinkLines.outletName(line), expected, line)
        }
    }

    func testPublishedWinsOverUpdatedOnOneLine() {
        let text = "Updated 02/01/2025 18:45 CET | Published 02/01/2025 09:30 CET\n\nGas Cut Leaves Region Without Heat\n\nThe regional operator said on Thursday that supplies had stopped for the first time in decades.\n"
        let article = ArticleParser.parse(text: text, file: "d.txt")
        XCTAssertEqual(article.published, ISO8601DateFormatter().date(from: "2025-01-02T08:30:00Z"))
    }

    func testASecondDateLineAndBulletsAreNeverTheHeadline() {
        let text = """
        Posted 04.12.2023 at 07:15 (UTC-4)
        Venezuela Vote Leaves Border Villages Uneasy
        Staff Reporter, Georgetown
        Print edition: Tuesday 5 December 2023, page A3

        Key points
        • Year-round data from upstream, but days late and patchy
        • Downstream fisheries exposed to sudden swings in level

        Residents of villages along the river said on Monday they were watching the western bank more closely.

        """
        XCTAssertEqual(ArticleParser.parse(text: text, file: "h.txt").title, "Venezuela Vote Leaves Border Villages Uneasy")
    }

    func testTagLineWithNoticesAfterItAndRelatedHeadingLeftOut() {
        let text = """
        12:29 GMT18 May 2021

        India and China Agree on Border Patrol Deal

        The two governments said on Monday that patrols would resume along the disputed frontier this month.

        Elsewhere this week
        Satellite Images Show New Buildings Near Disputed Lake
        Ladakh Herders Say Winter Pastures Remain Off-Limits

        Topics: India, China, border, security
        Disclaimer: Comments reflect the views of users, not of this publication.
        Terms | Privacy | Cookie settings

        """
        let article = ArticleParser.parse(text: text, file: "t.txt")
        XCTAssertEqual(article.tags, ["India", "China", "border", "security"])
        XCTAssertEqual(article.related, ["Satellite Images Show New Buildings Near Disputed Lake",
                                         "Ladakh Herders Say Winter Pastures Remain Off-Limits"])
    }

    func testFooterLinksAreNotTags() {
        let text = "12:29 GMT18 May 2021\n\nA Headline Of Several Words\n\nThe two governments said on Monday that patrols would resume along the frontier.\n\nUnsubscribe | Update preferences\n"
        XCTAssertEqual(ArticleParser.parse(text: text, file: "f.txt").tags, [])
    }

    func testSkipLinksEndTheListsAboveThem() {
        let article = ArticleParser.parse(text: """
            Harbour Authority Doubles Fees for Transit Cargo

            The port authority said on Monday that fees for transit cargo would double from next month, citing the cost of new scanners.

            Skip next section Related topics
            Related topics
            Ports
            Customs
            Skip next section Related content
            Related content
            Customs union agrees on shared scanner standard
            Shippers warn of delays at northern terminals
            Skip next section Editor's Choice
            Editor's Choice
            Election campaign enters its final week
            """, file: "s.txt")
        XCTAssertEqual(article.tags, ["Ports", "Customs"])
        XCTAssertEqual(article.related, [
            "Customs union agrees on shared scanner standard", "Shippers warn of delays at northern terminals",
        ])
    }

    func testASloganInTheMenuDoesNotOpenTheBody() {
        let article = ArticleParser.parse(text: """
            Harbour Radio
            News you can trust.
            Topics
            Europe
            World
            Business
            Harbour Authority Doubles Fees for Transit Cargo
            The port authority wants scanners at every terminal. Shippers say the fees arrive before the machines do.
            Lena Ostrova

            The port authority said on Monday that fees for transit cargo would double from next month, citing the cost of new scanners.
            """, file: "m.txt")
        XCTAssertEqual(article.title, "Harbour Authority Doubles Fees for Transit Cargo")
        XCTAssertFalse(article.titleDerived)
    }
}
