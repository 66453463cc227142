@testable import CableFeeds
import Foundation
import XCTest

/// RFC 822 (RSS) and RFC 3339 (Atom, Dublin Core) dates, offsets included.
final class FeedDateTests: XCTestCase {
    func check(_ text: String, _ iso: String?, line: UInt = #line) {
        let expected = iso.flatMap { ISO8601DateFormatter().date(from: $0) }
        XCTAssertEqual(FeedDate.parse(text), expected, text, line: line)
    }

    func testRFC822() {
        check("Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z")
        check("Tue, 10 Jun 2003 04:00:00 +0200", "2003-06-10T02:00:00Z")
        check("Tue, 10 Jun 2003 04:00:00 -0530", "2003-06-10T09:30:00Z")
        check("Tue, 10 Jun 2003 04:00:00 +02:00", "2003-06-10T02:00:00Z")
        check("Tue, 10 Jun 2003 04:00:00 EST", "2003-06-10T09:00:00Z")
        check("Tue, 10 Jun 2003 04:00:00 PDT", "2003-06-10T11:00:00Z")
        check("10 Jun 2003 04:00 Z", "2003-06-10T04:00:00Z")
        check("Sat, 07 Sep 02 00:00:01 UT", "2002-09-07T00:00:01Z")
        check("Thursday, 7 March 2024 09:41:00 +0000", "2024-03-07T09:41:00Z")
        check("Thu, 07 Mar 2024", "2024-03-07T00:00:00Z")
        check("  Thu,  07 Mar 2024 09:41:00 GMT ", "2024-03-07T09:41:00Z")
        check("Thu, 07 Mar 2024 09:41:00", "2024-03-07T09:41:00Z")
    }

    func testRFC3339() {
        check("2003-06-10T04:00:00Z", "2003-06-10T04:00:00Z")
        check("2003-06-10T04:00:00-05:00", "2003-06-10T09:00:00Z")
        check("2003-06-10T04:00:00.123+01:00", "2003-06-10T03:00:00Z")
        check("2003-06-10", "2003-06-10T00:00:00Z")
    }

    func testNotDates() {
        check("", nil)
        check("yesterday", nil)
        check("Tue, 32 Jun 2003 04:00:00 GMT", nil)
        check("Tue, 10 Foo 2003 04:00:00 GMT", nil)
        check("Tue, 10 Jun 2003 25:00:00 GMT", nil)
        check("Tue, 10 Jun 2003 04:00:00 +9999", nil)
    }
}
