import CableCore
import CableFetch
import Foundation

/// The file saved for a feed item, made one of two ways.
///
/// - **Its page**, fetched: saved as `cable add` saves a page (the browser's "saved from"
///   line, then the page exactly as it arrived). What the feed knows and the page does not
///   say (the outlet, the publication time, the item's categories as tags) is appended
///   after the page as `<meta>` tags the HTML reader reads (`og:site_name`,
///   `article:published_time`, `article:tag`), under a comment saying where they came from;
///   a page that says all three stays byte for byte as it arrived. Appending, not inserting,
///   leaves the page's own bytes untouched and its charset declaration where it was; the
///   values are written in ASCII (other characters as references) so they read the same in
///   a page of any ASCII-compatible charset.
/// - **The feed's own text** (`content:encoded`, Atom `content`, else the summary), when the
///   page cannot be had: a small HTML page with the item's title, link, time, source and tags
///   as the same meta tags, and the text made safe (`SafeHTML`: no scripts, no attributes but
///   links). Its first line says which feed and item it came from.
///
/// Either way the first line names the item's source (the page's address, or the feed and
/// the item's key), so a file found under the name about to be used is known to be this
/// item's when it starts with the same line (a fetch killed before it noted the file).
enum ItemPage {
    /// The page's file: the saved-page bytes, with the feed's metadata appended where the
    /// page (as the HTML reader reads it) lacks it.
    static func fromPage(_ contents: Data, reading article: Article, item: FeedItem, source: String) -> Data {
        guard isASCIICompatible(contents) else { return contents }
        let tags = article.tags.isEmpty ? item.categories : []
        let site = article.source == nil ? source : nil
        let published = article.published == nil ? item.published : nil
        let metas = metaTags(site: site, published: published, tags: tags)
        guard !metas.isEmpty else { return contents }
        let block = Data(("<!-- cable: from the feed; the page does not say these -->\n" + metas.joined(separator: "\n")
            + "\n").utf8)
        var annotated = contents
        annotated.insert(contentsOf: block, at: insertionPoint(in: contents))
        return annotated
    }

    /// Where the feed's meta tags go: before the page's last `</body>` (else `</html>`), so
    /// they are inside the document the reader walks (after `</html>` libxml2 puts them
    /// beside it); at the end when the page closes neither.
    static func insertionPoint(in page: Data) -> Data.Index {
        for tag in ["</body", "</html"] {
            if let found = lastIndex(of: Array(tag.utf8), in: page) { return found }
        }
        return page.endIndex
    }

    /// Where `needle` (lower-case ASCII) last starts in `data`, in any case.
    private static func lastIndex(of needle: [UInt8], in data: Data) -> Data.Index? {
        guard data.count >= needle.count else { return nil }
        var start = data.endIndex - needle.count
        while start >= data.startIndex {
            var matches = true
            for (offset, byte) in needle.enumerated() {
                let found = data[start + offset]
                if ((0x41...0x5A).contains(found) ? found | 0x20 : found) != byte {
                    matches = false
                    break
                }
            }
            if matches { return start }
            start -= 1
        }
        return nil
    }

    /// A page made from the item's own text.
    static func fromFeed(_ item: FeedItem, content: ItemContent, feedURL: String, source: String) -> Data {
        let title = item.title ?? "(untitled)"
        var head = ["<meta charset=\"utf-8\">", "<title>\(ascii(title))</title>",
                    "<meta property=\"og:title\" content=\"\(ascii(title))\">"]
        if let link = item.link { head.append("<link rel=\"canonical\" href=\"\(ascii(link.absoluteString))\">") }
        if let author = item.author { head.append("<meta name=\"author\" content=\"\(ascii(author))\">") }
        head += metaTags(site: source, published: item.published, tags: item.categories)
        let body = SafeHTML.fragment(content.html, base: content.base ?? item.link)
        let text = firstLine(feedURL: feedURL, key: item.key) + "\n<!DOCTYPE html>\n<html><head>\n"
            + head.joined(separator: "\n") + "\n</head>\n<body><article>\n<h1>\(ascii(title))</h1>\n"
            + body + "\n</article></body></html>\n"
        return Data(text.utf8)
    }

    /// The first line of a page made from a feed's text: which feed, which item.
    static func firstLine(feedURL: String, key: String) -> String {
        "<!-- cable: saved from the feed \(commentSafe(feedURL)), item \(commentSafe(key)) -->"
    }

    /// Whether the file at `url` starts with the same first line as `data`.
    static func sameFirstLine(_ data: Data, as url: URL) -> Bool {
        guard let newline = data.firstIndex(of: 0x0A) else { return false }
        let line = data[data.startIndex...newline]
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: line.count)) ?? Data()
        return head == line
    }

    private static func metaTags(site: String?, published: Date?, tags: [String]) -> [String] {
        var metas: [String] = []
        if let site { metas.append("<meta property=\"og:site_name\" content=\"\(ascii(site))\">") }
        if let published {
            metas.append("<meta property=\"article:published_time\" content=\"\(iso8601(published))\">")
        }
        for tag in tags { metas.append("<meta property=\"article:tag\" content=\"\(ascii(tag))\">") }
        return metas
    }

    /// Escaped for HTML text or a quoted attribute, in ASCII: other characters as numeric
    /// references, control characters left out.
    static func ascii(_ text: String) -> String {
        var out = ""
        for scalar in SafeHTML.escaped(PageText.clean(text)).unicodeScalars {
            if scalar.isASCII {
                out.unicodeScalars.append(scalar)
            } else {
                out += "&#\(scalar.value);"
            }
        }
        return out
    }

    /// A comment may not hold `--`; URLs and keys with one have it written `-%2D`.
    private static func commentSafe(_ text: String) -> String {
        PageText.clean(text).replacingOccurrences(of: "--", with: "-%2D").replacingOccurrences(of: ">", with: "%3E")
    }

    /// UTF-16 and UTF-32 pages (a BOM or NUL bytes up front) are left as they are.
    private static func isASCIICompatible(_ data: Data) -> Bool {
        let head = data.prefix(512)
        return !head.starts(with: [0xFF, 0xFE]) && !head.starts(with: [0xFE, 0xFF]) && !head.contains(0)
    }

    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
