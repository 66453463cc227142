import CableCore
import Foundation
import GRDB
import XCTest

/// Issue 16, item 4, through the real binary: the index is a cache of the files, so damage to
/// any one of its pages never leaves a command failing. Every page of a small index damaged
/// in turn (random bytes, then zeros), each followed by what a user runs: a command fails at
/// most once (having printed part of its answer, it says the index was rebuilt and to run it
/// again), then answers exactly as on a clean index; the state is never touched. SQLite keeps
/// no checksums, so damage no read of SQLite's can see (zeros in the last page of a long
/// value) may give a wrong answer until `cable sync --check`, which checks every page: from
/// then on every answer is the clean index's.
final class CLIIndexDamageTests: XCTestCase {
    /// What a user runs, each compared with its answer on a clean index. Each round starts
    /// with another of them, so that each one meets the damage first in some rounds.
    static let commands: [[String]] = [
        ["list"], ["show", "ID"], ["list", "Baltic"], ["related", "ID"], ["sync", "--check"], ["tags"], ["quotes"],
        ["list", "--json", "is:unread"],
    ]

    func testEveryPageDamagedInTurnIsHealedAndAnswersAsACleanIndex() throws {
        let cli = try CLIHarness()
        try SyntheticLibrary(count: 12, seed: 16).write(into: cli.library)
        XCTAssertEqual(try cli.run(["sync"]).status, 0)
        let id = try XCTUnwrap((try cli.json(["list"]) as? [[String: Any]])?.first?["id"] as? String)
        XCTAssertEqual(try cli.run(["mark", "read", id]).status, 0)
        let index = try Self.indexFile(cli)
        try Self.checkpoint(index)
        let pristine = try Data(contentsOf: index)
        let commands = Self.commands.map { $0.map { $0 == "ID" ? id : $0 } }
        var clean: [String] = []
        for command in commands { clean.append(Self.comparable(command, try cli.run(command).stdout)) }
        let state = try Self.stateFiles(cli)

        var random = Random(seed: 0x1DE7)
        let pages = pristine.count / 4096
        var healed = 0
        var unseen: Set<String> = []
        for page in 0..<pages {
            for kind in ["random", "zeros"] {
                var damaged = pristine
                for offset in page * 4096..<(page + 1) * 4096 {
                    damaged[offset] = kind == "zeros" ? 0 : UInt8(truncatingIfNeeded: random.next())
                }
                for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: index.path + suffix) }
                try damaged.write(to: index)
                var synced = false
                for step in commands.indices {
                    let n = (step + page) % commands.count
                    let context = "page \(page) of \(pages), \(kind), \(commands[n].joined(separator: " "))"
                    var result = try cli.run(commands[n])
                    if result.status != 0 {
                        // Only once, and only having said that the index was rebuilt.
                        XCTAssertTrue(result.stderr.contains("has been rebuilt from your files: run the command again"),
                                      "\(context): \(result.stderr)")
                        result = try cli.run(commands[n])
                    }
                    XCTAssertEqual(result.status, 0, "\(context): \(result.stderr)")
                    synced = synced || commands[n] == ["sync", "--check"]
                    if Self.comparable(commands[n], result.stdout) != clean[n] {
                        XCTAssertFalse(synced, "\(context): after a sync, every answer is the clean index's")
                        unseen.insert("\(page) \(kind)")
                    }
                    if result.stderr.contains("was unusable") { healed += 1 }
                }
                XCTAssertEqual(try Self.stateFiles(cli), state, "page \(page), \(kind): the state is never touched")
            }
        }
        XCTAssertGreaterThan(healed, pages, "most damage is found and healed")
        XCTAssertLessThanOrEqual(unseen.count, pages / 10, "damage unseen until a sync is rare: \(unseen.sorted())")
    }

    /// A sync's line says how many articles it added or found unchanged: a rebuild adds them
    /// all. The rest of every answer must be the clean index's.
    static func comparable(_ command: [String], _ output: String) -> String {
        guard command.first == "sync" else { return output }
        return output.replacingOccurrences(of: #"; \d+ added.*unchanged, "#, with: "; ", options: .regularExpression)
            .replacingOccurrences(of: #"\(\d+\.\d+s\)"#, with: "", options: .regularExpression)
    }

    static func indexFile(_ cli: CLIHarness) throws -> URL {
        let folder = cli.base.appendingPathComponent("cache/cable")
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .first { $0.hasPrefix("index-") && $0.hasSuffix(".sqlite") })
        return folder.appendingPathComponent(name)
    }

    /// Everything into the main file, so that one copy of it is the whole index.
    static func checkpoint(_ database: URL) throws {
        let queue = try DatabaseQueue(path: database.path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
    }

    static func stateFiles(_ cli: CLIHarness) throws -> [Data] {
        let state = cli.base.appendingPathComponent("data/cable/state.sqlite").path
        return [state, state + "-wal"].map { FileManager.default.contents(atPath: $0) ?? Data() }
    }
}
