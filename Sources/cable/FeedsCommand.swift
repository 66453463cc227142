import ArgumentParser
import CableCore
import CableFeeds
import CableFetch
import Foundation

/// `cable feeds add|import|export|list|remove`: the subscriptions in
/// `$XDG_CONFIG_HOME/cable/feeds.opml`.
struct Feeds: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "Manage feed subscriptions (RSS and Atom), kept in $XDG_CONFIG_HOME/cable/feeds.opml.",
        discussion: """
            The subscriptions are a plain OPML 2.0 file: edit it, back it up, or take it to another \
            reader. `cable fetch` fetches them into the library, under feeds/<feed title>/. What \
            fetching remembers (validators, times, errors, items seen) is kept apart, in \
            $XDG_STATE_HOME/cable/feeds.sqlite.
            """,
        subcommands: [FeedsAdd.self, FeedsImport.self, FeedsExport.self, FeedsList.self, FeedsRemove.self])
}

struct FeedsAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Subscribe to feeds: a feed's address, or a web page that names its feed.",
        discussion: """
            Each address is fetched once: a feed (RSS 2.0, RSS 1.0, Atom) is subscribed to under its \
            own title; a web page is searched for <link rel="alternate"> naming an RSS or Atom feed, \
            and the first one is subscribed to. The exit status is 1 when any address failed.
            """)

    @Option(name: .long, help: "Seconds to wait for the server.") var timeout: Double = 20
    @Argument(help: "Feed or page addresses (http:// or https://).") var addresses: [String]

    func validate() throws {
        if addresses.isEmpty { throw ValidationError("give at least one address") }
        if !(timeout >= 1) { throw ValidationError("--timeout must be at least 1 second") }
    }

    func run() throws {
        try Console.run {
            let file = SubscriptionFile.standard()
            var list = try file.load()
            var policy = FetchPolicy()
            policy.idleTimeout = timeout
            let fetcher = PageFetcher(policy: policy)
            var failed = 0
            let before = list
            for address in addresses {
                if list.contains(address) {
                    Console.note("already subscribed: \(address)")
                    continue
                }
                switch FeedLookup.subscription(for: address, fetcher: fetcher) {
                case .failure(let error):
                    failed += 1
                    Console.note("failed \(address): \(error)")
                case .success(let found):
                    let feed = found.subscription
                    guard list.add(feed) else {
                        Console.note("already subscribed: \(feed.url) (named by \(address))")
                        continue
                    }
                    let more = found.named.count > 1 ? " (the page names \(found.named.count) feeds; the first is taken)" : ""
                    let via = found.named.isEmpty ? "" : " from the page \(address)"
                    Console.out("added \(feed.displayTitle): \(feed.url)\(via)\(more)")
                }
            }
            if list != before { try file.save(list) }
            if failed > 0 { throw ExitCode.failure }
        }
    }
}

struct FeedsImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the feeds of an OPML file (as other readers export) to the subscriptions.",
        discussion: "Feeds already subscribed to are left as they are; folders come along. `-` reads stdin.")

    @Argument(help: "The OPML file, or - for stdin.") var file: String

    func run() throws {
        try Console.run {
            let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                : try Data(contentsOf: URL(fileURLWithPath: file))
            let incoming = try OPML.read(data)
            let subscriptions = SubscriptionFile.standard()
            var list = try subscriptions.load()
            var added = 0
            for feed in incoming.subscriptions where list.add(feed) { added += 1 }
            if list.title == nil { list.title = incoming.title }
            try subscriptions.save(list)
            Console.note("\(added) feed(s) imported, \(incoming.subscriptions.count - added) already subscribed, "
                         + "into \(subscriptions.url.path)")
        }
    }
}

struct FeedsExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the subscriptions as OPML 2.0 (for another reader, or a backup).")

    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?

    func run() throws {
        try Console.run {
            let data = OPML.write(try SubscriptionFile.standard().load())
            if let output {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } else {
                Console.stdout(data)
            }
        }
    }
}

struct FeedsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The subscriptions: title, address, last fetched, last error, articles in the library.")

    @OptionGroup var options: LibraryOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try Console.run {
            let list = try SubscriptionFile.standard().load()
            let root = LibraryLocations.standard(root: options.importFolder()).root
            let store = try FeedStateStore(at: FeedStateStore.standardLocation())
            let records = Dictionary(try store.feeds(library: root.path).map { ($0.url, $0) }) { first, _ in first }
            let rows = list.subscriptions.map { feed in
                FeedListRow(subscription: feed, record: records[feed.url], root: root)
            }
            if json { return try Console.json(rows) }
            if rows.isEmpty { return Console.note("no subscriptions yet: cable feeds add URL") }
            for row in rows {
                let fetched = row.record?.lastFetched.map { String(Console.iso8601($0).prefix(16)) } ?? "never"
                Console.out(Console.pad(Console.fit(row.subscription.displayTitle, 32), 32) + " "
                            + String(row.articles).leftPadded(6) + "  "
                            + Console.pad(fetched.replacingOccurrences(of: "T", with: " "), 16) + "  "
                            + row.subscription.url)
                if let error = row.record?.lastError { Console.out("    last error: \(error)") }
            }
        }
    }
}

struct FeedsRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Unsubscribe from feeds (their articles stay in the library).")

    @Argument(help: "Feed addresses, as `cable feeds list` shows them.") var addresses: [String]

    func validate() throws {
        if addresses.isEmpty { throw ValidationError("give at least one feed address") }
    }

    func run() throws {
        try Console.run {
            let file = SubscriptionFile.standard()
            var list = try file.load()
            var missing = 0
            for address in addresses {
                if list.remove(address) {
                    Console.out("removed \(address)")
                } else {
                    missing += 1
                    Console.note("not subscribed: \(address)")
                }
            }
            if missing < addresses.count { try file.save(list) }
            if missing > 0 { throw ExitCode.failure }
        }
    }
}

/// A subscription with its bookkeeping and the articles its folder holds.
struct FeedListRow {
    var subscription: Subscription
    var record: FeedRecord?
    /// Article files in the feed's folder (the files are the truth, not the bookkeeping).
    var articles: Int

    init(subscription: Subscription, record: FeedRecord?, root: URL) {
        self.subscription = subscription
        self.record = record
        articles = record?.folder.map { folder in
            let path = root.appendingPathComponent("feeds", isDirectory: true).appendingPathComponent(folder).path
            return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.count
        } ?? 0
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
