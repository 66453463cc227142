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
    static func blockKind(ofHeading key: String, authors: [String] = []) -> BlockKind? {
        if key.isEmpty { return nil }
        if readMoreLabels.contains(key) { return .readMore }
        if Vocabulary.tagHeadings.contains(key) { return siteIndexHeadings.contains(key) ? nil : .tags }
        if Vocabulary.unrelatedHeadingStarts.contains(where: key.hasPrefix) { return nil }
        if namesAuthor(key, authors: authors) { return nil }
        return Vocabulary.relatedHeadingStarts.contains(where: key.hasPrefix) ? .related : nil
    }

    /// Heading starts that name whose work a list is (`More from …`, `More by …`).
    static let workOfHeadingStarts = ["more from ", "more by ", "also by ", "other stories by "]

    /// Whether a heading gives the list as the work of one of the page's authors (`More from
    /// Tove Lindahl and Ice Lines` under a post by Tove Lindahl): the author's other work, not
    /// the page's related stories. (`More from The Gulf Meridian` names the outlet: related.)
    static func namesAuthor(_ key: String, authors: [String]) -> Bool {
        guard workOfHeadingStarts.contains(where: key.hasPrefix) else { return false }
        return authors.contains { author in
            let name = author.lowercased()
            // (A user name, `rizky.pratama`, names no one in a heading.)
            return name.contains(" ") && Text.contains(key, name)
        }
    }

    /// The most block headings a page is searched under: a page has a few (`Related`, `Tags`,
    /// `Read more`), and each search reads on through the page, so a page of thousands costs
    /// their square.
    static let mostHeadings = 40

    /// `authors`: the names the page gives its authors (meta `author`, JSON-LD).
    init(document: HTMLDocument, units: [TextUnit], base: String?, authors: [String] = []) {
        var related: [(String, String)] = []
        var readMore: [(String, String?)] = []
        var tags: [String] = []
        var taken = Set<Int>()  // headings already used
        var headings = 0
        for (position, unit) in units.enumerated() where Self.mayBeLabelled(unit.text) {
            var kind = Self.isLabel(unit)
                ? Self.blockKind(ofHeading: Self.headingKey(unit.text), in: document, at: unit.owner, authors: authors) : nil
            if kind != nil { headings += 1 }
            if headings > Self.mostHeadings { kind = nil }
            if kind == .related, !taken.contains(unit.owner) {
                taken.insert(unit.owner)
                let found = Self.links(after: unit, in: document, accepting: Self.isHeadline)
                // (`Related documents` whose every link is a file, a factsheet and the legal
                // text: documents that go with the page, not stories.)
                if !found.allSatisfy({ Self.isDocumentAddress($0.1) }) { related += found }
            } else if kind == .readMore {
                readMore += Self.links(after: unit, in: document, accepting: Self.isHeadline).map { ($0.0, Optional($0.1)) }
            } else if kind == .tags {
                let found = Self.links(after: unit, in: document)
                if Self.readAsHeadlines(found.map(\.0)) {
                    // `Related topics` over a forum's other threads: stories, not tags.
                    if !taken.contains(unit.owner) { related += found }
                    taken.insert(unit.owner)
                } else if tags.isEmpty {
                    tags = found.map(\.0)
                    if tags.isEmpty { tags = Self.unlinkedTagList(after: position, in: units) }
                    if tags.isEmpty { tags = Self.valuesBeside(unit, units: units, in: document) }
                }
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
        var seen = Set<String>()
        for (headline, href) in readMore where seen.insert(headline).inserted {
            self.readMore.append(headline)
            if let href, let address = WebAddress.absolute(href, base: base) { linkURLs[headline] = address }
        }
        seen = []
        for (headline, href) in related where !Self.isButton(headline) && seen.insert(headline).inserted {
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

    /// (A `»` that closes a `«` ends a quotation in the headline: `Minister: «We will answer»`.
    /// A text page's line uses other arrows, `PageBody.isLinkWithArrow`, for the same reason.)
    static func pointsOnward(_ text: String) -> Bool {
        onwardMarks.contains { text.hasSuffix($0) } && !(text.hasSuffix("»") && text.contains("«"))
    }

    /// A story's headline has two words or more; a single word beside a heading is one of the
    /// heading's own controls (a wiki's `edit`, a `#` anchor), not a story.
    static func isHeadline(_ text: String) -> Bool {
        text.split(separator: " ").count >= 2
    }

    /// A unit that may label a block: text without links, or a site-index label that is
    /// itself a link to its index page (`<a href="/Special:Categories">Categories</a>:`). Any
    /// other linked heading (`Read more`, a menu's `Topics`) is a link, not a label.
    static func isLabel(_ unit: TextUnit) -> Bool {
        guard let link = unit.links.first else { return true }
        let key = headingKey(unit.text)
        return unit.links.count == 1 && headingKey(link.text) == key && siteIndexHeadings.contains(key)
    }

    /// `blockKind(ofHeading:)` for a heading on the page: a `Categories` heading heads the
    /// article's own categories when it stands outside the page's chrome (a wiki's category
    /// links under the article), and a blog's site-wide index when it stands in a sidebar.
    static func blockKind(ofHeading key: String, in document: HTMLDocument, at index: Int, authors: [String]) -> BlockKind? {
        guard siteIndexHeadings.contains(key) else { return blockKind(ofHeading: key, authors: authors) }
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
                // (Units are in document order: the field's are one run, found by halving.)
                let start = firstUnit(in: units, atOrAfter: field)
                let values = units[start...].prefix { document.contains(field, $0.first) }.map(\.text)
                let short = values.allSatisfy { $0.split(separator: " ").count <= 4 && !ParagraphFilter.endsLikeSentence($0) }
                return short && values.count <= mostFieldValues ? values : []
            }
            node = parent
        }
        return []
    }

    /// The index of the first unit at or after a node, in units kept in document order.
    static func firstUnit(in units: [TextUnit], atOrAfter node: Int) -> Int {
        var low = 0
        var high = units.count
        while low < high {
            let middle = (low + high) / 2
            if units[middle].first < node { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Whether the items under a tag heading read as headlines, not tags: most of them five
    /// words or more (a tag is a name or a short phrase: `South China Sea`).
    static func readAsHeadlines(_ items: [String]) -> Bool {
        let long = items.filter { $0.split(separator: " ").count >= 5 }
        return !items.isEmpty && long.count * 2 > items.count
    }

    /// A tag label with its list unlinked in the next cell or line (`Tags:` | `indonesia,
    /// south china sea, maritime`, as a note's attribute table gives it).
    static func unlinkedTagList(after position: Int, in units: [TextUnit]) -> [String] {
        guard position + 1 < units.count else { return [] }
        let next = units[position + 1]
        guard next.links.isEmpty, next.text.utf8.count <= 200, let end = next.text.last, !".!?".contains(end),
              next.text.contains(",") else { return [] }
        let list = JSONLDArticle.splitKeywords(next.text)
        // (Each item a tag's length, not a sentence's.)
        return list.count >= 2 && list.allSatisfy({ $0.split(separator: " ").count <= 4 }) ? list : []
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
        var addresses = Set<String>()
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
            let text = String(Text.afterPictographs(document.text(of: card ?? index) { isBesideHeadline($0, in: document) }))
            if !text.isEmpty, addresses.insert(href).inserted { found.append((text, href)) }
            index = document.nodes[index].end
        }
        return found
    }

    /// File types a page links to as documents to download, not pages to read.
    static let documentExtensions: Set<String> = ["pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "csv", "ppt", "pptx", "zip"]

    /// Whether an address leads to a document file (`…/Factsheet.pdf`, `report.docx?dl=1`).
    static func isDocumentAddress(_ href: String) -> Bool {
        let path = href.split(whereSeparator: { $0 == "?" || $0 == "#" }).first ?? ""
        guard let last = path.split(separator: "/").last, let dot = last.lastIndex(of: ".") else { return false }
        return documentExtensions.contains(last[last.index(after: dot)...].lowercased())
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

    private static func isBesideHeadline(_ index: Int, in document: HTMLDocument) -> Bool {
        let node = document.nodes[index]
        if node.name == "time" || PageHints.words(node).contains(where: besideHeadlineWords.contains) { return true }
        // (An element of its own holding only a page number: an e-paper's `Page 3` before
        // each story.)
        return !node.isText && node.end - index == 2 && isPageReference(document.text(of: index))
    }

    /// `Page 3`, `p. 12`, `P14`: where a story stands in a printed edition.
    static func isPageReference(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard let label = ["page", "pg.", "pg", "p.", "p"].first(where: lower.hasPrefix) else { return false }
        let number = lower.dropFirst(label.count).trimmingCharacters(in: .whitespaces)
        return !number.isEmpty && number.count <= 3 && number.allSatisfy(\.isNumber)
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
    /// to tag pages; each link a child of the row or the one link of a child (a pill wrapped
    /// in its own `<div>`, as generated class names leave it).
    static func tagAddressList(_ document: HTMLDocument) -> [String] {
        let chrome = chromeNodes(document)
        for index in document.nodes.indices where !chrome[index] && !document.nodes[index].isText {
            let items = document.children(of: index).filter { !document.nodes[$0].isText }
            let links = items.compactMap { soleLink(of: $0, in: document) }
            guard links.count >= 2, links.count == items.count, links.allSatisfy({ leadsToTagPage(document.nodes[$0]) }) else { continue }
            return anchors(in: index..<document.nodes[index].end, of: document).map(\.0)
        }
        return []
    }

    /// The link an item is, or holds as its only link.
    private static func soleLink(of item: Int, in document: HTMLDocument) -> Int? {
        if document.nodes[item].name == "a" { return item }
        let links = (item..<document.nodes[item].end).filter { document.nodes[$0].name == "a" }
        return links.count == 1 ? links.first : nil
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

    /// Tags as named once each: cleaned, a hashtag without its sigil (`#Senegal` is the tag
    /// Senegal: the mark says it is a tag, it is no part of the name).
    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.map { withoutHashSigil(HTMLText.clean($0)) }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    static func withoutHashSigil(_ tag: String) -> String {
        guard tag.hasPrefix("#"), tag.dropFirst().first?.isLetter == true else { return tag }
        return String(tag.dropFirst())
    }
}
