@testable import CableUI
import CableCore
import Foundation
import XCTest

/// Keys in, screens out: each test drives a session over the sample library and compares
/// the screen with a plain-text snapshot.
final class ScreenSnapshotTests: XCTestCase {
    func session(_ width: Int = 120, _ height: Int = 40) -> Session {
        Session(library: SampleArticles.library(), size: Size(width: width, height: height))
    }

    func testListAtStart120x40() {
        assertSnapshot(session().screen, named: "list-120x40")
    }

    func testReadingPaneAndSidebar120x40() {
        var s = session()
        s.type("\n")
        assertSnapshot(s.screen, named: "reader-120x40")
    }

    func testLayout200x60() {
        var s = session(200, 60)
        s.type("\n")
        assertSnapshot(s.screen, named: "open-200x60")
    }

    func testLayout80x24CollapsesSidebar() {
        var s = session(80, 24)
        s.type("\n")
        assertSnapshot(s.screen, named: "open-80x24")
        s.type("\t\t")
        assertSnapshot(s.screen, named: "sidebar-focused-80x24")
    }

    func testNarrowSinglePane() {
        var s = session(50, 16)
        s.type("\n")
        assertSnapshot(s.screen, named: "reader-only-50x16")
        s.type("\t")
        assertSnapshot(s.screen, named: "sidebar-only-50x16")
    }

    func testTooSmall() {
        assertSnapshot(session(30, 8).screen, named: "too-small-30x8")
    }

    func testTagPrompt() {
        var s = session()
        s.type("tba")
        assertSnapshot(s.screen, named: "tag-prompt")
        s.type("\n")
        assertSnapshot(s.screen, named: "tag-applied")
    }

    func testHelpOverlay() {
        var s = session()
        s.type("?")
        assertSnapshot(s.screen, named: "help")
        var small = session(80, 24)
        small.type("?")
        assertSnapshot(small.screen, named: "help-80x24")
    }

    func testQuoteView() {
        var s = session()
        s.type("\"")
        assertSnapshot(s.screen, named: "quotes")
        s.type("/laakso")
        assertSnapshot(s.screen, named: "quotes-speaker")
    }

    /// At 40 columns the long quotes wrap: two lines, the second cut with …, the speaker
    /// right below, a blank row between entries; `j` moves the bar onto the second entry.
    func testQuoteViewWrapsLongQuotesAt40Columns() {
        var s = session(40, 20)
        s.type("\"j")
        assertSnapshot(s.screen, named: "quotes-40x20")
        let lines = s.screen.lines
        let speaker = lines.firstIndex { $0.contains("— Aino Laakso, Fin") } ?? 0
        XCTAssertTrue(lines[speaker - 1].contains("…"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines[speaker - 2].contains("“We are treating"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines[speaker + 1].trimmingCharacters(in: CharacterSet(charactersIn: "| ")).isEmpty)
    }

    func testQuoteOpensArticleAtParagraph() {
        var s = session(120, 14)
        s.type("\"j\n")
        assertSnapshot(s.screen, named: "quote-opened")
    }

    func testHistoryBackAndForward() {
        var s = session()
        s.type("\n1")
        assertSnapshot(s.screen, named: "history-jumped")
        s.type("[")
        assertSnapshot(s.screen, named: "history-back")
        s.type("]")
        assertSnapshot(s.screen, named: "history-forward")
    }

    func testSearchPromptAndError() {
        var s = session()
        s.type("/cable")
        assertSnapshot(s.screen, named: "search-live")
        s.type(" tag:")
        assertSnapshot(s.screen, named: "search-error")
    }

    func testWideCharactersAtPaneEdges() {
        var s = session(120, 40)
        // The Tokyo article's title is CJK and emoji; open it and look at every pane edge.
        s.type("/tokyo\n\n")
        assertSnapshot(s.screen, named: "wide-120x40")
        var narrow = session(75, 20)
        narrow.type("/tokyo\n\n")
        assertSnapshot(narrow.screen, named: "wide-75x20")
    }

    func testHostileTextIsDrawnWithoutEscapes() {
        var s = session()
        s.type("G\n")
        let text = s.screen.text
        XCTAssertFalse(text.contains("\u{1B}"))
        XCTAssertFalse(text.contains("\u{07}"))
        XCTAssertTrue(text.contains("Port Strike Ends After Two Weeks"))
        assertSnapshot(s.screen, named: "hostile")
    }

    func testStoryTimeline() {
        var s = session()
        s.type("S")
        assertSnapshot(s.screen, named: "story-120x40")
        var narrow = session(60, 20)
        narrow.type("S")
        assertSnapshot(narrow.screen, named: "story-60x20")
    }

    func testOwnTagPromptAndTheListSortedBySource() {
        var s = session()
        s.type("+bal")
        assertSnapshot(s.screen, named: "own-tag-prompt")
        s.type("\u{1B}ooo")
        assertSnapshot(s.screen, named: "sorted-by-source")
    }

    /// A search word is drawn reversed (the text snapshot cannot show it: the cells can).
    func testSearchMatchesAreReversedInTheReadingPane() throws {
        var s = session()
        s.type("/anchor\n")
        let screen = s.screen
        let row = try XCTUnwrap(screen.lines.firstIndex { $0.contains("its anchor") }, screen.text)
        let cells = (0..<screen.size.width).map { screen[row, $0] }
        let x = try XCTUnwrap((0..<(cells.count - 6)).first { start in
            (0..<6).map { cells[start + $0].text }.joined() == "anchor"
        })
        XCTAssertTrue(screen[row, x].style.reverse)
        XCTAssertEqual(screen[row, x].style.role, .match)
        XCTAssertFalse(screen[row, x - 2].style.reverse)
    }
}
