/// What a page's class names, ids and roles suggest about an element. One signal among
/// several (the content scoring weighs text and links first): the words are the ones that
/// recur across publishing systems, never one site's names.
enum PageHints {
    /// Boilerplate: chrome, prompts, promotions, credits and link rails.
    static let boilerplate: Set<String> = [
        "nav", "navbar", "navigation", "menu", "masthead", "breadcrumb", "breadcrumbs", "footer",
        "sidebar", "rail", "widget", "aside", "ad", "ads", "advert", "adverts", "advertisement",
        "adslot", "dfp", "sponsor", "sponsored", "promo", "promotion", "cookie", "cookies", "consent",
        "gdpr", "newsletter", "signup", "subscribe", "subscription", "paywall", "regwall", "meter",
        "share", "sharing", "social", "sharebar", "comment", "comments", "related", "recommended",
        "recirculation", "popular", "trending", "mostread", "byline", "author", "authors", "bio",
        "caption", "credit", "credits", "tags", "topics", "modal", "popup", "overlay", "toolbar",
        "outbrain", "taboola", "standfirst", "dek", "deck", "kicker", "strapline", "subtitle",
        "subhead", "timestamp", "dateline", "meta", "disclaimer", "copyright", "correction",
        "excerpt", "sronly", "visuallyhidden", "skip", "banner", "print", "noprint", "infobox", "notice",
        "editsection",
    ]

    /// The article itself.
    static let content: Set<String> = [
        "article", "body", "content", "entry", "main", "post", "story", "text", "prose", "blog",
        "liveblog", "hentry",
    ]

    /// ARIA roles of page chrome.
    static let chromeRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search",
        "menu", "menubar", "toolbar", "note",
    ]

    /// The words of an element's class and id: split at anything not a letter or digit and
    /// at lower-to-upper case steps (`article-body__text`, `mostRead`), lower-cased; a
    /// pair of neighbouring words is also kept joined (`most-read` gives `mostread` too).
    /// Split once per element when the tree is built (`Node.hintWords`).
    static func words(_ node: HTMLDocument.Node) -> [String] { node.hintWords }

    static func splitWords(of node: HTMLDocument.Node) -> [String] {
        if node.attributes.isEmpty { return [] }
        var found: [String] = []
        for value in [node.attribute("class"), node.attribute("id")] {
            guard let value else { continue }
            for name in value.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                let parts = split(name)
                found += parts
                for (first, second) in zip(parts, parts.dropFirst()) { found.append(first + second) }
            }
        }
        return found
    }

    /// One class name's words, by its ASCII letters and digits (other bytes separate words).
    private static func split(_ name: Substring.UTF8View.SubSequence) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var lastWasLower = false
        for byte in name {
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            let isDigit = byte >= 0x30 && byte <= 0x39
            guard isUpper || isLower || isDigit else {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                lastWasLower = false
                continue
            }
            if isUpper, lastWasLower, !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
            current.append(isUpper ? byte | 0x20 : byte)
            lastWasLower = isLower
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    static func isBoilerplate(_ node: HTMLDocument.Node) -> Bool {
        if let role = node.attribute("role")?.lowercased(), chromeRoles.contains(role) { return true }
        return words(node).contains { boilerplate.contains($0) }
    }

    static func isContent(_ node: HTMLDocument.Node) -> Bool {
        words(node).contains { content.contains($0) }
    }

    /// Hidden from readers: `hidden`, `aria-hidden="true"`, `display:none`.
    static func isHidden(_ node: HTMLDocument.Node) -> Bool {
        if node.attribute("hidden") != nil { return !isStreamedSegment(node) }
        if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = node.attribute("style")?.lowercased().filter({ !$0.isWhitespace }),
           style.contains("display:none") || style.contains("visibility:hidden") {
            return true
        }
        return false
    }

    /// A segment React streams after the page (`<div hidden id="S:0">`): hidden only until
    /// the script beside it (`$RC("B:0","S:0")`) moves it into its place, so a reader sees it.
    static func isStreamedSegment(_ node: HTMLDocument.Node) -> Bool {
        guard node.name == "div", let id = node.attribute("id"), id.hasPrefix("S:") else { return false }
        let number = id.dropFirst(2)
        return !number.isEmpty && number.allSatisfy(\.isNumber)
    }
}
