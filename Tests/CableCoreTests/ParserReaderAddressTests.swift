@testable import CableCore
import XCTest

/// Lines that speak to the reader are the page around the article, not its paragraphs (see
/// `ReaderAddress`): calls to action, and the second person or the site's `we` in a report.
final class ParserReaderAddressTests: XCTestCase {
    private let report = """
        The inspectors boarded the vessel at dawn and stayed for six hours, the coast guard said on Tuesday, adding that the crew had been questioned.

        Officials declined to say what had been found on board the ship, which flies the flag of Gabon and was last inspected in March.
        """

    private func paragraphs(_ text: String) -> [String] {
        ArticleParser.parse(text: text, file: "a.txt").paragraphs
    }

    func testACallToActionIsNoParagraph() {
        XCTAssertEqual(paragraphs(report + "\n\nFollow our correspondent in Brussels for updates through the week.\n"), Text.paragraphs(report))
    }

    func testACallToActionAfterASentenceIsNoParagraph() {
        XCTAssertEqual(paragraphs(report + "\n\nThat was this week's map. Share it with a colleague.\n"), Text.paragraphs(report))
    }

    func testALineToTheReaderIsNoParagraphOfAReport() {
        XCTAssertEqual(paragraphs(report + "\n\nYou are reading the free edition, which carries three stories a day.\n"), Text.paragraphs(report))
    }

    func testInTheAuthorsOwnVoiceSuchALineIsTheArticles() {
        let oped = report + """


            I have argued for years that the council was worth keeping, and we should not pretend that its pause cost nothing to the people of the north.

            We will return to the table eventually.
            """
        XCTAssertEqual(paragraphs(oped), Text.paragraphs(oped))
    }

    func testTheFirstLineOfALiveBlogEntryIsTheBlogs() {
        let blog = """
            Nov 23, 2024 09:30 GMT
            Talks go into overtime in Baku
            Good morning and welcome to our live coverage of the climate talks in Baku.
            The sticking point is the amount of money rich countries should provide each year to help poorer ones cut emissions and adapt to a warming world.
            """
        XCTAssertEqual(paragraphs(blog).first, "Good morning and welcome to our live coverage of the climate talks in Baku.")
    }

    func testACallToActionOpensWithAVerbAndItsObject() {
        XCTAssertTrue(ReaderAddress.isCallToAction(LogicalLine("Sign up for the morning briefing.", block: 0)))
        XCTAssertTrue(ReaderAddress.isCallToAction(LogicalLine("Download the app for iOS and Android.", block: 0)))
        XCTAssertTrue(ReaderAddress.isCallToAction(LogicalLine("That was this week's map. Share it with a colleague.", block: 0)))
        XCTAssertFalse(ReaderAddress.isCallToAction(LogicalLine("Support for the deal fell to 40 percent in a poll last week.", block: 0)))
        XCTAssertFalse(ReaderAddress.isCallToAction(LogicalLine("Share prices fell by a third after the ban.", block: 0)))
    }

    func testQuotedOrLabelledWordsAreNotTheSites() {
        XCTAssertTrue(ReaderAddress.addressesReader(LogicalLine("Your email address will not be published.", block: 0)))
        XCTAssertFalse(ReaderAddress.addressesReader(LogicalLine("\u{201C}You cannot eat a treaty,\u{201D} she said.", block: 0)))
        XCTAssertFalse(ReaderAddress.addressesReader(LogicalLine("Q: What would you ask of donors?", block: 0)))
        XCTAssertFalse(ReaderAddress.addressesReader(LogicalLine("What we're watching: whether ministers give ground.", block: 0)))
        XCTAssertFalse(ReaderAddress.addressesReader(LogicalLine("The US said the talks would resume.", block: 0)))
    }

    func testTheAuthorsVoiceIsReadOutsideQuotations() {
        XCTAssertFalse(ReaderAddress.usesPersonalVoice("\u{201C}We will not yield,\u{201D} the minister said, and the members\u{2019} delegates agreed."))
        XCTAssertFalse(ReaderAddress.usesPersonalVoice("The minister said: \u{2018}We will not yield.\u{2019}"))
        XCTAssertTrue(ReaderAddress.usesPersonalVoice("\u{201C}Never,\u{201D} the minister said, and I believe her."))
    }
}

private extension Text {
    /// The paragraphs of a text written one per block.
    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
