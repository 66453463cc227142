@testable import CableUI
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testASCIIIsOneColumn() {
        XCTAssertEqual(DisplayWidth.of("Baltic"), 6)
    }

    func testCJKAndEmojiAreTwoColumns() {
        XCTAssertEqual(DisplayWidth.of(Character("東")), 2)
        XCTAssertEqual(DisplayWidth.of(Character("한")), 2)
        XCTAssertEqual(DisplayWidth.of(Character("🌏")), 2)
        XCTAssertEqual(DisplayWidth.of(Character("🇫🇮")), 2)
        XCTAssertEqual(DisplayWidth.of(Character("👩‍👩‍👧")), 2)
        XCTAssertEqual(DisplayWidth.of("東京"), 4)
    }

    func testCombiningMarksTakeNoColumnOfTheirOwn() {
        // e + COMBINING ACUTE is one grapheme, one column.
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.of("Ka\u{304}rlis"), 6)
        XCTAssertEqual(DisplayWidth.of(Character("\u{200B}")), 0)
    }
}

final class SanitizerTests: XCTestCase {
    func testStripsEscapeSequencesWhole() {
        XCTAssertEqual(Sanitizer.clean("a\u{1B}[2Jb"), "ab")
        XCTAssertEqual(Sanitizer.clean("a\u{1B}[38;5;196mred\u{1B}[0m"), "ared")
        XCTAssertEqual(Sanitizer.clean("t\u{1B}]0;title\u{07}x"), "tx")
        XCTAssertEqual(Sanitizer.clean("t\u{1B}]8;;http://x\u{1B}\\link"), "tlink")
        XCTAssertEqual(Sanitizer.clean("a\u{1B}(Bb"), "ab")
        XCTAssertEqual(Sanitizer.clean("a\u{9B}31mb"), "ab")
    }

    func testControlCharactersAreDroppedAndBreaksBecomeSpaces() {
        XCTAssertEqual(Sanitizer.clean("a\u{08}b\u{07}c\u{7F}"), "abc")
        XCTAssertEqual(Sanitizer.clean("a\tb\nc\r\n"), "a b c  ")
        XCTAssertEqual(Sanitizer.clean("x\u{202E}y"), "xy")
    }

    func testLeavesOrdinaryTextAlone() {
        let text = "Kārlis Ozols said: “東京 🌏” — fine"
        XCTAssertEqual(Sanitizer.clean(text), text)
    }
}

final class TextLayoutTests: XCTestCase {
    func testTruncateEndsWithEllipsisWithinWidth() {
        XCTAssertEqual(TextLayout.truncate("Baltic Cables", width: 8), "Baltic …")
        XCTAssertEqual(TextLayout.truncate("Baltic", width: 6), "Baltic")
        XCTAssertEqual(TextLayout.truncate("東京東京", width: 5), "東京…")
        XCTAssertEqual(TextLayout.truncate("東京東京", width: 4), "東京東京".prefix(1) + "…")
        XCTAssertEqual(TextLayout.truncate("abc", width: 0), "")
    }

    func testWrapBreaksAtSpacesWithinWidth() {
        let lines = TextLayout.wrap("Two undersea data cables in the Baltic were found damaged", width: 20)
        XCTAssertEqual(lines, ["Two undersea data", "cables in the Baltic", "were found damaged"])
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
    }

    func testLongWordsAreBrokenBetweenGraphemes() {
        XCTAssertEqual(TextLayout.wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
        // Wide glyphs never split: a 5-column line holds two of them.
        XCTAssertEqual(TextLayout.wrap("東京東京東京", width: 5), ["東京", "東京", "東京"])
    }

    func testWrapKeepsStyles() {
        let lines = TextLayout.wrap([Span("said "), Span("\"we will\"", .quote), Span(" today")], width: 9)
        XCTAssertEqual(lines, [
            [Span("said "), Span("\"we", .quote)],
            [Span("will\"", .quote)],
            [Span("today")],
        ])
        // A space inside a highlighted run stays highlighted.
        XCTAssertEqual(TextLayout.wrap([Span("\"we will\"", .quote)], width: 20), [[Span("\"we will\"", .quote)]])
    }
}

final class ScreenTests: XCTestCase {
    func testWideGlyphMarksItsContinuationCell() {
        var screen = Screen(size: Size(width: 6, height: 1))
        screen.put("a東b", row: 0, column: 0, width: 6)
        XCTAssertEqual(screen[0, 1].text, "東")
        XCTAssertEqual(screen[0, 1].width, 2)
        XCTAssertTrue(screen[0, 2].isContinuation)
        XCTAssertEqual(screen[0, 3].text, "b")
        XCTAssertEqual(screen.lines, ["a東b"])
    }

    func testWideGlyphNeverSplitsAtAnEdge() {
        var screen = Screen(size: Size(width: 8, height: 1))
        let used = screen.put("東京都", row: 0, column: 0, width: 5)
        screen.put("|", row: 0, column: 5, width: 1)
        XCTAssertEqual(used, 5)
        XCTAssertEqual(screen.lines, ["東京 |"])
        XCTAssertFalse(screen[0, 4].isContinuation)
    }

    func testOverwritingHalfAWideGlyphBlanksTheOtherHalf() {
        var screen = Screen(size: Size(width: 4, height: 1))
        screen.put("東京", row: 0, column: 0, width: 4)
        screen.put("x", row: 0, column: 1, width: 1)
        XCTAssertEqual(screen.lines, [" x京"])
        screen.fill(Rect(x: 2, y: 0, width: 1, height: 1))
        XCTAssertEqual(screen.lines, [" x"])
        XCTAssertTrue(screen.cells.allSatisfy { !$0.isContinuation })
    }

    func testPutSanitises() {
        var screen = Screen(size: Size(width: 10, height: 1))
        screen.put("a\u{1B}[2Jb", row: 0, column: 0, width: 10)
        XCTAssertEqual(screen.lines, ["ab"])
    }

    func testPuttingPastTheRightEdgeDrawsNothingAndUsesNoColumns() {
        var screen = Screen(size: Size(width: 6, height: 1))
        XCTAssertEqual(screen.put("abc", row: 0, column: 9, width: 5), 0)
        XCTAssertEqual(screen.put("abc", row: 0, column: 6, width: 5), 0)
        XCTAssertEqual(screen.put([Span("ab"), Span("cd")], row: 0, column: 8, width: 4), 0)
        XCTAssertEqual(screen.lines, [""])
    }
}
