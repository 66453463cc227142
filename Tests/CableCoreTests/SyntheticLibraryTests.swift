import Foundation
import XCTest
@testable import CableCore

final class SyntheticLibraryTests: XCTestCase {
    func testTheSameParametersGiveTheSameTextAndOtherSeedsDiffer() {
        let one = SyntheticLibrary(count: 300, seed: 7)
        let again = SyntheticLibrary(count: 300, seed: 7)
        let other = SyntheticLibrary(count: 300, seed: 8)
        for index in [0, 1, 63, 64, 150, 299] {
            XCTAssertEqual(one.text(index), again.text(index))
            XCTAssertNotEqual(one.text(index), other.text(index))
        }
    }

    func testPagesLinkToOtherStoriesOfTheirThreadAndCarryTagsAndQuotes() {
        let generator = SyntheticLibrary(count: 500, seed: 1)
        var linked = 0
        var readMore = 0
        var headlineless = 0
        for index in 0..<500 {
            let text = generator.text(index)
            let thread = generator.thread(of: index)
            XCTAssertTrue((thread.first..<(thread.first + thread.size)).contains(index))
            XCTAssertTrue((1...12).contains(thread.size))
            let others = (thread.first..<(thread.first + thread.size)).filter { $0 != index }
            if others.contains(where: { text.contains(String(generator.headline($0).prefix(25))) }) { linked += 1 }
            if text.contains("READ MORE: ") { readMore += 1 }
            if !text.hasPrefix(generator.headline(index)) { headlineless += 1 }
            XCTAssertTrue(text.contains("told reporters in") || text.contains(" said: “"), "a quote with a speaker")
        }
        XCTAssertGreaterThan(linked, 450, "related blocks name thread stories")
        XCTAssertGreaterThan(readMore, 100)
        XCTAssertTrue((20...120).contains(headlineless), "some pages start at the dateline: \(headlineless)")
    }

    func testWrittenFilesSyncIntoALibrary() throws {
        let lib = try TestLibrary()
        let generator = SyntheticLibrary(count: 120, seed: 3)
        try generator.write(into: lib.root)
        let library = try Library.open(lib.locations)
        let report = try library.sync()
        XCTAssertEqual(report.articles + report.skipped.count, 120)
        XCTAssertGreaterThan(report.articles, 115, "distinct texts: \(report.skipped)")
    }

    func testCivilTimeAgreesWithTheGregorianCalendarInUTC() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try XCTUnwrap(TimeZone(identifier: "UTC"))
        // (Foundation switches to the Julian calendar before 1582; the generator writes 2015-2025.)
        var rng = Random(seed: 11)
        let samples: [Int64] = [0, -1, 86_399, 86_400, 951_782_400, 4_107_542_399]
            + (0..<2000).map { _ in Int64(rng.int(8_000_000_000)) - 4_000_000_000 }
        for seconds in samples {
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute],
                                                from: Date(timeIntervalSince1970: Double(seconds)))
            let expected = CivilTime(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0,
                                     hour: parts.hour ?? 0, minute: parts.minute ?? 0)
            XCTAssertEqual(CivilTime(secondsSince1970: seconds), expected, "\(seconds)")
        }
    }
}
