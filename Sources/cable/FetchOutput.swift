import CableFeeds
import CableUI
import Foundation

/// What `cable fetch` shows while it runs: on a terminal, a progress bar on stderr (feeds and
/// pages, redrawn in place); a one-line summary per feed on stdout as each is finished, its
/// warnings on stderr. With `--json`, nothing until the report.
final class FetchOutput: @unchecked Sendable {
    private let json: Bool
    private let drawsBar: Bool
    private let lock = NSLock()
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var last = FetchProgress()
    private var drawn = false

    init(json: Bool) {
        self.json = json
        drawsBar = !json && Console.stderrIsTerminal
    }

    func progress(_ progress: FetchProgress) {
        guard drawsBar else { return }
        lock.withLock {
            last = progress
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            draw()
        }
    }

    func feedDone(_ report: FeedReport) {
        guard !json else { return }
        lock.withLock {
            clear()
            Console.out(report.summary)
            for warning in report.warnings { Console.note("  \(report.title): \(warning)") }
            if drawsBar { draw() }
        }
    }

    func finish() {
        lock.withLock { clear() }
    }

    /// The last line: what the whole fetch did.
    static func total(_ report: FetchReport, indexed: Int, into root: URL) -> String {
        let rate = report.seconds > 0 ? Double(report.pagesDownloaded) / report.seconds : 0
        var line = "\(NumberText.grouped(report.feeds.count)) feed(s): \(NumberText.grouped(report.saved)) new "
            + "article(s) into \(root.path)/feeds"
        if report.failedFeeds > 0 { line += "; \(report.failedFeeds) feed(s) failed (cable feeds list)" }
        line += String(format: "; %.1f s, %d page(s) at %.0f/s", report.seconds, report.pagesDownloaded, rate)
        if indexed > 0 { line += "; \(NumberText.grouped(indexed)) indexed" }
        return line
    }

    /// `[#######---------] 1/2 feeds · 340/1,000 pages · 85/s`
    private func draw() {
        let total = max(1, last.feeds + last.pages)
        let done = last.feedsDone + last.pagesDone
        let width = 24
        let filled = min(width, done * width / total)
        let rate = Double(last.pagesDone) / max(Date().timeIntervalSince(started), 0.001)
        let bar: String = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let feeds: String = "\(last.feedsDone)/\(last.feeds) feeds"
        let pages: String = NumberText.grouped(last.pagesDone) + "/" + NumberText.grouped(last.pages) + " pages"
        let line: String = "\r[" + bar + "] " + feeds + " · " + pages + " · " + String(format: "%.0f/s ", rate)
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    private func clear() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}
