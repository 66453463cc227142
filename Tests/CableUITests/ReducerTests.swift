@testable import CableUI
import CableCore
import XCTest

/// Behaviour through keys: each test presses keys on a session over an in-memory library
/// and checks the state and what the library was told.
final class ReducerTests: XCTestCase {
    var library = SampleArticles.library()

    func session(_ width: Int = 120, _ height: Int = 40) -> Session {
        library = SampleArticles.library()
        return Session(library: library, size: Size(width: width, height: height))
    }

    func testStartLoadsTheFirstWindowAndCounts() {
        let s = session()
        XCTAssertEqual(s.state.browse.list.total, 6)
        XCTAssertEqual(s.state.browse.libraryTotal, 6)
        XCTAssertEqual(s.state.browse.list.selected?.id, SampleArticles.baltic.id)
        XCTAssertFalse(s.state.browse.filterTags.isEmpty)
    }

    func testOpeningAnArticleMarksItRead() {
        var s = session()
        XCTAssertTrue(s.state.browse.list.rows[0].unread)
        s.type("\n")
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.baltic.id)
        XCTAssertTrue(library.isRead(SampleArticles.baltic.id))
        XCTAssertFalse(s.state.browse.list.rows[0].unread)
    }

    func testEnterOnTheOpenArticleReadsItAgain() {
        var s = session()
        s.type("\n")
        XCTAssertEqual(s.state.focus, .reader, "Enter opens into the article")
        s.type("r")
        XCTAssertFalse(library.isRead(SampleArticles.baltic.id))
        s.press([.escape])
        XCTAssertEqual(s.state.focus, .list, "Esc goes back to the list")
        s.type("\n")  // Enter on the same row
        XCTAssertTrue(library.isRead(SampleArticles.baltic.id))
        XCTAssertFalse(s.state.browse.list.rows[0].unread)
    }

    func testNumberOpensTheNthRelatedHeadline() {
        var s = session()
        s.type("\n2")
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.drones.id)
    }

    func testANumberTypedBeforeTheArticleArrivesIsMeantForIt() {
        var s = session()
        s.holdsEffects = true
        // Enter and 2 come in before the library answers (as in a fast terminal).
        s.type("\n2")
        XCTAssertNil(s.state.status.message)
        s.runHeldEffects()
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.drones.id)
        // With an article shown, a number typed while another is on its way is for the new one.
        s.holdsEffects = true
        s.type("[")
        s.type("2")
        s.runHeldEffects()
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.drones.id, "2 of the Baltic article again")
        XCTAssertEqual(s.state.reader.history.back.map(\.id), [SampleArticles.baltic.id])
    }

    func testUnresolvedRelatedHeadlineShowsAMessage() {
        var s = session()
        s.type("\n3")
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.baltic.id)
        XCTAssertEqual(s.state.status.message, "[3] is not in the library: Cable Repairs Could Take Weeks, Operator Says - Reports")
        s.type("9")
        XCTAssertEqual(s.state.status.message, "This article has 3 related headlines")
    }

    func testHistoryGoesBackAndForwardLikeABrowser() {
        var s = session()
        s.type("\n1")  // baltic -> patrols
        s.type("1")    // patrols -> baltic
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.baltic.id)
        s.type("[")
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.patrols.id)
        s.type("[")
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.baltic.id)
        s.type("[")
        XCTAssertEqual(s.state.status.message, "No earlier article")
        s.type("]]")
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.baltic.id)
        XCTAssertEqual(s.state.reader.history.forward, [])
        // A new jump after going back drops the forward history.
        s.type("[")
        XCTAssertEqual(s.state.reader.history.forward.count, 1)
        s.type("1")
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.baltic.id)
        XCTAssertTrue(s.state.reader.history.forward.isEmpty)
    }

    func testHistoryRestoresTheScrollPosition() {
        var s = session(120, 12)
        s.type("\n")
        s.press([.down, .down, .down])
        XCTAssertEqual(s.state.reader.scroll, 3)
        s.type("1")
        XCTAssertEqual(s.state.reader.scroll, 0)
        s.type("[")
        XCTAssertEqual(s.state.reader.scroll, 3)
    }

    func testTagPromptNarrowsPrefixFirstThenSubstring() {
        let tags = [TagCount(tag: "US", count: 9), TagCount(tag: "Russia", count: 5),
                    TagCount(tag: "undersea cables", count: 3), TagCount(tag: "Huawei", count: 2)]
        let names = TagMatcher.candidates(tags, input: "us", excluding: []).map(\.tag)
        XCTAssertEqual(names, ["US", "Russia"])
        XCTAssertEqual(TagMatcher.candidates(tags, input: "u", excluding: ["US"]).map(\.tag),
                       ["undersea cables", "Russia", "Huawei"])
    }

    func testTagFilterWithTAndAnotherTagNarrowsFurtherAndTClears() {
        var s = session()
        s.type("tnato\n")
        XCTAssertEqual(s.state.browse.tags, ["NATO"])
        XCTAssertEqual(s.state.browse.list.total, 3)
        s.type("testo\n")
        XCTAssertEqual(s.state.browse.tags, ["NATO", "Estonia"])
        XCTAssertEqual(s.state.browse.list.total, 2)
        s.type("T")
        XCTAssertEqual(s.state.browse.tags, [])
        XCTAssertEqual(s.state.browse.list.total, 6)
    }

    func testTagPromptChoosesWithArrowsAndCancelsWithEscape() {
        var s = session()
        s.type("t")
        s.press([.down])
        guard case .tag(let prompt) = s.state.prompt else { return XCTFail("no tag prompt") }
        XCTAssertEqual(prompt.selection, 1)
        s.press([.escape])
        XCTAssertNil(s.state.prompt)
        XCTAssertEqual(s.state.browse.tags, [])
        s.type("tzzz\n")
        XCTAssertEqual(s.state.status.message, "No tag matches 'zzz'")
    }

    func testSearchIsLiveAndEscapeRestoresThePreviousFilter() {
        var s = session()
        s.type("/baltic")
        XCTAssertEqual(s.state.browse.list.total, 3)
        s.type("\n")
        XCTAssertNil(s.state.prompt)
        XCTAssertEqual(s.state.browse.search, "baltic")
        // `/` shows the search selected: typing replaces it, → keeps it to edit.
        s.type("/")
        s.press([.right])
        s.type(" huawei")
        XCTAssertEqual(s.state.browse.list.total, 0)
        s.press([.escape])
        XCTAssertEqual(s.state.browse.search, "baltic")
        XCTAssertEqual(s.state.browse.list.total, 3)
    }

    func testABadQueryShowsItsErrorAndKeepsThePreviousList() {
        var s = session()
        s.type("/cable is:nonsense")
        guard case .search(let prompt) = s.state.prompt else { return XCTFail("no search prompt") }
        XCTAssertEqual(prompt.error, "column 10: 'is:nonsense' is not known (use unread, read, starred, unstarred)")
        // Not the last prefix that parsed ("cable is", a search for two words): the list from
        // before the prompt, marked as such.
        XCTAssertEqual(s.state.browse.search, "")
        XCTAssertEqual(s.state.browse.list.total, 6)
        XCTAssertTrue(s.screen.lines[0].contains("(query incomplete) Articles"), s.screen.lines[0])
        s.type("\n")
        XCTAssertNotNil(s.state.prompt, "Enter on a bad query keeps the prompt open")
        XCTAssertTrue(s.screen.lines.last?.contains("is not known") ?? false)
        // On a narrow screen the input stays in view and the error takes what is left.
        s.send(.resize(Size(width: 50, height: 12)))
        XCTAssertEqual(s.screen.lines.last, "/cable is:nonsense   column 10: 'is:nonsense' is …")
    }

    func testQuoteViewFiltersBySpeakerAndOpensTheArticleAtTheQuote() throws {
        var s = session(120, 12)
        s.type("\"")
        XCTAssertTrue(s.state.view == .quotes)
        XCTAssertEqual(s.state.quotes.list.total, 5)
        s.type("sozols\n")
        XCTAssertEqual(s.state.quotes.speaker, "ozols")
        XCTAssertEqual(s.state.quotes.list.total, 1)
        s.type("\n")
        XCTAssertFalse(s.state.view == .quotes)
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.patrols.id)
        XCTAssertEqual(s.state.focus, .reader)
        // Scrolled towards the quote's paragraph (as far as the article's length allows).
        XCTAssertGreaterThan(s.state.reader.scroll, 0)
        XCTAssertTrue(s.screen.text.contains("\"Critical infrastructure at sea"))
        // On a long enough article the paragraph comes to the top.
        s.type("\"s")
        s.press([.control("u")])
        s.type("laakso\n\n")
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.baltic.id)
        let document = ReaderDocument(try XCTUnwrap(s.state.reader.open), width: Reducer(state: s.state).readerWidth)
        XCTAssertEqual(document.lines[s.state.reader.scroll].first?.text.hasPrefix("\"We are treating"), true)
    }

    func testQuoteViewFollowsTheFilter() {
        var s = session()
        s.type("thuawei\n\"")
        XCTAssertEqual(s.state.quotes.list.total, 1)
        XCTAssertEqual(s.state.quotes.list.selected?.speaker, "Dana Whitfield")
        s.type("q")
        XCTAssertFalse(s.state.view == .quotes, "q closes the quote view first")
        XCTAssertFalse(s.state.quitting)
        s.type("q")
        XCTAssertTrue(s.state.quitting)
    }

    func testNextUnreadSkipsReadArticles() {
        var s = session()
        s.type("j\n")  // read the second
        s.type("g")
        s.type("n")
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.drones.id)
        XCTAssertEqual(s.state.browse.list.cursor, 2)
    }

    func testReadAndStarTogglesReachTheLibrary() {
        var s = session()
        s.type("s")
        XCTAssertTrue(library.isStarred(SampleArticles.baltic.id))
        XCTAssertTrue(s.state.browse.list.rows[0].starred)
        s.type("r")
        XCTAssertTrue(library.isRead(SampleArticles.baltic.id))
        s.type("r")
        XCTAssertFalse(library.isRead(SampleArticles.baltic.id))
        s.type("s")
        XCTAssertFalse(library.isStarred(SampleArticles.baltic.id))
    }

    func testFocusCyclesAndSidebarEnterAddsATag() {
        var s = session()
        s.press([.tab])
        XCTAssertEqual(s.state.focus, .reader)
        s.press([.tab])
        XCTAssertEqual(s.state.focus, .sidebar)
        // Related (3) + similar (2) + linked from (1), then the article's first tag.
        s.press(Array(repeating: .down, count: 6))
        s.type("\n")
        XCTAssertEqual(s.state.browse.tags, ["Baltic Sea"])
        XCTAssertEqual(s.state.focus, .list)
        s.press([.backTab])
        XCTAssertEqual(s.state.focus, .sidebar)
    }

    func testOpeningOnANarrowScreenBringsTheReadingPane() {
        var s = session(50, 16)
        s.type("\n")
        XCTAssertEqual(s.state.focus, .reader)
        XCTAssertTrue(s.screen.lines[1].contains("Baltic Cables Found"))
        s.press([.backTab])
        XCTAssertEqual(s.state.focus, .list)
        // With only the list on screen, Space and PgDn page the list.
        s.press([.pageDown])
        XCTAssertEqual(s.state.browse.list.cursor, 5)
    }

    func testOpeningFromTheSidebarAt80ColumnsShowsTheArticle() {
        var s = session(80, 24)
        s.press([.tab, .tab])
        XCTAssertEqual(s.state.focus, .sidebar)
        s.type("\n")  // the first related headline
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.patrols.id)
        XCTAssertEqual(s.state.focus, .reader)
        XCTAssertNotNil(Layout(s.state).reader)
    }

    func testArrowsAndHLMoveBetweenPanes() {
        var s = session()
        s.press([.right])
        XCTAssertEqual(s.state.focus, .reader)
        s.type("l")
        XCTAssertEqual(s.state.focus, .sidebar)
        s.press([.left])
        s.type("h")
        XCTAssertEqual(s.state.focus, .list)
    }

    func testHelpClosesOnAnyKey() {
        var s = session()
        s.type("?")
        XCTAssertTrue(s.state.showHelp)
        s.type("j")
        XCTAssertFalse(s.state.showHelp)
        XCTAssertEqual(s.state.browse.list.cursor, 0, "the key that closes help does nothing else")
    }

    func testResizeBelowTheMinimumAndBackKeepsTheState() {
        var s = session()
        s.type("jj\n")
        s.send(.resize(Size(width: 30, height: 8)))
        XCTAssertEqual(s.screen.lines.filter { !$0.isEmpty }.map { $0.trimmingCharacters(in: .whitespaces) },
                       ["Terminal too small (need", "40x10)"])
        s.send(.resize(Size(width: 120, height: 40)))
        XCTAssertEqual(s.state.browse.list.cursor, 2)
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.drones.id)
    }

    func testHeldEffectsLeaveTheScreenAnsweringAndFillInLater() {
        var s = session()
        s.holdsEffects = true
        s.type("j")
        let second = s.state.browse.list.selected?.id
        XCTAssertNotNil(second)
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.baltic.id, "nothing ran yet")
        XCTAssertEqual(s.heldEffects, [.loadArticle(second!, .preview), .loadRelated(second!)])
        s.runHeldEffects()
        XCTAssertEqual(s.state.reader.open?.article.id, second)
        XCTAssertEqual(s.timers.last, .previewRead(second!))
        XCTAssertFalse(library.isRead(second!), "a preview is not read before its delay")
        s.type("tnato\n")
        XCTAssertTrue(s.screen.text.contains("Loading…"))
        s.runHeldEffects()
        XCTAssertEqual(s.state.browse.list.total, 3)
        XCTAssertTrue(s.screen.text.contains("3 of 6"))
    }

    func testTheArticleShowsBeforeItsRelatedStories() {
        var s = session()
        s.holdsEffects = true
        s.send(.reader(.articleLoaded(SampleArticles.patrols, ArticleMarks(), .open(paragraph: nil, scroll: nil))))
        XCTAssertTrue(s.screen.text.contains("loading…"))
        // A number typed before the related stories arrive is kept for them.
        s.type("1")
        XCTAssertEqual(s.state.reader.pendingRelated, 1)
        XCTAssertFalse(s.heldEffects.contains(.loadArticle(SampleArticles.baltic.id, .open(paragraph: nil, scroll: nil))))
        s.send(.reader(.relatedLoaded(try! library.related(SampleArticles.patrols.id))))
        XCTAssertTrue(s.heldEffects.contains(.loadArticle(SampleArticles.baltic.id, .open(paragraph: nil, scroll: nil))))
        XCTAssertNil(s.state.reader.pendingRelated)
    }

    func testALaterQuerySupersedesAnEarlierOneButMarksAreKept() {
        let old = Effect.loadList(ListSource(query: .all), offset: 0, limit: 60)
        XCTAssertTrue(old.isSuperseded(by: .loadList(ListSource(query: Query(clauses: [.word("x", negated: false)])),
                                                     offset: 0, limit: 60)))
        XCTAssertFalse(old.isSuperseded(by: .countList(.all)))
        let mark = Effect.setRead([SampleArticles.baltic.id], true)
        XCTAssertFalse(mark.isSuperseded(by: .setRead([SampleArticles.baltic.id], false)))
    }

    func testALibraryChangeReloadsWithoutLosingThePlace() {
        var s = session()
        s.type("jjj")
        s.send(.library(.progress("Syncing 3 of 9 files…")))
        XCTAssertTrue(s.screen.lines.last?.contains("Syncing 3 of 9 files…") ?? false)
        s.send(.library(.progress(nil)))
        s.send(.library(.changed))
        XCTAssertEqual(s.state.browse.list.cursor, 3)
        XCTAssertEqual(s.state.browse.list.total, 6)
        XCTAssertEqual(s.state.browse.list.selected?.id, SampleArticles.tokyo.id)
    }

    func testALibraryChangeDoesNotMarkTheOpenArticleReadAgain() {
        var s = session()
        s.type("\n")
        XCTAssertTrue(library.isRead(SampleArticles.baltic.id))
        // The reading pane has the focus after opening: `r` marks the open article unread.
        s.type("r")
        XCTAssertFalse(library.isRead(SampleArticles.baltic.id))
        s.send(.library(.changed))
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.baltic.id)
        XCTAssertFalse(library.isRead(SampleArticles.baltic.id))
        XCTAssertEqual(s.state.browse.marks[SampleArticles.baltic.id]?.read, false)
        XCTAssertTrue(s.state.browse.list.rows[0].unread)
        // A reload neither cancels nor undoes opening another article.
        let opening = Effect.loadArticle(SampleArticles.tokyo.id, .open(paragraph: nil, scroll: nil))
        XCTAssertFalse(opening.isSuperseded(by: .loadArticle(SampleArticles.baltic.id, .reload(scroll: 0))))
        XCTAssertFalse(Effect.loadRelated(SampleArticles.tokyo.id)
            .isSuperseded(by: .loadRelated(SampleArticles.baltic.id, reload: true)))
        XCTAssertTrue(Effect.loadRelated(SampleArticles.tokyo.id)
            .isSuperseded(by: .loadRelated(SampleArticles.baltic.id)))
        s.send(.reader(.articleLoaded(SampleArticles.tokyo, ArticleMarks(), .open(paragraph: nil, scroll: nil))))
        s.send(.reader(.articleLoaded(SampleArticles.baltic, ArticleMarks(), .reload(scroll: 0))))
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.tokyo.id)
    }

    func testTheReaderLayoutIsKeptPerArticleAndWidth() throws {
        var s = session()
        s.type("\n")
        let open = try XCTUnwrap(s.state.reader.open)
        let layout = try XCTUnwrap(s.state.reader.layout)
        let width = Reducer(state: s.state).readerWidth
        XCTAssertEqual(layout.id, open.article.id)
        XCTAssertEqual(layout.width, width)
        XCTAssertEqual(layout.document, ReaderDocument(open, width: width))
        // Scrolling keeps it; a new width lays it out again at that width.
        s.type("jj")
        XCTAssertEqual(s.state.reader.layout, layout)
        s.send(.resize(Size(width: 200, height: 60)))
        let wider = Reducer(state: s.state).readerWidth
        XCTAssertNotEqual(wider, width)
        XCTAssertEqual(s.state.reader.layout?.width, wider)
        XCTAssertEqual(s.state.reader.layout?.document, ReaderDocument(open, width: wider))
        // Another article replaces it.
        s.type("2")
        XCTAssertEqual(s.state.reader.layout?.id, SampleArticles.drones.id)
    }

    func testAQuoteSaidTwiceInAParagraphIsHighlightedTwice() {
        let terms = SearchTerms(.all)
        let spans = ReaderDocument.styled("He said “no”, and later “no” again; “maybe” too.", base: .plain,
                                          quotes: ["no", "no", "maybe"], terms: terms)
        XCTAssertEqual(spans.filter { $0.style == .quote }.map(\.text), ["“no”", "“no”", "“maybe”"])
        // Out of order still finds each once.
        let reversed = ReaderDocument.styled("First “a b”, then “c d”.", base: .plain, quotes: ["c d", "a b"],
                                             terms: terms)
        XCTAssertEqual(reversed.filter { $0.style == .quote }.map(\.text), ["“a b”", "“c d”"])
    }

    func testAnEmptyLibraryWhileIndexingSaysSo() {
        library = InMemoryLibrary([])
        var s = Session(library: library, size: Size(width: 120, height: 40))
        XCTAssertTrue(s.screen.text.contains("No articles yet"))
        s.send(.library(.progress("Syncing 1 of 9 files…")))
        XCTAssertTrue(s.screen.text.contains("Indexing the library…"))
    }

    func testEveryHelpEntryIsAKeyThatDoesSomething() {
        // Every key bound on a screen means a command there, and every command of a screen
        // has a key by default.
        let keymap = Keymap.defaults
        for context in KeyContext.allCases {
            for command in context.commands {
                XCTAssertFalse(keymap.keys(for: command).isEmpty, "\(command) has no key")
                for key in keymap.keys(for: command) {
                    XCTAssertNotNil(keymap.command(for: key, in: context), "\(key) in \(context)")
                }
            }
        }
    }
}

/// The list holds only a window of rows around the cursor, however long it is.
final class WindowedListTests: XCTestCase {
    static let many: [Article] = (0..<5_000).map { index in
        let day = Date(timeIntervalSince1970: 1_600_000_000 + Double(index) * 3_600)
        return SampleArticles.make("Synthetic story number \(index)", nil, paragraphs: ["Body \(index)."],
                                   tags: index % 2 == 0 ? ["even"] : ["odd"])
            .with(published: day)
    }

    func testMovingThroughALongListKeepsOnlyAWindow() {
        let library = InMemoryLibrary(Self.many)
        var s = Session(library: library, size: Size(width: 120, height: 40))
        XCTAssertEqual(s.state.browse.list.total, 5_000)
        XCTAssertLessThanOrEqual(s.state.browse.list.rows.count, 120)
        s.type("G")
        XCTAssertEqual(s.state.browse.list.cursor, 4_999)
        XCTAssertEqual(s.state.browse.list.selected?.title, "Synthetic story number 0")
        XCTAssertLessThanOrEqual(s.state.browse.list.rows.count, 120)
        XCTAssertTrue(s.screen.text.contains("Synthetic story number 0"))
        s.press(Array(repeating: .control("b"), count: 10))
        XCTAssertEqual(s.state.browse.list.cursor, 4_999 - 380)
        XCTAssertNotNil(s.state.browse.list.selected, "the window follows the cursor")
        s.type("g")
        XCTAssertEqual(s.state.browse.list.selected?.title, "Synthetic story number 4999")
        XCTAssertTrue(s.screen.text.contains("5,000"))
    }

    func testNextUnreadLooksBeyondTheWindow() {
        let library = InMemoryLibrary(Self.many)
        let ids = Self.many.map(\.id).filter { $0 != Self.many[0].id }
        try? library.setRead(ids, true)
        var s = Session(library: library, size: Size(width: 120, height: 40))
        s.type("n")
        XCTAssertEqual(s.state.reader.open?.article.id, Self.many[0].id)
        XCTAssertEqual(s.state.browse.list.cursor, 4_999)
        s.type("gn")
        XCTAssertEqual(s.state.status.message, "No unread articles in this list")
    }
}

extension Article {
    func with(published: Date) -> Article {
        var copy = self
        copy.published = published
        return copy
    }
}
