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
