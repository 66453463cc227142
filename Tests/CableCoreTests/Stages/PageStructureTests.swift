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

    func testDatelinesWithAnUpdateGluedYearsAndHoursWithoutMinutes() {
        // The time after a second date is the update's.
        XCTAssertEqual(Dateline.date(in: "Published May 3, 2024Updated May 4, 2024, 12:05 p.m. ET"), Dateline.date(in: "3 May 2024"))
        XCTAssertEqual(Dateline.date(in: "Posted on : 2024-06-20 19:02 KST  Modified on : 2024-06-21 09:11 KST"),
                       Dateline.date(in: "2024-06-20 10:02 UTC"))
        XCTAssertEqual(Dateline.date(in: "June 2, 20259:15 AM GMT+8Updated 2 hours ago"), Dateline.date(in: "2025-06-02 01:15 UTC"))
        XCTAssertEqual(Dateline.date(in: "June 2, 2025, 5 a.m. EDT"), Dateline.date(in: "2025-06-02 09:00 UTC"))
        XCTAssertFalse(PageTop.isUpdate("started 3 nov 2024, 21:00 eet · last update 4 nov 2024, 00:41 eet"))
        XCTAssertTrue(PageTop.isUpdate("lakeport | updated: 4 nov 2024, 00:41"))
    }

    func testTheDatelineWithItsTimeBeatsTheMastheadsDayAndALabelledDatelineIsNoParagraph() {
        let article = parse("""
            THE LEDGER
            Wednesday, June 4, 2025
            Talks With the Union Resume. The Strike Threat Does Not Go Away.
            By Jane Doe
            June 4, 2025, 6:00 a.m. EDT

            \(lead)
            """)
        XCTAssertEqual(article.title, "Talks With the Union Resume. The Strike Threat Does Not Go Away.")
        XCTAssertEqual(article.published, Dateline.date(in: "2025-06-04 10:00 UTC"))
        XCTAssertEqual(article.paragraphs, [lead])
        let labelled = parse("""
            Talks with the union resume after a month-long pause in the capital
            By Jane Doe
            Published on 4 June 2025 at 8:30 a.m. (CEST) — Updated on 5 June 2025 at 10:12 a.m.

            \(lead)

            \(second)
            """)
        XCTAssertEqual(labelled.published, Dateline.date(in: "2025-06-04 06:30 UTC"))
        XCTAssertEqual(labelled.paragraphs, [lead, second])
    }

    func testTagsUnderTopicHeadingsWithFollowButtonsSlashesAndAboveMostPopular() {
        let following = parse("""
            Talks with the union resume after a month-long pause in the capital
            7 March 2024

            \(lead)

            Follow the topics in this article
            Labour unions
            Follow
            Lakeport
            Follow
            """)
        XCTAssertEqual(following.tags, ["Labour unions", "Lakeport"])
        XCTAssertEqual(following.related, [])
        let slashed = parse("""
            Talks with the union resume after a month-long pause in the capital
            7 March 2024

            \(lead)

            Related Topics
            labour unions / Lakeport / strikes
            """)
        XCTAssertEqual(slashed.tags, ["labour unions", "Lakeport", "strikes"])
        let aboveLists = parse("""
            Talks with the union resume after a month-long pause in the capital
            7 March 2024

            \(lead)

            Lakeport, labour unions, strikes

            MOST POPULAR
            Harbour ferry timetable changes for the summer season
            Why the old lighthouse keeps its lamp lit at night

            About   Contact   Code of Ethics   Privacy Policy   Cookie Preferences
            """)
        XCTAssertEqual(aboveLists.tags, ["Lakeport", "labour unions", "strikes"])
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

    func testNumberedSectionHeadingsAreNotParagraphsEvenWithQuotationMarks() {
        let article = parse("""
            Talks with the union resume after a month-long pause in the capital
            7 March 2024

            \(lead)

            1. The "best efforts" duty, and what it asks of parents

            \(second)

            2. The union's demands
            """)
        XCTAssertEqual(article.paragraphs, [lead, second])
    }

    func testMoreFromTheBylinesAuthorAndAPlatformsRecommendationsAreNotRelated() {
        let article = parse("""
            Talks with the union resume after a month-long pause in the capital
            By Haruka Lindqvist-Sato
            7 March 2024

            \(lead)

            \(second)

            More from Haruka Lindqvist-Sato
            Why the ports fear a long strike this spring
            What the rail unions learned from last winter

            Recommended from Medium
            The coming collapse of the petrodollar, again

            More from Europe
            Union threatens strike as budget talks stall in the capital
            """)
        XCTAssertEqual(article.related, ["Union threatens strike as budget talks stall in the capital"])
    }

    func testTheAuthorsOwnListUnderABareNameIsNotRelated() {
        // The author's name stands alone over the dateline (no `By`); the list under `More
        // articles by …` is theirs, and its heading is no headline of a bare list either.
        let article = parse("""
            Talks with the union resume after a month-long pause in the capital

            Haruka Lindqvist-Sato
            7 March 2024

            \(lead)

            \(second)

            More articles by Haruka Lindqvist-Sato
            Why the ports fear a long strike this spring
            What the rail unions learned from last winter
            """)
        XCTAssertEqual(article.related, [])
    }

    func testAnObituarysClosingLineOfLifeDatesIsItsLastParagraph() {
        let closing = "Ada Marie Holm, harbour engineer, born 2 May 1941; died 9 March 2025"
        let article = parse("""
            Ada Holm obituary
            Tue 11 Mar 2025 10.00 GMT

            \(lead)

            \(second)

            \(closing)

            Related
            Union threatens strike as budget talks stall in the capital
            Why the ports fear a long strike this spring
            """)
        XCTAssertEqual(article.paragraphs, [lead, second, closing])
        XCTAssertFalse(PageBody.isLifeDates(LogicalLine("Born in 1941 in Bergen, she died in 2025.", block: 0)))
    }

    func testAButtonActingOnTheArticleIsNoTagUnderATagHeading() {
        let article = parse("""
            Talks with the union resume after a month-long pause in the capital
            7 March 2024

            \(lead)

            Related Topics
            Labour relations
            Ports
            Report this story
            """)
        XCTAssertEqual(article.tags, ["Labour relations", "Ports"])
        XCTAssertTrue(Furniture.isActionOnItself("Print this page"))
        XCTAssertFalse(Furniture.isActionOnItself("Ports"))
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

    func testAnObituarysHeadlineIsTheNameAndTheWord() {
        let article = parse("""
            Obituaries
            Alasdair Penhallow obituary
            Diplomat who came within a night of a settlement and spent the rest of his life explaining why
            Fiona Laird
            Tue 18 Jun 2024 16.45 BST

            \(lead)
            """)
        XCTAssertEqual(article.title, "Alasdair Penhallow obituary")
        XCTAssertTrue(LineKinds.isObituaryHeadline("Obituary: Lena Berg"))
        XCTAssertFalse(LineKinds.isObituaryHeadline("The obituary"))
        XCTAssertFalse(LineKinds.isObituaryHeadline("Read the obituary"))
    }

    func testAMastheadWithItsLongFormIsTheOutletNotTheHeadline() {
        let article = parse("""
            AOP - Agence Ouest-Africaine de Presse
            Politics
            Published: 05/10/2024 at 19:42 GMT

            \(lead)

            © AOP 2024 - Agence Ouest-Africaine de Presse. All rights reserved.
            """)
        XCTAssertTrue(article.titleDerived)
        XCTAssertEqual(article.source, "Agence Ouest-Africaine de Presse")
    }

    func testATagNamedLikeASectionAndARelatedListOnTheSameSubject() {
        let article = parse("""
            Talks with the union resume after a month-long pause in the capital
            7 March 2024

            \(lead)

            On the same subject
            Union threatens strike as budget talks stall in the capital
            What a general strike would mean for the ports and railways
            Explore more on these topics
            Labour
            Strikes
            Obituaries
            Share
            Most viewed
            Heatwave warning issued as temperatures set to hit 32C
            """)
        XCTAssertEqual(article.related, ["Union threatens strike as budget talks stall in the capital",
                                         "What a general strike would mean for the ports and railways"])
        XCTAssertEqual(article.tags, ["Labour", "Strikes", "Obituaries"])
    }

    func testABareMoreLinkBelowTheArticleIsNoReadMoreLink() {
        let article = parse("""
            Talks with the union resume after a month-long pause in the capital
            7 March 2024

            \(lead)

            Read moreUnion threatens strike as budget talks stall

            \(second)

            Keystone-SDA/sis/ts

            More: The Ledger certified by the Journalism Trust Initiative
            """)
        XCTAssertEqual(article.readMore, ["Union threatens strike as budget talks stall"])
        XCTAssertEqual(article.paragraphs, [lead, second])
    }

    func testARelatedListEndsAtTheFooterAndLeavesItsStandfirstsOut() {
        let article = parse("""
            Talks with the union resume after a month-long pause in the capital
            7 March 2024

            \(lead)

            Related Content
            Union threatens strike as budget talks stall in the capital
            The ports would close first, and the railways a day later.
            What a general strike would mean for the ports and railways
            Economists put the cost at a tenth of a percent of output a day.
            Advertisement
            SKIP ADVERTISEMENT
            Site Index
            The Morning Ledger
            News
            """)
        XCTAssertEqual(article.related, ["Union threatens strike as budget talks stall in the capital",
                                         "What a general strike would mean for the ports and railways"])
    }

    func testADatelineWithACommaBetweenParagraphsIsNoParagraph() {
        // (Different paragraphs: a short one repeated from a neighbour would be a pull quote.)
        let third = "The union's leaders are due to meet again on Thursday to decide on the strike."
        let fourth = "Ports along the coast were working normally on Tuesday, their operators said."
        let article = parse("""
            Talks with the union resume after a month-long pause in the capital
            This content was published on March 7, 2024 - 09:41 CET

            \(lead) \(second)

            \(third)

            This content was published on Apr 2, 2024

            \(fourth)
            """)
        XCTAssertEqual(article.paragraphs, [lead + " " + second, third, fourth])
        XCTAssertEqual(article.published, Date(timeIntervalSince1970: 1_709_800_860))
    }

    func testTheLinesOfASignUpBoxAndATeaserAreNoParagraphs() {
        let article = parse("""
            Talks with the union resume after a month-long pause in the capital
            7 March 2024

            \(lead)

            NEWSLETTER
            Get the day's top stories in your inbox
            Every weekday morning: the most important news from the Baltic states.
            [ your@email.com ]  SUBSCRIBE

            \(second)

            Labour Monitor
            The Budget Fight Nobody Is Watching
            Legislators will spend the spring arguing about sovereignty. They should be arguing about line items…
            Read more
            7 days ago · 31 likes

            \(lead)
            """)
        XCTAssertEqual(article.paragraphs, [lead, second, lead])
    }

    func testNotesCommentsAndTagsOnePerLineUnderABlogPost() {
        let article = parse("""
            Talks with the union resume after a month-long pause in the capital
            7 March 2024

            \(lead) \(second)

            \(second) \(lead)

            \(lead) The union's figures1 and the ministry's2 differ.

            1
            The figures are the ministry's own, published in its annual report.
            2
            Author's calculation from the union's notices.
            Labour
            Strikes
            Public Spending
            86
            Discussion about this post
            Write a comment...
            Tomás Ruiz
            Great piece. I would add that the union has never voted as a bloc.
            """)
        XCTAssertEqual(article.paragraphs, [lead + " " + second, second + " " + lead, lead + " The union's figures1 and the ministry's2 differ."])
        XCTAssertFalse(PageBody.refersToNote(1, "In 2021 the union had 40,000 members."))
        XCTAssertEqual(article.tags, ["Labour", "Strikes", "Public Spending"])
        let footer = parse("""
            Talks with the union resume after a month-long pause in the capital
            7 March 2024

            \(lead)
            For information media. Not an official record.
            United Nations
            A-Z Site Index
            Contact
            Copyright
            """)
        XCTAssertEqual(footer.tags, [])
    }

    func testASponsorsMessageAChartsCaptionAndASubheadingWithACommaAreNoParagraphs() {
        let article = parse("""
            Talks with the union resume after a month-long pause in the capital
            7 March 2024

            \(lead)

            A word from this week's sponsor
            Compliance teams at 300 companies use Teldrum to screen every shipment. Try it free for 30 days.

            Stock Chart IconStock chart icon
            Rheinmetall shares, year to date.

            A question of who, not whether

            \(second)
            """)
        XCTAssertEqual(article.paragraphs, [lead, second])
    }

    func testARelatedBoxInTheBodyIsNoReadMoreLinkAndAWrappedBiographyIsNoHeadline() {
        let article = parse("""
            Talks with the union resume after a month-long pause in the capital
            7 March 2024

            \(lead) \(second)

            RELATED
            Union threatens strike as budget talks stall in the capital
            What a general strike would mean for the ports and railways

            \(second) \(lead)

            By Diego Ferrer
            Diego Ferrer is The Harbor Gazette's Mexico City bureau chief, covering Mexico, Central
            America and the Caribbean. He previously reported from Bogotá and Caracas.
            """)
        XCTAssertEqual(article.readMore, [])
        XCTAssertEqual(article.related, ["Union threatens strike as budget talks stall in the capital",
                                         "What a general strike would mean for the ports and railways"])
    }

    func testLongTagsASectionsNameAsATagAndAnAdNetworksBox() {
        let article = parse("""
            Talks with the union resume after a month-long pause in the capital
            7 March 2024

            \(lead)

            TAGS
            Bureau of South and Central Asian Affairs
            Central Asia
            news
            Share
            More on this topic
            Union threatens strike as budget talks stall in the capital
            What a general strike would mean for the ports and railways
            Ad
            Recommended by Nexlink
            This pension trick is changing retirement for Germans over 55 (Finanzratgeber24)
            Hearing aids: New model is almost invisible (HörWelt)
            """)
        XCTAssertEqual(article.tags, ["Bureau of South and Central Asian Affairs", "Central Asia", "news"])
        XCTAssertEqual(article.related, ["Union threatens strike as budget talks stall in the capital",
                                         "What a general strike would mean for the ports and railways"])
    }

    func testACaptionAboveItsPhotographersCreditIsNoParagraph() {
        let article = parse("""
            Talks with the union resume after a month-long pause in the capital
            7 March 2024

            \(lead)

            Dock workers gather outside the port authority in Gdansk last week. The strike has closed two terminals.
            Marta Nowak for The Baltic Ledger

            Union leaders said they would meet the port's managers again on Friday to discuss the pay offer.
            """)
        XCTAssertEqual(article.paragraphs.count, 2)
        XCTAssertFalse(article.paragraphs.contains { $0.hasPrefix("Dock workers") })
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
        func lengths(_ page: [PageLine]) -> [Int] { page.map { $0.text.unicodeScalars.count } }
        let wrapped = TextCleaning.lines(of: """
            The government said on Monday that talks with the union would resume
            next week, after a pause of nearly a month in which neither side had
            moved, and that a strike was still possible before the budget.
            """)
        XCTAssertTrue(LogicalLines.isHardWrapped(lengths: lengths(wrapped)))
        XCTAssertEqual(LogicalLines.lines(of: wrapped).count, 1)
        let list = TextCleaning.lines(of: """
            \(lead) \(second)

            Union threatens strike as budget talks stall in the capital
            What a general strike would mean for the ports and railways
            """)
        XCTAssertFalse(LogicalLines.isHardWrapped(lengths: lengths(list)))
        XCTAssertEqual(LogicalLines.lines(of: list).count, 3)
    }

    func testTheOutletInTheMastheadsWords() {
        XCTAssertEqual(Outlet.withoutLegalForm("Chronicle Media Group Limited 2025. Registered in England No 1234"), "Chronicle Media Group")
        XCTAssertEqual(Outlet.withoutLegalForm("PT Equator Media Nusantara"), "Equator Media Nusantara")
        XCTAssertTrue(Outlet.isMasthead("The Sentinel", naming: "Sentinel News & Media"))
        XCTAssertTrue(Outlet.isMasthead("Council of the European Union", naming: "European Union"))
        XCTAssertFalse(Outlet.isMasthead("European Council", naming: "European Union"))
    }

    func testAPageWithoutACopyrightLineNamesItsPublisherInItsMasthead() {
        let page = """
            Skip to main content
            Welcome to the Portal
            NORTHERN DEPARTMENT OF THE INTERIOR
            Latest News
            Search

            Ministry Extends Fishing Ban in Northern Waters for Another Year

            The ministry said on Monday that the ban on cod fishing in the northern bays would stay in place for another year, citing surveys that showed stocks had not recovered.

            Fishing crews had hoped to return to the bays in the spring, and their association said it would ask the courts to review the decision before the season opens.
            """
        let article = parse(page)
        XCTAssertEqual(article.source, "Northern Department of the Interior")
        XCTAssertEqual(article.title, "Ministry Extends Fishing Ban in Northern Waters for Another Year")
        XCTAssertEqual(Outlet.titleCased("U.S. DEPARTMENT OF THE TREASURY"), "U.S. Department of the Treasury")
        func isMasthead(_ text: String) -> Bool { Outlet.isMastheadLine(LogicalLine(text, block: 0)) }
        XCTAssertTrue(isMasthead("Pars National News Agency"))
        XCTAssertTrue(isMasthead("HANBIT ILBO"))
        XCTAssertFalse(isMasthead("Latest News"))
        XCTAssertFalse(isMasthead("Welcome to the United Nations"))
        XCTAssertFalse(isMasthead("Politics | Economy | World"))
    }

    func testAHeadlineInCapitalsIsNoMastheadAndALineInLowerCaseNoHeadline() {
        let article = parse("""
            read any thread as one page
            THE GRANITE CITY EVENING POST
            TRADE PACT WITH JAPAN SIGNED
            From Our Own Correspondent

            \(lead)

            \(second)
            """)
        XCTAssertEqual(article.title, "TRADE PACT WITH JAPAN SIGNED")
        XCTAssertEqual(article.source, "The Granite City Evening Post")
        XCTAssertTrue(LineKinds.opensInLowerCase("or just paste the link"))
        XCTAssertFalse(LineKinds.opensInLowerCase("iPhone exports slow as tariffs bite"))
    }

    func testTheDayAMastheadShowsLosesToTheArticlesEarlierDateline() {
        let article = parse("""
            The Hudson Tribune
            Tuesday, April 29, 2025
            The Senator From the River Who Took On the World's Shipowners
            By Ethan Castellanos
            April 27, 2025, 5:00 a.m. ET

            \(lead)
            """)
        XCTAssertEqual(article.published, ISO8601DateFormatter().date(from: "2025-04-27T09:00:00Z"))
    }

    func testAPaperOwnedByAGroupIsNamedByItsMasthead() {
        let article = parse("""
            The Sunday Lodestar
            World
            Envoy who wrote the sanctions rulebook steps down after a decade
            By Jane Doe
            7 March 2024 09:41 GMT

            \(lead)

            Ilse Vaher in Brussels last week. Photograph: Pieter van Damme/The Sunday Lodestar

            \(second)

            © 2025 Lodestar News & Media Limited or its affiliated companies. All rights reserved.
            """)
        XCTAssertEqual(article.source, "The Sunday Lodestar")
        // A group's copyright with no masthead repeated on the page stays the outlet.
        XCTAssertNil(Outlet.paperOfGroup("Lodestar News & Media", page: [LogicalLine("The Sunday Lodestar", block: 0)]))
    }

    func testALeadThatOpensWithPlaceAndDateGivesTheDate() {
        XCTAssertEqual(PageRegions.leadDateline("NAIROBI, 9 October 2024 – The Alliance today called for a freeze."),
                       ISO8601DateFormatter().date(from: "2024-10-09T00:00:00Z"))
        XCTAssertNil(PageRegions.leadDateline("The Alliance said on 9 October 2024 – a Wednesday – that it would act."))
        XCTAssertTrue(LineKinds.endsWithOrganisationNoun("EAST AFRICAN FREIGHT FORWARDERS’ ALLIANCE"))
        XCTAssertFalse(LineKinds.endsWithOrganisationNoun("TRADE PACT WITH JAPAN SIGNED"))
    }

    func testACallToActionOrALinkWithAnArrowIsNoHeadline() {
        let article = parse("""
            Thread Reader
            Paste a post link to read the whole thread here
            Open the thread on Bluesky in a new tab ↗

            \(lead)

            \(second)
            """)
        XCTAssertTrue(article.titleDerived)
    }

    func testADateAboveTheHeadlineAndItsBylineGivesWayToTheByline() {
        let article = parse("""
            Clipped From The Granite City Evening Post
            Tuesday, December 2, 1975 · Page 1
            Text from this clipping
            ICELAND SPURNS NEW FISH OFFER AT TALKS
            From Our Diplomatic Correspondent

            \(lead)
            """)
        XCTAssertEqual(article.title, "ICELAND SPURNS NEW FISH OFFER AT TALKS")
        // A label in capitals is no author's name between a headline and its byline.
        XCTAssertFalse(PageTop.isPersonName("TODAY'S LEAD STORY"))
        XCTAssertTrue(PageTop.isPersonName("Teresa Montemayor"))
    }
}
