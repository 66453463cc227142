@testable import CableCore
import XCTest

/// Each rule of the attribution sieve on its own, then the sieve in order.
final class AttributionSieveTests: XCTestCase {
    /// The sentence around the `n`th quote of a paragraph.
    private func sentence(_ paragraph: String, quote n: Int = 0) -> QuoteSentence {
        let text = ScalarText(paragraph)
        let tokens = ProseTokenizer.tokens(text, spans: QuoteSpans.spans(in: text))
        let quotes = tokens.indices.filter { tokens[$0].isQuote }
        return QuoteSentence(tokens: tokens, quote: quotes[n])
    }

    private func name(_ attribution: Attribution?) -> String? {
        switch attribution {
        case .speaker(let speaker)?: return speaker.name
        case .continuation?: return "(continuation)"
        case .unknown?: return "(unknown)"
        case .unnamed?: return "(unnamed)"
        case nil: return nil
        }
    }

    private let memory = SpeakerMemory()

    func testVerbThenSubjectAfter() {
        XCTAssertEqual(name(AttributionSieve.verbThenSubjectAfter(sentence("“We will act,” said Anna Berg."), memory)), "Anna Berg")
        XCTAssertNil(AttributionSieve.verbThenSubjectAfter(sentence("“We will act,” Anna Berg said."), memory))
        XCTAssertNil(AttributionSieve.verbThenSubjectAfter(sentence("“We will act,” adding more."), memory))
    }

    func testAccordingToAfterAndBefore() {
        XCTAssertEqual(name(AttributionSieve.accordingToAfter(sentence("“It is late,” according to the Finnish Navy."), memory)), "Finnish Navy")
        XCTAssertEqual(name(AttributionSieve.accordingToBefore(sentence("According to Lars Eide, “it is late.”"), memory)), "Lars Eide")
    }

    func testSubjectThenVerbAfter() {
        XCTAssertEqual(name(AttributionSieve.subjectThenVerbAfter(sentence("“We will act,” Defence Minister Anna Berg told reporters."), memory)), "Anna Berg")
        // After a quote that ended its sentence, a new sentence about something else is not an attribution.
        XCTAssertNil(AttributionSieve.subjectThenVerbAfter(sentence("“We are done.” Officials said that the ships would sail on Friday morning."), memory))
    }

    func testOpensSentence() {
        XCTAssertEqual(name(AttributionSieve.opensSentence(sentence("It rained. “We are done.”"), memory)), "(continuation)")
        XCTAssertNil(AttributionSieve.opensSentence(sentence("She warned of “grave consequences”."), memory))
    }

    func testInTheWordsOf() {
        XCTAssertEqual(name(AttributionSieve.inTheWordsOf(sentence("The deal was, in the words of Jane Doe, “a bridge too far”."), memory)), "Jane Doe")
    }

    func testSpeechVerbBefore() {
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(sentence("The Foreign Ministry said in a notice posted online: “Talks are over.”"), memory)), "Foreign Ministry")
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(sentence("Lund said the plan was sound, adding: “We will act.”"), memory)), "Lund")
        XCTAssertNil(AttributionSieve.speechVerbBefore(sentence("The plan was described as “a bridge too far”."), memory))
    }

    func testLaterQuoteOfSentence() {
        let paragraph = "Berg said it was “a bridge too far” and would be “very costly indeed”."
        XCTAssertEqual(name(AttributionSieve.laterQuoteOfSentence(sentence(paragraph, quote: 1), memory)), "(continuation)")
        XCTAssertNil(AttributionSieve.laterQuoteOfSentence(sentence(paragraph, quote: 0), memory))
    }

    func testRulesHaveNamesAndUnattributedQuotesHaveNoSpeaker() {
        XCTAssertEqual(Set(AttributionSieve.rules.map(\.name)).count, AttributionSieve.rules.count)
        XCTAssertEqual(name(AttributionSieve.attribute(sentence("The word was “a bridge too far” in every sense."), memory: memory)), "(unknown)")
    }
}
