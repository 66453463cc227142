@testable import CableUI
import CableCore
import XCTest

/// The background worker the terminal loop uses: results come back through the mailbox,
/// in order, and a query superseded while queued is not run.
final class EffectWorkerTests: XCTestCase {
    func testResultsComeBackThroughTheMailbox() throws {
        let library = SampleArticles.library()
        let mailbox = Mailbox()
        let worker = EffectWorker(runner: EffectRunner(library: library), mailbox: mailbox)
        worker.submit([.countList(.all), .setRead([SampleArticles.baltic.id], true)])
        XCTAssertTrue(worker.waitUntilIdle(timeout: 10))
        let actions = mailbox.take()
        guard case .browse(.listCounted(_, let total))? = actions.first else { return XCTFail("\(actions)") }
        XCTAssertEqual(total, 6)
        XCTAssertTrue(library.isRead(SampleArticles.baltic.id))
        XCTAssertFalse(worker.isBusy)
    }

    func testAnOlderQueryStillQueuedIsDroppedButMarksAreNot() throws {
        let library = SampleArticles.library()
        let mailbox = Mailbox()
        let worker = EffectWorker(runner: EffectRunner(library: library), mailbox: mailbox)
        let typed = ["c", "ca", "cab", "cable"].map { Query(clauses: [.word($0, negated: false)]) }
        // As typing a search does: one list per key, all queued before the worker gets to them.
        worker.submit(typed.map { .loadList(ListSource(query: $0), offset: 0, limit: 60) }
            + [.setRead([SampleArticles.tokyo.id], true)])
        XCTAssertTrue(worker.waitUntilIdle(timeout: 10))
        let lists = mailbox.take().compactMap { action -> Query? in
            if case .browse(.listLoaded(let source, _, _)) = action { return source.query }
            return nil
        }
        XCTAssertEqual(lists, [typed[3]])
        XCTAssertEqual(worker.skipped, 3)
        XCTAssertTrue(library.isRead(SampleArticles.tokyo.id))
    }

    func testALoopOverTheWorkerEndsWhereTheSynchronousSessionDoes() throws {
        // The same keys through held effects and the worker give the same state as running
        // effects at once.
        let keys = Key.sequence("tnato\n\n1[\"j")
        var direct = Session(library: SampleArticles.library(), size: Size(width: 120, height: 40))
        direct.press(keys)
        var held = Session(library: SampleArticles.library(), size: Size(width: 120, height: 40))
        held.holdsEffects = true
        let mailbox = Mailbox()
        let worker = EffectWorker(runner: held.runner, mailbox: mailbox)
        for key in keys {
            held.send(.key(key))
            // Drain like the loop does between keys, until nothing more is asked for.
            repeat {
                worker.submit(held.takeHeldEffects())
                XCTAssertTrue(worker.waitUntilIdle(timeout: 10))
                for action in mailbox.take() { held.send(action) }
            } while !held.heldEffects.isEmpty
        }
        XCTAssertEqual(held.state.reader.open?.article.id, direct.state.reader.open?.article.id)
        XCTAssertEqual(held.state.browse.tags, ["NATO"])
        XCTAssertEqual(held.screen.lines, direct.screen.lines)
    }

    /// The loop draws a new mark only after this returns true: it waits for the mark (and
    /// what was queued before it), not for queries submitted after it, and gives up in time.
    func testWaitUntilMarksSavedReturnsOnceTheMarkIsSaved() throws {
        let library = SampleArticles.library()
        let worker = EffectWorker(runner: EffectRunner(library: library), mailbox: Mailbox())
        XCTAssertTrue(worker.waitUntilMarksSaved(timeout: 0), "nothing to wait for")
        library.closeGate()
        worker.submit([.countList(.all), .setStarred([SampleArticles.baltic.id], true)])
        XCTAssertFalse(worker.waitUntilMarksSaved(timeout: 0.2), "the star waits behind the held query")
        XCTAssertFalse(library.isStarred(SampleArticles.baltic.id))
        library.openGate()
        XCTAssertTrue(worker.waitUntilMarksSaved(timeout: 10))
        XCTAssertTrue(library.isStarred(SampleArticles.baltic.id))
        XCTAssertTrue(worker.waitUntilIdle(timeout: 10))
    }

    func testFinishSavesTheQueuedMarksDropsTheQueriesAndLetsGoOfTheWorker() throws {
        let library = SampleArticles.library()
        let mailbox = Mailbox()
        var worker: EffectWorker? = EffectWorker(runner: EffectRunner(library: library), mailbox: mailbox)
        weak let finished = worker
        // A slow query holds the worker while a star and more queries queue behind it.
        library.closeGate()
        worker?.submit([.countList(.all), .loadList(ListSource(query: .all), offset: 0, limit: 60),
                        .setStarred([SampleArticles.baltic.id], true), .loadTags(.all)])
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { library.openGate() }
        XCTAssertEqual(worker?.finish(timeout: 10), true)
        XCTAssertTrue(library.isStarred(SampleArticles.baltic.id))
        for action in mailbox.take() {
            if case .browse(.listLoaded) = action { XCTFail("a query queued at quit was run") }
            if case .browse(.tagsLoaded) = action { XCTFail("a query queued at quit was run") }
        }
        XCTAssertGreaterThanOrEqual(worker?.skipped ?? 0, 2)
        // The thread has ended and no longer holds the worker.
        worker = nil
        let deadline = Date().addingTimeInterval(5)
        while finished != nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertNil(finished)
    }

    func testFinishGivesUpAfterItsTimeoutOnAStuckLibrary() throws {
        let library = SampleArticles.library()
        let worker = EffectWorker(runner: EffectRunner(library: library), mailbox: Mailbox())
        library.closeGate()
        worker.submit([.countList(.all)])
        library.waitForACallAtTheGate()
        XCTAssertFalse(worker.finish(timeout: 0.2))
        library.openGate()
        XCTAssertTrue(worker.finish(timeout: 10))
    }
}
