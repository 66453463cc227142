@testable import CableCore
import XCTest

/// Stage 2: clean lines → logical lines, each classified.
final class LogicalLinesTests: XCTestCase {
    private func logical(_ text: String) -> [LogicalLine] {
        LogicalLines.lines(of: TextCleaning.lines(of: text))
    }

    func testHardWrappedParagraphIsJoinedAndReadAsProse() {
        let text = """
            Finland's coastguard said on Tuesday that a vessel had dragged its anchor
            across the seabed for nearly a hundred kilometres, damaging a power cable
            and two telecommunications lines that link the country with Estonia.
            """
        let lines = logical(text)
        XCTAssertEqual(lines.count, 1)
        XCTAssertEqual(lines.first?.kind, .prose)
        XCTAssertTrue(lines.first?.text.hasPrefix("Finland's coastguard said on Tuesday that a vessel had dragged its anchor across") ?? false)
    }

    func testAHeadlineTheWrappingLeftWholeIsJoinedToNothing() {
        let text = """
            Investigations
            Revealed: how British-designed chips reached Russia's drone factories through a Bishkek warehouse
            Leaked invoices show a supply chain that outran export controls for more
            than a year, while the companies involved say they had no way of knowing
            where parts ended up
            By Tamsin Okafor, Investigations Correspondent
            9 February 2025 • 6:00am

            Electronic components designed by a British company and made in Asia
            were shipped to Russian drone manufacturers through a warehouse in the
            Kyrgyz capital for more than a year, according to invoices seen by us.

            The documents, which cover 214 shipments between March 2023 and June
            2024, trace microcontrollers, power modules and navigation chips from
            a distributor in Hong Kong to the warehouse and on to two companies.
            """
        let lines = logical(text).map(\.text)
        XCTAssertTrue(lines.contains("Revealed: how British-designed chips reached Russia's drone factories through a Bishkek warehouse"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("Leaked invoices") && $0.hasSuffix("where parts ended up") })
        XCTAssertTrue(lines.contains("By Tamsin Okafor, Investigations Correspondent"))
        let article = ArticleParser.parse(text: text, file: "page.txt")
        XCTAssertEqual(article.title, "Revealed: how British-designed chips reached Russia's drone factories through a Bishkek warehouse")
    }

    func testASentenceCaseHeadlineShortOfTheWidthIsNotJoinedToItsStandfirst() {
        let text = """
            Beijing signals it could block sale of Panama Canal ports
            China's market regulator says it will review a Hong Kong conglomerate's
            deal with a U.S.-led consortium
            By Diego Ferrer and Lin Qiao
            Container cranes at the port of Balboa, on the Pacific entrance to the Panama Canal, on
            Feb. 4. (Martín Bernetti/AFP/Getty Images)

            MEXICO CITY — China signaled Tuesday that it could block the sale of two
            ports at either end of the Panama Canal by a Hong Kong conglomerate to a
            consortium led by a U.S. investment firm, escalating a fight over trade.
            """
        XCTAssertEqual(ArticleParser.parse(text: text, file: "page.txt").title, "Beijing signals it could block sale of Panama Canal ports")
    }

    func testALineThatOnlyLooksLikeATurnGoesOnWithTheQuotationAboveIt() {
        let text = """
            More than 10 million people have been displaced inside Sudan since the war
            began, according to the agency. A hunger monitor this month confirmed famine
            in the camp near El Fasher, in a report titled “Famine Review
            Committee: Zamzam Camp, North Darfur”.
            """
        XCTAssertEqual(logical(text).count, 1)
    }

    func testAPrintedPagesHeaderInsideABlockDoesNotSetItsWidth() {
        let text = """
            Finland's coastguard said on Tuesday that a vessel had dragged its anchor
            across the seabed for nearly a hundred kilometres, damaging a power cable
            and two telecommunications lines that link the country with Estonia.

            The operator, which runs the cable under the Gulf of Finland, said in a
            statement that repairs would take “several weeks” and that it had
            informed “all the relevant authorities”.
            1 of 3 14/03/2024, 10:22
            Anchor damage to Baltic cables: what we know about:reader?url=https%3A%2F%2Fwww.example.com%2Fnews%2Fbaltic-cable
            """
        let lines = logical(text)
        XCTAssertTrue(lines.contains { $0.text.hasPrefix("The operator, which runs the cable under the Gulf of Finland, said in a statement that") })
    }

    func testAWrappedLineInTitleCaseIsJoinedWhenTheNextWordWouldNotHaveFitted() {
        let text = """
            Officials at the ministry said the rules would be published in the spring.

            Parliamentary Under-Secretary of State for Industry and Trade Bronwen
            Ellis-Hart told MPs last month that the Government had stepped up checks
            and that exporters must take every reasonable step to know their buyers.
            """
        let lines = logical(text)
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines.last?.text.hasPrefix("Parliamentary Under-Secretary of State for Industry and Trade Bronwen Ellis-Hart told") ?? false)
    }

    func testALineEndingWithACommaCarriesOnWhateverItsLastWordOrQuotationMark() {
        let text = """
            Officials at the ministry said the rules would be published in the spring
            and that exporters would be consulted on them before the summer recess.

            Speaking at the launch, the Minister for Trade Policy and Economic Security,
            Hamish Carrow-Lyle, said that sanctions were only as strong as enforcement.

            "What we have lacked is the will to name them, and today that changed,"
            Abernathy-Cole said.
            """
        let lines = logical(text)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines.dropFirst().map(\.text), [
            "Speaking at the launch, the Minister for Trade Policy and Economic Security, Hamish Carrow-Lyle, said that sanctions were only as strong as enforcement.",
            "\"What we have lacked is the will to name them, and today that changed,\" Abernathy-Cole said.",
        ])
    }

    func testAHeadlineAboveItsFirstParagraphStaysApart() {
        let text = """
            Officials at the ministry said the rules would be published in the spring.

            Ministry Publishes Export Rules
            Officials at the ministry said on Tuesday that the rules would be published
            in the spring, after a consultation with exporters and their associations.
            """
        XCTAssertEqual(logical(text).map(\.text).first { $0.hasPrefix("Ministry") }, "Ministry Publishes Export Rules")
    }

    func testAListOfHeadlinesIsNotJoined() {
        let lines = logical("NATO Launches Sea Drone Mission\nCable Repairs Could Take Weeks, Operator Says\nBaltic States Step Up Patrols")
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(Set(lines.map(\.block)), [0])
    }

    func testKindsOfLines() {
        let lines = logical("Share this article\n\nREAD MORE: Baltic States Step Up Patrols\n\nThe ship was detained by the navy on Monday.\n\nBaltic Sea")
        XCTAssertEqual(lines.map(\.kind), [.furniture, .readMore, .prose, .other])
        XCTAssertEqual(lines[1].link, "Baltic States Step Up Patrols")
        XCTAssertEqual(lines.map(\.block), [0, 1, 2, 3])
    }

    func testShapeOfAHeadlineAndOfASentence() {
        let headline = LineShape("Kremlin Calls Asset Plan ‘Theft’ - Reports")
        XCTAssertTrue(headline.isTitleCase)
        XCTAssertFalse(headline.endsWithSentencePunctuation)
        let sentence = LineShape("“We will not yield,” the minister said.")
        XCTAssertFalse(sentence.isTitleCase)
        XCTAssertTrue(sentence.endsWithPeriod)
        XCTAssertTrue(sentence.startsWithQuote)
        XCTAssertTrue(LineShape("Arctic, Russia, shipping, sanctions").looksLikeTagList)
        XCTAssertTrue(LineShape("It went on for hours...").endsWithEllipsis)
    }

    func testBulletsAndNumbering() {
        XCTAssertEqual(Bullets.withoutBullet("• Key point here"), "Key point here")
        XCTAssertEqual(Bullets.withoutBullet("— Why now?", dashes: false), "— Why now?")
        XCTAssertEqual(Bullets.withoutNumbering("2. Ships Queue Off Istanbul"), "Ships Queue Off Istanbul")
        XCTAssertEqual(Bullets.withoutNumbering("2024 Was a Record Year"), "2024 Was a Record Year")
    }

    func testSpeakerLabelsAreUpToTwentyFiveCharactersBeforeTheColon() {
        XCTAssertEqual(SpeakerLabels.label(of: "Q: Why now?"), "Q")
        XCTAssertEqual(SpeakerLabels.label(of: "AMBASSADOR WOODWARD-SMITH: We will not."), "AMBASSADOR WOODWARD-SMITH")
        XCTAssertNil(SpeakerLabels.label(of: "AMBASSADOR WOODWARD-SMITHS: We will not."))
        XCTAssertNil(SpeakerLabels.label(of: "The minister said the talks were over, and then: nothing."))
    }

    func testAWordBrokenAtALineEndIsRejoined() {
        // A printed column splits at syllables and adds the hyphen; wider text keeps the word's own.
        XCTAssertEqual(LogicalLines.joinedWrapped(["in retalia-", "tion for the invasion"], printColumn: true), "in retaliation for the invasion")
        XCTAssertEqual(LogicalLines.joinedWrapped(["a so-", "called shadow fleet"], printColumn: false), "a so-called shadow fleet")
        XCTAssertEqual(LogicalLines.joinedWrapped(["the Franco-", "German plan"], printColumn: true), "the Franco-German plan")
        XCTAssertEqual(LogicalLines.joinedWrapped(["the deal -", "signed at last"], printColumn: true), "the deal - signed at last")
    }

    func testAPrintedColumnIsJoinedIntoParagraphs() {
        let column = """
            LONDON, Monday.—Iceland
            tonight rejected a British
            offer to limit the annual catch
            of British trawlers inside
            the disputed zone, and the
            Government in Reykjavik said
            there could be no further nego-
            tiations while Royal Navy
            frigates remained in its waters.
            """
        let lines = column.split(separator: "\n").map { PageLine(text: String($0), indent: 0) }
        XCTAssertTrue(LogicalLines.isInPrintColumns(lengths: Array(repeating: lines.map(\.text.count), count: 3).flatMap { $0 }))
        let joined = LogicalLines.unwrapped(lines, block: 0, width: 31)
        XCTAssertEqual(joined.map(\.text), [
            "LONDON, Monday.—Iceland tonight rejected a British offer to limit the annual catch of British trawlers inside "
                + "the disputed zone, and the Government in Reykjavik said there could be no further negotiations while Royal "
                + "Navy frigates remained in its waters.",
        ])
        // A list of short lines, each starting anew, stays a list.
        let list = ["Iceland rejects offer", "Frigates stay on guard", "Trawlermen fear winter"].map { PageLine(text: $0, indent: 0) }
        XCTAssertEqual(LogicalLines.unwrapped(list, block: 0, width: 31).count, 3)
    }
}
