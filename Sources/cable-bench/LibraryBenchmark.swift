import ArgumentParser
import CableCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Figures for issue #3's bars on a synthetic library: sync rate, no-change re-sync, open +
/// first screen, tag filter, full text, related + similar, peak memory, each beside the
/// `sqlite3` shell doing the same SQL on the same database where that applies.
struct LibraryBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library",
        abstract: "Generate (or reuse) a synthetic library and measure the library's bars.")

    @Option(help: "Articles in the synthetic library.") var count = 100_000
    @Option(help: "Generator seed.") var seed: UInt64 = 1
    @Option(help: "Where generated libraries are kept and reused (default: $XDG_CACHE_HOME/cable/bench).")
    var cache: String?
    @Option(help: "Repetitions of each query (the median is printed).") var runs = 9
    @Option(help: "Keep the index and state here and reuse them next time (skips the initial-sync figure when reused).")
    var work: String?

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let cacheFolder = cache.map { URL(fileURLWithPath: $0) }
            ?? XDG.cacheHome(env).appendingPathComponent("cable/bench")
        let root = try generated(in: cacheFolder)

        // A fresh index and state every run, so the first sync is a real initial sync.
        let work = self.work.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("cable-bench-\(getpid())")
        if self.work == nil { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { if self.work == nil { try? FileManager.default.removeItem(at: work) } }
        let locations = LibraryLocations(root: root, index: work.appendingPathComponent("index.sqlite"),
                                         state: work.appendingPathComponent("state.sqlite"))
        var table = Table()

        // The parser's share of sync: read and parse a sample on every core, no database.
        let sampleCount = min(count, 5000)
        let generator = SyntheticLibrary(count: count, seed: seed)
        var started = Date()
        DispatchQueue.concurrentPerform(iterations: sampleCount) { index in
            let url = root.appendingPathComponent(generator.path(index * (count / sampleCount)))
            if let data = try? Data(contentsOf: url) {
                _ = ArticleParser.parse(data: data, file: url.lastPathComponent)
            }
        }
        let parseRate = Double(sampleCount) / Date().timeIntervalSince(started)
        table.add("read + parse only (all cores, no index)", String(format: "%.0f articles/s", parseRate),
                  "(the parser's ceiling)", true)

        let reused = FileManager.default.fileExists(atPath: locations.index.path)
        var library = try Library.open(locations)
        started = Date()
        let cpuBefore = cpuSeconds()
        let report = try library.sync()
        let syncSeconds = Date().timeIntervalSince(started)
        let rate = Double(report.added) / syncSeconds
        let phases = report.phases.map { String(format: "%@ %.1f s", $0.name, $0.seconds) }.joined(separator: ", ")
        if reused {
            table.add("initial sync", "(index reused: not measured)", ">= 2,000 articles/s", true)
        } else {
            table.add("initial sync", String(format: "%.0f articles/s (%d in %.1f s, %.0f CPU s)", rate,
                                             report.added, syncSeconds, cpuSeconds() - cpuBefore),
                      ">= 2,000 articles/s", rate >= 2000)
        }
        started = Date()
        _ = try library.sync()
        let resync = Date().timeIntervalSince(started)
        table.add("no-change re-sync", String(format: "%.2f s", resync), "< 2 s", resync < 2)
        try library.close()

        // Open + first screen, as a fresh `cable` process would (no sync: the TUI syncs in
        // the background after showing the list).
        let openTimes = try measure(runs) {
            let fresh = try Library.open(locations)
            _ = try fresh.list(.all, offset: 0, limit: 50)
            _ = try fresh.count(.all)
            try fresh.close()
        }
        library = try Library.open(locations)
        let firstScreenSQL = """
            SELECT a.id, a.title, a.published, a.tags, a.file FROM article a ORDER BY a.ord DESC, a.rid DESC LIMIT 50;
            """
        table.add("open + first 50 rows + count", ms(openTimes), "< 50 ms", median(openTimes) < 0.05,
                  shell: try shellTime(locations, firstScreenSQL))

        let tags = try library.tags(in: .all)
        let commonTag = tags.first?.tag ?? "security"
        let midTag = tags.count > 20 ? tags[20].tag : commonTag
        for tag in [commonTag, midTag] {
            let query = Query(clauses: [.tag(tag, negated: false)])
            var matches = 0
            let times = try measure(runs) {
                _ = try library.list(query, offset: 0, limit: 50)
                matches = try library.count(query)
            }
            let escaped = tag.lowercased().replacingOccurrences(of: "'", with: "''")
            table.add("tag:\"\(tag)\" first 50 + count (\(matches))", ms(times), "< 20 ms", median(times) < 0.02,
                      shell: try shellTime(locations, "SELECT count(*) FROM tag WHERE tagKey = '\(escaped)';"))
        }
        // The reader's everyday views: unread (with a few thousand marked read) and a
        // tag combined with unread.
        let readIDs = try library.list(.all, offset: 0, limit: 5000).map(\.id)
        try library.setRead(readIDs, true)
        for text in ["is:unread", "tag:\"\(commonTag)\" is:unread"] {
            let query = try Query.parse(text)
            var matches = 0
            let times = try measure(runs) {
                _ = try library.list(query, offset: 0, limit: 50)
                matches = try library.count(query)
            }
            table.add("\(text) first 50 + count (\(matches))", ms(times), "< 20 ms", median(times) < 0.02)
        }
        try library.setRead(readIDs, false)
        let unfiltered = try measure(runs) { _ = try library.tags(in: .all) }
        table.add("tag list, unfiltered (\(tags.count) tags)", ms(unfiltered), "< 20 ms", median(unfiltered) < 0.02,
                  shell: try shellTime(locations, "SELECT tag, count FROM tagCount ORDER BY count DESC;"))

        let sample = try library.list(.all, offset: count / 2, limit: 1)
        let keyword = try library.article(sample.first?.id ?? ArticleID(rawValue: ""))?
            .paragraphs.first?.split(separator: " ").first { $0.count > 8 }.map(String.init) ?? "pipeline"
        for text in ["pipeline", "\"undersea cable\"", keyword.lowercased().filter(\.isLetter)] {
            let query = try Query.parse(text)
            var matches = 0
            let times = try measure(runs) {
                _ = try library.list(query, offset: 0, limit: 50)
                matches = try library.count(query)
            }
            let fts = text.replacingOccurrences(of: "'", with: "''")
            table.add("full text \(text) first 50 + count (\(matches))", ms(times), "< 50 ms", median(times) < 0.05,
                      shell: try shellTime(locations, """
                        SELECT count(*) FROM fts WHERE fts MATCH '\(fts)';
                        SELECT a.id, a.title FROM article a WHERE a.rid IN (SELECT rowid FROM fts WHERE fts MATCH '\(fts)') ORDER BY a.ord DESC LIMIT 50;
                        """))
        }

        let picks = try (0..<runs).compactMap { n in
            try library.list(.all, offset: (n * 7919) % max(1, count), limit: 1).first?.id
        }
        var relatedTimes: [Double] = []
        for id in picks {
            let start = Date()
            _ = try library.related(id)
            relatedTimes.append(Date().timeIntervalSince(start))
        }
        table.add("related + similar for one article", ms(relatedTimes) + " (max \(String(format: "%.1f", (relatedTimes.max() ?? 0) * 1000)))",
                  "< 20 ms", median(relatedTimes) < 0.02)

        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peak = Double(usage.ru_maxrss) / 1024
        table.add("peak RSS (whole run)", String(format: "%.0f MB", peak), "< 150 MB", peak < 150)
        let indexSize = (try? FileManager.default.attributesOfItem(atPath: locations.index.path)[.size] as? Int) ?? 0
        print("Library benchmark: \(count) synthetic articles (seed \(seed)) in \(root.path)")
        print("index \(indexSize / 1_048_576) MB; \(ProcessInfo.processInfo.activeProcessorCount) cores; median of \(runs) runs")
        if !reused { print("initial sync phases: \(phases)") }
        print("")
        table.print()
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

    func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
    }

    func measure(_ runs: Int, _ body: () throws -> Void) throws -> [Double] {
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = Date()
            try body()
            times.append(Date().timeIntervalSince(start))
        }
        return times
    }

    func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    func ms(_ values: [Double]) -> String { String(format: "%.1f ms", median(values) * 1000) }

    /// The same SQL in the `sqlite3` shell, timed by its own `.timer` (so process start-up is
    /// not counted); the sum of the statements' real times, median of a few runs.
    func shellTime(_ locations: LibraryLocations, _ sql: String) throws -> String {
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
            var total = 0.0
            for line in text.split(separator: "\n") where line.hasPrefix("Run Time: real ") {
                total += Double(line.dropFirst("Run Time: real ".count).split(separator: " ").first ?? "") ?? 0
            }
            totals.append(total)
        }
        return ms(totals)
    }
}

/// The printed table (Markdown, so it pastes into BENCHMARKS.md).
struct Table {
    var rows: [[String]] = []

    mutating func add(_ what: String, _ figure: String, _ bar: String, _ met: Bool, shell: String = "") {
        rows.append([what, figure, shell.isEmpty ? "n/a" : shell, bar, met ? "yes" : "NO"])
    }

    func print() {
        let header = ["measure", "cable", "sqlite3 shell", "bar", "met"]
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
