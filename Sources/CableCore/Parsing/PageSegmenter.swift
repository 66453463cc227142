import Foundation

/// The parts of a saved page, found by position and shape: headline and dateline at the top,
/// body paragraphs with READ MORE lines among them, then the related-headline block, the tag
/// line and bottom furniture.
struct PageSegments {
    var headline: String?
    var published: Date?
    var source: String?
    var paragraphs: [String] = []
    /// The same paragraphs as bytes, for the quote scanner.
    var paragraphBytes: [[UInt8]] = []
    var readMore: [String] = []
    var related: [String] = []
    var tags: [String] = []
}

/// A line after hard-wrapped continuations were joined, with what we know about it.
struct LogicalLine {
    enum Kind { case prose, readMore, furniture, other }
    var bytes: [UInt8]
    /// The shape as measured for classifying: a long paragraph's has only its word count,
    /// commas, byte count, ending and opening quote (see `LineShape.hasWordFacts`); read it
    /// for those, and `shape` for anything else.
    var measuredShape: LineShape
    /// The whole shape, measuring the per-word facts now if they were left out (few long
    /// paragraphs are ever asked for them).
    var shape: LineShape { measuredShape.hasWordFacts ? measuredShape : LineShape(bytes) }
    var block: Int
    var kind: Kind
    /// For READ MORE lines, the headline after the label.
    var link: String?
    var text: String { String(decoding: bytes, as: UTF8.self) }
}

enum PageSegmenter {
    static func segment(_ lines: [PageLine]) -> PageSegments {
        let logical = logicalLines(lines)
        var segments = PageSegments()
        guard !logical.isEmpty else { return segments }

        // The body runs from the first to the last prose line. In a block of several lines, a
        // line that reads as a headline, or a short sentence between such lines, belongs to a
        // headline list (the related block), not to the body.
        // The body starts at a line that is plainly a paragraph; a long line without final
        // punctuation above it is a sentence-case headline or a standfirst, not the lead.
        let firstProse = logical.firstIndex {
            $0.kind == .prose
                && ($0.measuredShape.endsWithSentencePunctuation || $0.measuredShape.wordCount >= 25 || $0.measuredShape.startsWithQuote)
        }
        let lastProse = logical.indices.last { logical[$0].kind == .prose && !isInHeadlineList($0, logical) }
        let bodyStart = firstProse ?? logical.count
        let bodyEnd = max(lastProse ?? -1, bodyStart - 1)

        readTop(logical[0..<bodyStart], into: &segments)
        if bodyStart <= bodyEnd {
            // (Room made once: a paragraph per body line at most.)
            segments.paragraphs.reserveCapacity(bodyEnd - bodyStart + 1)
            segments.paragraphBytes.reserveCapacity(bodyEnd - bodyStart + 1)
            // (Lines are read in place, by index: a copy of each cost more than reading it.)
            for index in bodyStart...bodyEnd {
                switch logical[index].kind {
                case .prose:
                    let bytes = withoutBullet(logical[index].bytes, dashes: false)
                    segments.paragraphBytes.append(bytes)
                    segments.paragraphs.append(String(decoding: bytes, as: UTF8.self))
                case .readMore: if let link = logical[index].link { segments.readMore.append(link) }
                case .other where isUnpunctuatedParagraph(logical[index].shape):
                    // A paragraph that lost its full stop (`She called it "not acceptable"`).
                    segments.paragraphBytes.append(logical[index].bytes)
                    segments.paragraphs.append(logical[index].text)
                case .furniture, .other:
                    if segments.published == nil, let date = DatelineParser.parse(logical[index].bytes) {
                        segments.published = date
                    }
                }
            }
        }
        readBottom(logical[(bodyEnd + 1)...], of: logical, into: &segments)
        if segments.published == nil {
            // Some pages put `Published …` at the foot; never read a date out of prose.
            for index in logical.indices where logical[index].kind != .prose {
                if let date = DatelineParser.parse(logical[index].bytes) {
                    segments.published = date
                    break
                }
            }
        }
        return segments
    }

    // MARK: - Lines

    /// Joins hard-wrapped lines of one paragraph and classifies each resulting line.
    static func logicalLines(_ lines: [PageLine]) -> [LogicalLine] {
        // Room made once: there are never more logical lines than lines.
        var result: [LogicalLine] = []
        result.reserveCapacity(lines.count)
        var block = 0
        var start = 0
        // The block of lines from `start` up to `end`, if any. (A block of one line, most
        // of them, is classified where it lies, without copying it into a block.)
        func flush(upTo end: Int) {
            guard start < end else { return }
            if end - start == 1 {
                result.append(classify(lines[start].bytes, block: block))
            } else {
                appendBlock(lines[start..<end], block: block, to: &result)
            }
            block += 1
        }
        for k in lines.indices where lines[k].isBlank {
            flush(upTo: k)
            start = k + 1
        }
        flush(upTo: lines.count)
        return result
    }

    /// One block of two or more lines between blank lines (a single line is classified as it
    /// is): usually a list of short lines (headlines, furniture); some saved pages hard-wrap
    /// paragraphs at a fixed width, and then the lines of a paragraph must be joined again.
    /// (`lines` is read in place, by index: a copy of the block took a reference to each line.)
    static func appendBlock(_ lines: ArraySlice<PageLine>, block: Int, to result: inout [LogicalLine]) {
        var widest = 0
        for k in lines.indices { widest = max(widest, lines[k].bytes.count) }
        // Wrapped text: lines no wider than a terminal, most of them near that width, most
        // of which plainly stop mid-sentence (a headline list or a tag line is not wrapped).
        // A block outside those widths is not: each line is classified as it lies, measured
        // only as far as classifying it needs (a long line's word count shows it is prose).
        guard widest <= 110 && widest >= 40 else {
            for k in lines.indices { result.append(classify(lines[k].bytes, block: block)) }
            return
        }
        // Each line's shape, whether it is furniture, and whether it stands alone: furniture,
        // datelines, READ MORE lines and list items (a bulleted line starts a line of its
        // own) are never part of a wrapped paragraph. In one loop, which takes each line's
        // bytes once for all of these (each access to a line's bytes took and dropped a
        // reference to them).
        let first = lines.startIndex
        var shapes: [LineShape] = []
        shapes.reserveCapacity(lines.count)
        var furniture: [Bool] = []
        furniture.reserveCapacity(lines.count)
        var standalone: [Bool] = []
        standalone.reserveCapacity(lines.count)
        for k in lines.indices {
            let bytes = lines[k].bytes
            let shape = LineShape(bytes)
            let isFurniture = Furniture.isKnown(bytes, shape: shape)
            shapes.append(shape)
            furniture.append(isFurniture)
            standalone.append(isFurniture || readMoreLink(bytes) != nil || bulletLength(bytes, dashes: false) > 0
                || shape.wordCount <= 16 && DatelineParser.parse(bytes) != nil)
        }
        var carried = 0
        var pairs = 0
        var wide = 0
        for i in standalone.indices where !standalone[i] && shapes[i].byteCount * 10 >= widest * 7 { wide += 1 }
        for i in 0..<(standalone.count - 1) where !standalone[i] && !standalone[i + 1] {
            pairs += 1
            if continues(shapes[i], with: shapes[i + 1]) { carried += 1 }
        }
        guard carried > 0 && carried * 2 >= pairs && wide >= 2 else {
            // Not wrapped: every line is a logical line of its own, as measured.
            for i in shapes.indices {
                result.append(classify(lines[first + i].bytes, shape: shapes[i], block: block, furniture: furniture[i]))
            }
            return
        }
        // Wrapped: a line that carries on from the one before is joined to it. Where each
        // paragraph ends is decided from the shapes first, so that its bytes are then copied
        // once into room made for exactly them.
        var i = 0
        while i < shapes.count {
            var shape = shapes[i]
            var end = i + 1
            var length = shapes[i].byteCount
            while end < shapes.count, !standalone[end], !standalone[end - 1],
                continues(shape, with: shapes[end])
                    || shapes[end - 1].byteCount * 10 >= widest * 7 && !shape.isTitleCase && !looksLikeTagList(shape) {
                shape = shape.joined(with: shapes[end])
                length += 1 + shapes[end].byteCount
                end += 1
            }
            if end == i + 1 {
                result.append(classify(lines[first + i].bytes, shape: shape, block: block, furniture: furniture[i]))
            } else {
                var joined: [UInt8] = []
                joined.reserveCapacity(length)
                for j in i..<end {
                    if j > i { joined.append(0x20) }
                    joined.append(contentsOf: lines[first + j].bytes)
                }
                result.append(classify(joined, shape: shape, block: block))
            }
            i = end
        }
    }

    /// A wrapped paragraph: the previous line stops mid-sentence (no final punctuation, not a
    /// Title Case headline) and this one carries on, typically in lower case.
    static func continues(_ previous: LineShape, with next: LineShape) -> Bool {
        guard !previous.endsWithSentencePunctuation, !previous.endsWithColon, !previous.isTitleCase,
            !looksLikeTagList(previous) else { return false }
        if next.startsWithLowercase && previous.wordCount >= 4 { return true }
        return previous.wordCount >= 6 && previous.lowercaseWords >= 3
    }

    static func classify(_ bytes: [UInt8], shape: LineShape? = nil, block: Int, furniture: Bool? = nil) -> LogicalLine {
        // (A line under 49 bytes cannot hold 25 words: it is measured in full at once.)
        var shape = shape ?? (bytes.count < 49 ? LineShape(bytes) : LineShape(countingWords: bytes))
        // A long line is prose by its word count, unless it reads like a list of tags; only
        // then, or for a shorter line, do the per-word facts decide anything here.
        if !shape.hasWordFacts && !(shape.wordCount >= 25 && !looksLikeTagList(shape)) { shape = LineShape(bytes) }
        var kind = LogicalLine.Kind.other
        let link = readMoreLink(bytes)
        if link != nil {
            kind = .readMore
        } else if furniture ?? Furniture.isKnown(bytes, shape: shape) {
            kind = .furniture
        } else if isProse(shape) && !Furniture.isByline(bytes, shape: shape) {
            kind = .prose
        }
        return LogicalLine(bytes: bytes, measuredShape: shape, block: block, kind: kind, link: link)
    }

    /// A sentence or more: what a body paragraph looks like.
    static func isProse(_ shape: LineShape) -> Bool {
        if shape.wordCount >= 25 && !looksLikeTagList(shape) { return true }
        if shape.endsWithPeriod && shape.wordCount >= 3 && !(shape.endsWithEllipsis && shape.isTitleCase) { return true }
        if shape.endsWithSentencePunctuation && shape.wordCount >= 3 && !shape.isTitleCase { return true }
        if shape.endsWithColon && shape.wordCount >= 4 && !shape.isTitleCase { return true }
        if shape.wordCount >= 16 && shape.lowercaseWords * 2 >= shape.significantWords && !looksLikeTagList(shape) {
            return true
        }
        if shape.startsWithQuote && shape.wordCount >= 4 { return true }
        return false
    }

    static func looksLikeTagList(_ shape: LineShape) -> Bool {
        shape.commaCount >= 2 && shape.wordCount <= (shape.commaCount + 1) * 3
    }

    /// The first two bytes of the labels, lower-cased: most lines are turned away by these
    /// before any label is compared.
    static let readMoreOpenings = Array(Set(readMoreLabelBytes.map { UInt16($0[0]) << 8 | UInt16($0[1]) }))
    static let readMoreLabelBytes = readMoreLabels.map { Array($0.utf8) }
    static let readMoreLabels = ["read more", "also read", "read also", "see also", "related", "more", "read next", "recommended", "further reading"]

    /// `READ MORE: Headline` and its variants; nil for anything else (a bare `Read more`
    /// button is furniture).
    static func readMoreLink(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 2, readMoreOpenings.contains(UInt16(Bytes.lower(bytes[0])) << 8 | UInt16(Bytes.lower(bytes[1]))) else {
            return nil
        }
        for label in readMoreLabelBytes where Bytes.hasPrefix(bytes, label) {
            var k = label.count
            while k < bytes.count && bytes[k] == 0x20 { k += 1 }
            // The separator: `:`, `-`, `|`, `»`, or a dash.
            guard k < bytes.count else { return nil }
            let b = bytes[k]
            if b == 0x3A || b == 0x2D || b == 0x7C {
                k += 1
            } else if b == 0xE2 && k + 2 < bytes.count && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0x93 || bytes[k + 2] == 0x94) {
                k += 3
            } else if b == 0xC2 && k + 1 < bytes.count && bytes[k + 1] == 0xBB {
                k += 2
            } else {
                return nil
            }
            while k < bytes.count && bytes[k] == 0x20 { k += 1 }
            let rest = Array(bytes[k...])
            guard LineShape(rest).wordCount >= 2 else { return nil }
            return String(decoding: rest, as: UTF8.self)
        }
        return nil
    }

    /// Whether the line at `index` sits in a list of headlines: in a block of several lines,
    /// it reads as a headline itself, or it is a short sentence whose neighbours in the block
    /// all read as headlines.
    static func isInHeadlineList(_ index: Int, _ logical: [LogicalLine]) -> Bool {
        let line = logical[index]
        func readsAsHeadline(_ other: LogicalLine) -> Bool {
            other.kind != .prose || !other.measuredShape.endsWithPeriod || other.shape.isTitleCase
        }
        let previous = index > 0 && logical[index - 1].block == line.block ? logical[index - 1] : nil
        let next = index + 1 < logical.count && logical[index + 1].block == line.block ? logical[index + 1] : nil
        guard previous != nil || next != nil else { return false }
        let shape = line.shape
        if !shape.endsWithPeriod || shape.isTitleCase { return true }
        guard shape.wordCount <= 20 else { return false }
        return (previous.map(readsAsHeadline) ?? true) && (next.map(readsAsHeadline) ?? true)
    }

    /// Between paragraphs, a line of ordinary words with a comma or a quote mark is text
    /// even without a final full stop; furniture has neither.
    static func isUnpunctuatedParagraph(_ shape: LineShape) -> Bool {
        shape.wordCount >= 6 && !shape.isTitleCase && shape.lowercaseWords >= 3
            && (shape.commaCount >= 1 || shape.hasQuoteMark) && !looksLikeTagList(shape)
    }

    // MARK: - Top and bottom

    /// Before the body: the dateline, the headline (if the page kept one), furniture.
    ///
    /// The headline is a line with a few words that is not furniture: Title Case in most
    /// outlets, sentence case in some. Outlet names, kickers and bylines sit around it, so the
    /// best candidate above the dateline and the first below it compete: a Title Case line
    /// beats one that is not, then the longer wins (above on a tie). Without a dateline, the
    /// first candidate.
    static func readTop(_ lines: ArraySlice<LogicalLine>, into segments: inout PageSegments) {
        var above: LogicalLine?
        var below: LogicalLine?
        var sawDateline = false
        for line in lines where line.kind != .readMore {
            // (A dateline may look like furniture: `Issue 142 · 10 August 2023 · 06:00 UTC`.)
            if let date = DatelineParser.parse(line.bytes) {
                // The first date is the dateline; a later one (`Print edition: …`) is
                // furniture, never the headline.
                if !sawDateline { segments.published = date }
                sawDateline = true
                continue
            }
            guard line.kind != .furniture, isHeadlineCandidate(line) else { continue }
            if sawDateline {
                if below == nil { below = line }
            } else if above.map({ line.shape.letterWords > $0.shape.letterWords }) ?? true {
                above = line
            }
        }
        if let above, let below, sawDateline {
            segments.headline = preferred(below, over: above) ? below.text : above.text
        } else if !sawDateline, above != nil {
            segments.headline = firstCandidate(lines)
        } else {
            segments.headline = above?.text ?? below?.text
        }
    }

    /// Whether `line` makes a better headline than `other`: Title Case first, then length.
    static func preferred(_ line: LogicalLine, over other: LogicalLine) -> Bool {
        if line.shape.isTitleCase != other.shape.isTitleCase { return line.shape.isTitleCase }
        return line.shape.letterWords > other.shape.letterWords
    }

    /// A line that could be a headline: a few words (four, or three in Title Case), not a
    /// sentence, not a byline, a list item or a masthead in capitals.
    static func isHeadlineCandidate(_ line: LogicalLine) -> Bool {
        let shape = line.shape
        guard !Furniture.isByline(line.bytes, shape: shape) else { return false }
        guard !shape.endsWithPeriod || shape.endsWithEllipsis else { return false }
        guard shape.letterWords >= 4 || shape.isTitleCase && shape.letterWords >= 3 else { return false }
        // Shouting lines (`STEPPE & SEA`) are mastheads and section labels.
        guard shape.lowercaseLetters > 0 || shape.wordCount >= 6 else { return false }
        // A bulleted line is a list item (`• Key point`), not a title.
        return bulletLength(line.bytes) == 0
    }

    /// Without a dateline, the first line that could be a headline.
    static func firstCandidate(_ lines: ArraySlice<LogicalLine>) -> String? {
        lines.first { $0.kind != .readMore && $0.kind != .furniture && isHeadlineCandidate($0) }?.text
    }

    /// After the body: READ MORE lines, the related block, the tag line, furniture.
    static func readBottom(_ lines: ArraySlice<LogicalLine>, of logical: [LogicalLine], into segments: inout PageSegments) {
        // The tag line: one that says so (`Tags:`, `Topics:`), wherever notices and links
        // follow it; otherwise the last content line that reads as a tag list.
        var tagIndex: Int?
        for index in lines.indices.reversed() where lines[index].kind != .readMore {
            if let tags = prefixedTagList(lines[index].bytes) {
                segments.tags = tags
                tagIndex = index
                break
            }
        }
        for index in lines.indices.reversed() where tagIndex == nil {
            let line = lines[index]
            if line.kind == .readMore { continue }
            // Furniture, unless it is a tag line written with separators (`Arctic | Russia`).
            if line.kind == .furniture && (line.measuredShape.commaCount > 0 || !Furniture.isSeparatorTrail(line.bytes)) { continue }
            if let tags = tagList(line) {
                segments.tags = tags
                tagIndex = index
                break
            }
            // Only bottom furniture and notices may follow the tags (`Leave a comment`, `Back
            // to top`, a disclaimer); a headline here means there is no tag line.
            if line.kind == .furniture || line.measuredShape.endsWithSentencePunctuation { continue }
            if line.measuredShape.wordCount >= 6 || line.shape.isTitleCase && line.shape.wordCount >= 4 { break }
        }
        // (Room made once: a related headline per line at most.)
        segments.related.reserveCapacity(lines.count)
        for index in lines.indices {
            let line = lines[index]
            if let tagIndex, index >= tagIndex { break }
            switch line.kind {
            case .readMore:
                if let link = line.link { segments.readMore.append(link) }
            case .furniture:
                continue
            case .prose, .other:
                if Furniture.isByline(line.bytes, shape: line.measuredShape) { continue }
                // A headline has a few words (four, or three in Title Case): `Elsewhere this
                // week` over a list of them is its heading.
                let shape = line.shape
                let headlineLength = shape.letterWords >= 4 || shape.letterWords >= 3 && shape.isTitleCase
                if headlineLength && (!shape.endsWithPeriod || shape.isTitleCase || isInHeadlineList(index, logical)) {
                    if DatelineParser.parse(line.bytes) == nil {
                        segments.related.append(String(decoding: withoutNumbering(withoutBullet(line.bytes)), as: UTF8.self))
                    }
                } else if segments.source == nil, let outlet = outletName(line.bytes) {
                    segments.source = outlet
                }
            }
        }
        if segments.source == nil {
            for index in lines.indices where lines[index].kind == .furniture {
                if let outlet = outletName(lines[index].bytes) { segments.source = outlet; break }
            }
        }
    }

    /// A list bullet at the start of a line (`• `, `· `, `* `, and with `dashes` also `- `,
    /// `– `, `— `). In a body a leading dash marks a turn in an interview and stays.
    static func withoutBullet(_ bytes: [UInt8], dashes: Bool = true) -> [UInt8] {
        let k = bulletLength(bytes, dashes: dashes)
        return k == 0 ? bytes : Array(bytes[k...])
    }

    /// How many bytes the bullet at the start of `bytes` takes, with its space (0 for none).
    static func bulletLength(_ bytes: [UInt8], dashes: Bool = true) -> Int {
        if bytes.count > 2, bytes[0] == 0x2A || dashes && bytes[0] == 0x2D, bytes[1] == 0x20 {
            return 2
        } else if bytes.count > 3, bytes[0] == 0xC2, bytes[1] == 0xB7, bytes[2] == 0x20 {
            return 3
        } else if bytes.count > 4, bytes[0] == 0xE2, bytes[1] == 0x80, bytes[2] == 0xA2 || dashes && (bytes[2] == 0x93 || bytes[2] == 0x94), bytes[3] == 0x20 {
            return 4
        } else if bytes.count > 4, bytes[0] == 0xE2, bytes[1] == 0x96, bytes[3] == 0x20 {
            return 4  // ▪ ▸ ► and friends
        } else if bytes.count > 4, bytes[0] == 0xE2, bytes[1] == 0x86, bytes[2] == 0x92, bytes[3] == 0x20 {
            return 4  // →
        }
        return 0
    }

    /// List numbering in a headline list (`1. `, `2) `).
    static func withoutNumbering(_ bytes: [UInt8]) -> [UInt8] {
        var k = 0
        while k < bytes.count && k < 3 && Bytes.isDigit(bytes[k]) { k += 1 }
        guard k > 0, k + 1 < bytes.count, bytes[k] == 0x2E || bytes[k] == 0x29, bytes[k + 1] == 0x20 else { return bytes }
        return Array(bytes[(k + 2)...])
    }

    static let tagPrefixes = [
        "tags", "tagged", "tagged with", "topics", "related topics", "filed under", "filed in", "keywords",
        "more on", "themes", "subjects", "categories",
    ]

    /// The first two bytes of the prefixes (as `readMoreOpenings`): their first letters
    /// alone let through every line that starts with `The`, `Subscribe` or `More`.
    static let tagPrefixOpenings = Array(Set(tagPrefixBytes.map { UInt16($0[0]) << 8 | UInt16($0[1]) }))
    static let tagPrefixBytes = tagPrefixes.map { Array($0.utf8) }

    /// The topics of a line that says it lists them (`Tags: Arctic, Russia`), or nil.
    static func prefixedTagList(_ bytes: [UInt8]) -> [String]? {
        // Most lines are turned away by their first two letters.
        guard bytes.count >= 2, tagPrefixOpenings.contains(UInt16(Bytes.lower(bytes[0])) << 8 | UInt16(Bytes.lower(bytes[1]))) else {
            return nil
        }
        for prefix in tagPrefixBytes where Bytes.hasPrefix(bytes, prefix) {
            var k = prefix.count
            while k < bytes.count && bytes[k] == 0x20 { k += 1 }
            guard k < bytes.count, bytes[k] == 0x3A || bytes[k] == 0x2D else { continue }
            let items = splitTags(Array(bytes[(k + 1)...]))
            return items.isEmpty ? nil : items
        }
        return nil
    }

    /// The topics of a line that reads as a tag list without saying so (`Arctic, Russia,
    /// shipping`), or nil.
    static func tagList(_ line: LogicalLine) -> [String]? {
        let bytes = line.bytes
        let separated = line.measuredShape.commaCount >= 1 || Furniture.isSeparatorTrail(bytes)
        guard separated, !line.measuredShape.endsWithSentencePunctuation else {
            return nil
        }
        let ranges = tagRanges(bytes)
        guard ranges.count >= 2 else { return nil }
        // The cheap tests first, on bytes: tags are short and have no colon, and most lines
        // that reach here fail that before any String is made.
        for range in ranges where range.count > 48 || bytes[range].contains(0x3A) { return nil }
        var longest = 0
        for range in ranges {
            let words = Bytes.wordCount(bytes[range])
            longest = max(longest, words)
            if words > 4 { return nil }
            // `Terms | Privacy | Cookie settings` is the site's, not the article's.
            if isSiteLink(bytes[range]) { return nil }
        }
        return ranges.count >= 3 || longest <= 2 ? ranges.map { String(decoding: bytes[$0], as: UTF8.self) } : nil
    }

    private static let siteLinkSet = LineSet(Vocabulary.siteLinks)

    /// Whether a tag is one of the site's own links, compared lower-cased. ASCII (nearly
    /// every tag) is lower-cased and looked up on bytes; other text as a String.
    static func isSiteLink(_ item: ArraySlice<UInt8>) -> Bool {
        guard item.allSatisfy({ $0 < 0x80 }) else {
            return Vocabulary.siteLinks.contains(String(decoding: item, as: UTF8.self).lowercased())
        }
        let lowered = item.lazy.map(Bytes.lower)
        return siteLinkSet.contains(lowered: lowered)
    }

    static func splitTags(_ bytes: [UInt8]) -> [String] {
        tagRanges(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// Where the items of a tag line are, trimmed of spaces, empty ones left out.
    static func tagRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var items: [Range<Int>] = []
        items.reserveCapacity(8)
        var start = 0
        var k = 0
        while k <= bytes.count {
            // Separators: `,` `|` `;` and the bullets `•` `·`.
            var width = 0
            if k == bytes.count || bytes[k] == 0x2C || bytes[k] == 0x7C || bytes[k] == 0x3B {
                width = 1
            } else if bytes[k] == 0xC2 && k + 1 < bytes.count && bytes[k + 1] == 0xB7 {
                width = 2
            } else if bytes[k] == 0xE2 && k + 2 < bytes.count && bytes[k + 1] == 0x80 && bytes[k + 2] == 0xA2 {
                width = 3
            }
            if width > 0 {
                var first = start
                var end = k
                while first < end && bytes[first] == 0x20 { first += 1 }
                while end > first && bytes[end - 1] == 0x20 { end -= 1 }
                if first < end { items.append(first..<end) }
                start = k + width
                k += width
            } else {
                k += 1
            }
        }
        return items
    }


    /// `© The Harbour Ledger 2020` names the outlet.
    static func outletName(_ bytes: [UInt8]) -> String? {
        guard let mark = bytes.indices.first(where: { bytes[$0] == 0xC2 && $0 + 1 < bytes.count && bytes[$0 + 1] == 0xA9 }) else {
            return nil
        }
        let rest = bytes[(mark + 2)...]
        // Nearly every notice is ASCII, where case, digits and spaces are plain bytes;
        // Foundation's case-insensitive search and Character splitting cost ~25,000
        // instructions a line.
        return rest.allSatisfy({ $0 < 0x80 }) ? asciiOutletName(rest) : outletNameOnCharacters(rest)
    }

    private static let copyright = Array("copyright".utf8)
    private static let rightsNotice = Array("all rights reserved".utf8)

    /// `outletName` for an ASCII notice (after the ©), on bytes: the same steps as on
    /// Characters, which agree with these on ASCII (a test compares them).
    static func asciiOutletName(_ rest: ArraySlice<UInt8>) -> String? {
        let text = Array(rest)
        let end = text.indices.first { Bytes.lower(text[$0]) == 0x61 && Bytes.hasPrefix(text[$0...], rightsNotice) } ?? text.count
        var words = text[..<end].split(separator: 0x20)
        func isYearOrFiller(_ word: ArraySlice<UInt8>) -> Bool {
            word.count == copyright.count && word.map(Bytes.lower).elementsEqual(copyright)
                || word.allSatisfy { Bytes.isDigit($0) || $0 == 0x2D || $0 == 0x2E || $0 == 0x2C }
        }
        while let first = words.first, isYearOrFiller(first) { words.removeFirst() }
        while let last = words.last, isYearOrFiller(last) { words.removeLast() }
        return trimmedOutlet(Array(words.joined(separator: [0x20])))
    }

    static func outletNameOnCharacters(_ rest: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: rest, as: UTF8.self)
        // "© 2024 The Ledger Post. All rights reserved." names "The Ledger Post": years and the
        // word "copyright" stand on either side of the name, a rights notice after it.
        let notice = text.range(of: "all rights reserved", options: .caseInsensitive)
        var words = text[..<(notice?.lowerBound ?? text.endIndex)].split(separator: " ")
        func isYearOrFiller(_ word: Substring) -> Bool {
            // (Only nine ASCII bytes lower-case to "copyright": no other character lower-cases
            // to one of its letters.)
            word.utf8.count == 9 && word.lowercased() == "copyright" || word.allSatisfy { $0.isNumber || "-–.,".contains($0) }
        }
        while let first = words.first, isYearOrFiller(first) { words.removeFirst() }
        while let last = words.last, isYearOrFiller(last) { words.removeLast() }
        // Trimmed of `.,;| ` on bytes: ASCII is never part of a longer character, and
        // Foundation's trimming was the costliest step here.
        return trimmedOutlet(Array(words.joined(separator: " ").utf8))
    }

    private static func trimmedOutlet(_ joined: [UInt8]) -> String? {
        func isEdge(_ b: UInt8) -> Bool { b == 0x2E || b == 0x2C || b == 0x3B || b == 0x7C || b == 0x20 }
        guard let first = joined.firstIndex(where: { !isEdge($0) }),
              let last = joined.lastIndex(where: { !isEdge($0) }) else { return nil }
        return String(decoding: joined[first...last], as: UTF8.self)
    }
}
