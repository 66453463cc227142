@testable import CableUI
import CableCore
import XCTest

/// Large input does not freeze the UI (issue 16, item 7): a pasted query is parsed and
/// searched once, and a query over the limits says so instead of costing seconds.
final class LargeInputTests: XCTestCase {
    static let pastedTags = (0..<1_200).map { "tag:t\($0)" }.joined(separator: " ")

    /// 1,200 `tag:` clauses pasted into `/`: key by key this parsed a growing query 14,000
    /// times (22 s) and queued a search for each (462 MB).
    func testAPastedHugeQueryIsOneEditAndSaysWhatIsWrong() {
        var s = Session(library: SampleArticles.library(), size: Size(width: 120, height: 40))
        s.holdsEffects = true
        s.type("/")
        _ = s.takeHeldEffects()
        let started = Date()
        s.send(.text(Self.pastedTags))
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.5)
        XCTAssertEqual(s.heldEffects, [], "a query that does not parse searches nothing")
        guard case .search(let prompt)? = s.state.prompt else { return XCTFail("the prompt stays open") }
        XCTAssertTrue(prompt.error?.contains("more than \(Query.maximumClauses) clauses") == true, prompt.error ?? "")
        XCTAssertTrue(s.screen.lines.joined().contains("more than \(Query.maximumClauses) clauses"), s.screen.lines.joined(separator: "\n"))
        // Still answers keys at once: each edit reads at most the query's limit.
        let typing = Date()
        s.press([.backspace, .character("x"), .control("u")])
        XCTAssertLessThan(Date().timeIntervalSince(typing), 0.5)
    }

    func testAPastedQueryIsSearchedOnce() {
        var s = Session(library: SampleArticles.library(), size: Size(width: 120, height: 40))
        s.holdsEffects = true
        s.type("/")
        _ = s.takeHeldEffects()
        s.send(.text("tag:NATO cable"))
        let searches = s.heldEffects.compactMap { effect -> Query? in
            if case .loadList(let source, _, _) = effect { return source.query } else { return nil }
        }
        XCTAssertEqual(searches, [try? Query.parse("tag:NATO cable")].compactMap { $0 })
        XCTAssertEqual(s.state.browse.search, "tag:NATO cable")
    }

    /// Outside a prompt, text is keys: the same state as typing it. Into a prompt it is one
    /// edit, so what the searches typed one character at a time left behind on the way
    /// (which article the preview last reloaded, a scroll target already spent) may differ;
    /// what the user sees and the filter may not.
    func testTextOutsideAPromptIsTheSameAsItsKeys() {
        for text in ["jjk", "jt", "q", "j?x"] {
            var typed = Session(library: SampleArticles.library(), size: Size(width: 120, height: 40))
            var pasted = typed
            typed.type(text)
            pasted.send(.text(text))
            XCTAssertEqual(typed.state, pasted.state, text)
        }
        var typed = Session(library: SampleArticles.library(), size: Size(width: 120, height: 40))
        var pasted = typed
        typed.type("jj/cable")
        pasted.send(.text("jj/cable"))
        XCTAssertEqual(typed.state.browse, pasted.state.browse)
        XCTAssertEqual(typed.state.prompt, pasted.state.prompt)
        XCTAssertEqual(typed.state.focus, pasted.state.focus)
        XCTAssertEqual(typed.state.reader.open?.article.id, pasted.state.reader.open?.article.id)
        XCTAssertEqual(typed.state.reader.scroll, pasted.state.reader.scroll)
        XCTAssertEqual(typed.screen.lines, pasted.screen.lines)
    }
}
