import ArgumentParser
import CableCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `cable-bench compare`: the same synthetic library in Cable, notmuch (a maildir, tags given
/// by `notmuch tag --batch`) and newsboat (RSS feeds read through `exec:` URLs), converted by
/// `export`. Each measure is taken in rounds, the tools' order turning each round, and the
/// median printed with the load average of its rounds.
struct CompareBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Cable beside notmuch and newsboat on the same synthetic library.")

    @Option(help: "Articles in the synthetic library.") var count = 100_000
    @Option(help: "Generator seed.") var seed: UInt64 = 1
    @Option(help: "Where generated libraries and their exports are kept and reused (default: $XDG_CACHE_HOME/cable/bench).")
    var cache: String?
    @Option(help: "Rounds of each measure (the median is printed).") var runs = 3
    @Option(help: ArgumentHelp("A cable binary to run, PATH or LABEL=PATH; give it again to compare several builds "
        + "(default: the one beside this benchmark).", valueName: "binary"))
    var cable: [String] = []

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let cacheFolder = cache.map { URL(fileURLWithPath: $0) }
            ?? XDG.cacheHome(env).appendingPathComponent("cable/bench")
        let generator = try LibraryBenchmark.parse(["--count", "\(count)", "--seed", "\(seed)",
                                                    "--cache", cacheFolder.path])
        let root = try generator.generated(in: cacheFolder)
        let export = try exported(root, in: cacheFolder)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("cable-compare-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let screen = TerminalScreen(name: "cable-compare-\(getpid())")
        defer { screen.stop() }

        var tools: [ComparedTool] = try CableBinary.parse(cable).enumerated().map {
            CableTool(binary: $1, root: root, work: work.appendingPathComponent("cable-\($0)"))
        }
        if ChildProcess.exists("notmuch") { tools.append(NotmuchTool(export: export, work: work)) }
        if ChildProcess.exists("newsboat") { tools.append(NewsboatTool(export: export, work: work)) }
        let measures = ComparedMeasure.allCases
        var figures: [ComparedMeasure: [String: [Double]]] = [:]
        var loads: [ComparedMeasure: [Double]] = [:]
        var answers: [String: String] = [:]
        for round in 0..<runs {
            // Each round starts with a different tool, so that none always runs on a cold cache.
            let order = (0..<tools.count).map { tools[($0 + round) % tools.count] }
            for measure in measures {
                for tool in order {
                    loads[measure, default: []].append(Stats.load())
                    guard let result = try tool.measure(measure, screen: screen) else { continue }
                    figures[measure, default: [:]][tool.name, default: []].append(result.seconds)
                    if let answer = result.answer { answers["\(measure.rawValue) \(tool.name)"] = answer }
                }
            }
        }
        print("Cable beside notmuch and newsboat: \(count) synthetic articles (seed \(seed)); medians of \(runs) rounds, tools in turn")
        let header = ["measure"] + tools.map(\.name) + ["load"]
        var rows: [[String]] = []
        for measure in measures {
            var row = [measure.rawValue]
            for tool in tools {
                guard let times = figures[measure]?[tool.name] else {
                    row.append(tool.unsupported(measure))
                    continue
                }
                var cell = Self.format(Stats.median(times))
                if let answer = answers["\(measure.rawValue) \(tool.name)"] { cell += " (\(answer))" }
                row.append(cell)
            }
            row.append(String(format: "%.1f", Stats.median(loads[measure] ?? [])))
            rows.append(row)
        }
        printTable(header, rows)
        for tool in tools { for note in tool.notes { print("- \(tool.name): \(note)") } }
    }

    /// The export for this library, made once and reused (a marker records what it is of).
    func exported(_ root: URL, in folder: URL) throws -> CorpusExport.Layout {
        let layout = CorpusExport.Layout(root: folder.appendingPathComponent("export-\(count)-\(seed)"))
        let marker = layout.root.appendingPathComponent(".complete")
        let expected = "count=\(count) seed=\(seed) export=1\n"
        if (try? String(contentsOf: marker, encoding: .utf8)) == expected { return layout }
        let started = Date()
        let pages = try CorpusExport.export(root, to: layout.root)
        FileHandle.standardError.write(Data(String(format: "exported %d pages in %.1f s\n", pages,
                                                   Date().timeIntervalSince(started)).utf8))
        try Data(expected.utf8).write(to: marker)
        return layout
    }

    static func format(_ seconds: Double) -> String {
        seconds >= 1 ? String(format: "%.1f s", seconds) : Stats.ms(seconds)
    }

    func printTable(_ header: [String], _ rows: [[String]]) {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: " | ") + " |"
        }
        print(line(header))
        print("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
        for row in rows { print(line(row)) }
    }
}

/// What is compared, in the order it is measured in each round (an initial index first).
enum ComparedMeasure: String, CaseIterable {
    case initialIndex = "initial index"
    case noChange = "no-change re-index"
    case tagCount = "tag count (security)"
    case phrase = "phrase search (\"undersea cable\"), count"
    case firstPage = "first page, command line (50 newest)"
    case firstScreen = "first screen, full-screen reader (120x40)"
}

/// One timed answer: seconds, and what the tool answered (a count), when it matters.
struct ComparedResult {
    var seconds: Double
    var answer: String?
}

protocol ComparedTool {
    var name: String { get }
    /// Nil when the tool has no way to do it (see `unsupported`).
    func measure(_ measure: ComparedMeasure, screen: TerminalScreen) throws -> ComparedResult?
    /// What the table says where the tool cannot do something.
    func unsupported(_ measure: ComparedMeasure) -> String
    /// What the reader of the table should know.
    var notes: [String] { get }
}

extension ComparedTool {
    /// Times a command; its output, trimmed, is the answer when `answer`.
    func timed(_ arguments: [String], environment: [String: String] = [:], answer: Bool = false) throws -> ComparedResult {
        let run = try ChildProcess.succeed(arguments, environment: environment)
        return ComparedResult(seconds: run.seconds,
                              answer: answer ? run.output.trimmingCharacters(in: .whitespacesAndNewlines) : nil)
    }
}

struct CableTool: ComparedTool {
    var name: String { binary.label }
    var binary: CableBinary
    var root: URL
    var environment: [String: String]
    var notes: [String] {
        ["\(binary.path); initial index is `cable sync`; the command-line page is `cable list --limit 50`; "
         + "the reader's first screen is the list with its newest row on it"]
    }

    /// `work`: where this binary keeps its own index and state.
    init(binary: CableBinary, root: URL, work: URL) {
        self.binary = binary
        self.root = root
        environment = ["XDG_CACHE_HOME": work.appendingPathComponent("cache").path,
                       "XDG_DATA_HOME": work.appendingPathComponent("data").path]
    }

    func cable(_ arguments: [String], answer: Bool = false) throws -> ComparedResult {
        try timed([binary.path] + arguments + ["--library", root.path], environment: environment, answer: answer)
    }

    func measure(_ measure: ComparedMeasure, screen: TerminalScreen) throws -> ComparedResult? {
        switch measure {
        case .initialIndex:
            try? FileManager.default.removeItem(atPath: environment["XDG_CACHE_HOME"] ?? "")
            return try cable(["sync"])
        case .noChange: return try cable(["sync"])
        case .tagCount: return try cable(["list", "tag:security", "--count"], answer: true)
        case .phrase: return try cable(["list", "\"undersea cable\"", "--count"], answer: true)
        case .firstPage: return try cable(["list", "--limit", "50"])
        case .firstScreen:
            let newest = try cable(["list", "--limit", "1", "--json"], answer: true).answer ?? ""
            let title = (try? JSONSerialization.jsonObject(with: Data(newest.utf8)) as? [[String: Any]])?
                .first?["title"] as? String ?? ""
            return ComparedResult(seconds: try screen.timeUntil(String(title.prefix(20)),
                                                                command: [binary.path, "--library", root.path],
                                                                environment: environment))
        }
    }

    func unsupported(_ measure: ComparedMeasure) -> String { "n/a" }
}

struct NotmuchTool: ComparedTool {
    let name = "notmuch"
    var export: CorpusExport.Layout
    var work: URL
    let notes = ["initial index is `notmuch new` then `notmuch tag --batch` (the pages' tags); counts are "
                 + "`notmuch count`; the command-line page is `notmuch search --limit=50 '*'`; notmuch has no "
                 + "reader of its own (its front ends are other programs). Its phrase count differs from Cable's: "
                 + "it searches the whole page text and headers, Cable the title and body"]

    var database: URL { work.appendingPathComponent("notmuch-db") }
    var config: URL { work.appendingPathComponent("notmuch-config") }
    var environment: [String: String] { ["NOTMUCH_CONFIG": config.path] }

    func measure(_ measure: ComparedMeasure, screen: TerminalScreen) throws -> ComparedResult? {
        switch measure {
        case .initialIndex:
            try? FileManager.default.removeItem(at: database)
            try FileManager.default.createDirectory(at: database, withIntermediateDirectories: true)
            try Data("""
                [database]
                path=\(database.path)
                mail_root=\(export.maildir.path)
                [new]
                tags=
                [search]
                exclude_tags=
                [maildir]
                synchronize_flags=false

                """.utf8).write(to: config)
            let new = try timed(["notmuch", "new", "--quiet"], environment: environment)
            let tags = try timed(["notmuch", "tag", "--batch", "--input=\(export.tags.path)"], environment: environment)
            return ComparedResult(seconds: new.seconds + tags.seconds, answer: nil)
        case .noChange: return try timed(["notmuch", "new", "--quiet"], environment: environment)
        case .tagCount: return try timed(["notmuch", "count", "tag:security"], environment: environment, answer: true)
        case .phrase: return try timed(["notmuch", "count", "\"undersea cable\""], environment: environment, answer: true)
        case .firstPage: return try timed(["notmuch", "search", "--limit=50", "*"], environment: environment)
        case .firstScreen: return nil
        }
    }

    func unsupported(_ measure: ComparedMeasure) -> String { "n/a (no reader)" }
}

struct NewsboatTool: ComparedTool {
    let name = "newsboat"
    var export: CorpusExport.Layout
    var work: URL
    let notes = ["initial and no-change index are `newsboat -x reload` (every feed through `exec:cat`); "
                 + "newsboat has no command-line search or count, and no per-article tags (its tags are the "
                 + "feeds'); the first screen is its feed list"]

    var cacheFile: URL { work.appendingPathComponent("newsboat-cache.db") }
    var config: URL { work.appendingPathComponent("newsboat-config") }
    var arguments: [String] { ["newsboat", "-C", config.path, "-u", export.urls.path, "-c", cacheFile.path] }

    func measure(_ measure: ComparedMeasure, screen: TerminalScreen) throws -> ComparedResult? {
        switch measure {
        case .initialIndex:
            for suffix in ["", ".lock"] { try? FileManager.default.removeItem(atPath: cacheFile.path + suffix) }
            try Data("reload-threads 2\nmax-items 0\nshow-read-feeds yes\n".utf8).write(to: config)
            return try timed(arguments + ["-x", "reload"])
        case .noChange: return try timed(arguments + ["-x", "reload"])
        case .firstScreen:
            return ComparedResult(seconds: try screen.timeUntil("Synthetic batch", command: arguments, environment: [:]))
        case .tagCount, .phrase, .firstPage: return nil
        }
    }

    func unsupported(_ measure: ComparedMeasure) -> String {
        measure == .firstPage ? "n/a (no command)" : "n/a (no such command)"
    }
}

/// A terminal for full-screen programs: a tmux session of its own, polled until a text is on
/// the screen. Its server is started once beforehand, so that no figure pays for it.
final class TerminalScreen {
    let name: String
    private let socket: String

    init(name: String) {
        self.name = name
        socket = name
        _ = try? ChildProcess.run(["tmux", "-L", socket, "new-session", "-d", "-s", "\(name)-idle", "-x", "120", "-y", "40"])
    }

    /// Seconds from starting `command` in a 120x40 window until `marker` is on its screen.
    func timeUntil(_ marker: String, command: [String], environment: [String: String]) throws -> Double {
        let session = "\(name)-run"
        let shell = (environment.map { "\($0.key)=\(quoted($0.value))" } + command.map(quoted)).joined(separator: " ")
        let started = Date()
        _ = try ChildProcess.succeed(["tmux", "-L", socket, "new-session", "-d", "-s", session, "-x", "120", "-y", "40",
                                      "env TERM=xterm-256color " + shell])
        defer { _ = try? ChildProcess.run(["tmux", "-L", socket, "kill-session", "-t", session]) }
        while Date().timeIntervalSince(started) < 600 {
            let screen = try ChildProcess.run(["tmux", "-L", socket, "capture-pane", "-p", "-t", session]).output
            if screen.contains(marker) { return Date().timeIntervalSince(started) }
            usleep(5_000)
        }
        throw ValidationFailure("\(command.first ?? "") never showed \(marker)")
    }

    func stop() { _ = try? ChildProcess.run(["tmux", "-L", socket, "kill-server"]) }

    private func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
