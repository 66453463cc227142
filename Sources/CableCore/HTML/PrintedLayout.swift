/// A printed page converted line by line (pdftohtml and its kin: every line of print an
/// absolutely placed element, `<p style="position:absolute;top:598px;left:54px">`): no element
/// holds a paragraph, so paragraphs are put back together the way a reader of the print finds
/// them. The body is the text in the font most of the page's words are set in; its lines run
/// down a column, on to the top of the next column or page, and a paragraph starts where a
/// line is indented from its column's edge (or after a blank line). Lines of the body font
/// that do not continue that flow (another story's brief, an advert's small print) are no
/// part of the article and are left out; lines in other fonts (headline, standfirst, running
/// heads, pull quotes, captions) stay, a run of lines one under another joined into one unit,
/// for the text reading to place.
enum PrintedLayout {
    /// One placed line of text.
    struct Line {
        var unit: TextUnit
        /// The element the page's lines are placed in (one per printed page).
        var page: Int
        var top: Double
        var left: Double
        /// The line's font, as the converter names it (its class).
        var font: String
    }

    /// A page is laid out this way when at least this many of its units are placed lines…
    static let minimumLines = 20
    /// …and they hold at least this share of its text.
    static let minimumShare = 0.6

    /// How far (in the page's units, pixels) a paragraph's first line is indented at most; a
    /// line further right is in another column.
    static let maximumIndent = 30.0

    /// The units with the placed lines joined into paragraphs, or nil when the page is not
    /// laid out line by line.
    static func reflowed(_ units: [TextUnit], in document: HTMLDocument) -> [TextUnit]? {
        var lines: [Line] = []
        var placedLength = 0
        var totalLength = 0
        for unit in units {
            totalLength += unit.text.count
            if let line = placedLine(unit, in: document) {
                lines.append(line)
                placedLength += unit.text.count
            }
        }
        guard lines.count >= minimumLines, Double(placedLength) >= Double(totalLength) * minimumShare,
              let bodyFont = mostUsedFont(lines) else { return nil }
        let body = lines.filter { $0.font == bodyFont }
        let spacing = lineSpacing(body)
        let edges = columnEdges(body)
        let others = lines.filter { $0.font != bodyFont }
        var blocks = articleParagraphs(body, spacing: spacing, edges: edges, headings: others)
        blocks += otherBlocks(others)
        let placed = Set(lines.map(\.unit.first))
        let rest = units.filter { !placed.contains($0.first) }
        return (rest + blocks.compactMap(joined)).sorted { $0.first < $1.first }
    }

    /// The unit as a placed line: its element's style gives `position:absolute` with a top and
    /// a left.
    static func placedLine(_ unit: TextUnit, in document: HTMLDocument) -> Line? {
        let node = document.nodes[unit.owner]
        guard let style = node.attribute("style")?.lowercased().filter({ !$0.isWhitespace }),
              style.contains("position:absolute"),
              let top = length(named: "top", in: style), let left = length(named: "left", in: style) else { return nil }
        // (A `<br>` inside a placed element wraps one block, a headline set on two lines.)
        var unwrapped = unit
        unwrapped.lines = []
        return Line(unit: unwrapped, page: node.parent, top: top, left: left, font: node.attribute("class") ?? "")
    }

    /// The number of a `name:123px` declaration in a style without spaces.
    static func length(named name: String, in style: String) -> Double? {
        for declaration in style.split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0] == name else { continue }
            return Double(parts[1].prefix { $0.isNumber || $0 == "." || $0 == "-" })
        }
        return nil
    }

    /// The font most of the lines' letters are set in: the body's.
    static func mostUsedFont(_ lines: [Line]) -> String? {
        var letters: [String: Int] = [:]
        for line in lines { letters[line.font, default: 0] += line.unit.text.count }
        return letters.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    /// The most common step from one body line down to the next.
    static func lineSpacing(_ body: [Line]) -> Double {
        var steps: [Double: Int] = [:]
        for (previous, line) in zip(body, body.dropFirst()) where line.page == previous.page && line.top > previous.top {
            steps[(line.top - previous.top).rounded(), default: 0] += 1
        }
        return steps.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 12
    }

    /// The most column edges looked for: a printed spread has a handful of columns, and a
    /// page with thousands of distinct lefts must not cost their square.
    static let maximumEdges = 16

    /// The left edges of the body's columns: of the lefts three or more lines share (the most
    /// shared first), those that are not a first-line indent of a more common edge just left
    /// of them.
    static func columnEdges(_ body: [Line]) -> [Double] {
        var counts: [Double: Int] = [:]
        for line in body { counts[line.left, default: 0] += 1 }
        let frequent = counts.filter { $0.value >= 3 }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(maximumEdges)
        return frequent.filter { left in
            !frequent.contains { other in other.value > left.value && isIndent(left.key, from: other.key) }
        }.map(\.key).sorted()
    }

    static func isIndent(_ left: Double, from edge: Double) -> Bool {
        left - edge >= 4 && left - edge <= maximumIndent
    }

    /// The column edge a line sits at or is indented from.
    static func column(of line: Line, edges: [Double]) -> Double? {
        edges.last { $0 <= line.left + 1 && line.left - $0 <= maximumIndent }
    }

    /// The article's paragraphs: the flow of body lines from the first one (the lead).
    /// `headings`: the lines in other fonts; one set just above a column's first line heads
    /// another story there, not the article's next paragraph.
    static func articleParagraphs(_ body: [Line], spacing: Double, edges: [Double], headings: [Line]) -> [[Line]] {
        var paragraphs: [[Line]] = []
        // The last line left out: the lines running on from it down its column are left out too.
        var leftOut: Line?
        for line in body {
            guard let previous = paragraphs.last?.last else {
                paragraphs.append([line])
                continue
            }
            if let last = leftOut, isNextLine(line, after: last, spacing: spacing, edges: edges) {
                leftOut = line
                continue
            }
            leftOut = nil
            let indented = column(of: line, edges: edges).map { isIndent(line.left, from: $0) } ?? false
            let sameColumn = line.page == previous.page && column(of: line, edges: edges) == column(of: previous, edges: edges)
            let step = line.top - previous.top
            // Down the same column: the next line, or a line after a blank one.
            let next = isNextLine(line, after: previous, spacing: spacing, edges: edges)
            let afterGap = sameColumn && step > spacing * 1.5 && step <= spacing * 3
            // Up to the top of the next column, or on to the next page.
            let onward = line.page != previous.page || step < 0 && line.left > previous.left
            // A paragraph carried over a column or page break goes on; one that ended at the
            // foot of the column leaves the next line to start the next.
            let open = !ParagraphFilter.endsLikeSentence(previous.unit.text)
            if next && !indented || onward && !indented && open {
                paragraphs[paragraphs.count - 1].append(line)
            } else if next || afterGap || onward && (indented || !isHeaded(line, by: headings, spacing: spacing)) {
                paragraphs.append([line])
            } else {
                leftOut = line  // another story's or an advert's text in the same font
            }
        }
        return paragraphs
    }

    /// Whether the line is the one under `previous` in the same column.
    static func isNextLine(_ line: Line, after previous: Line, spacing: Double, edges: [Double]) -> Bool {
        let step = line.top - previous.top
        return line.page == previous.page && column(of: line, edges: edges) == column(of: previous, edges: edges)
            && step > 0 && step <= spacing * 1.5
    }

    /// Whether a line in another font sits just above the line, over the same column edge: a
    /// headline over another story's first line. (The article's own crosshead at the top of a
    /// column after a finished paragraph reads the same, and what follows it is lost: no page
    /// seen yet sets one there, while briefs beside an article are common.)
    static func isHeaded(_ line: Line, by headings: [Line], spacing: Double) -> Bool {
        headings.contains { heading in
            heading.page == line.page && heading.top < line.top && line.top - heading.top <= spacing * 3
                && abs(heading.left - line.left) <= maximumIndent
        }
    }

    /// The lines in other fonts, a run set one under another in one font kept as one block.
    static func otherBlocks(_ lines: [Line]) -> [[Line]] {
        var blocks: [[Line]] = []
        for line in lines {
            if let previous = blocks.last?.last, previous.page == line.page, previous.font == line.font,
               line.top > previous.top, line.top - previous.top <= 40, abs(line.left - previous.left) <= maximumIndent {
                blocks[blocks.count - 1].append(line)
            } else {
                blocks.append([line])
            }
        }
        return blocks
    }

    /// The lines of a block as one unit, joined with a space.
    static func joined(_ block: [Line]) -> TextUnit? {
        guard var unit = block.first?.unit else { return nil }
        guard block.count > 1 else { return unit }
        unit.text = block.map(\.unit.text).joined(separator: " ")
        unit.linkLength = block.reduce(0) { $0 + $1.unit.linkLength }
        unit.emphasisLength = block.reduce(0) { $0 + $1.unit.emphasisLength }
        unit.links = block.flatMap(\.unit.links)
        unit.lines = []
        return unit
    }
}
