import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GRDB
import XCTest
@testable import CableCore

/// A damaged state database is noticed (issue 16, item 4): every page of a small state file
/// damaged in turn, then what a user would do. Each time the state is either refused with a
/// message that says how to recover, or read without loss; never written to while damaged,
/// never silently wrong; and `cable state recover` gets back what can be read.
final class StateDamageTests: XCTestCase {
    var lib: TestLibrary!
    var ids: [ArticleID] = []
    /// The state as (id, fact) pairs: "read", "starred", "tag:NAME".
    var original: Set<String> = []
    var pristine = Data()

    override func setUpWithError() throws {
        lib = try TestLibrary()
        for n in 0..<150 {
            try lib.write("a\(n).txt", title: "Article \(n)", body: ["Body \(n)."])
        }
        let (library, _) = try lib.openSynced()
        ids = try library.list(.all, offset: 0, limit: 100).map(\.id)
        for (n, id) in ids.enumerated() {
            if n % 2 == 0 { try library.setRead([id], true) }
            if n % 3 == 0 { try library.setStarred([id], true) }
            try library.changeUserTags([id], adding: ["tag \(n) " + String(repeating: "x", count: 40), "short\(n % 7)"],
                                       removing: [])
        }
        original = try Self.facts(library.exportState())
        try library.close()
        // Everything into the main file, so that one copy of it is the whole state.
        let queue = try DatabaseQueue(path: lib.locations.state.path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        try? FileManager.default.removeItem(atPath: lib.locations.state.path + "-wal")
        pristine = try Data(contentsOf: lib.locations.state)
        XCTAssertGreaterThanOrEqual(pristine.count / 4096, 8, "a few pages of each table")
    }

    static func facts(_ export: String) throws -> Set<String> {
        var facts: Set<String> = []
        for (_, result) in try StateText.read(export).lines {
            let line = try result.get()
            if line.read == true { facts.insert(line.id + " read") }
            if line.starred == true { facts.insert(line.id + " starred") }
            for tag in line.tags { facts.insert(line.id + " tag:" + tag) }
        }
        return facts
    }

    func damage(page: Int, with bytes: (Int) -> UInt8) throws {
        var data = pristine
        for offset in page * 4096..<min((page + 1) * 4096, data.count) {
            data[offset] = bytes(offset)
        }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: lib.locations.state.path + suffix) }
        try data.write(to: lib.locations.state)
    }

    func testEveryPageDamagedInTurnIsRefusedOrReadWithoutLoss() throws {
        var random = Random(seed: 0xDA4A6E)
        var outcomes: [String: Int] = [:]
        let pages = pristine.count / 4096
        for page in 0..<pages {
            for kind in ["random", "zeros"] {
                try damage(page: page) { _ in kind == "zeros" ? 0 : UInt8(truncatingIfNeeded: random.next()) }
                let context = "page \(page) of \(pages), \(kind)"
                let outcome = try userSession(context)
                outcomes[outcome, default: 0] += 1
            }
        }
        XCTAssertGreaterThan(outcomes["refused", default: 0], pages, "\(outcomes)")
    }

    /// What a user runs: a listing and a mark; when refused, the export and the recovery
    /// the message names. Returns "read" or "refused".
    func userSession(_ context: String) throws -> String {
        let library: Library
        do {
            library = try lib.open()
        } catch let error as LibraryError {
            guard case .stateDamaged = error else { XCTFail("\(context): \(error)"); return "failed" }
            XCTAssertTrue("\(error)".contains("cable state recover"), "\(context): \(error)")
            try recover(context)
            return "refused"
        }
        // Opened: everything must be there, and a mark must stick.
        defer { try? library.close() }
        XCTAssertEqual(try Self.facts(library.exportState()), original, context)
        _ = try library.list(.all, offset: 0, limit: 100)
        try library.setStarred([ids[1]], true)
        XCTAssertTrue(try library.marks(ids[1]).starred, context)
        return "read"
    }

    func recover(_ context: String) throws {
        let salvage = StateSalvage.read(lib.locations.state)
        let salvaged = try Self.facts(salvage.text)
        XCTAssertTrue(salvaged.isSubset(of: original), "\(context): nothing invented: \(salvaged.subtracting(original).prefix(3))")
        let before = try Data(contentsOf: lib.locations.state)
        let recovery = try XCTUnwrap(try Library.recoverState(lib.locations), context)
        XCTAssertEqual(try Data(contentsOf: recovery.setAside), before, "\(context): the damaged file is kept as it was")
        XCTAssertEqual(try String(contentsOf: recovery.savedTo, encoding: .utf8), salvage.text)
        let library = try lib.open()
        defer { try? library.close() }
        XCTAssertEqual(try Self.facts(library.exportState()), salvaged, context)
        try library.setRead([ids[0]], true)
        try? FileManager.default.removeItem(at: recovery.savedTo)
        try? FileManager.default.removeItem(at: recovery.setAside)
    }

    /// Damage to a table's pages loses those rows only: the rest is saved.
    func testALeafPageLostLosesOnlyItsRows() throws {
        let pages = pristine.count / 4096
        var best = 0
        for page in 1..<pages {
            try damage(page: page) { _ in 0 }
            let salvage = StateSalvage.read(lib.locations.state)
            best = max(best, try Self.facts(salvage.text).count)
        }
        XCTAssertGreaterThan(best, original.count / 2, "some damaged page still leaves most of the state readable")
    }

    /// A state found sound is stamped and not read through again while it is as it was (issue
    /// 17); a mark written changes it, and so does damage written into the file in place with
    /// its size and modification time put back: it is still refused.
    func testAStateDamagedAfterItWasFoundSoundIsStillRefused() throws {
        let state = lib.locations.state
        let cache = lib.locations.index.deletingLastPathComponent()
        // Only a file that has not changed for a moment is stamped (`StateStamp.settleTime`).
        Thread.sleep(forTimeInterval: 2.1)
        try lib.open().close()
        let stamp = try XCTUnwrap(StateStamp.recorded(in: cache))
        XCTAssertEqual(stamp, StateStamp.of(state))

        let library = try lib.open()
        try library.setRead([ids[1]], true)
        try library.close()
        XCTAssertNotEqual(StateStamp.of(state), stamp, "a write is checked again")
        // Back to the pristine file, whose last page holds rows.
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: state.path + suffix) }
        try pristine.write(to: state)
        Thread.sleep(forTimeInterval: 2.1)
        try lib.open().close()
        let sound = try XCTUnwrap(StateStamp.recorded(in: cache))
        XCTAssertEqual(sound, StateStamp.of(state))

        var info = stat()
        XCTAssertEqual(stat(state.path, &info), 0)
        let handle = try FileHandle(forWritingTo: state)
        try handle.seek(toOffset: UInt64(pristine.count - 4096))
        try handle.write(contentsOf: Data(repeating: 0, count: 4096))
        try handle.close()
        var times = [info.st_atim, info.st_mtim]
        XCTAssertEqual(utimensat(AT_FDCWD, state.path, &times, 0), 0)
        let damaged = try XCTUnwrap(StateStamp.of(state))
        XCTAssertEqual([damaged.file.size, damaged.file.modified, Int64(damaged.file.inode)],
                       [sound.file.size, sound.file.modified, Int64(sound.file.inode)])
        XCTAssertThrowsError(try lib.open()) { error in
            guard case LibraryError.stateDamaged = error else { return XCTFail("\(error)") }
        }
    }

    /// Damage that leaves the file's times as they were (a fault of the disk itself) is not
    /// seen by the stamp, and an open trusts it: `cable sync --check` reads every page whatever
    /// the stamp says.
    func testAFullCheckReadsAStateTheStampTrusts() throws {
        let cache = lib.locations.index.deletingLastPathComponent()
        try damage(page: pristine.count / 4096 - 1) { _ in 0 }
        try JSONEncoder().encode(try XCTUnwrap(StateStamp.of(lib.locations.state))).write(to: StateStamp.file(in: cache))
        XCTAssertNoThrow(try lib.open().close(), "the stamp is trusted")
        XCTAssertThrowsError(try Library.checkState(lib.locations)) { error in
            guard case LibraryError.stateDamaged = error else { return XCTFail("\(error)") }
        }
    }

    func testAHealthyStateIsNotRecovered() throws {
        XCTAssertNil(try Library.recoverState(lib.locations))
        let library = try lib.open()
        defer { try? library.close() }
        XCTAssertEqual(try Self.facts(library.exportState()), original)
        let names = try FileManager.default.contentsOfDirectory(atPath: lib.locations.state.deletingLastPathComponent().path)
        XCTAssertFalse(names.contains { $0.contains("damaged") || $0.contains("recovered") }, "\(names)")
    }
}
