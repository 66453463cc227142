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
        "embed", "tweet", "sronly", "visuallyhidden", "skip", "banner", "print",
    ]

    /// The article itself.
    static let content: Set<String> = [
        "article", "body", "content", "entry", "main", "post", "story", "text", "prose", "blog",
        "liveblog", "hentry",
    ]

    /// ARIA roles of page chrome.
    static let chromeRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search",
        "menu", "menubar", "toolbar",
    ]

    /// The words of an element's class and id: split at anything not a letter or digit and
    /// at lower-to-upper case steps (`article-body__text`, `mostRead`), lower-cased; a
    /// hyphenated pair is also kept whole (`most-read` gives `mostread` too).
    static func words(_ node: HTMLDocument.Node) -> [String] {
        var found: [String] = []
        for attribute in ["class", "id"] {
            guard let value = node.attribute(attribute) else { continue }
            for name in value.split(whereSeparator: \.isWhitespace) {
                let parts = split(name)
                found += parts
                for (first, second) in zip(parts, parts.dropFirst()) { found.append(first + second) }
            }
        }
        return found
    }

    /// `article-body__text` → article, body, text; `mostRead` → most, read.
    private static func split(_ name: Substring) -> [String] {
        var words: [String] = []
        var current = ""
        var lastWasLower = false
        for character in name {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                lastWasLower = false
                continue
            }
            if character.isUppercase, lastWasLower, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current += character.lowercased()
            lastWasLower = character.isLowercase
        }
        if !current.isEmpty { words.append(current) }
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
        if node.attribute("hidden") != nil { return true }
        if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = node.attribute("style")?.lowercased().filter({ !$0.isWhitespace }),
           style.contains("display:none") || style.contains("visibility:hidden") {
            return true
        }
        return false
    }
}
