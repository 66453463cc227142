@testable import CableCore
import Foundation
import XCTest

/// Every dateline form article-format.md describes, and lines that must not be read as one.
final class ParserDatelineTests: XCTestCase {
    private func iso(_ line: String) -> String? {
        guard let date = Dateline.date(in: line) else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    func testGluedTimeZoneAndDate() {
        XCTAssertEqual(iso("12:29 GMT18 May 2021"), "2021-05-18T12:29:00Z")
        XCTAssertEqual(iso("09:41 GMT07 Mar 2024"), "2024-03-07T09:41:00Z")
    }

    func testPrefixesWithAndWithoutColon() {
        XCTAssertEqual(iso("Updated: 20 October 2020, 16:25 GMT"), "2020-10-20T16:25:00Z")
        XCTAssertEqual(iso("Updated 20 October 2020, 16:25 GMT"), "2020-10-20T16:25:00Z")
        XCTAssertEqual(iso("Published 28.01.2020 18:40 UTC"), "2020-01-28T18:40:00Z")
        XCTAssertEqual(iso("Last updated on Tuesday 3 March 2020 at 08:05 GMT"), "2020-03-03T08:05:00Z")
    }

    func testPublishedBeatsUpdatedOnOneLineWithOrWithoutATime() {
        XCTAssertEqual(iso("Updated: May 15, 2024 | Published: May 14, 2024"), "2024-05-14T00:00:00Z")
        XCTAssertEqual(iso("Updated 02/01/2025 18:45 | Published 02/01/2025 09:30"), "2025-01-02T09:30:00Z")
    }

    func testDayFirstDottedDate() {
        XCTAssertEqual(iso("03.02.2020 10:00"), "2020-02-03T10:00:00Z")
        XCTAssertEqual(iso("03.02.2020"), "2020-02-03T00:00:00Z")
    }

    func testMonthFirstWithTwelveHourClock() {
        XCTAssertEqual(iso("May 22, 2019 2:10 PM GMT"), "2019-05-22T14:10:00Z")
        XCTAssertEqual(iso("Mar. 7, 2024 9:41 a.m. GMT"), "2024-03-07T09:41:00Z")
        XCTAssertEqual(iso("March 7, 2024 12:05 AM UTC"), "2024-03-07T00:05:00Z")
        XCTAssertEqual(iso("March 7, 2024 12:05 PM UTC"), "2024-03-07T12:05:00Z")
    }

    func testTimeBeforeOrAfterDate() {
        XCTAssertEqual(iso("16:25 20 October 2020"), "2020-10-20T16:25:00Z")
        XCTAssertEqual(iso("20 October 2020 16:25"), "2020-10-20T16:25:00Z")
        XCTAssertEqual(iso("Thu 7 Mar 2024 09.41 GMT"), "2024-03-07T09:41:00Z")
    }

    func testISODates() {
        XCTAssertEqual(iso("2024-03-07 09:41"), "2024-03-07T09:41:00Z")
        XCTAssertEqual(iso("2021-02-24 08:30 UTC"), "2021-02-24T08:30:00Z")
        XCTAssertEqual(iso("2024-03-07T09:41:00Z"), "2024-03-07T09:41:00Z")
    }

    func testZonesAndOffsetsConvertToUTC() {
        XCTAssertEqual(iso("2024-03-07T09:41:00+03:00"), "2024-03-07T06:41:00Z")
        XCTAssertEqual(iso("7 March 2024 09:41 +0100"), "2024-03-07T08:41:00Z")
        XCTAssertEqual(iso("7 March 2024 09:41 CET"), "2024-03-07T08:41:00Z")
        XCTAssertEqual(iso("7 March 2024 09:41 EST"), "2024-03-07T14:41:00Z")
        XCTAssertEqual(iso("7 March 2024 09:41 MSK"), "2024-03-07T06:41:00Z")
        XCTAssertEqual(iso("7 March 2024 09:41 GMT+2"), "2024-03-07T07:41:00Z")
        XCTAssertEqual(iso("7 March 2024 09:41 UTC-05:00"), "2024-03-07T14:41:00Z")
    }

    func testUSZonesWithoutSeasonFollowDaylightSavingTime() {
        XCTAssertEqual(iso("Published 6:02 a.m. ET May 26, 2024"), "2024-05-26T10:02:00Z", "EDT in May")
        XCTAssertEqual(iso("7 March 2024 09:41 ET"), "2024-03-07T14:41:00Z", "EST before the second Sunday of March")
        XCTAssertEqual(iso("10 March 2024 01:30 ET"), "2024-03-10T06:30:00Z", "still EST before 2:00 that Sunday")
        XCTAssertEqual(iso("10 March 2024 03:30 ET"), "2024-03-10T07:30:00Z", "EDT from 2:00")
        XCTAssertEqual(iso("3 November 2024 01:30 PT"), "2024-11-03T08:30:00Z", "PDT until 2:00 on the first Sunday of November")
        XCTAssertEqual(iso("4 November 2024 09:00 CT"), "2024-11-04T15:00:00Z", "CST after it")
        XCTAssertEqual(iso("July 4, 2023 12:00 MT"), "2023-07-04T18:00:00Z")
        XCTAssertEqual(iso("July 4, 2023 12:00 EST"), "2023-07-04T17:00:00Z", "a zone that names its season keeps it")
    }

    func testSundaysOfAMonth() {
        XCTAssertEqual(SeasonalZone.sunday(number: 2, ofMonth: 3, year: 2024), Dateline.daysFromCivil(2024, 3, 10))
        XCTAssertEqual(SeasonalZone.sunday(number: 1, ofMonth: 11, year: 2024), Dateline.daysFromCivil(2024, 11, 3))
        XCTAssertEqual(SeasonalZone.sunday(number: 1, ofMonth: 9, year: 2024), Dateline.daysFromCivil(2024, 9, 1), "a month that starts on a Sunday")
        XCTAssertEqual(SeasonalZone.sunday(number: 2, ofMonth: 3, year: 1969), Dateline.daysFromCivil(1969, 3, 9), "before 1970")
    }

    func testDashBetweenDateAndTimeIsNotAnOffset() {
        XCTAssertEqual(iso("18 May 2021 - 12:29"), "2021-05-18T12:29:00Z")
        XCTAssertEqual(iso("12:29 - 18 May 2021"), "2021-05-18T12:29:00Z")
    }

    func testSentencesAndImpossibleDatesAreNotDatelines() {
        XCTAssertNil(iso("The talks began on 18 May 2021 in Geneva and lasted for a whole week."))
        XCTAssertNil(iso("31.02.2021 10:00"))
        XCTAssertNil(iso("Listen Live"))
        XCTAssertNil(iso("12:29"))
        XCTAssertNil(iso(""))
    }

    func testMoreFormsFoundOnPages() {
        XCTAssertEqual(iso("Thursday, March 7, 2024 at 9:41 a.m. EST"), "2024-03-07T14:41:00Z")
        XCTAssertEqual(iso("07/03/2024 09:41"), "2024-03-07T09:41:00Z")
        XCTAssertEqual(iso("2024.03.07 09:41"), "2024-03-07T09:41:00Z")
        XCTAssertEqual(iso("7th March 2024, 09:41"), "2024-03-07T09:41:00Z")
        XCTAssertEqual(iso("March 7th, 2024 09:41 GMT"), "2024-03-07T09:41:00Z")
        XCTAssertEqual(iso("Mar 7 2024 09:41"), "2024-03-07T09:41:00Z")
        XCTAssertEqual(iso("Sunday 18 May 2021 12.29 BST"), "2021-05-18T11:29:00Z")
        XCTAssertEqual(iso("Published: 18/05/2021 - 12:29"), "2021-05-18T12:29:00Z")
        XCTAssertEqual(iso("2021-05-18 12:29:00 +0000"), "2021-05-18T12:29:00Z")
        XCTAssertEqual(iso("May 18 2021 12:29PM"), "2021-05-18T12:29:00Z")
        XCTAssertEqual(iso("12.29pm GMT, 18 May 2021"), "2021-05-18T12:29:00Z")
        XCTAssertEqual(iso("8 Feb. 2025 | 6:30 a.m. GMT"), "2025-02-08T06:30:00Z")
        XCTAssertEqual(iso("03/10/2023 - 16:20 (GMT)"), "2023-10-03T16:20:00Z")
        XCTAssertEqual(iso("By Jane Doe | 7 March 2024 09:41 GMT"), "2024-03-07T09:41:00Z")
        XCTAssertNil(iso("Updated 2 hours ago"))
    }

    func testACitysTimeAndMoreZones() {
        XCTAssertEqual(iso("21 JUN 2024, 08:50 (Moscow time)"), "2024-06-21T05:50:00Z")
        XCTAssertEqual(iso("05:30 AM February 23, 2025 (PHT)"), "2025-02-22T21:30:00Z")
        XCTAssertEqual(iso("9 July 2024, 14:00 Jakarta time"), "2024-07-09T07:00:00Z")
    }
}
