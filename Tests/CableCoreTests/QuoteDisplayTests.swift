import CableCore
import XCTest

final class QuoteDisplayTests: XCTestCase {
    func testStandaloneQuoteDropsThePunctuationThatLedIntoTheAttribution() {
        XCTAssertEqual(Quote.standalone("We will act,"), "We will act")
        XCTAssertEqual(Quote.standalone("Ships will be reported; "), "Ships will be reported")
        XCTAssertEqual(Quote.standalone("Is this the end?"), "Is this the end?")
        XCTAssertEqual(Quote.standalone("follow every lead"), "follow every lead")
        XCTAssertEqual(Quote.standalone(","), "")
    }
}
