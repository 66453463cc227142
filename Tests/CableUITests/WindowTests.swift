@testable import CableUI
import XCTest

/// The window arithmetic the article list and the quote view share.
final class WindowTests: XCTestCase {
    func window(total: Int, offset: Int, rows: Int) -> Window<Int> {
        var window = Window<Int>()
        window.total = total
        window.offset = offset
        window.rows = Array(offset..<(offset + rows))
        return window
    }

    func testTheCursorStaysOnScreenAndTheScreenInTheList() {
        var window = window(total: 100, offset: 0, rows: 60)
        window.moveCursor(by: 25)
        window.keepCursorVisible(page: 10)
        XCTAssertEqual(window.top, 16)
        window.moveCursor(by: -Int.max / 2)
        window.keepCursorVisible(page: 10)
        XCTAssertEqual(window.top, 0)
        window.moveCursor(by: Int.max / 2)
        window.keepCursorVisible(page: 10)
        XCTAssertEqual([window.cursor, window.top], [99, 90])
    }

    func testAWindowIsAskedForOnceWhenTheScreenLeavesWhatIsOnHand() {
        var window = window(total: 1_000, offset: 0, rows: 60)
        window.top = 20
        XCTAssertNil(window.offsetToLoad(page: 20, size: 60), "rows 10..<50 are on hand")
        window.top = 50
        XCTAssertEqual(window.offsetToLoad(page: 20, size: 60), 30)
        XCTAssertNil(window.offsetToLoad(page: 20, size: 60), "already asked for")
        // Near the end the window ends with the list.
        window.top = 990
        XCTAssertEqual(window.offsetToLoad(page: 20, size: 60), 940)
    }
}
