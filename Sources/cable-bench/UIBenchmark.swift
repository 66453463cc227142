import ArgumentParser
import CableCore
import CableUI
import Foundation

/// Key-to-rendered-screen latency on a synthetic library, through the same `Session` the UI
/// tests and `cable` use. Two figures per key, as `cable` works: the screen the key gives at
/// once (reduce and render; the queries it asks for go to a background worker), and the
/// screen with the query results in (running those queries, then render). Drawing on a
/// terminal (ncurses' diffed output) is not included.
struct UIBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Measure key-to-screen latency (tag filter, search, jump, scroll) on a synthetic library.")

    @Option(help: "Articles in the synthetic library.") var count = 100_000
    @Option(help: "Generator seed.") var seed: UInt64 = 1
    @Option(help: "Where generated libraries and their UI index are kept (default: $XDG_CACHE_HOME/cable/bench).")
    var cache: String?
    @Option(help: "Terminal size, WIDTHxHEIGHT.") var size = "120x40"
    @Option(help: "Repetitions of each scenario (figures are over every key of every run).") var runs = 5

    /// A frame at 60 Hz: a keystroke's work must stay well under it.
    static let frame = 1.0 / 60

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let cacheFolder = cache.map { URL(fileURLWithPath: $0) }
            ?? XDG.cacheHome(env).appendingPathComponent("cable/bench")
        let generatorArguments = ["--count", "\(count)", "--seed", "\(seed)", "--cache", cacheFolder.path]
        let root = try LibraryBenchmark.parse(generatorArguments).generated(in: cacheFolder)
        let screenSize = try parseSize()

        // The index is kept beside the generated files so later runs only re-sync; the user
        // state is new each run so read marks from one run do not change the next.
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("cable-ui-bench-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let locations = LibraryLocations(
            root: root,
            index: cacheFolder.appendingPathComponent("ui-index-\(count)-\(seed).sqlite"),
            state: work.appendingPathComponent("state.sqlite"))
        let library = try Library.open(locations)
        let syncStart = Date()
        let report = try library.sync()
        FileHandle.standardError.write(Data(String(
            format: "index ready: %d articles (%d added) in %.1f s\n", report.articles, report.added,
            Date().timeIntervalSince(syncStart)).utf8))

        let tags = try library.tags(in: .all)
        let commonTag = tags.first?.tag ?? "security"
        let rareTag = tags.count > 40 ? tags[40].tag : commonTag
        var results = Results()

        let startTimes = (0..<runs).map { _ in
            time { _ = Session(library: library, size: screenSize).screen }
        }
        results.add("start: first screen (list window, count, tags)", startTimes)

        for _ in 0..<runs {
            var session = Session(library: library, size: screenSize)
            // As in `cable`: queries do not run on the key's path; `results` times them
            // separately, so both figures are visible.
            session.holdsEffects = true
            results.measure("scroll: j (one row)", &session, keys: Array(repeating: .character("j"), count: 100))
            results.measure("scroll: Ctrl-F (a page, windowed loads)", &session,
                            keys: Array(repeating: .control("f"), count: 40))
            results.measure("scroll: G (to the last of all)", &session, keys: [.character("G")])
            results.measure("scroll: k at the bottom", &session, keys: Array(repeating: .character("k"), count: 20))
            results.measure("scroll: g (to the top)", &session, keys: [.character("g")])
            results.measure("reading pane: Enter (open, mark read)", &session, keys: [.enter])
            results.measure("reading pane: Space (page)", &session, keys: Array(repeating: .character(" "), count: 5))

            for tag in [commonTag, rareTag] {
                results.measure("tag filter: t (prompt with counts)", &session, keys: [.character("t")])
                results.measure("tag filter: typing in the prompt", &session, keys: Key.sequence(String(tag.prefix(3))))
                // Choose the tag itself in the narrowed list, whatever its position.
                let candidates = TagMatcher.candidates(session.state.browse.filterTags, input: String(tag.prefix(3)),
                                                       excluding: session.state.browse.tags)
                let downs = candidates.firstIndex { $0.tag == tag } ?? 0
                session.press(Array(repeating: .down, count: downs))
                results.measure("tag filter: Enter (apply \(tag == commonTag ? "most used" : "41st") tag)",
                                &session, keys: [.enter])
            }
            results.measure("mark all read: A (in the 41st tag)", &session, keys: [.character("A")])
            results.measure("undo: u (marks them unread again)", &session, keys: [.character("u")])
            results.measure("tag filter: T (clear)", &session, keys: [.character("T")])

            results.measure("search: / (prompt)", &session, keys: [.character("/")])
            results.measure("search: typing 'pipeline' (live query per key)", &session,
                            keys: Key.sequence("pipeline"))
            results.measure("search: typing ' tag:' (parse error shown)", &session, keys: Key.sequence(" tag:"))
            results.measure("search: Esc (restore the previous filter)", &session, keys: [.escape])
            session.press(Key.sequence("/pipeline\n"))
            session.runHeldEffects()
            results.measure("search: > (next match in the article)", &session, keys: Array(repeating: .character(">"), count: 3))
            session.press([.character("\\")])
            session.runHeldEffects()
            results.measure("sort: o (each of the five orders)", &session, keys: Array(repeating: .character("o"), count: 5))

            session.press([.character("g"), .enter])
            results.measure("jump: 1 (open related headline 1)", &session, keys: [.character("1")])
            results.measure("jump: [ (back)", &session, keys: [.character("[")])
            results.measure("jump: ] (forward)", &session, keys: [.character("]")])
            results.measure("jump: n (next unread)", &session, keys: Array(repeating: .character("n"), count: 5))

            results.measure("story: S (timeline of the article shown)", &session, keys: [.character("S")])
            results.measure("story: Enter (open an article of it)", &session, keys: [.enter])
            results.measure("quotes: \" (open the quote view)", &session, keys: [.character("\"")])
            results.measure("quotes: j (move)", &session, keys: Array(repeating: .character("j"), count: 20))
            results.measure("quotes: Enter (open at the quote)", &session, keys: [.enter])
            results.measure("resize to 200x60", &session, actions: [.resize(Size(width: 200, height: 60))])
        }

        var calls = Results()
        let query = Query(clauses: [.tag(commonTag, negated: false)])
        let some = try library.list(.all, offset: min(500, report.articles / 2), limit: 1).first?.id
            ?? ArticleID(rawValue: "0000000000000000")
        for _ in 0..<runs {
            calls.add("count(all)", [try timeThrowing { _ = try library.count(.all) }])
            calls.add("list(all, offset 0, 120)", [try timeThrowing { _ = try library.list(.all, offset: 0, limit: 120) }])
            calls.add("list(all, offset \(report.articles - 120), 120)", [try timeThrowing {
                _ = try library.list(.all, offset: max(0, report.articles - 120), limit: 120) }])
            calls.add("count(tag:\(commonTag))", [try timeThrowing { _ = try library.count(query) }])
            calls.add("list(tag:\(commonTag), 0, 120)", [try timeThrowing { _ = try library.list(query, offset: 0, limit: 120) }])
            calls.add("tags(in: all)", [try timeThrowing { _ = try library.tags(in: .all) }])
            calls.add("tags(in: tag:\(commonTag))", [try timeThrowing { _ = try library.tags(in: query) }])
            for word in ["p", "pipeline"] {
                let search = try Query.parse(word)
                calls.add("count(\(word))", [try timeThrowing { _ = try library.count(search) }])
                calls.add("list(\(word), 0, 120)", [try timeThrowing { _ = try library.list(search, offset: 0, limit: 120) }])
            }
            calls.add("article(id)", [try timeThrowing { _ = try library.article(some) }])
            calls.add("related(id)", [try timeThrowing { _ = try library.related(some) }])
            calls.add("quoteCount(all)", [try timeThrowing { _ = try library.quoteCount(.all, speaker: nil) }])
            calls.add("quotes(all, 0, 39)", [try timeThrowing { _ = try library.quotes(.all, speaker: nil, offset: 0, limit: 39) }])
            calls.add("setRead(one)", [try timeThrowing { try library.setRead([some], true) }])
        }

        print("UI benchmark: key to rendered screen, \(NumberText.grouped(report.articles)) synthetic articles "
            + "(seed \(seed)), \(screenSize.width)x\(screenSize.height), \(runs) runs, "
            + "\(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("bar: every key's screen under one 60 Hz frame (16.7 ms), p95 over every key press measured;")
        print("the indented rows are the queries the key asked for, run in the background, then drawn")
        print("")
        results.print()
        print("")
        print("The library calls behind those keys (same library, median of \(runs)):")
        print("")
        calls.print(bar: false)
    }

    func parseSize() throws -> Size {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0 else {
            throw ValidationError("--size must look like 120x40")
        }
        return Size(width: parts[0], height: parts[1])
    }
}

func timeThrowing(_ body: () throws -> Void) throws -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func time(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Latencies per scenario, in the order first seen.
struct Results {
    var order: [String] = []
    var samples: [String: [Double]] = [:]
    var bars: [String: Bool] = [:]

    mutating func add(_ name: String, _ values: [Double], bar: String = "frame") {
        if samples[name] == nil {
            // Work after the frame is listed under the scenario it follows.
            let scenario = name.split(separator: "\u{0}").first.map(String.init) ?? name
            if scenario != name, let index = order.firstIndex(of: scenario) {
                order.insert(name, at: index + 1)
            } else {
                order.append(name)
            }
        }
        samples[name, default: []] += values
        bars[name] = bar == "frame"
    }

    /// Presses each key and times it up to the rendered screen.
    mutating func measure(_ name: String, _ session: inout Session, keys: [Key]) {
        measure(name, &session, actions: keys.map(Action.key))
    }

    mutating func measure(_ name: String, _ session: inout Session, actions: [Action]) {
        var values: [Double] = []
        var after: [Double] = []
        for action in actions {
            values.append(time {
                session.send(action)
                _ = session.screen
            })
            if !session.heldEffects.isEmpty {
                after.append(time {
                    session.runHeldEffects()
                    _ = session.screen
                })
            }
        }
        add(name, values)
        if !after.isEmpty { add(name + "\u{0}  … until every result is on screen", after, bar: "n/a") }
    }

    func print(bar: Bool = true) {
        guard bar else {
            // A plain two-column table: these are figures, not bars.
            Swift.print("| library call | time |")
            Swift.print("|---|---|")
            for name in order {
                let values = (samples[name] ?? []).sorted()
                guard !values.isEmpty else { continue }
                Swift.print(String(format: "| \(name) | %.2f ms |", values[values.count / 2] * 1000))
            }
            return
        }
        var rows = [["measure", "time: median (p95, max)", "bar", "met"]]
        for name in order {
            let values = (samples[name] ?? []).sorted()
            guard !values.isEmpty else { continue }
            let median = values[values.count / 2]
            let p95 = values[min(values.count - 1, Int(Double(values.count) * 0.95))]
            let worst = values.last ?? 0
            let label = name.split(separator: "\u{0}").last.map(String.init) ?? name
            let figure = String(format: "%.2f ms (p95 %.2f, max %.2f)", median * 1000, p95 * 1000, worst * 1000)
            if bars[name] == true {
                rows.append(["\(label) ×\(values.count)", figure, "< 16.7 ms", p95 < UIBenchmark.frame ? "yes" : "NO"])
            } else {
                rows.append(["\(label) ×\(values.count)", figure, "(background)", ""])
            }
        }
        // Markdown, padded so it also reads as plain text.
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for (index, row) in rows.enumerated() {
            Swift.print("| " + row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: " | ") + " |")
            if index == 0 {
                Swift.print("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
            }
        }
    }
}
