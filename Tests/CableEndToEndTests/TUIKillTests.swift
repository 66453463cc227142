import CableCore
import Foundation
import Glibc
import XCTest

/// Issue 16: the full-screen reader killed at random moments (during its first sync, between
/// keys, while a star is being saved) loses no mark the screen showed, and after one more
/// `cable sync` the index answers exactly as a clean one. Each round toggles one row's star
/// again and again: moving between rows with `j` could not be seen on the screen, so a toggle
/// meant for the next row could land on the last one.
final class TUIKillTests: XCTestCase {
    static let rounds = 50
    /// Kills land this long after the reader's process appears, at most (seconds): over the
    /// start-up, the first sync when the index was removed, and a few starred rows.
    static let window = 1.5

    /// The list as the reader draws it at this size: a header line, then one line per article,
    /// `●★ 08 Apr 25 Title…`, the star in the second column.
    static let size = (width: 120, height: 50)

    func testTheReaderKilledAtAnyMomentLosesNoMarkItShowed() throws {
        let tmux = try TUITmux()
        defer { tmux.stop() }
        let reference = try CLIHarness()
        try FileManager.default.removeItem(at: reference.library)
        try FileManager.default.copyItem(at: tmux.library, to: reference.library)
        let titles = try listed(reference, ["id", "title"]).map { $0.split(separator: "|", maxSplits: 1).map(String.init) }
        XCTAssertLessThan(titles.count, Self.size.height - 2, "every row fits on the screen")
        let clean = try cleanAnswers(reference, ids: titles.map { $0[0] })
        var random = Random(seed: 16)
        for round in 0..<Self.rounds {
            // Every third round starts without an index, so some kills land in the first sync.
            if round % 3 == 0 { try? FileManager.default.removeItem(at: tmux.folder.appendingPathComponent("cache")) }
            let moment = Self.window * (Double(round) + Double(random.int(1_000)) / 1_000) / Double(Self.rounds)
            let shownStars = try starUntilKilled(tmux, at: moment, row: random.int(titles.count), rows: titles.count)
            tmux.stopSession()
            let used = CLIHarness(sharing: tmux)
            let saved = Set(try ids(used, ["list", "is:starred"]))
            for (row, shown) in shownStars {
                // The row as drawn, `●★ 08 Apr 25 Title…`: its title, cut to the column.
                let title = row.dropFirst(13).split(separator: "│").first.map {
                    $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "…", with: "")
                } ?? ""
                let matches = titles.filter { $0[1].hasPrefix(title) }
                XCTAssertEqual(matches.count, 1, "round \(round): one article for the row '\(row)'")
                guard let id = matches.first?[0] else { continue }
                XCTAssertEqual(saved.contains(id), shown, "round \(round) (\(moment) s): '\(row)' as shown")
            }
            // Reading commands sync first: the index must then answer as a clean one.
            let sample = titles.indices.filter { $0 % 21 == round % 21 }.map { titles[$0][0] }
            try assertSameAnswers(used, clean, related: sample, context: "round \(round) (\(moment) s)")
        }
        try assertSameAnswers(CLIHarness(sharing: tmux), clean, related: titles.map { $0[0] },
                              context: "at the end")
    }

    /// Starts the reader, kills it `moment` seconds after its process appears, and meanwhile
    /// toggles the star of the row `row` again and again, each time after the last toggle
    /// showed. Gives the star that row last showed, keyed by its line as drawn; nothing when
    /// a toggle was on its way at the kill (the kill may or may not have lost it).
    private func starUntilKilled(_ tmux: TUITmux, at moment: Double, row: Int, rows: Int) throws -> [String: Bool] {
        try tmux.start(width: Self.size.width, height: Self.size.height, extraArguments: "--clean")
        let pid = try waitForPID(tmux)
        let killed = DispatchSemaphore(value: 0)
        DispatchQueue.global().asyncAfter(deadline: .now() + moment) {
            kill(pid, SIGKILL)
            killed.signal()
        }
        func isKilled() -> Bool { killed.wait(timeout: .now()) == .success }
        guard waitForRows(tmux, rows: rows, until: isKilled) else { return [:] }
        if row > 0 { try tmux.type(String(repeating: "j", count: row)) }
        var shown: (line: String, starred: Bool)?
        while true {
            // Nothing on its way here: the last toggle shown must survive the kill.
            let screen = tmux.screen()
            if isKilled() { return shown.map { [$0.line: $0.starred] } ?? [:] }
            guard let before = star(on: screen, row: row) else { return [:] }
            try tmux.send("s")
            while true {
                let now = tmux.screen()
                // A screen read after the kill is the shell's (it prints the exit status and
                // scrolls): only one read while the reader lived shows what it drew.
                if isKilled() { return [:] }
                if let starred = star(on: now, row: row), starred != before {
                    let lines = now.split(separator: "\n", omittingEmptySubsequences: false)
                    shown = (String(lines[row + 1]), starred)
                    break
                }
                Thread.sleep(forTimeInterval: 0.005)
            }
        }
    }

    /// The star column of a list row on the screen; nil when the row is not drawn (no title).
    private func star(on screen: String, row: Int) -> Bool? {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard row + 1 < lines.count else { return nil }
        let line = lines[row + 1]
        let marks = Array(line.prefix(3))
        let title = line.dropFirst(13).prefix { $0 != "│" }.trimmingCharacters(in: .whitespaces)
        guard marks.count == 3, marks[2] == " ", !title.isEmpty else { return nil }
        return marks[1] == "★"
    }

    private func waitForPID(_ tmux: TUITmux) throws -> Int32 {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if let pid = try? tmux.cablePID() { return pid }
            Thread.sleep(forTimeInterval: 0.005)
        }
        throw XCTSkip("the reader's process never appeared")
    }

    /// Waits until every row of the list is drawn; false if `killed` says the process is gone.
    private func waitForRows(_ tmux: TUITmux, rows: Int, until killed: () -> Bool) -> Bool {
        while !killed() {
            if star(on: tmux.screen(), row: rows - 1) != nil { return true }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return false
    }

    private func ids(_ cli: CLIHarness, _ arguments: [String]) throws -> [String] {
        let rows = try XCTUnwrap(try cli.json(arguments) as? [[String: Any]])
        return rows.compactMap { $0["id"] as? String }
    }

    /// `cable list --sort title`, each row's `fields` joined with `|`.
    private func listed(_ cli: CLIHarness, _ fields: [String]) throws -> [String] {
        let rows = try XCTUnwrap(try cli.json(["list", "--sort", "title"]) as? [[String: Any]])
        return rows.map { row in fields.map { "\(row[$0] ?? "-")" }.joined(separator: "|") }
    }

    /// The list (without the marks, which are the user's) and `related` of each id answer
    /// the same from both libraries.
    private func assertSameAnswers(_ used: CLIHarness, _ clean: CleanAnswers, related: [String],
                                   context: String) throws {
        XCTAssertEqual(try listed(used, CleanAnswers.fields), clean.list, context)
        for id in related {
            let answer = try used.run(["related", id, "--json"])
            XCTAssertEqual(answer.status, 0, "\(context): \(answer.stderr)")
            XCTAssertEqual(answer.stdout, clean.related[id], "\(context): related \(id)")
        }
    }

    /// What a clean sync of the same files answers: the list (without the user's marks) and
    /// `related` of every article.
    struct CleanAnswers {
        static let fields = ["id", "title", "published", "tags", "source", "url"]
        var list: [String]
        var related: [String: String] = [:]
    }

    private func cleanAnswers(_ reference: CLIHarness, ids: [String]) throws -> CleanAnswers {
        var clean = CleanAnswers(list: try listed(reference, CleanAnswers.fields))
        for id in ids { clean.related[id] = try reference.run(["related", id, "--json"]).stdout }
        return clean
    }
}
