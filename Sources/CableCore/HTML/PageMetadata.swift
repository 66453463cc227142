import Foundation

/// What a page says about itself outside its visible text: `<meta>` tags (Open Graph,
/// article:*, name=…), `<link rel=canonical>`, `<base>`, `<title>`, microdata, JSON-LD, and the
/// address a browser recorded when saving it.
struct PageMetadata {
    /// `<meta>` content by lower-cased `property`, `name` or `itemprop`, in page order.
    var metas: [(key: String, value: String)] = []
    var canonical: String?
    var base: String?
    var documentTitle: String?
    /// The microdata properties read: the publication time and the headline.
    static let microdataNames: Set<String> = ["datepublished", "headline"]

    /// Microdata `itemprop` and RDFa `property` values (`content`, `datetime`, an `<abbr>`'s
    /// `title`, else the text) by lower-cased name.
    var microdata: [String: String] = [:]
    var jsonLD: JSONLDArticle?
    /// From `<!-- saved from url=(NNNN)URL -->` on the first line.
    var savedFrom: String?
    /// A saved reader view's link to the article it shows (Firefox's `a.reader-domain`, the
    /// address it fetched): the page's own address when nothing else gives it.
    var readerSource: String?

    init(document: HTMLDocument, raw: [UInt8]) {
        // (Each node is lent to `read`, not copied: a copy retains every string in it.)
        for index in document.nodes.indices where !document.nodes[index].isText {
            read(document.nodes[index], at: index, of: document)
        }
        jsonLD = JSONLDArticle.read(document.jsonLD)
        microdataPublisher = Self.microdataPublisher(document)
        savedFrom = Self.savedFromURL(raw)
        pageURL = Self.pageURL([canonical, meta("og:url"), jsonLD?.url, meta("mainentityofpage"), savedFrom, readerSource,
                                meta("source-url")])
    }

    private mutating func read(_ node: HTMLDocument.Node, at index: Int, of document: HTMLDocument) {
        switch node.name {
        case "meta":
            guard let content = node.attribute("content") else { return }
            let key = node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop")
            if let key { metas.append((key.lowercased(), HTMLText.clean(content))) }
            return
        case "link":
            let rel = node.attribute("rel")?.lowercased().split(separator: " ") ?? []
            if canonical == nil, rel.contains("canonical"), let href = node.attribute("href") {
                canonical = HTMLText.clean(href)
            }
        case "a":
            if readerSource == nil, PageHints.words(node).contains("readerdomain") {
                readerSource = node.attribute("href").map(HTMLText.clean)
            }
        case "base":
            if base == nil { base = node.attribute("href").map(HTMLText.clean) }
        case "title":
            // (An SVG's <title> never reaches the tree: SVG is not read.)
            if documentTitle == nil { documentTitle = document.text(of: index) }
        default:
            break
        }
        if let name = (node.attribute("itemprop") ?? node.attribute("property"))?.lowercased(),
           Self.microdataNames.contains(name), microdata[name] == nil {
            microdata[name] = Self.machineValue(node) ?? document.text(of: index)
        }
    }

    /// The value an element gives machines beside its visible text: `content`, `datetime`,
    /// or an `<abbr>`'s `title` (`<abbr class="published" title="2024-03-10T09:14:00+06:00">09:14</abbr>`,
    /// the microformats way of giving a full time behind a short one).
    static func machineValue(_ node: HTMLDocument.Node) -> String? {
        node.attribute("content") ?? node.attribute("datetime") ?? (node.name == "abbr" ? node.attribute("title") : nil)
    }

    /// The first value of a meta key.
    func meta(_ key: String) -> String? {
        metas.first { $0.key == key && !$0.value.isEmpty }?.value
    }

    func metas(_ key: String) -> [String] {
        metas.filter { $0.key == key && !$0.value.isEmpty }.map(\.value)
    }

    /// The microdata publisher's name (`itemprop="publisher"` holding `itemprop="name"`).
    var microdataPublisher: String?

    /// The names the page gives its authors: meta `author`, then JSON-LD's.
    var authorNames: [String] { metas("author") + (jsonLD?.authorNames ?? []) }

    /// The outlet: `og:site_name`, then the publisher's name (JSON-LD, microdata).
    var siteName: String? { meta("og:site_name") ?? jsonLD?.publisherName ?? microdataPublisher }

    /// The page's own address: canonical, `og:url`, JSON-LD's or microdata's, then where it
    /// was saved from or a reader view fetched it, or a clipper recorded fetching it (the
    /// `source-url` meta of a note exported from a web clip); relative ones resolved against
    /// the next known address. Only http(s).
    private(set) var pageURL: String?

    private static func pageURL(_ choices: [String?]) -> String? {
        let candidates = choices.compactMap { $0 }
        let absolute = candidates.compactMap { WebAddress.absolute($0, base: nil) }
        for candidate in candidates {
            if let resolved = WebAddress.absolute(candidate, base: absolute.first) { return resolved }
        }
        return nil
    }

    /// What relative links are resolved against: `<base href>`, else the page's address.
    var linkBase: String? {
        if let base, let resolved = WebAddress.absolute(base, base: savedFrom ?? pageURL) { return resolved }
        return savedFrom ?? pageURL
    }

    /// The machine-readable first-publication time: JSON-LD, microdata, then meta tags.
    var published: Date? {
        let keys = Self.publishedKeys.filter { !(fromConverter && Self.documentDateKeys.contains($0)) }
        let candidates = [jsonLD?.datePublished, microdata["datepublished"]] + keys.map { meta($0) }
        return candidates.lazy.compactMap { $0 }.compactMap(ISODate.parse).first
    }

    /// Generators of pages converted from a document (a PDF, a word processor's file).
    static let converterNames = ["pdftohtml", "pdf2htmlex", "microsoft word", "libreoffice", "openoffice"]

    /// Meta keys that a converter fills with the document file's own date (when the PDF was
    /// made), not the publication's.
    static let documentDateKeys: Set<String> = ["date", "dc.date", "dcterms.created"]

    /// Whether a converter wrote the page (its `generator` meta names one).
    var fromConverter: Bool {
        guard let generator = meta("generator")?.lowercased() else { return false }
        return Self.converterNames.contains { generator.contains($0) }
    }

    /// Meta keys that give the first publication time (never a modified time).
    static let publishedKeys = [
        "article:published_time", "og:article:published_time", "og:published_time", "datepublished", "publish-date",
        "pubdate", "publishdate", "date", "dc.date.issued", "dc.date", "dcterms.created",
        "parsely-pub-date", "sailthru.date",
    ]

    private static func microdataPublisher(_ document: HTMLDocument) -> String? {
        for index in document.nodes.indices where document.nodes[index].attribute("itemprop")?.lowercased() == "publisher" {
            for inner in (index + 1)..<document.nodes[index].end where document.nodes[inner].attribute("itemprop")?.lowercased() == "name" {
                let name = document.nodes[inner].attribute("content").map(HTMLText.clean) ?? document.text(of: inner)
                if !name.isEmpty { return name }
            }
        }
        return nil
    }

    static let savedFromMarker = Array("<!-- saved from url=(".utf8)

    /// The address in a browser's "saved from" comment on the page's first line, or on the
    /// line after its doctype (where Internet Explorer and Chrome write it).
    static func savedFromURL(_ raw: [UInt8]) -> String? {
        var head = ArraySlice(raw.prefix(4096))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        head = afterDoctype(head)
        let line = head.prefix { $0 != 0x0A && $0 != 0x0D }
        guard let start = firstIndex(of: savedFromMarker, in: Array(line)) else { return nil }
        let afterMarker = Array(line)[(start + savedFromMarker.count)...]
        guard let close = afterMarker.firstIndex(of: UInt8(ascii: ")")) else { return nil }
        let rest = String(decoding: afterMarker[(close + 1)...], as: UTF8.self)
        let address = rest.components(separatedBy: "-->").first?.trimmingCharacters(in: .whitespaces) ?? ""
        return WebAddress.absolute(address, base: nil)
    }

    static let doctypeMarker = Array("<!doctype".utf8)

    /// The bytes after a leading `<!DOCTYPE …>` and the blank space after it; all of them
    /// when the page does not start with one.
    private static func afterDoctype(_ head: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let start = head.drop(while: isBlank)
        guard start.prefix(doctypeMarker.count).map({ $0 | 0x20 }) == doctypeMarker.map({ $0 | 0x20 }),
              let close = start.firstIndex(of: UInt8(ascii: ">")) else { return head }
        return start[(close + 1)...].drop(while: isBlank)
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}

/// Web addresses as Cable keeps them: absolute http(s) only, relative ones resolved.
enum WebAddress {
    static func absolute(_ text: String, base: String?) -> String? {
        let trimmed = HTMLText.clean(text)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
        let baseURL = base.flatMap { URL(string: $0) }
        guard let url = URL(string: trimmed, relativeTo: baseURL)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host?.isEmpty == false else { return nil }
        return url.absoluteString
    }
}
