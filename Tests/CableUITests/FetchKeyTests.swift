import CableConfig
@testable import CableUI
import CableCore
import XCTest

/// The fetch key: `R` (newsboat's reload-all; `F` is the saved searches) asks the loop to
/// fetch the feeds, once at a time, with the fetch's progress and outcome in the status line.
final class FetchKeyTests: XCTestCase {
    func session() -> Session {
        var session = Session(library: SampleArticles.library(), size: Size(width: 120, height: 40))
        session.holdsEffects = true
        return session
    }

    func statusLine(_ session: Session) -> String {
        session.screen.lines.last ?? ""
    }

    func testRFetchesOnceAtATime() {
        var s = session()
        _ = s.takeHeldEffects()
        s.type("R")
        XCTAssertEqual(s.takeHeldEffects(), [.fetchFeeds])
        XCTAssertEqual(s.state.status.fetching, "Fetching feeds…")
        XCTAssertTrue(statusLine(s).contains("Fetching feeds…"), statusLine(s))
        s.type("R")
        XCTAssertEqual(s.takeHeldEffects(), [], "a second R while one runs fetches nothing")
        XCTAssertEqual(s.state.status.message, "Already fetching feeds")
    }

    func testProgressSitsBesideTheSyncsAndTheOutcomeIsAMessage() {
        var s = session()
        s.send(.library(.progress("Syncing 10 of 40 files…")))
        s.send(.library(.fetchProgress("Fetching feeds: 1/2 · pages 3/9")))
        XCTAssertTrue(statusLine(s).contains("Fetching feeds: 1/2 · pages 3/9 · Syncing 10 of 40 files…"), statusLine(s))
        s.send(.library(.fetchFinished("Fetched 2 feeds: 9 new articles", failed: false)))
        s.send(.library(.notice("Synced: 9 new, 0 changed, 0 removed")))
        XCTAssertTrue(statusLine(s).contains("Synced: 9 new, 0 changed, 0 removed · Fetched 2 feeds: 9 new articles"),
                      "the outcome stays beside later messages: \(statusLine(s))")
        XCTAssertNil(s.state.status.fetching)
        s.press([.escape])
        XCTAssertFalse(statusLine(s).contains("Fetched"), "until a key: \(statusLine(s))")
        s.type("R")
        XCTAssertEqual(s.takeHeldEffects().filter { $0 == .fetchFeeds }.count, 1, "another fetch once the first is done")
    }

    func testTheKeyIsBoundByItsActionNameAndShownInTheHelp() throws {
        let (config, problems) = ConfigFile.parse("[keys]\nfetch-feeds = \"C-r\"\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(config.settings.keymap.keys(for: .fetchFeeds), [.control("r")])
        XCTAssertEqual(Keymap.defaults.command(for: .character("R"), in: .browse), .fetchFeeds)
        XCTAssertNil(Keymap.defaults.command(for: .character("R"), in: .quotes))
        var s = Session(library: SampleArticles.library(), size: Size(width: 120, height: 40),
                        state: AppState(size: Size(width: 120, height: 40), settings: config.settings))
        s.type("?")
        let help = s.screen.lines.joined(separator: "\n")
        XCTAssertTrue(help.contains("^R          fetch the feeds"), help)
    }
}
