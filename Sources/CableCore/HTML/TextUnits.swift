/// One piece of a page's visible text as a reader sees it: a `<p>`, a heading, a list item,
/// or a run of text sitting directly in a `<div>` (split where `<br><br>` breaks it), as
/// old and generated pages write paragraphs.
struct TextUnit {
    /// `citation`: the signature line under a quotation (`— Name (@handle) date`), no text
    /// of its own, as a blockquote's `<cite>` is not.
    enum Kind: Equatable { case paragraph, heading, listItem, citation }
    struct Link: Equatable {
        /// The link's text, cleaned.
        var text: String
        var href: String
    }

    /// The block element the text sits in.
    var owner: Int
    /// The first node of the text, for page order and "inside" tests.
    var first: Int
    var kind: Kind
    var text: String
    /// Characters of the text inside links, and inside `<strong>`/`<b>`.
    var linkLength: Int
    var emphasisLength: Int
    var links: [Link]
    /// The text's lines where single `<br>`s break it (a byline, a dateline and an update
    /// time in one `<p>`), each cleaned; empty when no `<br>` does.
    var lines: [String] = []

    var wordCount: Int { text.split(separator: " ").count }
    var linkDensity: Double { text.isEmpty ? 0 : Double(linkLength) / Double(text.count) }
}

extension HTMLDocument {
    static let headingElements: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "th"]
    static let emphasisElements: Set<String> = ["strong", "b"]

    /// The page's text units in page order (outside `<head>`; hidden elements and a
    /// blockquote's `<cite>` left out). No recursion: the walk is one pass in document order,
    /// with what each node inherits (its block, whether it is in a link) filled in from its
    /// parent, which always comes first.
    func textUnits() -> [TextUnit] {
        let count = nodes.count
        let blocky = blockLike()
        var owner = [Int](repeating: -1, count: count)
        var inLink = [Bool](repeating: false, count: count)
        var inEmphasis = [Bool](repeating: false, count: count)
        var units: [TextUnit] = []
        var run: RunBuilder?

        func flush() {
            if var unit = run?.unit(kind: kind(of: run?.owner ?? -1)) {
                if nodes[unit.owner].name == "blockquote", let previous = units.indices.last,
                   isSignature(unit, after: units[previous].owner, units[previous].first) {
                    unit.kind = .citation
                }
                units.append(unit)
            }
            run = nil
        }

        var i = 0
        // (Nodes and the run are read in place, never copied: a copy of either is a retain of
        // every string in it, on every node of the page.)
        while i < count {
            let parent = nodes[i].parent
            if let current = run?.owner, i >= nodes[current].end { flush() }
            if skipped(i) {
                i = nodes[i].end
                continue
            }
            owner[i] = parent >= 0 ? owner[parent] : -1
            inLink[i] = parent >= 0 && inLink[parent]
            inEmphasis[i] = parent >= 0 && inEmphasis[parent]
            if nodes[i].isText {
                let block = owner[i]
                if block >= 0 {
                    if let current = run?.owner, current != block { flush() }
                    if run == nil { run = RunBuilder(owner: block, first: i) }
                    run?.add(nodes[i].text, inLink: inLink[i], emphasised: inEmphasis[i])
                }
            } else if nodes[i].name == "br" {
                if run?.afterBreak == true { flush() } else { run?.lineBreak() }
            } else if blocky[i] {
                flush()
                owner[i] = i
                // A link around a whole card (`<a><div>Headline</div></a>`) is a block, and
                // its text is still link text: a rail of such cards is all links.
                if nodes[i].name == "a" { inLink[i] = true }
            } else {
                if nodes[i].name == "a" {
                    inLink[i] = true
                    if let href = nodes[i].attribute("href") {
                        if run == nil, owner[i] >= 0 { run = RunBuilder(owner: owner[i], first: i) }
                        run?.links.append(TextUnit.Link(text: text(of: i), href: href))
                    }
                }
                if Self.emphasisElements.contains(nodes[i].name) { inEmphasis[i] = true }
            }
            i += 1
        }
        flush()
        return units
    }

    private func kind(of owner: Int) -> TextUnit.Kind {
        guard owner >= 0 else { return .paragraph }
        let name = nodes[owner].name
        if Self.headingElements.contains(name) { return .heading }
        if name == "li" { return .listItem }
        return .paragraph
    }

    /// Dashes that open the signature line of a quotation.
    static let signatureDashes: Set<Character> = ["\u{2014}", "\u{2015}", "\u{2013}", "-"]

    /// Text run directly in a blockquote (`unit.owner`) after its paragraph (the unit before,
    /// of `previousOwner` from node `previousFirst`), opening with a dash: the line an embedded
    /// post or an epigraph signs with (`<p>…</p>&mdash; Name (@handle) date`).
    private func isSignature(_ unit: TextUnit, after previousOwner: Int, _ previousFirst: Int) -> Bool {
        guard previousOwner != unit.owner, contains(unit.owner, previousFirst), let dash = unit.text.first else { return false }
        return Self.signatureDashes.contains(dash)
    }

    /// Left out of the text: the head, hidden elements, a quotation's source line.
    private func skipped(_ index: Int) -> Bool {
        if nodes[index].isText { return false }
        if nodes[index].name == "head" || PageHints.isHidden(nodes[index]) { return true }
        if nodes[index].name == "cite" || nodes[index].name == "footer", ancestors(of: index).prefix(3).contains(where: { nodes[$0].name == "blockquote" }) {
            return true
        }
        return false
    }

    /// Elements that break text into separate units: block elements, and inline ones that
    /// wrap a block (a link around a whole teaser card).
    private func blockLike() -> [Bool] {
        var result = [Bool](repeating: false, count: nodes.count)
        var holdsBlock = [Bool](repeating: false, count: nodes.count)
        for index in nodes.indices.reversed() where !nodes[index].isText {
            let isBlock = Self.blockElements.contains(nodes[index].name) && nodes[index].name != "br"
            result[index] = isBlock || holdsBlock[index]
            let parent = nodes[index].parent
            if isBlock || holdsBlock[index], parent >= 0 { holdsBlock[parent] = true }
        }
        return result
    }
}

/// A unit being gathered from the text nodes of one block.
private struct RunBuilder {
    var owner: Int
    var first: Int
    var raw = ""
    var linkLength = 0
    var emphasisLength = 0
    var links: [TextUnit.Link] = []
    /// A `<br>` just passed, with only blank text since: a second one ends the paragraph.
    var afterBreak = false
    /// Where each `<br>` fell in `raw`, as UTF-8 offsets.
    var breaks: [Int] = []

    init(owner: Int, first: Int) {
        self.owner = owner
        self.first = first
    }

    mutating func add(_ text: String, inLink: Bool, emphasised: Bool) {
        var visible = 0
        for scalar in text.unicodeScalars where !HTMLText.isSpace(scalar) { visible += 1 }
        if visible > 0 { afterBreak = false }
        raw += text
        if inLink { linkLength += visible }
        if emphasised { emphasisLength += visible }
    }

    mutating func lineBreak() {
        breaks.append(raw.utf8.count)
        raw += " "
        afterBreak = true
    }

    /// `raw` cut at its line breaks, each line cleaned, blank ones dropped.
    private func lines() -> [String] {
        guard !breaks.isEmpty else { return [] }
        let bytes = Array(raw.utf8)
        var lines: [String] = []
        var start = 0
        for end in breaks + [bytes.count] where end >= start {
            let line = HTMLText.clean(String(decoding: bytes[start..<end], as: UTF8.self))
            if !line.isEmpty { lines.append(line) }
            start = end
        }
        return lines
    }

    func unit(kind: TextUnit.Kind) -> TextUnit? {
        let text = HTMLText.clean(raw)
        guard !text.isEmpty else { return nil }
        // Lengths were counted without spaces; scale them to the cleaned text's length.
        var visible = 0
        for scalar in text.unicodeScalars where scalar != " " { visible += 1 }
        let scale = visible == 0 ? 0 : Double(text.count) / Double(visible)
        return TextUnit(owner: owner, first: first, kind: kind, text: text,
                        linkLength: Int(Double(linkLength) * scale), emphasisLength: Int(Double(emphasisLength) * scale),
                        links: links, lines: lines())
    }
}
