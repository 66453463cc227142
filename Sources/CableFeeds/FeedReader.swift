import CableCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The `XMLParser` delegate behind `FeedParser`: a stack of open elements (each with its
/// `xml:base` and text), the item being read, and the feed so far.
final class FeedReader: NSObject, XMLParserDelegate {
    private struct Frame {
        var name: XMLName
        var attributes: [String: String]
        var base: URL?
        var text = ""
    }

    /// The feed read, its titles made text (which needs libxml2's HTML parser: never run
    /// inside this parser's callbacks, whose error handler it would report to).
    var feed: Feed? {
        guard var feed = rawFeed else { return nil }
        feed.title = feedTitle.flatMap(Self.text)
        for index in feed.items.indices { feed.items[index].title = itemTitles[index].flatMap(Self.text) }
        return feed
    }

    private var rawFeed: Feed?
    /// Titles as found, with whether they are HTML.
    private var feedTitle: (text: String, isHTML: Bool)?
    private var itemTitles: [(text: String, isHTML: Bool)?] = []
    private var itemTitle: (text: String, isHTML: Bool)?
    private(set) var problem: XMLProblem?
    private(set) var refusal: FeedError?
    private let address: URL
    private var stack: [Frame] = []
    private var item: FeedItem?
    /// The index in `stack` of the item's element.
    private var itemIndex = -1
    private var summary: ItemContent?
    private var updated: Date?
    /// Markup of an Atom `type="xhtml"` text being collected, and how deep inside it we are.
    private var xhtml: (markup: String, depth: Int)?

    init(address: URL) {
        self.address = address
    }

    // MARK: XMLParserDelegate

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if var markup = xhtml {
            markup.markup += "<" + elementName + attributes.sorted { $0.key < $1.key }
                .map { " \($0.key)=\"\(SafeHTML.escaped($0.value))\"" }.joined() + ">"
            markup.depth += 1
            xhtml = markup
            return
        }
        let name = XMLName(local: elementName, namespace: namespaceURI, qualified: qualifiedName)
        let parentBase = stack.last?.base ?? address
        let base = attributes["xml:base"].flatMap { URL(string: $0, relativeTo: parentBase)?.absoluteURL } ?? parentBase
        if stack.isEmpty, !begin(with: name) {
            parser.abortParsing()
            return
        }
        stack.append(Frame(name: name, attributes: attributes, base: base))
        guard let format = rawFeed?.format else { return }
        if isItem(name, format: format) {
            item = FeedItem(guid: format == .rss1 ? attributes["rdf:about"].map(PageText.clean) : nil)
            itemIndex = stack.count - 1
            itemTitle = nil
            summary = nil
            updated = nil
        }
        if name.vocabulary == .atom, name.local == "link" { atomLink(attributes, base: base) }
        if name.vocabulary == .atom, name.local == "category", item != nil, stack.count == itemIndex + 2 {
            let label = attributes["label"].map(PageText.clean) ?? ""
            addCategory(label.isEmpty ? attributes["term"] ?? "" : label)
        }
        if name.vocabulary == .atom, ["content", "summary", "title"].contains(name.local),
           attributes["type"]?.lowercased() == "xhtml" {
            xhtml = ("", 0)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if var markup = xhtml {
            markup.markup += SafeHTML.escaped(string)
            xhtml = markup
        } else if !stack.isEmpty {
            stack[stack.count - 1].text += string
        }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if let markup = xhtml {
            if markup.depth > 0 {
                xhtml = (markup.markup + "</\(elementName)>", markup.depth - 1)
                return
            }
            stack[stack.count - 1].text = markup.markup
            xhtml = nil
        }
        guard let frame = stack.popLast(), let format = rawFeed?.format else { return }
        if item != nil {
            if stack.count == itemIndex {
                finishItem()
            } else if stack.count == itemIndex + 1 {
                readItemElement(frame, format: format)
            } else if frame.name == XMLName(.atom, "name"), stack.last?.name == XMLName(.atom, "author"),
                      stack.count == itemIndex + 2 {
                item?.author = nonEmpty(PageText.clean(frame.text))
            }
        } else {
            readFeedElement(frame, format: format)
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if problem == nil, refusal == nil, let found = XMLProblem(parser: parser, error: parseError) { problem = found }
    }

    // MARK: The feed

    /// The root element decides the format; anything else is not a feed.
    private func begin(with root: XMLName) -> Bool {
        let format: FeedFormat
        switch (root.vocabulary, root.local) {
        case (.none, "rss"): format = .rss2
        case (.rdf, "RDF"): format = .rss1
        case (.atom, "feed"): format = .atom
        case (_, "html"), (_, "HTML"):
            refusal = .notAFeed("the address gives a web page (cable feeds add finds the feed a page names)")
            return false
        default:
            refusal = .notAFeed("the document is <\(root.local)>, not RSS or Atom")
            return false
        }
        rawFeed = Feed(format: format, title: nil, siteURL: nil, items: [])
        return true
    }

    private func isItem(_ name: XMLName, format: FeedFormat) -> Bool {
        switch format {
        case .rss2: return name == XMLName(.none, "item")
        case .rss1: return name == XMLName(.rss1, "item")
        case .atom: return name == XMLName(.atom, "entry")
        }
    }

    /// The feed's title and site, from the channel (RSS) or the feed element (Atom).
    private func readFeedElement(_ frame: Frame, format: FeedFormat) {
        let parent = stack.last?.name
        let inChannel: Bool
        switch format {
        case .rss2: inChannel = parent == XMLName(.none, "channel")
        case .rss1: inChannel = parent == XMLName(.rss1, "channel")
        case .atom: inChannel = parent == XMLName(.atom, "feed")
        }
        guard inChannel, frame.name.vocabulary == parent?.vocabulary else { return }
        switch frame.name.local {
        case "title" where feedTitle == nil:
            feedTitle = Self.title(frame)
        case "link" where format != .atom && rawFeed?.siteURL == nil:
            rawFeed?.siteURL = Self.webAddress(frame.text, base: frame.base)?.absoluteString
        default:
            break
        }
    }

    /// An Atom `link`: the item's page, or the feed's site (`rel="alternate"`, the default).
    private func atomLink(_ attributes: [String: String], base: URL?) {
        let rel = attributes["rel"]?.lowercased() ?? "alternate"
        guard rel == "alternate", let href = attributes["href"], let url = Self.webAddress(href, base: base) else { return }
        let type = attributes["type"]?.lowercased()
        let isPage = type == nil || type?.contains("html") == true
        if item != nil {
            if stack.count == itemIndex + 2, isPage, item?.link == nil { item?.link = url }
        } else if stack.count == 2, rawFeed?.siteURL == nil {
            rawFeed?.siteURL = url.absoluteString
        }
    }

    // MARK: Items

    private func readItemElement(_ frame: Frame, format: FeedFormat) {
        let text = frame.text
        switch (frame.name.vocabulary, frame.name.local) {
        case (.none, "title"), (.rss1, "title"), (.atom, "title"):
            itemTitle = Self.title(frame)
        case (.none, "link"), (.rss1, "link"):
            if item?.link == nil { item?.link = Self.webAddress(text, base: frame.base) }
        case (.none, "guid"), (.atom, "id"):
            let guid = PageText.clean(text)
            item?.guid = nonEmpty(guid)
            // A permalink GUID is the item's page when there is no link.
            if frame.name.local == "guid", frame.attributes["isPermaLink"]?.lowercased() != "false", item?.link == nil {
                item?.link = Self.webAddress(guid, base: frame.base)
            }
        case (.none, "pubDate"), (.atom, "published"):
            item?.published = FeedDate.parse(text)
        case (.dublinCore, "date"):
            if item?.published == nil { item?.published = FeedDate.parse(text) }
        case (.atom, "updated"):
            updated = FeedDate.parse(text)
        case (.none, "category"), (.dublinCore, "subject"):
            addCategory(text)
        case (.none, "author"), (.dublinCore, "creator"):
            if item?.author == nil { item?.author = nonEmpty(PageText.clean(text)) }
        case (.content, "encoded"):
            item?.content = nonEmpty(text).map { ItemContent(html: $0, base: frame.base) }
        case (.none, "description"), (.rss1, "description"):
            summary = nonEmpty(text).map { ItemContent(html: $0, base: frame.base) }
        case (.atom, "content"):
            if frame.attributes["src"] == nil { item?.content = Self.atomContent(frame) }
        case (.atom, "summary"):
            summary = Self.atomContent(frame)
        default:
            break
        }
    }

    private func finishItem() {
        guard var done = item else { return }
        item = nil
        if done.content == nil { done.content = summary }
        if done.published == nil { done.published = updated }
        guard rawFeed != nil else { return }
        if rawFeed?.items.count ?? 0 < FeedParser.maximumItems {
            rawFeed?.items.append(done)
            itemTitles.append(itemTitle)
        } else if rawFeed?.warnings.isEmpty == true {
            rawFeed?.warnings.append("only the first \(FeedParser.maximumItems) items are read")
        }
    }

    private func addCategory(_ raw: String) {
        let category = PageText.clean(raw)
        guard !category.isEmpty, item?.categories.contains(where: { $0.lowercased() == category.lowercased() }) == false
        else { return }
        item?.categories.append(category)
    }

    // MARK: Text

    /// A title and whether it is HTML. Atom says; RSS titles are often escaped HTML
    /// (`Q&amp;A`, `<b>`), so any `&` or `<` in one is read as HTML.
    private static func title(_ frame: Frame) -> (text: String, isHTML: Bool) {
        let type = frame.attributes["type"]?.lowercased() ?? "text"
        let isHTML = frame.name.vocabulary == .atom ? type != "text"
            : frame.text.contains("&") || frame.text.contains("<")
        return (frame.text, isHTML)
    }

    private static func text(_ title: (text: String, isHTML: Bool)) -> String? {
        let text = title.isHTML ? SafeHTML.text(title.text) : PageText.clean(title.text)
        return text.isEmpty ? nil : text
    }

    /// An Atom text construct as HTML: `html` and `xhtml` are, `text` is escaped into
    /// paragraphs (at blank lines); other media types are read only when they are text.
    private static func atomContent(_ frame: Frame) -> ItemContent? {
        let type = frame.attributes["type"]?.lowercased() ?? "text"
        let html: String
        switch type {
        case "html", "xhtml", "text/html", "application/xhtml+xml": html = frame.text
        case "text", "text/plain": html = paragraphs(frame.text)
        default: return nil
        }
        return nonEmpty(html.trimmingCharacters(in: .whitespacesAndNewlines)).map { ItemContent(html: $0, base: frame.base) }
    }

    static func paragraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }.map { "<p>" + SafeHTML.escaped($0) + "</p>" }.joined(separator: "\n")
    }

    /// An absolute http(s) address from a link's text or attribute, against `base`.
    static func webAddress(_ text: String, base: URL?) -> URL? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, let url = URL(string: trimmed, relativeTo: base)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host?.isEmpty == false else { return nil }
        return url
    }

    private func nonEmpty(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }

    private static func nonEmpty(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }
}
