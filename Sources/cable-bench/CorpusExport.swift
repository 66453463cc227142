import ArgumentParser
import CableCore
import Foundation

/// `cable-bench export`: the same library for other readers, so that they can be measured on
/// the same corpus (`compare`). Every saved page becomes
///
/// - a mail message in a maildir for notmuch (one maildir per library folder): Subject, Date
///   and Message-ID from what Cable's parser reads, the page's text as the body, and a line
///   of a `notmuch tag --batch` file giving the page's tags (lower-cased, as Cable matches
///   them without case);
/// - an item of an RSS feed for newsboat (one feed per library folder, read through an
///   `exec:` URL): title, date, the page's text, one `<category>` per tag.
struct CorpusExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Convert a library folder to a maildir (notmuch) and RSS feeds (newsboat).")

    @Argument(help: "The library folder.") var library: String
    @Argument(help: "Where to write maildir/, notmuch-tags.txt, feeds/ and newsboat-urls.") var output: String

    func run() throws {
        let started = Date()
        let exported = try CorpusExport.export(URL(fileURLWithPath: library), to: URL(fileURLWithPath: output))
        print(String(format: "exported %d pages in %.1f s", exported, Date().timeIntervalSince(started)))
    }

    /// The paths `export` writes under its output folder.
    struct Layout {
        var root: URL
        var maildir: URL { root.appendingPathComponent("maildir") }
        var tags: URL { root.appendingPathComponent("notmuch-tags.txt") }
        var feeds: URL { root.appendingPathComponent("feeds") }
        var urls: URL { root.appendingPathComponent("newsboat-urls") }
    }

    /// Writes the maildir, the tag batch, the feeds and the URL list; returns how many pages.
    static func export(_ library: URL, to output: URL) throws -> Int {
        let layout = Layout(root: output)
        let manager = FileManager.default
        try? manager.removeItem(at: output)
        try manager.createDirectory(at: layout.feeds, withIntermediateDirectories: true)
        let folders = try manager.contentsOfDirectory(atPath: library.path).filter { !$0.hasPrefix(".") }.sorted()
        let results = Results(count: folders.count)
        DispatchQueue.concurrentPerform(iterations: folders.count) { index in
            results.set(index, Result { try exportFolder(folders[index], of: library, to: layout) })
        }
        var tagLines = ""
        var urls = ""
        var pages = 0
        for (index, result) in results.values.enumerated() {
            let folder = try result.get()
            tagLines += folder.tagLines
            pages += folder.pages
            urls += "\"exec:cat \(layout.feeds.appendingPathComponent(folders[index] + ".xml").path)\"\n"
        }
        try Data(tagLines.utf8).write(to: layout.tags)
        try Data(urls.utf8).write(to: layout.urls)
        return pages
    }

    /// One library folder as a maildir and a feed; gives its lines of the tag batch.
    private static func exportFolder(_ name: String, of library: URL, to layout: Layout) throws
        -> (pages: Int, tagLines: String) {
        let folder = library.appendingPathComponent(name)
        let mail = layout.maildir.appendingPathComponent(name)
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: mail.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let mailDate = DateFormatter()
        mailDate.locale = Locale(identifier: "en_US_POSIX")
        mailDate.timeZone = TimeZone(identifier: "UTC")
        mailDate.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        var feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n"
            + "<title>Synthetic \(xml(name))</title><link>file://\(xml(folder.path))</link>"
            + "<description>Cable's synthetic library, folder \(xml(name))</description>\n"
        var tagLines = ""
        var pages = 0
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        for file in files {
            let url = folder.appendingPathComponent(file)
            let data = try Data(contentsOf: url)
            let article = ArticleParser.parse(data: data, file: file)
            let text = String(decoding: data, as: UTF8.self)
            let date = mailDate.string(from: article.published ?? Date(timeIntervalSince1970: 0))
            let messageID = "\(article.id.rawValue).\(pages)@cable.invalid"
            let message = "From: \(article.source ?? "Cable synthetic") <news@cable.invalid>\n"
                + "To: reader@cable.invalid\nSubject: \(article.title)\nDate: \(date)\n"
                + "Message-ID: <\(messageID)>\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
                + text.replacingOccurrences(of: "\r\n", with: "\n")
            try Data(message.utf8).write(to: mail.appendingPathComponent("cur/\(name)-\(file):2,"))
            let tags = article.tags.map { "+" + batchTag($0) }.joined(separator: " ")
            if !tags.isEmpty { tagLines += "\(tags) -- id:\(messageID)\n" }
            feed += "<item><title>\(xml(article.title))</title><link>file://\(xml(url.path))</link>"
                + "<guid isPermaLink=\"false\">\(messageID)</guid><pubDate>\(date)</pubDate>"
                + "<description>\(xml(text))</description>"
                + article.tags.map { "<category>\(xml($0))</category>" }.joined() + "</item>\n"
            pages += 1
        }
        feed += "</channel></rss>\n"
        try Data(feed.utf8).write(to: layout.feeds.appendingPathComponent(name + ".xml"))
        return (pages, tagLines)
    }

    /// A tag as `notmuch tag --batch` reads it: lower case, anything but letters and digits
    /// as `%XX`.
    static func batchTag(_ tag: String) -> String {
        var out = ""
        for scalar in tag.lowercased().unicodeScalars {
            if !scalar.isASCII || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += String(format: "%%%02X", scalar.value)
            }
        }
        return out
    }

    static func xml(_ text: String) -> String { SafeHTML.escaped(text) }

    /// Each folder's outcome, filled from every core.
    private final class Results: @unchecked Sendable {
        private var storage: [Result<(pages: Int, tagLines: String), Error>?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Result<(pages: Int, tagLines: String), Error>) {
            lock.lock()
            storage[index] = value
            lock.unlock()
        }
        var values: [Result<(pages: Int, tagLines: String), Error>] {
            lock.lock()
            defer { lock.unlock() }
            return storage.map { $0 ?? .failure(ValidationFailure("a folder was not exported")) }
        }
    }
}
