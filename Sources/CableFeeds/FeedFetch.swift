import CableCore
import CableFetch
import Foundation

/// The limits and habits of a fetch.
public struct FeedFetchOptions: Sendable {
    /// Pages: what `cable add` accepts (HTML, 10 MB, time-outs).
    public var pagePolicy = FetchPolicy()
    /// Feeds: any content type (the XML parser decides), the same size and time limits.
    public var feedPolicy = FetchPolicy()
    /// Tries after the first when a request times out or the server answers 5xx or 429.
    public var retries = 2
    /// Seconds before the first retry; each further one waits twice as long.
    public var backoff: TimeInterval = 1
    public var perHost = 2
    public var overall = 6
    /// Fetches in which an item with no page and no text of its own is tried before it is
    /// given up.
    public var itemAttempts = 3

    public init() {}
}

/// Fetches every subscribed feed into a library: each feed (conditionally, when it gave
/// validators), then the page of each item not seen before, saved under
/// `<library>/feeds/<feed>/` (see `ItemPage`), every item noted in the state store as soon as
/// its file is written. One feed failing never stops the others.
public final class FeedFetch: @unchecked Sendable {
    let subscriptions: [Subscription]
    let root: URL
    let store: FeedStateStore
    let options: FeedFetchOptions
    /// Whether the library already has an article (by its content's id).
    let isKnown: @Sendable (ArticleID) -> Bool
    let scheduler: RequestScheduler
    private let lock = NSLock()
    private var progress = FetchProgress()
    private var savedIDs: Set<ArticleID> = []
    private var onProgress: @Sendable (FetchProgress) -> Void = { _ in }
    private var onFeed: @Sendable (FeedReport) -> Void = { _ in }

    public init(subscriptions: [Subscription], library root: URL, store: FeedStateStore,
                options: FeedFetchOptions = FeedFetchOptions(), isKnown: @escaping @Sendable (ArticleID) -> Bool) {
        self.subscriptions = subscriptions
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
        self.store = store
        self.options = options
        self.isKnown = isKnown
        scheduler = RequestScheduler(perHost: options.perHost, overall: options.overall)
    }

    var libraryKey: String { root.path }
    var feedsFolder: URL { root.appendingPathComponent("feeds", isDirectory: true) }

    /// Fetches everything; calls `onProgress` as feeds and pages are done and `onFeed` as
    /// each feed is finished (from worker threads), and returns the feeds' reports in
    /// subscription order.
    public func run(onProgress: @escaping @Sendable (FetchProgress) -> Void = { _ in },
                    onFeed: @escaping @Sendable (FeedReport) -> Void = { _ in }) -> FetchReport {
        let started = Date()
        self.onProgress = onProgress
        self.onFeed = onFeed
        removeLeftovers()
        update { $0.feeds = self.subscriptions.count }
        let runs = subscriptions.map { FeedRun(subscription: $0) }
        for run in runs {
            guard let url = URL(string: run.subscription.url), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                  url.host?.isEmpty == false else {
                failed(run, "not an http(s) address")
                continue
            }
            fetchFeed(run, url: url, attempt: 0)
        }
        scheduler.run()
        return FetchReport(feeds: runs.map(\.report), seconds: Date().timeIntervalSince(started))
    }

    /// The most requests one host had at once during the run.
    public var peakRequestsPerHost: [String: Int] { scheduler.peakRequestsPerHost }

    // MARK: Feeds

    private func fetchFeed(_ run: FeedRun, url: URL, attempt: Int) {
        let validators = (try? store.feed(library: libraryKey, url: run.subscription.url))??.validators ?? Validators()
        scheduler.submit(host: url.host ?? "", notBefore: Date().addingTimeInterval(delay(before: attempt))) { slot in
            let result = PageFetcher(policy: self.options.feedPolicy)
                .fetch(FetchRequest(url: url, accepts: .anything, validators: validators))
            slot.release()
            switch result {
            case .failure(let error) where error.isTransient && attempt < self.options.retries:
                self.fetchFeed(run, url: url, attempt: attempt + 1)
            case .failure(let error):
                self.failed(run, error.description)
            case .success(let page) where page.notModified:
                self.notModified(run)
            case .success(let page):
                self.read(page, run)
            }
        }
    }

    private func delay(before attempt: Int) -> TimeInterval {
        attempt == 0 ? 0 : options.backoff * pow(2, Double(attempt - 1))
    }

    private func read(_ page: FetchedPage, _ run: FeedRun) {
        let feed: Feed
        let folder: URL
        do {
            feed = try FeedParser.parse(page.body, address: page.final)
            let title = run.subscription.title ?? feed.title ?? page.final.host ?? "feed"
            run.begin(feed: feed, source: title, validators: page.validators)
            let name = try store.folder(library: libraryKey, url: run.subscription.url,
                                        preferred: SavedPageFile.folderName(title))
            folder = feedsFolder.appendingPathComponent(name, isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            run.folder = folder
            run.change { $0.folder = name }
        } catch {
            return failed(run, "\(error)")
        }
        let done = (try? store.doneKeys(library: libraryKey, feed: run.subscription.url)) ?? []
        var keys: Set<String> = []
        var new: [FeedItem] = []
        for item in feed.items {
            if done.contains(item.key) || !keys.insert(item.key).inserted {
                run.change { $0.alreadySeen += 1 }
            } else {
                new.append(item)
            }
        }
        run.change {
            $0.items = feed.items.count
            $0.warnings += feed.warnings
        }
        run.expect(new.count)
        update { $0.pages += new.filter { $0.link != nil }.count }
        for item in new { take(item, of: run) }
        if new.isEmpty { finished(run) }
    }

    private func take(_ item: FeedItem, of run: FeedRun) {
        guard let link = item.link else {
            return fallBack(item, of: run, reason: "the item has no link")
        }
        if let file = try? store.savedFile(library: libraryKey, link: link.absoluteString) {
            note(item, of: run) { $0.file = file }
            run.change { $0.alreadyInLibrary += 1 }
            update { $0.pagesDone += 1 }
            return itemDone(run)
        }
        fetchPage(item, link: link, of: run, attempt: 0)
    }

    // MARK: Pages

    private func fetchPage(_ item: FeedItem, link: URL, of run: FeedRun, attempt: Int) {
        scheduler.submit(host: link.host ?? "", notBefore: Date().addingTimeInterval(delay(before: attempt))) { slot in
            let result = PageFetcher(policy: self.options.pagePolicy).fetch(link)
            slot.release()
            switch result {
            case .failure(let error) where error.isTransient && attempt < self.options.retries:
                self.fetchPage(item, link: link, of: run, attempt: attempt + 1)
            case .failure(let error):
                self.update { $0.pagesDone += 1 }
                self.fallBack(item, of: run, reason: error.description)
            case .success(let page):
                self.update { $0.pagesDone += 1 }
                run.change { $0.pagesDownloaded += 1 }
                self.save(page, item: item, of: run)
            }
        }
    }

    private func save(_ page: FetchedPage, item: FeedItem, of run: FeedRun) {
        let contents = SavedPageFile.contents(of: page)
        let article = HTMLArticleReader.parse(data: contents, file: "page.html")
        guard claim(article.id) else {
            note(item, of: run) { _ in }
            run.change { $0.alreadyInLibrary += 1 }
            return itemDone(run)
        }
        let data = ItemPage.fromPage(contents, reading: article, item: item, source: run.source)
        let name = SavedPageFile.fileName(headline: article.titleDerived ? nil : article.title, address: page.final)
        write(data, named: name, item: item, of: run, fromFeed: false)
    }

    /// The page could not be had: the item's own text, else (with nothing to save) a note
    /// of the attempt, given up after `itemAttempts` fetches.
    private func fallBack(_ item: FeedItem, of run: FeedRun, reason: String) {
        if let content = item.content {
            let data = ItemPage.fromFeed(item, content: content, feedURL: run.subscription.url, source: run.source)
            let article = HTMLArticleReader.parse(data: data, file: "page.html")
            guard claim(article.id) else {
                note(item, of: run) { _ in }
                run.change { $0.alreadyInLibrary += 1 }
                return itemDone(run)
            }
            let name = SavedPageFile.fileName(headline: item.title, address: item.link ?? URL(fileURLWithPath: "/item"))
            run.change { $0.warnings.append("\(item.title ?? item.key): \(reason); saved from the feed's text") }
            return write(data, named: name, item: item, of: run, fromFeed: true)
        }
        let previous = (try? store.item(library: libraryKey, feed: run.subscription.url, key: item.key))??.attempts ?? 0
        let givenUp = previous + 1 >= options.itemAttempts
        note(item, of: run) {
            $0.attempts = previous + 1
            $0.lastError = reason
            $0.done = givenUp
        }
        run.change {
            $0.failedItems += 1
            if !givenUp { $0.retryLater += 1 }
            $0.warnings.append("\(item.title ?? item.key): \(reason), and the feed has no text for it"
                + (givenUp ? "; given up" : "; tried again next time"))
        }
        if !givenUp { run.leaveForLater() }
        itemDone(run)
    }

    private func write(_ data: Data, named name: String, item: FeedItem, of run: FeedRun, fromFeed: Bool) {
        guard let folder = run.folder else { return itemDone(run) }
        do {
            let written = try SavedPageFile.write(data, named: name, in: folder) { ItemPage.sameFirstLine(data, as: $0) }
            let file = "feeds/\(folder.lastPathComponent)/\(written)"
            note(item, of: run) {
                $0.file = file
                $0.fromFeed = fromFeed
            }
            run.change { $0.saved.append(SavedArticle(file: file, link: item.link?.absoluteString, fromFeed: fromFeed)) }
            update { $0.saved += 1 }
        } catch {
            run.change {
                $0.failedItems += 1
                $0.warnings.append("\(item.title ?? item.key): cannot save: \(error.localizedDescription)")
            }
            run.leaveForLater()
        }
        itemDone(run)
    }

    /// Notes the item in the state store (done unless `change` says otherwise).
    private func note(_ item: FeedItem, of run: FeedRun, _ change: (inout ItemRecord) -> Void) {
        var record = ItemRecord(library: libraryKey, feed: run.subscription.url, key: item.key,
                                link: item.link?.absoluteString)
        record.done = true
        change(&record)
        do {
            try store.record(record)
        } catch {
            run.change { $0.warnings.append("cannot note \(item.title ?? item.key) as seen: \(error)") }
            run.leaveForLater()
        }
    }

    /// Whether an article is new to the library and to this fetch (and now taken).
    private func claim(_ id: ArticleID) -> Bool {
        if isKnown(id) { return false }
        return lock.withLock { savedIDs.insert(id).inserted }
    }

    // MARK: Endings

    private func itemDone(_ run: FeedRun) {
        if run.itemFinished() { finished(run) }
    }

    private func finished(_ run: FeedRun) {
        var record = (try? store.feed(library: libraryKey, url: run.subscription.url)) ?? nil
            ?? FeedRecord(library: libraryKey, url: run.subscription.url)
        let now = Date()
        record.title = run.feedTitle
        // Validators only once every item has what it needs: a later 304 must not hide an
        // item still to be tried.
        record.validators = run.leftForLater ? Validators() : run.validators
        record.lastFetched = now
        record.lastAttempt = now
        record.lastError = nil
        record.itemCount = run.report.items
        try? store.save(record)
        conclude(run, status: .fetched)
    }

    private func notModified(_ run: FeedRun) {
        var record = (try? store.feed(library: libraryKey, url: run.subscription.url)) ?? nil
            ?? FeedRecord(library: libraryKey, url: run.subscription.url)
        record.lastFetched = Date()
        record.lastAttempt = record.lastFetched
        record.lastError = nil
        try? store.save(record)
        run.change {
            $0.folder = record.folder
            $0.items = record.itemCount
        }
        conclude(run, status: .notModified)
    }

    private func failed(_ run: FeedRun, _ reason: String) {
        var record = (try? store.feed(library: libraryKey, url: run.subscription.url)) ?? nil
            ?? FeedRecord(library: libraryKey, url: run.subscription.url)
        record.lastAttempt = Date()
        record.lastError = reason
        try? store.save(record)
        run.change { $0.error = reason }
        conclude(run, status: .failed)
    }

    private func conclude(_ run: FeedRun, status: FeedReport.Status) {
        run.change {
            $0.status = status
            $0.seconds = Date().timeIntervalSince(run.started)
        }
        update { $0.feedsDone += 1 }
        onFeed(run.report)
    }

    private func update(_ change: (inout FetchProgress) -> Void) {
        let now = lock.withLock {
            change(&progress)
            return progress
        }
        onProgress(now)
    }

    /// Temporary files of a fetch that was killed while writing (hidden, so never read).
    private func removeLeftovers() {
        let manager = FileManager.default
        guard let folders = try? manager.contentsOfDirectory(at: feedsFolder, includingPropertiesForKeys: nil) else { return }
        for folder in folders {
            guard let names = try? manager.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names where name.hasPrefix(".cable-add-") && name.hasSuffix(".tmp") {
                try? manager.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }
}
