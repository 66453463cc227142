@testable import CableCore
import XCTest

/// Stage 4: quotation marks → quotations.
final class QuoteSpansTests: XCTestCase {
    private func quoted(_ text: String) -> [String] {
        let paragraph = ScalarText(text)
        return QuoteSpans.spans(in: paragraph).map { String(paragraph.text($0.contentStart..<$0.contentEnd)) }
    }

    func testEveryKindOfMark() {
        XCTAssertEqual(quoted("\"a b\" “c d” ‘e f’ 'g h' «i j» „k l“"), ["a b", "c d", "e f", "g h", "i j", "k l"])
    }

    /// Central European marks: `„…”` (Polish, Romanian, Hungarian), `»…«` (German, Danish,
    /// Croatian, Czech). A `»` before a space is a separator (`Home » World`), not a quote.
    func testCentralEuropeanMarks() {
        XCTAssertEqual(quoted("„a b” and »c d«, she said."), ["a b", "c d"])
        XCTAssertEqual(quoted("Home » World » Europe"), [])
        XCTAssertEqual(quoted("»We will not sign«, said the minister, »not this year«."), ["We will not sign", "not this year"])
        XCTAssertEqual(quoted("»Nested „words“ stay inside«"), ["Nested „words“ stay inside"])
    }

    func testNestedMarksBelongToTheOuterQuote() {
        XCTAssertEqual(quoted("He said: “They call it ‘theft’, we do not.”"), ["They call it ‘theft’, we do not."])
    }

    func testApostrophesAndPossessivesAreNotQuotes() {
        XCTAssertEqual(quoted("It's Ukraine’s and the ministers’ plan, Won’t they?"), [])
        XCTAssertEqual(quoted("‘The ministers’ plan is late,’ she said."), ["The ministers’ plan is late,"])
    }

    func testAQuoteOpeningTheParagraphRunsToItsEnd() {
        XCTAssertEqual(quoted("“We will go on, and on"), ["We will go on, and on"])
        XCTAssertEqual(quoted("He said “we will go on"), [])
    }

    func testAFreshOpeningMarkRestartsAnUnclosedQuote() {
        XCTAssertEqual(quoted("“one two “three four” five"), ["three four"])
    }
}
