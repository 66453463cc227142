@testable import CableCore
import XCTest

/// Stage 1: text → clean lines.
final class TextCleaningTests: XCTestCase {
    func testLineEndsOfEveryKind() {
        let lines = TextCleaning.lines(of: "one\r\ntwo\rthree\nfour\u{2028}five\u{2029}six")
        XCTAssertEqual(lines.map(\.text), ["one", "two", "three", "four", "five", "six"])
    }

    func testSpacesAreFoldedCollapsedAndCountedAsIndent() {
        let lines = TextCleaning.lines(of: "\t  lead\u{A0}of \u{2009} the\u{202F}day  \n")
        XCTAssertEqual(lines, [PageLine(text: "lead of the day", indent: 3, gaps: 1)])
    }

    func testInvisibleAndControlCharactersGo() {
        let lines = TextCleaning.lines(of: "\u{FEFF}Bal\u{200B}tic\u{1B}[31m \u{7}cable\u{202E}s\u{85}")
        XCTAssertEqual(lines.map(\.text), ["Baltic[31m cables"])
    }

    func testBlankLinesStayAndNoLineIsAddedAtTheEnd() {
        XCTAssertEqual(TextCleaning.lines(of: "a\n\n  \nb\n").map(\.text), ["a", "", "", "b"])
        XCTAssertEqual(TextCleaning.lines(of: "").count, 0)
    }

    func testCollapsedJoinsLines() {
        XCTAssertEqual(TextCleaning.collapsed(" a \n\n b\tc "), "a b c")
    }

    func testTheFirstWordsOfALineAreItsWordsCutShort() {
        for line in ["", "one", "item 1 of 2 the harbour at dawn", "a b c d", "a b c d ", "  two  spaces  apart  here  "] {
            for count in 0...5 {
                XCTAssertEqual(Text.words(line, first: count), Array(Text.words(line).prefix(count)), "\(line) \(count)")
            }
        }
    }
}
