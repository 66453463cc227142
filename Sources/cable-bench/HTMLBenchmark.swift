import ArgumentParser
import CableCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Issue 13's sync bar for web pages: a library of saved HTML pages, each the size of a real
/// news page (the project's labelled pages, each copy given site furniture, menus, inline
/// scripts and styles up to `--page-kb`), synced from scratch.
struct HTMLBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "html",
        abstract: "Measure the initial sync of a library of saved HTML pages.")

    @Option(help: "Pages in the library.") var count = 5_000
    @Option(help: "Size each page is padded to, in KB (real news pages are 50-300 KB).") var pageKb = 120

    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/CableCoreTests/HTMLPages")

    /// The labelled pages the benchmark pages are made from.
    static func templatePages() throws -> [Data] {
        let pages = try FileManager.default.contentsOfDirectory(at: templates, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "html" }.sorted { $0.path < $1.path }
            .map { try Data(contentsOf: $0) }
        guard !pages.isEmpty else { throw ValidationError("no pages under \(templates.path)") }
        return pages
    }

    func run() throws {
        let pages = try Self.templatePages()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("cable-bench-html-\(getpid())")
        let root = work.appendingPathComponent("library")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        var bytes = 0
        for index in 0..<count {
            let page = Self.padded(pages[index % pages.count], copy: index, toKB: pageKb)
            bytes += page.count
            try page.write(to: root.appendingPathComponent("page-\(index).html"))
        }
        print("\(count) pages, \(bytes / count / 1024) KB each on average (\(bytes / 1_048_576) MB)")
        // The pages just written are flushed to disk first, so the sync is not timed against
        // the kernel writing them back (a library's files are written long before it syncs).
        Glibc.sync()

        let locations = LibraryLocations(root: root, index: work.appendingPathComponent("index.sqlite"),
                                         state: work.appendingPathComponent("state.sqlite"))
        let library = try Library.open(locations)
        let started = Date()
        let cpuBefore = processCPUSeconds()
        let report = try library.sync()
        let seconds = Date().timeIntervalSince(started)
        let cpu = processCPUSeconds() - cpuBefore
        let rate = Double(report.added) / seconds
        print("sync phases: " + report.phases.map { String(format: "%@ %.2f s", $0.name, $0.seconds) }.joined(separator: ", "))
        var table = Table()
        table.add("initial sync of HTML pages",
                  String(format: "%.0f articles/s (%d in %.1f s; %.1f CPU s, %.0f articles per CPU second)",
                         rate, report.added, seconds, cpu, Double(report.added) / cpu),
                  ">= 500 articles/s", rate >= 500)

        // The HTML reader alone, on one core: by the clock, and by this thread's CPU time
        // (which another process's load on this shared machine does not inflate).
        let sample = (0..<min(count, 500)).compactMap { try? Data(contentsOf: root.appendingPathComponent("page-\($0).html")) }
        let parseStarted = Date()
        let cpuStarted = threadCPUSeconds()
        for data in sample { _ = HTMLArticleReader.parse(data: data, file: "page.html") }
        let parseRate = Double(sample.count) / Date().timeIntervalSince(parseStarted)
        let cpuRate = Double(sample.count) / (threadCPUSeconds() - cpuStarted)
        table.add("HTML reader alone (one core)", String(format: "%.0f pages/s (%.0f per CPU second)", parseRate, cpuRate),
                  "(its ceiling)", true)
        table.print()
        try library.close()
    }

    /// User and system time of the whole process (every thread), in seconds.
    func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
    }

    func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
    }

    /// A labelled page grown to a real page's weight with what real pages carry and Cable
    /// never reads, in about the shares they carry it: inline script state (half), styles
    /// (a fifth), and menus of links (the rest). An edition link with the copy's number makes
    /// each copy's text, and so its id, its own.
    static func padded(_ page: Data, copy: Int, toKB kilobytes: Int) -> Data {
        var text = String(decoding: page, as: UTF8.self)
        let room = max(0, kilobytes * 1024 - text.utf8.count)
        var padding = "<!-- copy \(copy) -->\n<style>"
        while padding.utf8.count < room / 5 { padding += ".c\(padding.utf8.count % 997){margin:0 auto;padding:4px 8px}\n" }
        padding += "</style>\n<script>window.__STATE__=["
        while padding.utf8.count < room * 7 / 10 { padding += "{\"id\":\(padding.utf8.count),\"kind\":\"teaser\",\"n\":\(copy)}," }
        padding += "0];</script>\n<nav class=\"mega-menu\"><ul><li><a href=\"/editions/\(copy)\">Edition \(copy)</a></li>"
        var item = 0
        while padding.utf8.count < room - 40 {
            padding += "<li><a href=\"/section/\(item)\">Section \(item)</a></li>"
            item += 1
        }
        padding += "</ul></nav>\n"
        if let head = text.range(of: "</head>", options: .caseInsensitive) {
            text.insert(contentsOf: padding, at: head.lowerBound)
        } else {
            text = padding + text
        }
        return Data(text.utf8)
    }
}
