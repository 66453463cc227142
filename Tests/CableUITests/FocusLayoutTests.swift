@testable import CableUI
import CableCore
import XCTest

/// Where not all three panes fit, the focused pane is always the one on screen.
final class FocusLayoutTests: XCTestCase {
    func session(_ width: Int, _ height: Int) -> Session {
        Session(library: SampleArticles.library(), size: Size(width: width, height: height))
    }

    /// The rect of the focused pane, or nil when it is not on screen.
    func focusedRect(_ state: AppState) -> Rect? {
        let layout = Layout(state)
        switch state.focus {
        case .list: return layout.list
        case .reader: return layout.reader
        case .sidebar: return layout.sidebar
        }
    }

    func assertFocusedTitleHighlighted(_ s: Session, file: StaticString = #filePath, line: UInt = #line) {
        guard let rect = focusedRect(s.state) else {
            return XCTFail("focused \(s.state.focus) is not on screen", file: file, line: line)
        }
        XCTAssertEqual(s.screen[rect.y, rect.x + 1].style, .titleFocused, file: file, line: line)
    }

    func testTabToTheReadingPaneAfterIShowsIt() {
        var s = session(80, 24)
        s.type("i")
        XCTAssertNotNil(Layout(s.state).sidebar, "i shows the sidebar beside the list")
        XCTAssertEqual(s.state.focus, .list)
        s.press([.tab])
        XCTAssertEqual(s.state.focus, .reader)
        XCTAssertNotNil(Layout(s.state).reader)
        XCTAssertNil(Layout(s.state).sidebar)
        assertFocusedTitleHighlighted(s)
        s.press([.down])
        XCTAssertEqual(s.state.reader.scroll, 1)
        s.press([.tab])
        assertFocusedTitleHighlighted(s)
        // Back on the list, the pane focused last stays beside it.
        s.press([.tab])
        XCTAssertEqual(s.state.focus, .list)
        XCTAssertNotNil(Layout(s.state).sidebar)
    }

    func testOpeningAQuoteWithTheSidebarShownShowsTheReadingPane() {
        var s = session(80, 24)
        s.type("i\"")
        s.type("\n")
        XCTAssertFalse(s.state.view == .quotes)
        XCTAssertEqual(s.state.focus, .reader)
        XCTAssertNotNil(s.state.reader.open)
        XCTAssertNotNil(Layout(s.state).reader)
        assertFocusedTitleHighlighted(s)
    }

    func testIWithTheSidebarFocusedHidesItAndFocusesTheReadingPane() {
        var s = session(80, 24)
        s.press([.tab, .tab])
        XCTAssertEqual(s.state.focus, .sidebar)
        s.type("i")
        XCTAssertEqual(s.state.focus, .reader)
        XCTAssertNil(Layout(s.state).sidebar)
        assertFocusedTitleHighlighted(s)
        // And back: with the reading pane focused, i brings the sidebar and its focus.
        s.type("i")
        XCTAssertEqual(s.state.focus, .sidebar)
        assertFocusedTitleHighlighted(s)
    }

    func testIWithTheSidebarFocusedOnAWideScreenHidesIt() {
        var s = session(120, 40)
        s.press([.tab, .tab])
        s.type("i")
        XCTAssertTrue(s.state.sidebarToggled)
        XCTAssertNil(Layout(s.state).sidebar)
        XCTAssertEqual(s.state.focus, .reader)
    }

    func testIOnASinglePaneScreenShowsAndHidesTheSidebar() {
        var s = session(50, 16)
        s.type("i")
        XCTAssertEqual(s.state.focus, .sidebar)
        assertFocusedTitleHighlighted(s)
        s.type("i")
        XCTAssertEqual(s.state.focus, .list)
        assertFocusedTitleHighlighted(s)
    }

    /// Whatever the keys, the focused pane is on screen (a fixed pseudo-random walk over
    /// the keys that move focus or open things, at every layout).
    func testTheFocusedPaneIsAlwaysOnScreen() {
        let keys: [Key] = [.tab, .backTab, .character("i"), .enter, .character("\""), .character("["),
                           .character("]"), .character("1"), .down, .escape]
        for size in [Size(width: 200, height: 60), Size(width: 120, height: 40),
                     Size(width: 80, height: 24), Size(width: 50, height: 16)] {
            var s = Session(library: SampleArticles.library(), size: size)
            var seed: UInt64 = 42
            for step in 0..<400 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                let key = keys[Int(seed >> 33) % keys.count]
                s.press([key])
                if s.state.view == .quotes || s.state.prompt != nil || s.state.showHelp { continue }
                XCTAssertNotNil(focusedRect(s.state), "\(size) step \(step) after \(key): \(s.state.focus) hidden")
            }
        }
    }
}
