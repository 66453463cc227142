/// Small questions the parser's stages ask of text, answered the same way everywhere.
enum Text {
    enum LetterCase { case upper, lower }

    /// The words of a clean line (it has single spaces between words).
    static func words(_ line: some StringProtocol) -> [Substring] {
        Substring(line).utf8.split(separator: 0x20).map { Substring($0) }
    }

    /// The first `count` words of a clean line (fewer when it has fewer), without splitting the
    /// rest of it.
    static func words(_ line: some StringProtocol, first count: Int) -> [Substring] {
        Substring(line).utf8.split(separator: 0x20, maxSplits: count).prefix(count).map { Substring($0) }
    }

    /// Calls `body` with each word of a clean line (it has single spaces between words).
    static func forEachWord(in line: some StringProtocol, _ body: (Substring) -> Void) {
        let text = Substring(line)
        var start = text.startIndex
        for index in text.utf8.indices where text.utf8[index] == 0x20 {
            if start < index { body(text[start..<index]) }
            start = text.utf8.index(after: index)
        }
        if start < text.endIndex { body(text[start...]) }
    }

    /// The case of a letter; nil for anything else.
    static func letterCase(_ scalar: Unicode.Scalar) -> LetterCase? {
        if scalar.isASCII {
            switch scalar.value {
            case 0x41...0x5A: return .upper
            case 0x61...0x7A: return .lower
            default: return nil
            }
        }
        if scalar.properties.isUppercase { return .upper }
        if scalar.properties.isLowercase { return .lower }
        return nil
    }

    /// The case of a word's first letter, skipping opening quotes, brackets and dashes; nil when
    /// the word starts with a digit or has no letter.
    static func initialCase(_ word: some StringProtocol) -> LetterCase? {
        for scalar in word.unicodeScalars {
            if isDigit(scalar) { return nil }
            if let letterCase = letterCase(scalar) { return letterCase }
        }
        return nil
    }

    static func isLowercaseLetter(_ scalar: Unicode.Scalar) -> Bool { letterCase(scalar) == .lower }

    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return (0x61...0x7A).contains(value) || (0x30...0x39).contains(scalar.value)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }

    /// Punctuation that can stand around a word: quote marks, dashes, brackets, `…`.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return !isLetterOrDigit(scalar) && scalar != " " }
        let v = scalar.value
        return (0x2010...0x205E).contains(v) || v == 0xAB || v == 0xBB || v == 0xA1 || v == 0xBF || v == 0x2212
    }

    /// The text without leading and trailing characters for which `isEdge` holds.
    static func trimmed(_ text: Substring, where isEdge: (Unicode.Scalar) -> Bool) -> Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isEdge($0) }),
              let last = scalars.lastIndex(where: { !isEdge($0) }) else { return text[text.endIndex...] }
        return Substring(scalars[first...last])
    }

    /// Whether `part` occurs in `text`, compared as UTF-8 bytes. (A plain search: the generic
    /// ones `String.contains` reaches, Foundation's or the standard library's, cost far more
    /// than the rest of reading a line.)
    static func contains(_ text: some StringProtocol, _ part: some StringProtocol) -> Bool {
        contains(Array(text.utf8), Array(part.utf8))
    }

    /// Whether `text` contains any of `parts`.
    static func containsAny(_ text: some StringProtocol, _ parts: [String]) -> Bool {
        let bytes = Array(text.utf8)
        return parts.contains { contains(bytes, Array($0.utf8)) }
    }

    static func contains(_ text: [UInt8], _ part: [UInt8]) -> Bool {
        guard let first = part.first else { return true }
        guard part.count <= text.count else { return false }
        var start = 0
        while start + part.count <= text.count {
            if text[start] == first && text[start..<(start + part.count)].elementsEqual(part) { return true }
            start += 1
        }
        return false
    }

    /// Whether `text`, lower-cased, starts with `prefix` (which is lower case).
    /// The line without the pictographs a messaging post opens with (`📌 Pinned message`,
    /// `➡️ Read also: …`) and the spaces after them; the line itself when it opens with none
    /// (only the first scalar is looked at then).
    static func afterPictographs(_ line: String) -> Substring {
        guard let first = line.unicodeScalars.first, isPictograph(first) else { return Substring(line) }
        let rest = line.unicodeScalars.drop { isPictograph($0) || $0 == " " || $0 == "\u{FE0F}" || $0 == "\u{200D}" }
        return Substring(String(String.UnicodeScalarView(rest)))
    }

    /// An emoji or a pictographic symbol (beyond the letters' and punctuation's blocks: `©` and
    /// quotation marks are not).
    static func isPictograph(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x2190 && scalar.properties.isEmoji
    }

    static func hasPrefix(_ text: some StringProtocol, _ prefix: String) -> Bool {
        text.lowercased().hasPrefix(prefix)
    }
}

/// The quotation marks the parser knows.
enum QuoteMarks {
    /// Marks that open a quotation (a paragraph that starts with one is quoted speech).
    static let opening: ScalarSet = ["\"", "\u{201C}", "\u{2018}", "\u{201E}", "\u{AB}"]
    /// Every mark that can open or close a quotation.
    static let all: ScalarSet = ["\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{201E}", "\u{AB}", "\u{BB}"]
}

/// A piece of text as an array of its Unicode scalars, for rules that look at neighbouring
/// characters by offset, with the way back from offsets to the text itself.
struct ScalarText {
    let string: String
    let scalars: [Unicode.Scalar]
    /// The index in `string` of each scalar, and the end index last.
    private let offsets: [String.Index]

    init(_ string: String) {
        self.string = string
        scalars = Array(string.unicodeScalars)
        offsets = Array(string.unicodeScalars.indices) + [string.endIndex]
    }

    var count: Int { scalars.count }

    subscript(offset: Int) -> Unicode.Scalar { scalars[offset] }

    /// The text of the scalars at `range`.
    func text(_ range: Range<Int>) -> Substring { string[offsets[range.lowerBound]..<offsets[range.upperBound]] }
}
