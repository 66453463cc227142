import ArgumentParser
import CableCore
import Foundation

/// `cable-bench parse`: parser throughput over the sample library repeated to at least
/// 50 MB in memory, beside `wc -w` over the same bytes (written once to a temporary file),
/// so the figure means something on whatever machine runs it. Build with `-c release`.
struct ParseBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parser throughput (MB/s, articles/s) beside `wc -w` on the same bytes."
    )

    @Option(help: "Folder of sample articles (.txt), searched recursively.")
    var samples = "SampleData"

    @Option(help: "Megabytes of article text to parse (the samples repeated).")
    var megabytes = 50

    @Option(help: "Timed runs; the best is reported.")
    var runs = 3

    func run() throws {
        let files = try sampleFiles()
        guard !files.isEmpty else { throw ValidationError("no .txt files under \(samples)") }
        let originals = try files.map { try Data(contentsOf: $0) }
        let sampleBytes = originals.reduce(0) { $0 + $1.count }
        guard sampleBytes > 0 else { throw ValidationError("the sample files are empty") }

        // Repeat the samples until the corpus reaches the target size.
        var corpus: [Data] = []
        var total = 0
        let target = megabytes * 1_048_576
        while total < target {
            for data in originals {
                corpus.append(data)
                total += data.count
            }
        }
        let megabytesTotal = Double(total) / 1_048_576

        // Each round times the parser on one core, then `wc -w` on the same bytes: a shared
        // machine's speed drifts from one second to the next, and two figures taken in the
        // same moments compare more fairly than two series taken one after the other.
        let wordCount = try WordCount(corpus)
        defer { wordCount.remove() }
        var best = Double.infinity
        var wc: Double? = Double.infinity
        var quotes = 0
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            var found = 0
            for (index, data) in corpus.enumerated() {
                found &+= ArticleParser.parse(data: data, file: "sample-\(index).txt").quotes.count
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            best = min(best, seconds)
            quotes = found
            if let fastest = wc { wc = wordCount.seconds().map { min(fastest, $0) } }
        }

        // The same corpus parsed on every core, as `cable sync` does (wc -w has one core, so
        // this figure is for comparison with sync, not with wc).
        var bestParallel = Double.infinity
        let articles = corpus
        let cores = ProcessInfo.processInfo.activeProcessorCount
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            let stride = max(1, articles.count / (cores * 8))
            DispatchQueue.concurrentPerform(iterations: (articles.count + stride - 1) / stride) { chunk in
                for index in (chunk * stride)..<min(articles.count, (chunk + 1) * stride) {
                    _ = ArticleParser.parse(data: articles[index], file: "sample-\(index).txt")
                }
            }
            bestParallel = min(bestParallel, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }

        print("parse benchmark: \(files.count) sample files (\(sampleBytes) bytes) repeated to \(corpus.count) articles, \(String(format: "%.1f", megabytesTotal)) MB")
        print(String(format: "cable parser: %8.1f MB/s  %9.0f articles/s  (best of %d, %.3f s, %d quotes)",
                     megabytesTotal / best, Double(corpus.count) / best, max(1, runs), best, quotes))
        print(String(format: "cable parser, %d cores: %6.1f MB/s  %9.0f articles/s  (best of %d, %.3f s)",
                     cores, megabytesTotal / bestParallel, Double(corpus.count) / bestParallel, max(1, runs), bestParallel))
        if let wc {
            print(String(format: "wc -w:        %8.1f MB/s  (best of %d, %.3f s, same bytes from a temp file)",
                         megabytesTotal / wc, max(1, runs), wc))
            print(String(format: "parser (one core) / wc -w: %.2f", wc / best))
        } else {
            print("wc -w: not available on this machine")
        }
    }

    private func sampleFiles() throws -> [URL] {
        let root = URL(fileURLWithPath: samples)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw ValidationError("cannot read \(samples)")
        }
        var files: [URL] = []
        for case let url as URL in walker where url.pathExtension == "txt" { files.append(url) }
        return files.sorted { $0.path < $1.path }
    }
}

/// `wc -w` over the benchmark's corpus, written once to a temporary file.
private struct WordCount {
    let path: URL

    init(_ corpus: [Data]) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("cable-bench-\(ProcessInfo.processInfo.processIdentifier).txt")
        var joined = Data()
        for data in corpus { joined.append(data) }
        try joined.write(to: path)
    }

    func remove() { try? FileManager.default.removeItem(at: path) }

    /// One timed run, or nil when `wc` cannot be run here.
    func seconds() -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["wc", "-w", path.path]
        process.standardOutput = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
