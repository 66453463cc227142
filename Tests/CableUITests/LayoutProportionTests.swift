@testable import CableUI
import CableCore
import XCTest

/// How the width is shared, keys on the "too small" screen, and the sync notice.
final class LayoutProportionTests: XCTestCase {
    func testWideScreensGiveTheListAbout40PercentAndCapTheReadingPane() throws {
        for width in [110, 120, 160, 200, 300] {
            let layout = Layout(size: Size(width: width, height: 40), focus: .list, sidebarToggled: false)
            let list = try XCTUnwrap(layout.list)
            let reader = try XCTUnwrap(layout.reader)
            let sidebar = try XCTUnwrap(layout.sidebar)
            XCTAssertEqual(list.width + reader.width + sidebar.width + 2, width, "\(width)")
            XCTAssertLessThanOrEqual(reader.width, Layout.readerMaxWidth, "\(width)")
            XCTAssertGreaterThanOrEqual(reader.width, 46, "\(width)")
            if width >= 160 { XCTAssertGreaterThanOrEqual(list.width * 100 / width, 39, "\(width)") }
        }
        let at200 = Layout(size: Size(width: 200, height: 60), focus: .list, sidebarToggled: false)
        XCTAssertEqual(at200.list?.width, 80)
    }

    func testTheConfiguredListWidthIsKeptWithinWhatLeavesTheOtherPanesReadable() throws {
        for (width, asked, expected) in [(120, 40, 40), (120, 90, 42), (200, 30, 30), (80, 50, 50), (80, 70, 55),
                                         (120, 5, 24)] {
            for toggled in [false, true] {
                let layout = Layout(size: Size(width: width, height: 40), focus: .list, sidebarToggled: toggled,
                                    listWidth: asked)
                let list = try XCTUnwrap(layout.list)
                if !toggled || width < Layout.threePaneWidth {
                    XCTAssertEqual(list.width, expected, "\(width) asked \(asked)")
                }
                let other = try XCTUnwrap(layout.reader ?? layout.sidebar)
                XCTAssertEqual(list.width + 1 + other.width + (layout.sidebar != nil && layout.reader != nil
                    ? 1 + (layout.sidebar?.width ?? 0) : 0), width, "\(width) asked \(asked)")
            }
        }
    }

    func testHidingTheSidebarNeverShrinksTheList() throws {
        for width in [110, 120, 160, 200, 300] {
            let shown = Layout(size: Size(width: width, height: 40), focus: .reader, sidebarToggled: false)
            let hidden = Layout(size: Size(width: width, height: 40), focus: .reader, sidebarToggled: true)
            XCTAssertNil(hidden.sidebar)
            XCTAssertGreaterThanOrEqual(try XCTUnwrap(hidden.list).width, try XCTUnwrap(shown.list).width, "\(width)")
            XCTAssertLessThanOrEqual(try XCTUnwrap(hidden.reader).width, Layout.readerMaxWidth, "\(width)")
        }
    }

    func testKeysOnTheTooSmallScreenChangeNothingButQuit() {
        var s = Session(library: SampleArticles.library(), size: Size(width: 30, height: 8))
        let before = s.state
        s.type("jj\n\t/x\"it?")
        s.press([.escape, .enter, .down, .pageDown])
        XCTAssertEqual(s.state, before)
        s.send(.resize(Size(width: 120, height: 40)))
        XCTAssertEqual(s.state.browse.list.cursor, 0)
        XCTAssertEqual(s.state.reader.open?.article.id, s.state.browse.list.selected?.id, "the first article, previewed")
        XCTAssertEqual(s.state.reader.open?.isPreview, true)
        s.send(.resize(Size(width: 30, height: 8)))
        s.type("q")
        XCTAssertTrue(s.state.quitting)
    }

    func testTheSyncNoticeGroupsDigits() {
        XCTAssertEqual(SyncNotice.changed(added: 2520, updated: 0, removed: 1234567),
                       "Synced: 2,520 new, 0 changed, 1,234,567 removed")
    }
}
