import CableCore
import Foundation
import XCTest

/// The real binary in a real (tmux) terminal on a copy of the sample library.
final class TUIEndToEndTests: XCTestCase {
    var tmux: TUITmux?

    override func setUpWithError() throws {
        tmux = try TUITmux()
    }

    override func tearDown() {
        tmux?.stop()
        tmux = nil
    }

    func started(width: Int = 120, height: Int = 40) throws -> TUITmux {
        let tmux = try XCTUnwrap(tmux)
        try tmux.start(width: width, height: height)
        // The first start syncs in the background; the list fills when it is done.
        let total = try tmux.referenceLibrary().count(.all)
        tmux.waitFor("the list of \(total) articles") { screen in
            screen.contains(" Articles") && screen.contains(" \(total) ")
        }
        // The count arrives before the rows; keys like `s` act on the row under the cursor,
        // so wait for the first row too.
        if let first = try tmux.referenceLibrary().list(.all, offset: 0, limit: 1).first {
            let start = String(first.title.prefix(16))
            tmux.waitFor("the first row") { $0.contains(start) }
        }
        return tmux
    }

    /// The terminal after cable exited: the shell's line with its status, echo and canonical
    /// mode back on, the normal screen and a visible cursor.
    func assertRestored(_ tmux: TUITmux, status: String, file: StaticString = #filePath, line: UInt = #line) {
        // The shell prints the status, then the modes (`icanon`/`-icanon`) on the next line.
        let screen = tmux.waitFor("cable to exit", file: file, line: line) {
            $0.contains("exit=") && $0.contains("icanon")
        }
        XCTAssertTrue(screen.contains("exit=\(status)"), screen, file: file, line: line)
        XCTAssertTrue(screen.contains("echo icanon") || screen.contains("icanon echo"),
                      "terminal modes not restored: \(screen)", file: file, line: line)
        XCTAssertFalse(screen.contains("Articles"), "the UI is still on screen", file: file, line: line)
        XCTAssertEqual(tmux.display("#{alternate_on}"), "0", file: file, line: line)
        XCTAssertEqual(tmux.display("#{cursor_flag}"), "1", file: file, line: line)
    }

    /// The article body in the reading pane: the pane's columns of every row.
    func readingPane(_ screen: String) -> String {
        screen.split(separator: "\n").map { line in
            let parts = line.split(separator: "│", omittingEmptySubsequences: false)
            return parts.count > 1 ? String(parts[1]) : ""
        }.joined(separator: "\n")
    }

    func testTheFirstScreenShowsTheNewestArticlesBodyWithoutAKey() throws {
        let tmux = try started()
        let reference = try tmux.referenceLibrary()
        let newest = try XCTUnwrap(reference.list(.all, offset: 0, limit: 1).first)
        let body = try XCTUnwrap(reference.article(newest.id)?.paragraphs.first)
        let start = String(body.split(separator: " ").prefix(3).joined(separator: " "))
        tmux.waitFor("the newest article's body in the reading pane") { self.readingPane($0).contains(start) }
    }

    func testAfterATagFilterOneOpensTheSelectedArticlesFirstRelatedStory() throws {
        let tmux = try started()
        let reference = try tmux.referenceLibrary()
        // A tag whose newest article's first related headline is in the library.
        var found: (tag: String, target: ArticleRef)?
        for tag in try reference.tags(in: .all) {
            let query = Query(clauses: [.tag(tag.tag, negated: false)])
            guard let first = try reference.list(query, offset: 0, limit: 1).first,
                  let target = try reference.related(first.id).explicit.first?.match else { continue }
            found = (tag.tag, target)
            break
        }
        let (tag, target) = try XCTUnwrap(found, "the samples link to each other")
        try tmux.send("t")
        tmux.waitFor(text: "Filter by tag")
        try tmux.type(tag)
        tmux.waitFor(text: "tag: \(tag)")
        try tmux.send("Enter")
        tmux.waitFor(text: "tag:\(tag.contains(" ") ? "\"\(tag)\"" : tag)")
        try tmux.send("1")
        tmux.waitFor("the first related story in the reading pane") {
            self.readingPane($0).contains(String(target.title.prefix(20)))
        }
    }

    func testASearchWordIsHighlightedInTheOpenedArticle() throws {
        let tmux = try started()
        try tmux.send("/")
        try tmux.type("tanker")
        try tmux.send("Enter")
        tmux.waitFor(text: "match")
        try tmux.send("Enter")
        // Reverse video (SGR 7) around the word in the reading pane, as the terminal got it.
        tmux.waitFor("'tanker' in reverse video") { _ in
            let escaped = (try? tmux.tmux(["capture-pane", "-p", "-e", "-t", "0"])) ?? ""
            return escaped.range(of: #"\e\[[0-9;]*7[0-9;]*m[^\e]*[Tt]anker"#, options: .regularExpression) != nil
        }
    }

    func testAConfigKeyBindingQuits() throws {
        let tmux = try XCTUnwrap(tmux)
        try tmux.writeConfig("[keys]\nquit = \"x\"\n")
        try tmux.start()
        tmux.waitFor(text: " Articles")
        tmux.waitFor(text: "x quit")
        try tmux.send("x")
        assertRestored(tmux, status: "0")
    }

    func testABadConfigSaysWhereAndStartsWithTheDefaults() throws {
        let tmux = try XCTUnwrap(tmux)
        try tmux.writeConfig("sort = \"newest\"\n[keys]\nquite = \"x\"\n")
        try tmux.start()
        tmux.waitFor(text: "config.toml line 3: [keys] quite: no such action")
        try tmux.send("q")
        assertRestored(tmux, status: "0")
    }

    func testAFileCopiedIntoTheLibraryAppearsWithinFiveSeconds() throws {
        let tmux = try started()
        let title = "Live Update Test Article About Submarine Cables"
        let text = "\(title)\n\n1 March 2030\n\nA new article arrives while Cable is running, and the list shows it.\n"
        try Data(text.utf8).write(to: tmux.library.appendingPathComponent("live-update.txt"))
        tmux.waitFor("the new article in the list", timeout: 5) { $0.contains("Live Update Test") }
    }

    func testAMarkMadeByAnotherProcessShowsInTheRunningReader() throws {
        let tmux = try started()
        let total = try tmux.referenceLibrary().count(.all)
        tmux.waitFor(text: "\(total) · \(total) unread")
        let first = try XCTUnwrap(tmux.referenceLibrary().list(.all, offset: 0, limit: 1).first)
        _ = try TUITmux.run(["sh", "-c", "\(tmux.xdgEnvironment) '\(tmux.binary.path)' --library '\(tmux.library.path)' "
                             + "mark read \(first.id.rawValue)"],
                            outputFile: tmux.folder.appendingPathComponent("mark.out"))
        tmux.waitFor(text: "\(total) · \(total - 1) unread", timeout: 5)
    }

    func testTheLastFilterComesBackAndCleanStartsWithout() throws {
        let tmux = try started()
        try tmux.send("t")
        tmux.waitFor(text: "Filter by tag")
        try tmux.type("NATO")
        tmux.waitFor(text: "tag: NATO")
        try tmux.send("Enter")
        tmux.waitFor(text: "tag:NATO")
        try tmux.send("q")
        assertRestored(tmux, status: "0")
        tmux.stopSession()
        try tmux.start()
        tmux.waitFor(text: "tag:NATO")
        try tmux.send("q")
        assertRestored(tmux, status: "0")
        tmux.stopSession()
        try tmux.start(extraArguments: "--clean")
        tmux.waitFor(text: " Articles")
        XCTAssertFalse(tmux.screen().contains("tag:NATO"))
    }

    func testCtrlZSuspendsAndFgResumes() throws {
        let tmux = try XCTUnwrap(tmux)
        try tmux.startInShell()
        tmux.waitFor(text: " Articles")
        try tmux.send("C-z")
        tmux.waitFor("the shell after Ctrl-Z") { $0.contains("Stopped") && !$0.contains(" Articles ") }
        try tmux.type("fg")
        try tmux.send("Enter")
        tmux.waitFor("the screen back after fg") { $0.contains(" Articles") && $0.contains("Related") }
        try tmux.send("q")
        tmux.waitFor("the shell after quitting") { $0.hasSuffix("$ ") || $0.contains("\n$ ") }
    }

    func testFilterByATagWithT() throws {
        let tmux = try started()
        let reference = try tmux.referenceLibrary()
        let tag = try XCTUnwrap(reference.tags(in: .all).first, "the samples have tags")
        let total = try reference.count(.all)
        try tmux.send("t")
        tmux.waitFor(text: "Filter by tag")
        try tmux.type(String(tag.tag.prefix(4)))
        tmux.waitFor(text: "tag: \(tag.tag.prefix(4))")
        try tmux.send("Enter")
        let name = tag.tag.contains(" ") ? "tag:\"\(tag.tag)\"" : "tag:\(tag.tag)"
        let screen = tmux.waitFor(text: "\(tag.count) of \(total)")
        XCTAssertTrue(screen.contains(name), screen)
        try tmux.send("T")
        tmux.waitFor("the filter cleared") { !$0.contains(" of \(total)") && $0.contains(" Articles") }
    }

    func testJumpToARelatedStoryWithOneAndComeBackWithBracket() throws {
        let tmux = try started()
        let reference = try tmux.referenceLibrary()
        // An article whose first related headline is in the library.
        var pair: (ArticleSummary, ArticleRef)?
        for summary in try reference.list(.all, offset: 0, limit: 100) {
            if let match = try reference.related(summary.id).explicit.first?.match, match.id != summary.id {
                pair = (summary, match)
                break
            }
        }
        let (from, to) = try XCTUnwrap(pair, "the samples link to each other")
        // Find it with a phrase search for a distinctive run of its title.
        let phrase = from.title.split(separator: " ").prefix(4).joined(separator: " ")
        try tmux.send("/")
        try tmux.type("\"\(phrase)\"")
        try tmux.send("Enter")
        tmux.waitFor(text: "of \(try reference.count(.all))")
        try tmux.send("Enter")
        tmux.waitFor(text: "Related")
        try tmux.send("1")
        tmux.waitFor(text: String(to.title.prefix(30)))
        try tmux.send("[")
        tmux.waitFor("the first article again") { screen in
            // The reading pane (middle) shows the first title again.
            screen.split(separator: "\n").dropFirst().first?.contains(String(from.title.prefix(25))) ?? false
                || screen.contains(String(from.title.prefix(40)))
        }
    }

    func testQuoteView() throws {
        let tmux = try started()
        let reference = try tmux.referenceLibrary()
        let total = try reference.quoteCount(.all, speaker: nil)
        let first = try XCTUnwrap(reference.quotes(.all, speaker: nil, offset: 0, limit: 1).first)
        try tmux.send("\"")
        // The quotes come first, their count a moment later.
        tmux.waitFor("the quote view with \(total) quotes, the first one first") { screen in
            screen.contains(" Quotes") && screen.contains(" \(NumberFormatter.grouped(total))\n")
                && screen.contains(String(first.text.prefix(30)))
        }
        try tmux.send("q")
        tmux.waitFor(text: " Articles")
    }

    func testSearchWithSlash() throws {
        let tmux = try started()
        let reference = try tmux.referenceLibrary()
        let matches = try reference.count(Query.parse("cable"))
        let total = try reference.count(.all)
        XCTAssertGreaterThan(matches, 0)
        try tmux.send("/")
        try tmux.type("cable")
        tmux.waitFor(text: "\(matches) of \(total)")
        try tmux.send("Escape")
        tmux.waitFor("the search cancelled") { !$0.contains("\(matches) of \(total)") }
        // A bad query says what is wrong in the status line.
        try tmux.send("/")
        try tmux.type("is:maybe")
        tmux.waitFor(text: "is not known")
    }

    func testResizeRelaysOutAtOnce() throws {
        let tmux = try started()
        try tmux.tmux(["resize-window", "-t", "0", "-x", "80", "-y", "24"])
        tmux.waitFor("an 80-column layout") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count <= 25 && lines.first.map { $0.contains("Articles") && $0.count <= 80 } ?? false
        }
        try tmux.tmux(["resize-window", "-t", "0", "-x", "30", "-y", "8"])
        tmux.waitFor(text: "Terminal too small")
        try tmux.tmux(["resize-window", "-t", "0", "-x", "200", "-y", "60"])
        tmux.waitFor(text: "Related & tags")
    }

    func testQuitWithQRestoresTheTerminal() throws {
        let tmux = try started()
        try tmux.send("q")
        assertRestored(tmux, status: "0")
    }

    /// `s` then `q` typed together: the star must be saved even though the loop quits before
    /// it would next hand effects to the worker.
    func testSQKeepsTheStar() throws {
        let tmux = try started()
        let first = try XCTUnwrap(tmux.referenceLibrary().list(.all, offset: 0, limit: 1).first)
        try tmux.send("s", "q")
        assertRestored(tmux, status: "0")
        // The library cable used, opened the same way it opened it.
        let environment = ["XDG_DATA_HOME": tmux.folder.appendingPathComponent("data").path,
                           "XDG_CACHE_HOME": tmux.folder.appendingPathComponent("cache").path]
        let used = try Library.open(LibraryLocations.standard(root: tmux.library, environment: environment))
        let starred = try used.list(Query.parse("is:starred"), offset: 0, limit: 10)
        XCTAssertEqual(starred.map(\.id), [first.id])
    }

    func testCtrlCRestoresTheTerminal() throws {
        let tmux = try started()
        try tmux.send("/")
        try tmux.send("C-c")
        assertRestored(tmux, status: "0")
    }

    func testSIGTERMRestoresTheTerminal() throws {
        let tmux = try started()
        let pid = try XCTUnwrap(tmux.cablePID())
        XCTAssertEqual(kill(pid, SIGTERM), 0)
        assertRestored(tmux, status: "143")
    }

    func testACrashSignalRestoresTheTerminalAndStillKillsTheProcess() throws {
        let tmux = try started()
        let pid = try XCTUnwrap(tmux.cablePID())
        XCTAssertEqual(kill(pid, SIGSEGV), 0)
        // 128 + 11: the handler restored the terminal, then re-raised with the default action.
        assertRestored(tmux, status: "139")
    }

    func testNoColorStillDrawsTheScreen() throws {
        let tmux = try XCTUnwrap(tmux)
        try tmux.start(extraEnvironment: "NO_COLOR=1")
        tmux.waitFor(text: " Articles")
        try tmux.send("q")
        assertRestored(tmux, status: "0")
    }

    func testWithoutATerminalItSaysSoInsteadOfDrawing() throws {
        let tmux = try XCTUnwrap(tmux)
        let output = try TUITmux.run(
            ["sh", "-c", "\(tmux.xdgEnvironment) "
                + "'\(tmux.binary.path)' --library '\(tmux.library.path)' </dev/null; echo exit=$?"],
            outputFile: tmux.folder.appendingPathComponent("no-tty.out"))
        XCTAssertTrue(output.contains("cable needs a terminal for the full-screen UI"), output)
        XCTAssertTrue(output.contains("exit=2"), output)
        XCTAssertFalse(output.contains("\u{1B}["), "no escape sequences written: \(output)")
        // It said so before opening the library: no index was made.
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmux.folder.appendingPathComponent("cache/cable").path))
    }

    func testUnknownTERMGetsAClearMessage() throws {
        let tmux = try XCTUnwrap(tmux)
        try tmux.start(term: "no-such-terminal-type")
        let screen = tmux.waitFor(text: "exit=")
        XCTAssertTrue(screen.contains("TERM=no-such-terminal-type is not known"), screen)
        XCTAssertTrue(screen.contains("exit=2"), screen)
    }
}

extension NumberFormatter {
    /// 1,204 style, as the UI shows counts.
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
