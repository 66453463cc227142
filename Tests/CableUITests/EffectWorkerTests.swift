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
        guard case .listCounted(_, let total)? = actions.first else { return XCTFail("\(actions)") }
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
        worker.submit(typed.map { .loadList($0, offset: 0, limit: 60) }
            + [.setRead([SampleArticles.tokyo.id], true)])
        XCTAssertTrue(worker.waitUntilIdle(timeout: 10))
        let lists = mailbox.take().compactMap { action -> Query? in
            if case .listLoaded(let query, _, _) = action { return query }
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
        XCTAssertEqual(held.state.open?.article.id, direct.state.open?.article.id)
        XCTAssertEqual(held.state.tags, ["NATO"])
        XCTAssertEqual(held.screen.lines, direct.screen.lines)
    }
}
