import ArgumentParser
import CableCore
import CableFeeds
import CableFetch
import Foundation

/// `cable fetch`: every subscribed feed into the library, then a sync.
struct Fetch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch every subscribed feed, saving each new item's page in the library under feeds/<feed>/.",
        discussion: """
            Feeds are asked for conditionally (ETag, Last-Modified); each item not seen before has its \
            page fetched and saved as `cable add` saves one. An item whose page cannot be had is saved \
            from the feed's own text, with a warning. Item categories become the article's tags, the \
            feed's title its source, and the feed's time its date, wherever the page itself says none. \
            At most 2 requests go to one host at a time (6 in all); time-outs and 5xx answers are \
            tried again after a pause. A feed that fails is reported and the others go on; the exit \
            status is then 1. One fetch runs at a time; a killed fetch picks up where it stopped.
            """)

    @OptionGroup var options: LibraryOptions
    @Flag(help: "Print what was fetched as JSON (no progress, no summary lines).") var json = false
    @Option(name: .long, help: "Seconds to wait for a server before giving up on a request.")
    var timeout: Double = 20
    @Option(name: .long, help: "Tries after the first when a request times out or the server answers 5xx.")
    var retries: Int = 2
    @Option(name: .long, help: "Largest feed or page accepted, in megabytes.")
    var maxSize: Int = 10

    func validate() throws {
        if !(timeout >= 1) { throw ValidationError("--timeout must be at least 1 second") }
        if retries < 0 || retries > 10 { throw ValidationError("--retries must be between 0 and 10") }
        if maxSize < 1 || maxSize > ArticleParser.maximumFileSize / 1_048_576 {
            throw ValidationError("--max-size must be between 1 and \(ArticleParser.maximumFileSize / 1_048_576) MB")
        }
    }

    func run() throws {
        try options.run(repeatable: false) {
            let subscriptions = try SubscriptionFile.standard().load().subscriptions
            guard !subscriptions.isEmpty else {
                if json { try Console.json(FetchReportJSON(FetchReport(feeds: [], seconds: 0))) }
                return Console.note("no subscriptions: cable feeds add URL (or cable feeds import FILE.opml)")
            }
            guard let lock = try FetchLock.take(at: FetchLock.standardLocation()) else {
                Console.note("error: another cable fetch is running")
                throw ExitCode.failure
            }
            defer { withExtendedLifetime(lock) {} }
            let library = try options.openForImport()
            let store = try FeedStateStore(at: FeedStateStore.standardLocation())
            let fetch = FeedFetch(subscriptions: subscriptions, library: library.root, store: store,
                                  options: fetchOptions()) { id in (try? library.article(id)) != nil }
            let output = FetchOutput(json: json)
            let report = fetch.run(onProgress: output.progress, onFeed: output.feedDone)
            output.finish()
            let sync = try library.sync()
            if json {
                try Console.json(FetchReportJSON(report))
            } else {
                Console.note(FetchOutput.total(report, indexed: sync.added + sync.updated, into: library.root))
            }
            if report.failedFeeds > 0 { throw ExitCode.failure }
        }
    }

    func fetchOptions() -> FeedFetchOptions {
        var fetchOptions = FeedFetchOptions()
        for keyPath in [\FeedFetchOptions.pagePolicy, \FeedFetchOptions.feedPolicy] {
            fetchOptions[keyPath: keyPath].idleTimeout = timeout
            fetchOptions[keyPath: keyPath].totalTimeout = max(timeout * 3, 60)
            fetchOptions[keyPath: keyPath].maximumBytes = maxSize * 1_048_576
        }
        fetchOptions.retries = retries
        return fetchOptions
    }
}
