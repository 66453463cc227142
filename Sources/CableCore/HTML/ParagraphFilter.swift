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
        let kept = units.filter(isProse)
        var result: [TextUnit] = []
        for (index, unit) in kept.enumerated() {
            if result.contains(where: { $0.text == unit.text }) { continue }
            let repeated = kept.enumerated().contains { other, longer in
                other != index && longer.text.utf8.count > unit.text.utf8.count
                    && longer.text.utf8.firstRange(of: unit.text.utf8) != nil
            }
            if !repeated { result.append(unit) }
        }
        return result
    }

    static func isProse(_ unit: TextUnit) -> Bool {
        let text = unit.text
        if unit.kind != .paragraph { return false }
        let lower = text.prefix(40).lowercased()
        if LinkBlocks.readMoreLabel(text) != nil { return false }
        if unit.linkDensity > 0.5 { return false }
        if ArticleParser.isFurniture(text) { return false }
        let words = unit.wordCount
        if words <= 12, creditOpenings.contains(where: { lower.hasPrefix($0) }) { return false }
        if creditOpenings.dropFirst().contains(where: { lower.hasPrefix($0) }) { return false }
        if words <= 8, isTimestamp(text) { return false }
        if words <= 15, !endsLikeSentence(text), Double(unit.emphasisLength) >= Double(text.count) * 0.9 {
            return false  // a subheading written as a bold paragraph
        }
        if words < 4, !endsLikeSentence(text) { return false }
        return true
    }

    static func endsLikeSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
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
