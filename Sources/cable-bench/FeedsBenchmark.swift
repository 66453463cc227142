import ArgumentParser
import Foundation
import LocalHTTPServer
#if canImport(Glibc)
import Glibc
#endif

/// Issue 14's bars, end to end through the `cable` binary built beside this one: two outlets
/// on two loopback addresses (127.0.0.1 and 127.0.0.2), each with a feed of `--items` items
/// and their pages (the project's labelled HTML pages padded to `--page-kb`), every answer
/// `--latency-ms` late. One feed gives an ETag, the other nothing to validate with. Then:
/// the first `cable fetch`, a second with nothing new, one with a feed answering 500 and
/// another malformed XML beside new items in the good ones, and an export/import round trip.
struct FeedsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "Measure cable fetch against local feed servers (issue 14's bars).")

    @Option(help: "Items in each of the two feeds.") var items = 500
    @Option(help: "Milliseconds each answer waits before it is sent.") var latencyMs = 20
    @Option(help: "Size each page is padded to, in KB.") var pageKb = 60

    func run() throws {
        let cable = try Self.cableBinary()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("cable-bench-feeds-\(getpid())")
        defer { try? FileManager.default.removeItem(at: work) }
        let library = work.appendingPathComponent("library")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        for (name, folder) in [("XDG_CONFIG_HOME", "config"), ("XDG_STATE_HOME", "state"), ("XDG_DATA_HOME", "data"),
                               ("XDG_CACHE_HOME", "cache")] {
            environment[name] = work.appendingPathComponent(folder).path
        }
        environment["CABLE_LIBRARY"] = library.path

        let pages = try HTMLBenchmark.templatePages()
        let outlets = try [Outlet(address: "127.0.0.1", name: "Harbour Post", items: items, etag: true, pages: pages,
                                  pageKB: pageKb, latency: Double(latencyMs) / 1_000),
                           Outlet(address: "127.0.0.2", name: "Agency Wire", items: items, etag: false, pages: pages,
                                  pageKB: pageKb, latency: Double(latencyMs) / 1_000)]
        for outlet in outlets { outlet.prepare(items + 50) }
        // (The servers must outlive their last mention here: ARC may end them earlier.)
        defer { withExtendedLifetime(outlets) {} }
        print("two feeds of \(items) items on 127.0.0.1 and 127.0.0.2, \(latencyMs) ms per answer, "
              + "pages of \(outlets[0].averagePageKB) KB on average")
        var table = Table()
        let add = try Self.run(cable, ["feeds", "add"] + outlets.map(\.feedURL), environment)
        guard add.status == 0 else { throw ValidationError("cable feeds add failed: \(add.stderr)") }

        // 1. The first fetch.
        let first = try Self.fetch(cable, environment)
        let saved = first.json["saved"] as? Int ?? 0
        let fetchSeconds = first.json["seconds"] as? Double ?? 0
        let rate = Double(saved) / first.seconds
        table.add("first cable fetch: pages saved", String(format: "%d of %d in %.1f s: %.0f pages/s (%.0f/s fetching, "
                                                          + "before the sync; %.1f CPU s user, %.1f system)", saved,
                                                          items * 2, first.seconds, rate, Double(saved) / fetchSeconds,
                                                          first.cpu.user, first.cpu.system),
                  ">= 50 pages/s, all saved", saved == items * 2 && rate >= 50)

        // 2. Nothing new.
        let pagesBefore = outlets.map(\.pageRequests).reduce(0, +)
        let second = try Self.fetch(cable, environment)
        let downloaded = outlets.map(\.pageRequests).reduce(0, +) - pagesBefore
        let statuses = (second.json["feeds"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String }
        table.add("second cable fetch, nothing new", String(format: "%.2f s, %d page(s) downloaded (feeds: %@)",
                                                           second.seconds, downloaded, statuses.joined(separator: ", ")),
                  "< 2 s, no page", second.seconds < 2 && downloaded == 0)

        // 3. A feed answering 500 and one malformed, beside new items in the good ones.
        let broken = try LocalHTTPServer(address: "127.0.0.3") { request in
            request.path == "/500.xml" ? LocalHTTPServer.Response(status: 500, body: Data("down".utf8))
                : LocalHTTPServer.Response(headers: [("Content-Type", "application/rss+xml")],
                                           body: Data("<rss><channel><title>Bad</title><item><title>A & B</item></rss>".utf8))
        }
        defer { broken.stop() }
        let opml = work.appendingPathComponent("config/cable/feeds.opml")
        var text = try String(contentsOf: opml, encoding: .utf8)
        text = text.replacingOccurrences(of: "  </body>", with: """
                <outline type="rss" text="Down" xmlUrl="\(broken.base)/500.xml"/>
                <outline type="rss" text="Malformed" xmlUrl="\(broken.base)/bad.xml"/>
              </body>
            """)
        try text.write(to: opml, atomically: true, encoding: .utf8)
        for outlet in outlets { outlet.addItems(50) }
        let third = try Self.fetch(cable, environment, expecting: 1)
        let feeds = third.json["feeds"] as? [[String: Any]] ?? []
        let failed = feeds.filter { $0["status"] as? String == "failed" }.compactMap { $0["title"] as? String }
        for feed in feeds where feed["status"] as? String == "failed" {
            print("  \(feed["title"] as? String ?? "?"): \(feed["error"] as? String ?? "?")")
        }
        let arrived = feeds.filter { $0["status"] as? String == "fetched" }
            .map { ($0["saved"] as? [Any] ?? []).count }.reduce(0, +)
        table.add("a 500 feed and a malformed one beside 2 x 50 new items",
                  "exit \(third.status); failed: \(failed.joined(separator: ", ")); \(arrived) new items arrived",
                  "both reported, all 100 arrive", third.status == 1 && failed.sorted() == ["Down", "Malformed"] && arrived == 100)

        // 4. Export, then import into an empty config.
        let exported = try Self.run(cable, ["feeds", "export"], environment)
        let file = work.appendingPathComponent("exported.opml")
        try Data(exported.stdout.utf8).write(to: file)
        var fresh = environment
        fresh["XDG_CONFIG_HOME"] = work.appendingPathComponent("config2").path
        _ = try Self.run(cable, ["feeds", "import", file.path], fresh)
        let reexported = try Self.run(cable, ["feeds", "export"], fresh)
        let same = exported.status == 0 && !exported.stdout.isEmpty && reexported.stdout == exported.stdout
        table.add("feeds export, then import into an empty config", same ? "the same OPML, byte for byte"
                  : "DIFFERENT", "the same subscriptions", same)
        table.print()
    }

    // MARK: Running cable

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var seconds: Double
        /// User and system CPU seconds of the `cable` process.
        var cpu: (user: Double, system: Double)
        var json: [String: Any] = [:]
    }

    static func fetch(_ cable: URL, _ environment: [String: String], expecting status: Int32 = 0) throws -> Run {
        var run = try Self.run(cable, ["fetch", "--json"], environment)
        guard run.status == status else {
            throw ValidationError("cable fetch exited \(run.status), not \(status): \(run.stderr.suffix(2_000))")
        }
        run.json = (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]) ?? [:]
        return run
    }

    static func run(_ cable: URL, _ arguments: [String], _ environment: [String: String]) throws -> Run {
        let process = Process()
        process.executableURL = cable
        process.arguments = arguments
        process.environment = environment
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cable-bench-out-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("cable-bench-err-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let started = Date()
        let before = childrenCPU()
        try process.run()
        process.waitUntilExit()
        let after = childrenCPU()
        return Run(status: process.terminationStatus, stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "", seconds: Date().timeIntervalSince(started),
                   cpu: (after.user - before.user, after.system - before.system))
    }

    /// CPU seconds of the children waited for so far.
    static func childrenCPU() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return (Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1_000_000,
                Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1_000_000)
    }

    /// `cable`, built beside this binary.
    static func cableBinary() throws -> URL {
        let url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("cable")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw ValidationError("no cable binary at \(url.path): swift build -c release first")
        }
        return url
    }
}

/// One outlet: a feed and its pages on a loopback address, answering late.
final class Outlet: @unchecked Sendable {
    let server: LocalHTTPServer
    private let site: OutletSite

    init(address: String, name: String, items: Int, etag: Bool, pages: [Data], pageKB: Int, latency: TimeInterval) throws {
        let site = OutletSite(name: name, items: items, etag: etag, pages: pages, pageKB: pageKB)
        self.site = site
        server = try LocalHTTPServer(address: address) { request in
            var response = site.answer(request)
            response.delay = latency
            return response
        }
        site.base = server.base
    }

    deinit { server.stop() }

    var feedURL: String { server.base + "/feed.xml" }
    var averagePageKB: Int { (0..<10).map { site.page($0).count }.reduce(0, +) / 10 / 1024 }
    var pageRequests: Int { site.pageRequests }

    func addItems(_ more: Int) { site.addItems(more) }

    func prepare(_ count: Int) { site.prepare(count) }
}

/// What an outlet serves: its feed (newest first, with an ETag or without) and its pages.
final class OutletSite: @unchecked Sendable {
    let name: String
    private let lock = NSLock()
    private var count: Int
    private let etag: Bool
    private let pages: [Data]
    private let pageKB: Int
    private var served = 0
    private var address = ""

    init(name: String, items: Int, etag: Bool, pages: [Data], pageKB: Int) {
        self.name = name
        self.count = items
        self.etag = etag
        self.pages = pages
        self.pageKB = pageKB
    }

    var base: String {
        get { lock.withLock { address } }
        set { lock.withLock { address = newValue } }
    }

    var pageRequests: Int { lock.withLock { served } }

    func addItems(_ more: Int) {
        lock.withLock { count += more }
    }

    func answer(_ request: LocalHTTPServer.Request) -> LocalHTTPServer.Response {
        if request.path == "/feed.xml" {
            let (items, tag) = lock.withLock { (count, "\"\(count)\"") }
            if etag, request.headers["if-none-match"] == tag { return LocalHTTPServer.Response(status: 304, body: Data()) }
            var response = LocalHTTPServer.Response(headers: [("Content-Type", "application/rss+xml; charset=utf-8")],
                                                    body: feed(items))
            if etag { response.headers.append(("ETag", tag)) }
            return response
        }
        guard request.path.hasPrefix("/story/"), let number = Int(request.path.dropFirst(7)) else {
            return LocalHTTPServer.Response(status: 404)
        }
        lock.withLock { served += 1 }
        return LocalHTTPServer.Response(body: page(number))
    }

    private func feed(_ items: Int) -> Data {
        let base = self.base
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>\(name)</title>"
            + "<link>\(base)/</link>"
        for number in stride(from: items - 1, through: 0, by: -1) {
            xml += "<item><title>\(name) story \(number)</title><link>\(base)/story/\(number)</link>"
                + "<guid isPermaLink=\"false\">\(name)-\(number)</guid><pubDate>Tue, 10 Jun 2003 04:00:00 +0200</pubDate>"
                + "<category>Bench</category><description>Story \(number) in short.</description></item>"
        }
        return Data((xml + "</channel></rss>").utf8)
    }

    /// A labelled page, made a different article by a sentence naming the outlet and number;
    /// made once (the server's own work should not compete with the fetch it serves).
    func page(_ number: Int) -> Data {
        if let made = lock.withLock({ made[number] }) { return made }
        let page = makePage(number)
        lock.withLock { made[number] = page }
        return page
    }

    private var made: [Int: Data] = [:]

    func prepare(_ count: Int) {
        for number in 0..<count { _ = page(number) }
    }

    private func makePage(_ number: Int) -> Data {
        var page = HTMLBenchmark.padded(pages[number % pages.count], copy: number, toKB: pageKB)
        let unique = Data("<p>\(name) filed this as story \(number).</p>".utf8)
        let end = ["</body>", "</BODY>", "</html>", "</HTML>"].lazy
            .compactMap { page.range(of: Data($0.utf8), options: .backwards)?.lowerBound }.first
        page.insert(contentsOf: unique, at: end ?? page.endIndex)
        return page
    }
}
