import ArgumentParser
import CableCore
import CableFetch
import Foundation

/// `cable add URL...`: fetches web pages and saves each, unmodified, as an `.html` file in
/// the library (with the "saved from" line browsers write), then syncs.
struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Fetch web pages (http/https) into the library as .html files, then sync.",
        discussion: """
            Each page is saved as it arrived, under a name made from its headline, with \
            "<!-- saved from url=(NNNN)ADDRESS -->" on its first line. A page whose address (or \
            content) is already in the library is not added again. Redirects are followed (a \
            few, never in a loop); pages that are not HTML, too large or too slow are refused \
            with the reason. The exit status is 1 when any address failed.
            """)

    @OptionGroup var options: LibraryOptions
    @Option(name: .long, help: "Seconds to wait for the server before giving up on a page.")
    var timeout: Double = 20
    @Option(name: .long, help: "Largest page accepted, in megabytes.")
    var maxSize: Int = 10
    @Argument(help: "Web addresses (http:// or https://).") var addresses: [String]

    func validate() throws {
        if addresses.isEmpty { throw ValidationError("give at least one web address") }
        if !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
        if maxSize < 1 || maxSize > ArticleParser.maximumFileSize / 1_048_576 {
            throw ValidationError("--max-size must be between 1 and \(ArticleParser.maximumFileSize / 1_048_576) MB")
        }
    }

    func run() throws {
        try options.run(repeatable: false) {
            let library = try options.openForImport()
            var policy = FetchPolicy()
            policy.idleTimeout = timeout
            policy.totalTimeout = max(timeout * 3, 60)
            policy.maximumBytes = maxSize * 1_048_576
            var adding = PageAdding(library: library, fetcher: PageFetcher(policy: policy))
            for address in addresses { adding.add(address) }
            _ = try library.sync()
            let counts = adding.counts
            Console.note("\(counts.added) added, \(counts.present) already in the library, \(counts.failed) failed, "
                         + "into \(library.root.path)")
            if counts.failed > 0 { throw ExitCode.failure }
        }
    }
}

/// The adding of pages one address at a time, with what it has seen so far (so an address
/// given twice, or two addresses redirecting to one page, add one file).
struct PageAdding {
    let library: Library
    let fetcher: PageFetcher
    /// Address → file, for every page in the library and every page added.
    var saved: [String: String]
    var counts = (added: 0, present: 0, failed: 0)

    init(library: Library, fetcher: PageFetcher) {
        self.library = library
        self.fetcher = fetcher
        self.saved = SavedPageAddresses.inLibrary(library.root)
    }

    mutating func add(_ address: String) {
        switch PageFetcher.webAddress(address) {
        case .failure(let error):
            fail(address, error.description)
        case .success(let url):
            if let file = saved[url.absoluteString] { return present(address, file) }
            switch fetcher.fetch(url) {
            case .failure(let error): fail(address, error.description)
            case .success(let page): keep(page, as: address)
            }
        }
    }

    private mutating func keep(_ page: FetchedPage, as address: String) {
        if let file = saved[page.final.absoluteString] { return present(address, file) }
        let contents = SavedPageFile.contents(of: page)
        let article = HTMLArticleReader.parse(data: contents, file: "page.html")
        do {
            if let existing = try library.article(article.id) { return present(address, existing.file) }
            let name = SavedPageFile.fileName(headline: article.titleDerived ? nil : article.title, address: page.final)
            let file = try SavedPageFile.write(contents, named: name, in: library.root)
            saved[page.requested.absoluteString] = file
            saved[page.final.absoluteString] = file
            counts.added += 1
            Console.out("added \(address) -> \(file)")
        } catch {
            fail(address, "cannot save: \(error.localizedDescription)")
        }
    }

    private mutating func present(_ address: String, _ file: String) {
        counts.present += 1
        Console.note("already in the library: \(address) (\(file))")
    }

    private mutating func fail(_ address: String, _ reason: String) {
        counts.failed += 1
        Console.note("failed \(address): \(reason)")
    }
}
