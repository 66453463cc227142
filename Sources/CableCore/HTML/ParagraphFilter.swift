import Foundation

/// The last look at each unit of the body region: what reads as furniture rather than the
/// article's prose (labelling.md's "never paragraphs"), judged by the text itself.
enum ParagraphFilter {
    /// Opening words of credit lines: bylines, wire credits, photo credits.
    static let creditOpenings = [
        "by ", "reporting by", "additional reporting", "editing by", "edited by", "writing by",
        "written by", "compiled by", "(reporting by", "(additional reporting", "(editing by",
        "photo:", "photograph:", "photos:", "image:", "picture:", "illustration:", "video:",
        "source:", "sources:",
    ]

    /// The units that are article prose, in order; a sentence repeated as a pull quote, and
    /// other duplicates, kept once.
    static func paragraphs(_ units: [TextUnit]) -> [TextUnit] {
        let listed = listRuns(units)
        let kept = units.indices.filter { !listed.contains($0) && isProse(units[$0]) }.map { units[$0] }
        let bytes = kept.map { Array($0.text.utf8) }
        // (Each block is looked for in every other: on a page of thousands of blocks, which is
        // no one article, that would cost their square, and only repeats are dropped.)
        let looksInside = kept.count <= mostBlocksSearched
        var result: [TextUnit] = []
        var texts = Set<String>()
        for (index, unit) in kept.enumerated() where texts.insert(unit.text).inserted {
            let repeated = looksInside && bytes.indices.contains { other in
                other != index && bytes[other].count > bytes[index].count && contains(bytes[other], bytes[index])
            }
            if !repeated { result.append(unit) }
        }
        return result
    }

    /// The most blocks each looked for inside the others (a pull quote repeats a paragraph).
    static let mostBlocksSearched = 1_000

    /// Whether `needle` (not empty) occurs in `haystack`.
    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        return haystack.withUnsafeBytes { outer in
            needle.withUnsafeBytes { inner in
                guard let outerBase = outer.baseAddress, let innerBase = inner.baseAddress else { return false }
                for start in 0...(outer.count - inner.count) where outer[start] == first {
                    if memcmp(outerBase + start, innerBase, inner.count) == 0 { return true }
                }
                return false
            }
        }
    }

    /// The longest item of a list laid out as separate blocks (a timeline, key points in
    /// `<div>`s rather than `<li>`s).
    static let longestListItem = 15

    /// A list laid out as blocks: this many short lines in a row, none ending as a sentence
    /// does (`20 January: fighting reaches the outskirts`), with the line that heads them.
    /// Prose paragraphs end with a sentence.
    static let shortestListRun = 3

    /// The indices of units that belong to such lists.
    static func listRuns(_ units: [TextUnit]) -> Set<Int> {
        var found = Set<Int>()
        var run: [Int] = []
        for index in units.indices + [units.count] {
            if index < units.count, isListItemShaped(units[index]) {
                run.append(index)
                continue
            }
            if run.count >= shortestListRun { found.formUnion(run) }
            run = []
        }
        return found
    }

    static func isListItemShaped(_ unit: TextUnit) -> Bool {
        unit.kind == .paragraph && unit.wordCount <= longestListItem && !endsLikeSentence(unit.text)
    }

    /// A line too short to be a paragraph unless it is a sentence: a label, a heading written
    /// as a paragraph, a figure's caption (`total length, of which 300 km in Kyrgyzstan`).
    static let longestFragment = 10

    /// A line that only points elsewhere: a label, then a link that ends it (`Open
    /// encyclopedia has more about this subject: Lesotho Highlands Water Project`), no sentence.
    static func isPointer(_ unit: TextUnit) -> Bool {
        guard let last = unit.links.last, !last.text.isEmpty, unit.text.hasSuffix(last.text),
              !endsLikeSentence(unit.text) else { return false }
        return unit.text.dropLast(last.text.count).trimmingCharacters(in: .whitespaces).hasSuffix(":")
    }

    /// A channel's promotion: a call to follow or join it with its handle or address (`Follow
    /// Caspian Desk for daily updates: @caspiandesk`).
    static func isChannelPromotion(_ unit: TextUnit) -> Bool {
        guard unit.wordCount <= 20, let first = unit.text.split(separator: " ").first,
              Vocabulary.callsToAction.contains(first.lowercased()) else { return false }
        return unit.text.split(separator: " ").contains { $0.hasPrefix("@") && $0.count > 1 || $0.contains("://") }
    }

    static func isProse(_ unit: TextUnit) -> Bool {
        let text = unit.text
        if unit.kind != .paragraph { return false }
        let lower = text.prefix(40).lowercased()
        if LinkBlocks.readMoreLabel(text) != nil { return false }
        // A list written as bulleted paragraphs (`· Transit fee: USD 45 per TEU`, as a word
        // processor saves a list): key points, not prose.
        if Bullets.length(text, dashes: false) > 0 { return false }
        if unit.linkDensity > 0.5 { return false }
        if ArticleParser.isFurniture(text) { return false }
        let words = unit.wordCount
        if words <= 12, creditOpenings.contains(where: { lower.hasPrefix($0) }) { return false }
        if creditOpenings.dropFirst().contains(where: { lower.hasPrefix($0) }) { return false }
        if words <= 8, isTimestamp(text) { return false }
        // A dateline with the place and the author beside it (`Kyiv • 14 March 2024, 16:45
        // Kyiv time (UTC+2) Olena Marchuk`): a line of the article's metadata, no sentence.
        if words <= 14, !endsLikeSentence(text), ArticleParser.dateline(in: text) != nil { return false }
        if words <= 15, !endsLikeSentence(text), Double(unit.emphasisLength) >= Double(text.count) * 0.9 {
            return false  // a subheading written as a bold paragraph
        }
        if words <= longestFragment, !endsLikeSentence(text) { return false }
        if isPointer(unit) || isChannelPromotion(unit) { return false }
        return true
    }

    /// Whether the text ends as a sentence does, reference markers after it aside (a wiki's
    /// `… the court said.[3]`, `[citation needed]`).
    static func endsLikeSentence(_ text: String) -> Bool {
        var rest = Substring(text)
        while rest.last == "]", let open = rest.suffix(24).lastIndex(of: "[") {
            rest = rest[..<open]
            while rest.last == " " { rest.removeLast() }
        }
        guard let last = rest.last else { return false }
        return ".!?:\"\u{201D}\u{2019}')\u{BB}…".contains(last)
    }

    /// A live blog's entry time, a dateline on its own, "5 minutes ago".
    static func isTimestamp(_ text: String) -> Bool {
        if ArticleParser.dateline(in: text) != nil { return true }
        let lower = text.lowercased()
        if lower.hasSuffix(" ago") { return true }
        // A clock time (09:41, 9.41am) as most of a short line.
        let scalars = Array(lower.unicodeScalars)
        for i in scalars.indices.dropFirst().dropLast(2)
        where (scalars[i] == ":" || scalars[i] == ".") && isDigit(scalars[i - 1]) && isDigit(scalars[i + 1]) && isDigit(scalars[i + 2]) {
            return text.count <= 24
        }
        return false
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
