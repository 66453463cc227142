@testable import CableCore
import XCTest

/// Where a speaker's name starts and ends: an abbreviation's full stop before a comma, a high
/// commission's or delegation's post, a team's titles, a titled name after a body and a
/// preposition, an ordinal rank; and a `he` or `she` made unsure by someone else the paragraph
/// names. Invented sentences.
final class SpeakerNameEdgesTests: XCTestCase {
    private func speakers(_ paragraphs: [String]) -> [String?] {
        QuoteAttribution.quotes(in: paragraphs).map(\.speaker)
    }

    func testAbbreviationKeepsItsFullStopBeforeAComma() {
        XCTAssertEqual(speakers(["Harbour Freight Lines Inc., the port's largest operator, said the strike was “a matter for the courts.”"]),
                       ["Harbour Freight Lines Inc."])
        XCTAssertEqual(ProseToken("Corp.,").text, "Corp.")
        XCTAssertEqual(ProseToken("Corp.,").trailing, .comma)
    }

    func testHighCommissionAndDelegationNamedWithTheirPosts() {
        XCTAssertEqual(speakers(["The British High Commission in Nairobi said it was “following the case closely.”"]),
                       ["British High Commission in Nairobi"])
        XCTAssertEqual(speakers(["The EU delegation in Accra said it “regrets the decision to close the port.”"]),
                       ["EU delegation in Accra"])
        // A commission at home is no post.
        XCTAssertEqual(speakers(["The Election Commission in Dhaka said the count was “complete and final.”"]),
                       ["Election Commission"])
    }

    func testTeamTitleBeforeAName() {
        XCTAssertEqual(speakers(["“We were ready for the heat,” said Moldova coach Radu Ciobanu."]), ["Radu Ciobanu"])
    }

    func testTitledNameAfterABodyAndAPreposition() {
        XCTAssertEqual(speakers(["The Institute for Coastal Studies Deputy Director Marit Holm said the survey was “the widest in a decade.”"]),
                       ["Marit Holm"])
    }

    func testOrdinalRankBeforeATitle() {
        XCTAssertEqual(speakers(["“The convoy left on time,” said Marine Corps 2nd Lt. Dana Whitfield."]), ["Dana Whitfield"])
    }

    func testPortfolioListAfterAComma() {
        XCTAssertEqual(speakers(["According to the Ministry of Fisheries, Maritime Affairs and Food, the quota “will not change this year.”"]),
                       ["Ministry of Fisheries, Maritime Affairs and Food"])
    }

    func testASpokespersonOfANamedBodySpeaksForIt() {
        XCTAssertEqual(speakers(["A Norwegian Foreign Ministry spokesperson told reporters that Oslo was “studying the text closely.”"]),
                       ["Norwegian Foreign Ministry"])
    }

    func testItAfterAnOpeningPhrase() {
        let found = speakers([
            "The Harbour Authority of Tema has defended the new fee. In a notice to shipping agents, it said the fee was “needed to pay for the dredging.”",
        ])
        XCTAssertEqual(found, ["Harbour Authority of Tema"])
    }

    func testQuestionThenANameAndAVerbWithOnlyAPrepositionsPhrase() {
        XCTAssertEqual(speakers(["Governor Lena Ostrova spoke first.", "“Who pays for the dredging?” Ostrova said of the port plan on Monday, when the council met again."]),
                       ["Lena Ostrova"])
        // A verb with words of its own reports those, not the quote before it.
        XCTAssertEqual(speakers(["Governor Lena Ostrova spoke first.", "“Who pays for the dredging?” Ostrova said the council would decide when it met again."]),
                       [nil])
    }

    func testPronounUnsureAfterAnotherPersonNamedInTheParagraph() {
        let found = speakers([
            "Opposition leader Tomas Ekdahl called the treaty “a surrender dressed as a deal.”",
            "It was left to Dr Ivan Petrov, member for Northgate, to raise the fishermen. “Nobody asked them,” he said.",
        ])
        XCTAssertEqual(found, ["Tomas Ekdahl", nil])
    }

    func testLowerCaseRankBeforeACapitalisedTitle() {
        XCTAssertEqual(speakers(["“He never raised his voice,” said former Permanent Secretary Ngozi Ekwueme, who served under him."]),
                       ["Ngozi Ekwueme"])
    }

    func testLowerCaseRankBeforeASubjectAfterTheQuote() {
        XCTAssertEqual(speakers(["“Schools are the only way out,” former Lisbon Education Secretary Rui Matos told the radio station."]),
                       ["Rui Matos"])
    }

    func testUnnamedPersonOpeningAClauseAfterAPhrase() {
        let found = speakers([
            "Opposition leader Tomas Ekdahl called the treaty “a surrender dressed as a deal.”",
            "As the doors closed, one Treasury official was heard giving his own verdict. “Nobody,” he said, “reads the annex.”",
        ])
        XCTAssertEqual(found, ["Tomas Ekdahl", nil])
    }
}

/// Newspapers as speakers: a described paper at its clause's start, `the paper` and `it said`.
final class NewspaperSpeakerTests: XCTestCase {
    private func speakers(_ paragraphs: [String]) -> [String?] {
        QuoteAttribution.quotes(in: paragraphs).map(\.speaker)
    }

    func testDescribedNewspaperAtTheClauseStart() {
        XCTAssertEqual(speakers(["In Lima, the pro-business Andes Courier called the vote “a verdict on the ports.”"]), ["Andes Courier"])
    }

    func testThePaperIsTheNewspaperLastNamed() {
        let found = speakers([
            "Nordic Ledger ran the story on its front page.",
            "The paper warned against “selling the harbour one berth at a time.”",
        ])
        XCTAssertEqual(found, ["Nordic Ledger"])
    }

    func testItSaidAfterANewspaperAsSubject() {
        let found = speakers([
            "The centre-left Harbour Gazette argued that the mayor had lost. “The city has spoken, and it said no,” it said.",
        ])
        XCTAssertEqual(found, ["Harbour Gazette"])
    }
}
