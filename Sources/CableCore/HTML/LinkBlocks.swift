/// The page's links to other stories, with their addresses: READ MORE lines in the body,
/// the related-stories block, and the visible tag list. Blocks are found by their heading
/// (or label) words, the way a reader finds them, so "Most read" and "Trending" lists, which
/// are not the page's own related stories, are never taken.
struct LinkBlocks {
    var readMore: [String] = []
    var related: [String] = []
    var tags: [String] = []
    var linkURLs: [String: String] = [:]

    /// Labels of a READ MORE line (also the heading of a block of such links).
    static let readMoreLabels = ["read more", "read also", "see also"]

    /// Labels of a READ MORE line only: `Also read` heads a related block (labelling.md), but
    /// on one line with its link in the body it is a READ MORE line, as on text pages.
    static let lineOnlyReadMoreLabels = ["also read"]

    /// Class and id words of a visible tag list.
    static let tagListWords: Set<String> = ["tags", "taglist", "topics", "keywords", "subjects"]

    /// Tag headings of text pages that head a blog's site-wide index in a web page's sidebar
    /// (WordPress's "Categories" widget), never the page's own tags.
    static let siteIndexHeadings: Set<String> = ["categories"]

    /// What a block of links under a heading is.
    enum BlockKind { case related, readMore, tags }

    /// The kind of block a heading (see `headingKey`) opens, by the parser's vocabulary: the
    /// page's own related stories (`Related`, `More on EU-Mercosur`, `You might also like`),
    /// never a list of what is popular or the author's other work; READ MORE links; tags.
    static func blockKind(ofHeading key: String) -> BlockKind? {
        if key.isEmpty { return nil }
        if readMoreLabels.contains(key) { return .readMore }
        if Vocabulary.tagHeadings.contains(key) { return siteIndexHeadings.contains(key) ? nil : .tags }
        if Vocabulary.unrelatedHeadingStarts.contains(where: key.hasPrefix) { return nil }
        return Vocabulary.relatedHeadingStarts.contains(where: key.hasPrefix) ? .related : nil
    }

    init(document: HTMLDocument, units: [TextUnit], base: String?) {
        var related: [(String, String)] = []
        var readMore: [(String, String?)] = []
        var tags: [String] = []
        var taken = Set<Int>()  // headings already used
        for unit in units where Self.mayBeLabelled(unit.text) {
            let kind = Self.isLabel(unit) ? Self.blockKind(ofHeading: Self.headingKey(unit.text), in: document, at: unit.owner) : nil
            if kind == .related, !taken.contains(unit.owner) {
                taken.insert(unit.owner)
                related += Self.links(after: unit, in: document, accepting: Self.isHeadline)
            } else if kind == .readMore {
                readMore += Self.links(after: unit, in: document, accepting: Self.isHeadline).map { ($0.0, Optional($0.1)) }
            } else if kind == .tags, tags.isEmpty {
                tags = Self.links(after: unit, in: document).map(\.0)
                if tags.isEmpty { tags = Self.valuesBeside(unit, units: units, in: document) }
            } else if let rest = Self.readMoreLabel(unit.text) {
                // Each link on the line is one story (`See also: <a>…</a><br><a>…</a>`).
                let linked = unit.links.filter { !$0.text.isEmpty && Self.readMoreLabel($0.text) == nil }
                if linked.isEmpty { readMore.append((rest, nil)) }
                for link in linked { readMore.append((link.text, link.href)) }
            } else if let links = Self.labelledRelatedLinks(unit) {
                related += links
            } else if tags.isEmpty, let list = Self.tagLine(unit.text) {
                // Linked tags are separated by their links, not always by commas.
                let linked = unit.links.map(\.text).filter { !$0.isEmpty }
                tags = linked.isEmpty ? list : linked
            }
        }
        if tags.isEmpty { tags = Self.visibleTagList(document) }
        for (headline, href) in readMore where !self.readMore.contains(headline) {
            self.readMore.append(headline)
            if let href, let address = WebAddress.absolute(href, base: base) { linkURLs[headline] = address }
        }
        for (headline, href) in related where !self.related.contains(headline) && !Self.isButton(headline) {
            self.related.append(headline)
            if let address = WebAddress.absolute(href, base: base) { linkURLs[headline] = address }
        }
        self.tags = Self.unique(tags)
    }

    /// A button's words (`Subscribe now`, `Log in`) under a prompt's heading, or a link on to
    /// more of a list (`More news on Fisheries >>`): no headline.
    static func isButton(_ text: String) -> Bool {
        text.split(separator: " ").count <= 3 && ArticleParser.isFurniture(text) || pointsOnward(text)
    }

    /// Marks a link ends with when it leads on to more (`View all »`, `More news >>`, `Next →`).
    static let onwardMarks = [">>", "»", "›", "→", "⟶", "▸", "▶"]

    static func pointsOnward(_ text: String) -> Bool {
        onwardMarks.contains { text.hasSuffix($0) }
    }

    /// A story's headline has two words or more; a single word beside a heading is one of the
    /// heading's own controls (a wiki's `edit`, a `#` anchor), not a story.
    static func isHeadline(_ text: String) -> Bool {
        text.split(separator: " ").count >= 2
    }

    /// A unit that may label a block: text without links, or a label that is itself a link
    /// to its index page (`<a href="/Special:Categories">Categories</a>:`).
    static func isLabel(_ unit: TextUnit) -> Bool {
        guard let link = unit.links.first else { return true }
        return unit.links.count == 1 && headingKey(link.text) == headingKey(unit.text)
    }

    /// `blockKind(ofHeading:)` for a heading on the page: a `Categories` heading heads the
    /// article's own categories when it stands outside the page's chrome (a wiki's category
    /// links under the article), and a blog's site-wide index when it stands in a sidebar.
    static func blockKind(ofHeading key: String, in document: HTMLDocument, at index: Int) -> BlockKind? {
        guard siteIndexHeadings.contains(key) else { return blockKind(ofHeading: key) }
        // (The page's own `<html>` and `<body>` classes name the whole page's features.)
        let inChrome = ([index] + document.ancestors(of: index)).contains {
            let node = document.nodes[$0]
            return node.name != "html" && node.name != "body"
                && (ContentExtractor.chromeElements.contains(node.name) || PageHints.isBoilerplate(node))
        }
        return inChrome ? nil : .tags
    }

    /// The most values a labelled field of tags holds.
    static let mostFieldValues = 20

    /// The values shown beside a label when they are not links: a page's property table
    /// (`Tags | Myanmar Thailand Border trade`), each value its own short unit in the element
    /// that follows the label's. Empty unless every one is a short name.
    static func valuesBeside(_ label: TextUnit, units: [TextUnit], in document: HTMLDocument) -> [String] {
        var node = label.owner
        for _ in 0..<4 {
            let parent = document.nodes[node].parent
            guard parent >= 0 else { return [] }
            let siblings = document.children(of: parent).filter { !document.nodes[$0].isText }
            if let position = siblings.firstIndex(of: node), position + 1 < siblings.count {
                let field = siblings[position + 1]
                let values = units.filter { document.contains(field, $0.first) }.map(\.text)
                let short = values.allSatisfy { $0.split(separator: " ").count <= 4 && !ParagraphFilter.endsLikeSentence($0) }
                return short && values.count <= mostFieldValues ? values : []
            }
            node = parent
        }
        return []
    }

    /// A heading's words as compared with the vocabularies: lower-cased, without a closing
    /// colon or arrow; empty for what is too long for a heading or ends as a sentence does.
    static func headingKey(_ text: String) -> String {
        guard text.utf8.count <= 60, let end = text.last, !".!?".contains(end) else { return "" }
        var key = text.lowercased()
        while let last = key.last, ":›»>|-–—".contains(last) || last == " " { key.removeLast() }
        return key
    }

    /// The headline after a READ MORE label (`Read more: Baltic States Step Up Patrols`), or
    /// nil when the text does not start with one.
    static func readMoreLabel(_ text: String) -> String? {
        guard mayBeLabelled(text) else { return nil }
        let lower = text.prefix(12).lowercased()
        guard let label = (readMoreLabels + lineOnlyReadMoreLabels).first(where: { lower.hasPrefix($0) }) else { return nil }
        var rest = Substring(text.dropFirst(label.count))
        guard let first = rest.first, ":›»>|-–— ".contains(first) else { return nil }
        while let next = rest.first, ":›»>|-–— ".contains(next) { rest.removeFirst() }
        // `Read More →`, a teaser's button: an arrow is no headline.
        return rest.contains(where: { $0.isLetter || $0.isNumber }) ? String(rest) : nil
    }

    /// The links of a related block written on one line with its label, as table layouts
    /// do (`Related articles: <a>…</a> (12/10/2007) <a>…</a>`).
    static func labelledRelatedLinks(_ unit: TextUnit) -> [(String, String)]? {
        guard !unit.links.isEmpty, let colon = unit.text.utf8.prefix(40).firstIndex(of: UInt8(ascii: ":")),
              blockKind(ofHeading: headingKey(String(unit.text[..<colon]))) == .related else { return nil }
        let links = unit.links.filter { !$0.text.isEmpty && isStoryAddress($0.href) }
        return links.isEmpty ? nil : links.map { ($0.text, $0.href) }
    }

    /// Labels of a tag line of text.
    static let tagLineLabels = ["tags:", "topics:", "tagged:"]

    /// The first letters of every heading and label above: text starting otherwise is none
    /// of them (most of a page's text, checked in one byte).
    static let labelInitials: Set<UInt8> = Set(
        (Vocabulary.relatedHeadingStarts + Vocabulary.tagHeadings + readMoreLabels + tagLineLabels).compactMap { $0.utf8.first })

    static func mayBeLabelled(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return labelInitials.contains(first | 0x20)
    }

    /// `Tags: Arctic, shipping, Russia` as a line of text.
    static func tagLine(_ text: String) -> [String]? {
        let lower = text.prefix(8).lowercased()
        for label in tagLineLabels where lower.hasPrefix(label) {
            let list = JSONLDArticle.splitKeywords(String(text.dropFirst(label.count)))
            return list.isEmpty ? nil : list
        }
        return nil
    }

    /// The links that follow a heading inside its block (the heading's parent, or an ancestor
    /// up to four levels up when the heading is wrapped on its own, as page builders wrap each
    /// block), up to the next heading that is not itself a link's (`Explore the topic` after
    /// `Related content`), as (headline, href).
    static func links(after heading: TextUnit, in document: HTMLDocument,
                      accepting accepts: (String) -> Bool = { _ in true }) -> [(String, String)] {
        var container = document.nodes[heading.owner].parent
        var start = document.nodes[heading.owner].end
        // A label written in the element that also holds its list (`<div>Categories: <ul>…`):
        // the list follows the label inside it.
        let owner = document.nodes[heading.owner]
        let labelEnd = document.nodes[heading.first].end
        if (labelEnd..<owner.end).contains(where: { HTMLDocument.blockElements.contains(document.nodes[$0].name) }) {
            container = heading.owner
            start = labelEnd
        }
        for _ in 0..<4 where container >= 0 {
            let end = document.nodes[container].end
            let nextHeading = (start..<end).first { isSectionHeading($0, in: document) } ?? end
            let found = anchors(in: start..<nextHeading, of: document).filter { accepts($0.0) }
            if !found.isEmpty || nextHeading < end { return found }
            container = document.nodes[container].parent
        }
        return []
    }

    static let headingElements: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// A heading element that opens a new section: neither inside a link (a teaser card's
    /// headline) nor holding one (a list item written as a linked heading).
    private static func isSectionHeading(_ index: Int, in document: HTMLDocument) -> Bool {
        guard headingElements.contains(document.nodes[index].name) else { return false }
        if ((index + 1)..<document.nodes[index].end).contains(where: { document.nodes[$0].name == "a" }) { return false }
        return !document.ancestors(of: index).contains { document.nodes[$0].name == "a" }
    }

    /// The links in a range of nodes with their headline text: dates and times inside a
    /// link are not part of its headline; image-only links and repeats of one address go.
    static func anchors(in range: Range<Int>, of document: HTMLDocument) -> [(String, String)] {
        var found: [(String, String)] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard document.nodes[index].name == "a", let href = document.nodes[index].attribute("href"),
                  isStoryAddress(href) else {
                index += 1
                continue
            }
            // A card's headline is its heading, when it has one.
            let card = ((index + 1)..<document.nodes[index].end).first { headingElements.contains(document.nodes[$0].name) }
            // (An icon before it, `🛣️ Myawaddy: …`, is no part of the headline.)
            let text = String(Text.afterPictographs(document.text(of: card ?? index) { isBesideHeadline(document.nodes[$0]) }))
            if !text.isEmpty, !found.contains(where: { $0.1 == href }) { found.append((text, href)) }
            index = document.nodes[index].end
        }
        return found
    }

    /// Links within the page (`#top`) and scripts are not stories.
    static func isStoryAddress(_ href: String) -> Bool {
        let trimmed = href.trimmingCharacters(in: .whitespaces).lowercased()
        return !trimmed.isEmpty && !trimmed.hasPrefix("#") && !trimmed.hasPrefix("javascript:")
            && !trimmed.hasPrefix("mailto:")
    }

    /// Class words of what a teaser link shows beside its headline: a date, a section label.
    static let besideHeadlineWords: Set<String> = [
        "date", "time", "timestamp", "published", "label", "kicker", "category", "section", "eyebrow",
        "flag", "badge",
    ]

    private static func isBesideHeadline(_ node: HTMLDocument.Node) -> Bool {
        node.name == "time" || PageHints.words(node).contains { besideHeadlineWords.contains($0) }
    }

    /// A tag list marked by its class words, or by `rel="tag"` on its links.
    static func visibleTagList(_ document: HTMLDocument) -> [String] {
        for index in document.nodes.indices where !document.nodes[index].isText {
            let rel = document.nodes[index].name == "a"
                ? document.nodes[index].attribute("rel")?.lowercased().split(separator: " ") ?? [] : []
            // (`rel="category tag"` is a section link, not a tag.)
            if rel.contains("tag"), !rel.contains("category") {
                var list = document.nodes[index].parent
                while list >= 0, ["li", "span", "strong", "em", "b", "i"].contains(document.nodes[list].name) {
                    list = document.nodes[list].parent
                }
                guard list >= 0 else { continue }
                return anchors(in: list..<document.nodes[list].end, of: document).map(\.0)
            }
            guard PageHints.words(document.nodes[index]).contains(where: { tagListWords.contains($0) }) else { continue }
            let list = anchors(in: index..<document.nodes[index].end, of: document).map(\.0)
            if !list.isEmpty, document.text(of: index).count < 600 { return list }
        }
        return tagAddressList(document)
    }

    /// Path segments of the addresses of tag pages (`/tags/india`, `/topic/china`).
    static let tagPathSegments: Set<String> = ["tag", "tags", "topic", "topics", "subject", "subjects", "keyword", "keywords"]

    /// An unmarked tag row: two or more links side by side, outside site chrome, that all lead
    /// to tag pages.
    static func tagAddressList(_ document: HTMLDocument) -> [String] {
        let chrome = chromeNodes(document)
        for index in document.nodes.indices where !chrome[index] && !document.nodes[index].isText {
            let links = document.children(of: index).filter { document.nodes[$0].name == "a" }
            guard links.count >= 2, links.allSatisfy({ leadsToTagPage(document.nodes[$0]) }) else { continue }
            return anchors(in: index..<document.nodes[index].end, of: document).map(\.0)
        }
        return []
    }

    private static func leadsToTagPage(_ node: HTMLDocument.Node) -> Bool {
        guard let href = node.attribute("href") else { return false }
        let path = href.split(separator: "?").first ?? ""
        return path.split(separator: "/").contains { tagPathSegments.contains($0.lowercased()) }
    }

    /// Per node, whether it is inside a chrome element (navigation, header, footer, aside…).
    private static func chromeNodes(_ document: HTMLDocument) -> [Bool] {
        var chrome = [Bool](repeating: false, count: document.nodes.count)
        for index in document.nodes.indices {
            let parent = document.nodes[index].parent
            chrome[index] = (parent >= 0 && chrome[parent]) || ContentExtractor.chromeElements.contains(document.nodes[index].name)
        }
        return chrome
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.map { HTMLText.clean($0) }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
