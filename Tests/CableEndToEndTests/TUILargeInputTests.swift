import Foundation
import XCTest

/// The real binary in tmux with large input (issue 16, item 7): a pasted huge query is one
/// edit that says what is wrong at once, and a terminal that cannot place the cursor is
/// refused clearly.
extension TUIEndToEndTests {
    func testPastingAThousandClausesAnswersAtOnceInLittleMemory() throws {
        let tmux = try XCTUnwrap(tmux)
        try tmux.start()
        tmux.waitFor(text: " Articles")
        try tmux.send("/")
        tmux.waitFor(text: "Esc cancel")
        let pasted = (0..<1_200).map { "tag:t\($0)" }.joined(separator: " ")
        let started = Date()
        try tmux.type(pasted)
        // Key by key, this took 22 s and 462 MB.
        tmux.waitFor(text: "more than 100 clauses", timeout: 5)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        if let pid = try tmux.cablePID(),
           let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
           let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") {
            XCTAssertLessThan(kilobytes, 150_000, "resident memory after the paste")
        }
        try tmux.send("Escape")
        try tmux.send("q")
        tmux.waitFor(text: "exit=0")
    }

    func testATerminalThatCannotPlaceTheCursorIsRefused() throws {
        let tmux = try XCTUnwrap(tmux)
        try tmux.start(term: "dumb")
        let screen = tmux.waitFor(text: "exit=")
        XCTAssertTrue(screen.contains("TERM=dumb cannot move the cursor"), screen)
        XCTAssertTrue(screen.contains("exit=2"), screen)
    }
}
