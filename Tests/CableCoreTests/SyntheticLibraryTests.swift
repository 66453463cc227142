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
}
