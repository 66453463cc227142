import ArgumentParser
import CableCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Figures for the library's bars (issues 3 and 17) on a synthetic library: the `cable`
/// binary run as a user runs it (initial sync, no-change sync, a tag count, a `--json`
/// listing, show, related, tags; peak memory of each process), beside a plain stat walk of
/// the same folder; the index's size against the text's; then the library's queries in
/// process, each beside the `sqlite3` shell doing the same SQL where that applies.
struct LibraryBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library",
        abstract: "Generate (or reuse) a synthetic library and measure the library's bars.")

    @Option(help: "Articles in the synthetic library.") var count = 100_000
    @Option(help: "Generator seed.") var seed: UInt64 = 1
    @Option(help: "Where generated libraries are kept and reused (default: $XDG_CACHE_HOME/cable/bench).")
    var cache: String?
    @Option(help: "Rounds of each command and query (the median is printed).") var runs = 9
    @Option(help: "Keep the index and state here and reuse them next time (skips the initial-sync figure when reused).")
    var work: String?
    @Option(help: ArgumentHelp("A cable binary to run, PATH or LABEL=PATH; give it again to time several side by side, "
        + "in turn (default: the one beside this benchmark).", valueName: "binary"))
    var cable: [String] = []

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let cacheFolder = cache.map { URL(fileURLWithPath: $0) }
            ?? XDG.cacheHome(env).appendingPathComponent("cable/bench")
        let root = try generated(in: cacheFolder)
        let work = self.work.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("cable-bench-\(getpid())")
        let reused = self.work != nil && FileManager.default.fileExists(atPath: work.path)
        if self.work == nil { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { if self.work == nil { try? FileManager.default.removeItem(at: work) } }
        // The binary runs with its own XDG folders, so it uses (and the in-process part
        // below opens) the index and state the user's commands would.
        let home = ["XDG_CACHE_HOME": work.appendingPathComponent("cache").path,
                    "XDG_DATA_HOME": work.appendingPathComponent("data").path]
        let locations = LibraryLocations.standard(root: root, environment: env.merging(home) { $1 })
        let text = try textBytes(root)
        print("Library benchmark: \(count) synthetic articles (seed \(seed)), \(megabytes(text)) of text, in \(root.path)")
        print(String(format: "%d cores; load average %.2f at the start; medians of %d rounds",
                     ProcessInfo.processInfo.activeProcessorCount, Stats.load(), runs))
        let binaries = try CableBinary.parse(cable)
        var table = Table(columns: binaries.map(\.label))
        table.add("read + parse only (all cores, no index)", String(format: "%.0f articles/s", try parseRate(root)),
                  "(the parser's ceiling)", true)
        var cli = CLIFigures(binaries: binaries, root: root, environment: home, runs: runs)
        try cli.measure(into: &table, articles: count, reused: reused)
        let index = indexBytes(locations.index)
        table.add("index size", String(format: "%@ = %.2fx the text", megabytes(index), Double(index) / Double(text)),
                  "<= 1.5x the text", Double(index) <= 1.5 * Double(text))
        try QueryFigures(locations: locations, runs: runs, count: count).measure(into: &table)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peak = Double(usage.ru_maxrss) / 1024
        table.add("peak RSS of this process (queries)", String(format: "%.0f MB", peak), "< 150 MB", peak < 150)
        print("")
        table.print()
        print(String(format: "\nload average %.2f at the end", Stats.load()))
        if binaries.count > 1 {
            print("A row with one figure is the first binary's (the initial sync) or this benchmark's own (in process).")
        }
        for binary in binaries { print("\(binary.label): \(binary.path)") }
        for line in cli.notes { print(line) }
    }

    /// The parser's share of sync: read and parse a sample on every core, no database.
    func parseRate(_ root: URL) throws -> Double {
        let sampleCount = min(count, 5000)
        let generator = SyntheticLibrary(count: count, seed: seed)
        let started = Date()
        DispatchQueue.concurrentPerform(iterations: sampleCount) { index in
            let url = root.appendingPathComponent(generator.path(index * (count / sampleCount)))
            if let data = try? Data(contentsOf: url) {
                _ = ArticleParser.parse(data: data, file: url.lastPathComponent)
            }
        }
        return Double(sampleCount) / Date().timeIntervalSince(started)
    }

    /// The generated library for (count, seed), made once and reused: a hidden marker file
    /// (which sync ignores) records the parameters it was made with.
    func generated(in folder: URL) throws -> URL {
        let generator = SyntheticLibrary(count: count, seed: seed)
        let root = folder.appendingPathComponent("synthetic-\(count)-\(seed)", isDirectory: true)
        let marker = root.appendingPathComponent(".complete")
        let expected = "count=\(count) seed=\(seed) generator=1\n"
        if (try? String(contentsOf: marker, encoding: .utf8)) == expected { return root }
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let started = Date()
        let bytes = try generator.write(into: root)
        FileHandle.standardError.write(Data(String(
            format: "generated %d articles (%.0f MB) in %.1f s\n", count, Double(bytes) / 1_048_576,
            Date().timeIntervalSince(started)).utf8))
        try Data(expected.utf8).write(to: marker)
        return root
    }

    /// The bytes of every file under `root` (the library's text).
    func textBytes(_ root: URL) throws -> Int {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.fileSizeKey],
                                                          options: [.skipsHiddenFiles]) else { return 0 }
        var total = 0
        for case let url as URL in walker {
            total += (try url.resourceValues(forKeys: [.fileSizeKey])).fileSize ?? 0
        }
        return total
    }

    /// The index on disk: the database and its write-ahead log.
    func indexBytes(_ index: URL) -> Int {
        ["", "-wal"].reduce(0) { total, suffix in
            total + ((try? FileManager.default.attributesOfItem(atPath: index.path + suffix)[.size] as? Int) ?? 0)
        }
    }

    func megabytes(_ bytes: Int) -> String { String(format: "%.0f MB", Double(bytes) / 1_048_576) }
}

/// The `cable` binary as a user runs it, each command in rounds alternating with a plain
/// stat walk of the library (`find -printf`, what any command that looked at every file
/// would at least cost), so that the ratios compare figures from the same moments. With
/// several binaries (builds of the same code), each command runs once per binary in a round,
/// the first to run turning each round, and each gets its own column.
struct CLIFigures {
    var binaries: [CableBinary]
    var root: URL
    var environment: [String: String]
    var runs: Int
    /// Lines printed under the table (the initial sync's own account of its time, the loads).
    private(set) var notes: [String] = []
    private var peak = 0.0

    init(binaries: [CableBinary], root: URL, environment: [String: String], runs: Int) {
        self.binaries = binaries
        self.root = root
        self.environment = environment
        self.runs = runs
    }

    func run(_ binary: CableBinary, _ arguments: [String]) throws -> ChildRun {
        try ChildProcess.succeed([binary.path] + arguments + ["--library", root.path], environment: environment)
    }

    mutating func measure(into table: inout Table, articles: Int, reused: Bool) throws {
        if !reused { try initialSync(into: &table, articles: articles) }
        let middle = try run(binaries[0], ["list", "--offset", "\(articles / 2)", "--limit", "1"]).output
        let id = String(middle.prefix(8))
        let commands: [(name: String, arguments: [String])] = [
            ("no-change `cable sync`", ["sync"]),
            ("`cable list tag:security --count`", ["list", "tag:security", "--count"]),
            ("`cable list '\"undersea cable\"' --count`", ["list", "\"undersea cable\"", "--count"]),
            ("`cable list '\"undersea cable\"' --json --limit 3000`",
             ["list", "\"undersea cable\"", "--json", "--limit", "3000"]),
            ("`cable show ID --json`", ["show", id, "--json"]),
            ("`cable related ID`", ["related", id]),
            ("`cable tags`", ["tags"]),
            ("`cable quotes --limit 50`", ["quotes", "--limit", "50"]),
        ]
        let rounds = try timeRounds(commands.map(\.arguments))
        let walk = Stats.median(rounds.walks)
        table.add("stat walk of the library (`find -printf`)", Stats.ms(walk) + String(format: " (load %.1f)", Stats.median(rounds.loads)),
                  "(the yardstick)", true)
        for (index, command) in commands.enumerated() {
            let times = rounds.times[index].map(Stats.median)
            switch index {
            case 0: table.add(command.name, times.map(Stats.ms), "< 2 s", times.map { $0 < 2 })
            case 1: table.add(command.name, times.map { Stats.ms($0) + String(format: " (%.3f of the walk)", $0 / walk) },
                              "< 1/10 of the walk", times.map { $0 < walk / 10 })
            case 3:
                let counts = rounds.times[2].map(Stats.median)
                let figures = times.indices.map { column in
                    Stats.ms(times[column]) + String(format: " (%.2f of the walk; %.1f µs a row over --count)", times[column] / walk,
                                                     (times[column] - counts[column]) / Double(max(1, rounds.rows)) * 1e6)
                }
                table.add(command.name.replacingOccurrences(of: "--limit 3000", with: "(\(rounds.rows) rows)"), figures,
                          "< 1/2 of the walk", times.map { $0 < walk / 2 })
            default: table.add(command.name, times.map(Stats.ms), "", times.map { _ in true })
            }
        }
        table.add("peak RSS of any `cable` process above", String(format: "%.0f MB", peak), "< 150 MB", peak < 150)
        notes.append(String(format: "load average over the rounds: median %.1f, %.1f-%.1f", Stats.median(rounds.loads),
                            rounds.loads.min() ?? 0, rounds.loads.max() ?? 0))
    }

    /// The first sync, by the first binary.
    private mutating func initialSync(into table: inout Table, articles: Int) throws {
        let load = Stats.load()
        let initial = try run(binaries[0], ["sync", "--timings"])
        peak = initial.peakMB
        let rate = Double(articles) / initial.seconds
        table.add("initial `cable sync`", String(format: "%.0f articles/s (%.1f s, %.0f CPU s, %.0f MB, load %.1f)",
                                                 rate, initial.seconds, initial.cpuSeconds, initial.peakMB, load),
                  ">= 2,000/s (3,000 idle)", rate >= 2000)
        notes += initial.output.split(separator: "\n").filter { $0.hasPrefix("steps:") || $0.hasPrefix("work:") }
            .map { "initial sync " + $0 }
    }

    /// Seconds of each command by each binary (`times[command][binary]`), and of the walk,
    /// round by round; the rows of the `--json` listing; the load at each round's start.
    private mutating func timeRounds(_ commands: [[String]])
        throws -> (walks: [Double], times: [[[Double]]], rows: Int, loads: [Double]) {
        var walks: [Double] = []
        var times = Array(repeating: Array(repeating: [Double](), count: binaries.count), count: commands.count)
        var rows = 0
        var loads: [Double] = []
        for round in 0..<runs {
            loads.append(Stats.load())
            walks.append(try ChildProcess.succeed(["find", root.path, "-printf", "%s %T@ %p\\n"]).seconds)
            for (index, arguments) in commands.enumerated() {
                for turn in binaries.indices {
                    let column = (turn + round) % binaries.count
                    let result = try run(binaries[column], arguments)
                    times[index][column].append(result.seconds)
                    peak = max(peak, result.peakMB)
                    if arguments.contains("--json"), arguments.first == "list" {
                        rows = result.output.components(separatedBy: "\n    \"id\" : ").count - 1
                    }
                }
            }
        }
        return (walks, times, rows, loads)
    }
}

/// The library's queries in process (what the TUI asks), each beside the `sqlite3` shell
/// doing the same SQL on the same database where that applies.
struct QueryFigures {
    var locations: LibraryLocations
    var runs: Int
    var count: Int

    func measure(into table: inout Table) throws {
        let openTimes = try time {
            let fresh = try Library.open(locations)
            _ = try fresh.list(.all, offset: 0, limit: 50)
            _ = try fresh.count(.all)
            try fresh.close()
        }
        let library = try Library.open(locations)
        table.add("open + first 50 rows + count", Stats.ms(Stats.median(openTimes)), "< 50 ms",
                  Stats.median(openTimes) < 0.05,
                  shell: try shell("SELECT a.id, a.title, a.published, a.tags, a.file FROM article a ORDER BY a.rid DESC LIMIT 50;"))
        let tags = try library.tags(in: .all)
        let commonTag = tags.first?.tag ?? "security"
        let midTag = tags.count > 20 ? tags[20].tag : commonTag
        for tag in [commonTag, midTag] {
            let escaped = tag.lowercased().replacingOccurrences(of: "'", with: "''")
            try add(&table, "tag:\"\(tag)\"", library, bar: 0.02,
                    shell: "SELECT count(*) FROM tag WHERE tagKey = '\(escaped)';")
        }
        // The reader's everyday views: unread (with a few thousand marked read) and a tag
        // combined with unread.
        let readIDs = try library.list(.all, offset: 0, limit: 5000).map(\.id)
        try library.setRead(readIDs, true)
        for text in ["is:unread", "tag:\"\(commonTag)\" is:unread"] { try add(&table, text, library, bar: 0.02) }
        try library.setRead(readIDs, false)
        let unfiltered = try time { _ = try library.tags(in: .all) }
        table.add("tag list, unfiltered (\(tags.count) tags)", Stats.ms(Stats.median(unfiltered)), "< 20 ms",
                  Stats.median(unfiltered) < 0.02, shell: try shell("SELECT tag, count FROM tagCount ORDER BY count DESC;"))
        for text in ["pipeline", "\"undersea cable\"", "satellite"] {
            let fts = text.replacingOccurrences(of: "'", with: "''")
            try add(&table, text, label: "full text \(text)", library, bar: 0.05, shell: """
                SELECT count(*) FROM fts WHERE fts MATCH '\(fts)';
                SELECT a.id, a.title FROM fts JOIN article a ON a.rid = fts.rowid WHERE fts MATCH '\(fts)' ORDER BY fts.rowid DESC LIMIT 50;
                """)
        }
        try measureJSONRows(into: &table, library)
        try measureArticleViews(into: &table, library)
        try library.close()
    }

    /// What `cable list --json` does for each row, without the process around it.
    func measureJSONRows(into table: inout Table, _ library: Library) throws {
        let phrase = try Query.parse("\"undersea cable\"")
        var rows = 0
        let jsonTimes = try time {
            var out: [UInt8] = []
            rows = 0
            try library.forEachRow(phrase, offset: 0, limit: 3000) { row in
                out.removeAll(keepingCapacity: true)
                try JSONWriter(pretty: true).write(row, into: &out, indent: 1)
                rows += 1
            }
        }
        table.add("list rows read + written as JSON, in process (\(rows) rows)",
                  String(format: "%.1f µs a row", Stats.median(jsonTimes) / Double(max(1, rows)) * 1e6), "", true)
    }

    /// Opening an article (its file read and parsed again) and its related stories.
    func measureArticleViews(into table: inout Table, _ library: Library) throws {
        let picks = try (0..<runs).compactMap { n in
            try library.list(.all, offset: (n * 7919) % max(1, count), limit: 1).first?.id
        }
        var articleTimes: [Double] = []
        var relatedTimes: [Double] = []
        for id in picks {
            articleTimes += try time(1) { _ = try library.article(id) }
            relatedTimes += try time(1) { _ = try library.related(id) }
        }
        table.add("article view: read + parse the file", Stats.ms(Stats.median(articleTimes))
                  + String(format: " (max %.1f)", (articleTimes.max() ?? 0) * 1000), "< 20 ms",
                  Stats.median(articleTimes) < 0.02)
        table.add("related + similar for one article", Stats.ms(Stats.median(relatedTimes))
                  + String(format: " (max %.1f)", (relatedTimes.max() ?? 0) * 1000), "< 20 ms",
                  Stats.median(relatedTimes) < 0.02)
    }

    /// First 50 rows and the count of a query.
    private func add(_ table: inout Table, _ text: String, label: String? = nil, _ library: Library, bar: Double,
                     shell sql: String? = nil) throws {
        let query = try Query.parse(text)
        var matches = 0
        let times = try time {
            _ = try library.list(query, offset: 0, limit: 50)
            matches = try library.count(query)
        }
        table.add("\(label ?? text) first 50 + count (\(matches))", Stats.ms(Stats.median(times)),
                  String(format: "< %.0f ms", bar * 1000), Stats.median(times) < bar,
                  shell: try sql.map(shell) ?? "")
    }

    private func time(_ rounds: Int? = nil, _ body: () throws -> Void) throws -> [Double] {
        try (0..<max(1, rounds ?? runs)).map { _ in
            let start = Date()
            try body()
            return Date().timeIntervalSince(start)
        }
    }

    /// The same SQL in the `sqlite3` shell, timed by its own `.timer` (so process start-up is
    /// not counted); the sum of the statements' real times, median of three runs.
    private func shell(_ sql: String) throws -> String {
        var totals: [Double] = []
        for _ in 0..<3 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [locations.index.path]
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = output
            do { try process.run() } catch { return "(no sqlite3)" }
            input.fileHandleForWriting.write(Data(".timer on\n\(sql)\n".utf8))
            try input.fileHandleForWriting.close()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if text.contains("Error") { return "(SQL error)" }
            var total = 0.0
            for line in text.split(separator: "\n") where line.hasPrefix("Run Time: real ") {
                total += Double(line.dropFirst("Run Time: real ".count).split(separator: " ").first ?? "") ?? 0
            }
            totals.append(total)
        }
        return Stats.ms(Stats.median(totals))
    }
}

/// The printed table (Markdown, so it pastes into BENCHMARKS.md): a column of figures per
/// `cable` binary timed (one, `cable`, unless several are compared); a measure that is not a
/// binary's (in process, say) fills the first.
struct Table {
    var columns = ["cable"]
    var rows: [[String]] = []

    mutating func add(_ what: String, _ figure: String, _ bar: String, _ met: Bool, shell: String = "") {
        add(what, [figure], bar, [met], shell: shell)
    }

    /// A figure per column, each met or not.
    mutating func add(_ what: String, _ figures: [String], _ bar: String, _ met: [Bool], shell: String = "") {
        let cells = (0..<columns.count).map { $0 < figures.count ? figures[$0] : "" }
        let verdict = bar.isEmpty ? "" : met.map { $0 ? "yes" : "NO" }.joined(separator: ", ")
        rows.append([what] + cells + [shell.isEmpty ? "n/a" : shell, bar, verdict])
    }

    func print() {
        let header = ["measure"] + columns + ["sqlite3 shell", "bar", "met"]
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: " | ") + " |"
        }
        Swift.print(line(header))
        Swift.print("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
        for row in rows { Swift.print(line(row)) }
    }
}
