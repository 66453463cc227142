@testable import CableUI
import CableCore
import XCTest

/// Issue 15's habits, through keys: previews, search matches, sorting, marking all read
/// and undoing it, the user's own tags, saved searches, the story timeline and live changes.
final class ReaderHabitsTests: XCTestCase {
    var library = SampleArticles.library()

    func session(_ width: Int = 120, _ height: Int = 40, settings: Settings = Settings()) -> Session {
        library = SampleArticles.library()
        return Session(library: library, size: Size(width: width, height: height),
                       state: AppState(size: Size(width: width, height: height), settings: settings))
    }

    // MARK: Preview

    func testTheReadingPaneFollowsTheSelectionAndReadsAfterTheDelay() {
        var s = session()
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.baltic.id, "the newest, without a key")
        XCTAssertEqual(s.state.reader.open?.isPreview, true)
        XCTAssertFalse(library.isRead(SampleArticles.baltic.id))
        s.type("j")
        let second = s.state.browse.list.selected?.id
        XCTAssertEqual(s.state.reader.open?.article.id, second)
        XCTAssertEqual(s.state.focus, .list, "moving the selection leaves the focus on the list")
        // The first preview's timer runs out after the selection left it: it stays unread.
        s.fireTimers()
        XCTAssertFalse(library.isRead(SampleArticles.baltic.id))
        XCTAssertTrue(library.isRead(second!), "the preview still shown is read once its delay is up")
        XCTAssertTrue(s.state.reader.history.back.isEmpty, "previews are not history")
    }

    func testAMarkReadDelayOfZeroReadsAtOnceAndNoneNever() {
        var settings = Settings()
        settings.markReadDelay = 0
        var s = session(settings: settings)
        XCTAssertTrue(library.isRead(SampleArticles.baltic.id))
        settings.markReadDelay = nil
        s = session(settings: settings)
        s.type("j")
        s.fireTimers()
        XCTAssertTrue(s.timers.isEmpty)
        XCTAssertFalse(library.isRead(SampleArticles.baltic.id))
        s.type("\n")
        XCTAssertTrue(library.isRead(s.state.browse.list.selected!.id), "opening still reads")
    }

    func testANumberTypedRightAfterAFilterIsForTheNewFirstArticle() {
        var s = session()
        s.holdsEffects = true
        s.type("tnato\n1")
        s.runHeldEffects()
        // NATO's newest is the Baltic article (its first related headline: the patrols).
        XCTAssertEqual(s.state.browse.tags, ["NATO"])
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.patrols.id)
    }

    // MARK: Search where it matched

    func testSearchMatchesAreHighlightedAndMatchKeysMoveBetweenThem() throws {
        var s = session(120, 12)
        s.type("/anchor\n")
        let open = try XCTUnwrap(s.state.reader.open)
        XCTAssertEqual(open.article.id, SampleArticles.baltic.id)
        let document = try XCTUnwrap(s.state.reader.layout?.document)
        XCTAssertFalse(document.matchLines.isEmpty)
        let spans = document.lines.flatMap { $0 }.filter { $0.style.role == .match }
        XCTAssertEqual(spans.map { $0.text.lowercased() }, ["anchor"])
        XCTAssertTrue(s.screen.text.contains("anchor"))
        s.type(">")
        XCTAssertEqual(s.state.status.message, "No more matches below")
        s.type("<")
        XCTAssertEqual(s.state.status.message, "No more matches above")
    }

    func testAPhraseIsFoundAcrossPunctuationAndAccentsLikeTheIndexFoldsThem() {
        let terms = SearchTerms(try! Query.parse("\"baltic sea\" cafe"))
        let text = "In the Baltic, sea ice; the CAFÉ stayed open. Baltic Sea states met."
        let found = terms.ranges(in: text).map { String(text[$0]) }
        XCTAssertEqual(found, ["Baltic, sea", "CAFÉ", "Baltic Sea"])
        XCTAssertTrue(SearchTerms(try! Query.parse("-cable tag:x")).isEmpty, "only what the text must hold")
    }

    // MARK: Sort, mark all read, undo

    func testTheSortKeyCyclesOrdersAndTheTitleSaysWhich() {
        var s = session()
        s.type("O")
        XCTAssertEqual(s.state.browse.order, .oldest)
        XCTAssertEqual(s.state.browse.list.selected?.id, SampleArticles.huawei.id, "oldest dated first")
        XCTAssertTrue(s.screen.lines[0].contains("Articles · oldest first"), s.screen.lines[0])
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.huawei.id, "the pane follows")
        s.type("OO")
        XCTAssertEqual(s.state.browse.order, .source)
        XCTAssertTrue(s.screen.text.contains("Northern Wire"))
    }

    // MARK: The article's web page

    func testOOpensTheSelectedOrOpenArticlesAddressAndSaysWhenThereIsNone() {
        var s = session()
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.baltic.id)
        s.type("o")
        XCTAssertEqual(s.openedAddresses, [SampleArticles.baltic.url].compactMap { $0 })
        XCTAssertEqual(s.state.browse.order, .newest, "o no longer sorts")
        s.type("j")
        XCTAssertNil(s.state.browse.list.selected?.url)
        s.type("o")
        XCTAssertEqual(s.openedAddresses.count, 1, "nothing to open")
        XCTAssertEqual(s.state.status.message, "No web address for this article: its page does not give one")
        XCTAssertTrue(s.state.status.isError)
        s.type("k\n")
        XCTAssertEqual(s.state.focus, .reader)
        s.type("o")
        XCTAssertEqual(s.openedAddresses.count, 2, "the open article's, from the reading pane")
    }

    func testTheReadingPaneShowsTheOutletAndTheAddress() {
        let s = session()
        let text = s.screen.text
        XCTAssertTrue(text.contains("7 Mar 2024 09:41 UTC · Northern Wire"), text)
        XCTAssertTrue(text.contains("https://www.northernwire.example/2024/03/07/"), text)
    }

    func testMarkAllReadInTheFilterAndUndo() {
        var s = session()
        s.type("tnato\n")
        s.type("A")
        let nato = [SampleArticles.baltic, SampleArticles.patrols, SampleArticles.drones].map(\.id)
        XCTAssertTrue(nato.allSatisfy(library.isRead))
        XCTAssertFalse(library.isRead(SampleArticles.huawei.id), "only the filter")
        XCTAssertEqual(s.state.status.message, "Marked 3 articles read (u undoes)")
        XCTAssertFalse(s.screen.lines[0].contains("unread"))
        s.type("u")
        XCTAssertTrue(nato.allSatisfy { !library.isRead($0) })
        XCTAssertEqual(s.state.status.message, "Undone: marking 3 articles read")
        XCTAssertTrue(s.screen.lines[0].contains("3 unread"), s.screen.lines[0])
        s.type("u")
        XCTAssertEqual(s.state.status.message, "Nothing to undo")
    }

    // MARK: The user's own tags

    func testAddingAnOwnTagCompletesFromTheLibraryAndShowsItApart() {
        var s = session()
        s.type("+")
        guard case .userTag(let prompt) = s.state.prompt else { return XCTFail("no tag prompt") }
        XCTAssertTrue(prompt.adding)
        s.type("hua")
        XCTAssertEqual(s.state.userTagCandidates.map(\.tag), ["Huawei"])
        s.press([.down, .enter])
        XCTAssertEqual(try library.marks(SampleArticles.baltic.id).tags, ["Huawei"])
        XCTAssertEqual(s.state.reader.open?.userTags, ["Huawei"])
        XCTAssertTrue(s.screen.text.contains("Your tags: Huawei"))
        // A new tag is what was typed.
        s.type("+follow up\n")
        XCTAssertEqual(try library.marks(SampleArticles.baltic.id).tags, ["Huawei", "follow up"])
        // Removing offers only the user's own.
        s.type("-")
        XCTAssertEqual(s.state.userTagCandidates.map(\.tag), ["Huawei", "follow up"])
        s.type("fol\n")
        XCTAssertEqual(try library.marks(SampleArticles.baltic.id).tags, ["Huawei"])
        s.type("u")
        XCTAssertEqual(try library.marks(SampleArticles.baltic.id).tags, ["Huawei", "follow up"])
    }

    // MARK: Saved searches and the story timeline

    func testASavedSearchIsChosenFromItsPickerAndTheSidebar() {
        var settings = Settings()
        settings.savedSearches = [SavedSearch(name: "Five Eyes", query: "huawei"),
                                  SavedSearch(name: "Drones", query: "tag:drones")]
        var s = session(settings: settings)
        s.type("Fdro\n")
        XCTAssertEqual(s.state.browse.search, "tag:drones")
        XCTAssertEqual(s.state.browse.list.total, 1)
        XCTAssertTrue(SidebarModel(s.state).selectable.contains(.search(settings.savedSearches[0])))
    }

    func testTheStoryTimelineListsTheLinkedArticlesByDateAndOpensOne() throws {
        var s = session()
        s.type("S")
        XCTAssertEqual(s.state.view, .story)
        let entries = try XCTUnwrap(s.state.story.story?.entries)
        // Its related headlines in the library (the patrols and the drones), by date.
        XCTAssertEqual(entries.map(\.id), [SampleArticles.drones.id, SampleArticles.patrols.id,
                                            SampleArticles.baltic.id])
        XCTAssertEqual(entries[s.state.story.cursor].id, SampleArticles.baltic.id, "starts on this article")
        XCTAssertTrue(s.screen.text.contains("Story: Baltic Cables Found"))
        s.type("k\n")
        XCTAssertEqual(s.state.view, .panes)
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.patrols.id)
        XCTAssertEqual(s.state.focus, .reader)
    }

    // MARK: Keys from the config, live changes

    func testABoundKeyReplacesTheDefaultAndCtrlCStillQuits() {
        var settings = Settings()
        settings.keymap.bind(.quit, to: [.character("x")])
        var s = session(settings: settings)
        s.type("q")
        XCTAssertFalse(s.state.quitting)
        s.type("x")
        XCTAssertTrue(s.state.quitting)
        XCTAssertEqual(Keymap.defaults.command(for: .control("c"), in: .story), .quit)
        // Taking a key from another command leaves that one without it.
        var keymap = Keymap.defaults
        XCTAssertEqual(keymap.bind(.story, to: [.character("j")]), [.down])
        XCTAssertEqual(keymap.keys(for: .down), [.down])
    }

    /// A damaged index met while browsing: said in the status line and remembered, so that
    /// the index is set aside when the reader quits (the next start rebuilds it).
    func testADamagedIndexIsSaidAndRemembered() {
        var s = session()
        s.send(.library(.indexDamaged))
        XCTAssertTrue(s.state.indexDamaged)
        XCTAssertEqual(s.state.status.message, AppState.indexDamagedMessage)
        XCTAssertTrue(s.screen.lines.joined().contains("The index is damaged"), "on screen")
        s.type("j")
        XCTAssertTrue(s.state.indexDamaged, "still known after a key")
    }

    func testALibraryChangeKeepsTheSelectionOnItsArticleAndTheRowsOnScreen() {
        var s = session()
        s.type("jj")
        let selected = s.state.browse.list.selected?.id
        s.holdsEffects = true
        s.send(.library(.changed))
        XCTAssertFalse(s.state.browse.list.rows.isEmpty, "the old rows stay until the new ones come")
        s.runHeldEffects()
        XCTAssertEqual(s.state.browse.list.selected?.id, selected)
        XCTAssertEqual(s.state.reader.open?.article.id, selected)
    }

    func testNewerArticlesSyncedInKeepTheSelectionOrTheFirstScreenShowsTheNewest() {
        let day = { (n: Int) in Date(timeIntervalSince1970: 1_600_000_000 + Double(n) * 86_400) }
        let old = (0..<20).map { SampleArticles.make("Old \($0)", nil, paragraphs: ["Old."], tags: []).with(published: day($0)) }
        let library = InMemoryLibrary(old)
        var s = Session(library: library, size: Size(width: 120, height: 40))
        s.type("jj")
        let selected = s.state.browse.list.selected?.id
        // A few newer articles: the selection follows its article down the list.
        library.add((100..<105).map { SampleArticles.make("New \($0)", nil, paragraphs: ["New."], tags: []).with(published: day($0)) })
        s.send(.library(.changed))
        XCTAssertEqual(s.state.browse.list.cursor, 7)
        XCTAssertEqual(s.state.browse.list.selected?.id, selected)
        XCTAssertEqual(s.state.reader.open?.article.id, selected)
        // So many that it leaves the rows on hand (a large first sync): the pane shows what is
        // now selected rather than an article the list no longer shows there.
        library.add((200..<500).map { SampleArticles.make("Newer \($0)", nil, paragraphs: ["Newer."], tags: []).with(published: day($0)) })
        s.send(.library(.changed))
        XCTAssertEqual(s.state.reader.open?.article.id, s.state.browse.list.selected?.id)
    }

    func testTheArticleOfTheLastSessionComesBackAsItWasLeft() {
        var state = AppState(size: Size(width: 120, height: 40))
        state.browse.list.cursor = 2
        state.reader.opening = SampleArticles.tokyo.id
        state.reader.scroll = 0
        let s = Session(library: library, size: state.size, state: state)
        XCTAssertEqual(s.state.reader.open?.article.id, SampleArticles.tokyo.id)
        XCTAssertEqual(s.state.reader.open?.isPreview, false)
        XCTAssertEqual(s.state.browse.list.cursor, 2)
        XCTAssertFalse(library.isRead(SampleArticles.tokyo.id), "coming back is not reading it again")
    }
}
