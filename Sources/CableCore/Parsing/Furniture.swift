/// Recognises page furniture: the buttons, labels and notices a saved page carries around the
/// article. A fixed list catches the common ones; the segmenter also drops any short line
/// that is not a sentence (see `PageSegmenter`). Works on bytes: it runs on every line.
enum Furniture {
    static func isKnown(_ bytes: [UInt8], shape: LineShape) -> Bool {
        // Captions, credits and notices announce themselves at the start of the line.
        if prefixes.matchesPrefix(bytes) { return true }
        // Long lines are text, whatever words they contain, unless they are a cookie or
        // newsletter notice (phrases no article uses).
        guard shape.wordCount <= 14 else {
            return shape.wordCount <= 40 && notices.matches(bytes)
        }
        let (start, end) = trimmedRange(bytes)
        if start == end { return true }
        if end - start <= 64 {
            // The line lower-cased as it is read (through the buffer: a slice of the array
            // would take a reference to it), built only for the glue test.
            let listed = bytes.withUnsafeBufferPointer { buffer in
                furnitureLines.contains(lowered: UnsafeBufferPointer(rebasing: buffer[start..<end]).lazy.map(Bytes.lower))
            }
            if listed { return true }
            if shape.wordCount <= 5 && hasGlue(bytes) && isGluedFurniture(bytes[start..<end].map(Bytes.lower)) { return true }
        }
        if isSeparatorTrail(bytes) { return true }
        if shape.wordCount <= 12 && !shape.endsWithSentencePunctuation || shape.wordCount <= 8 {
            if phrasesAndNotices.matches(bytes, from: start, to: end) { return true }
        }
        // Generic words (`comment`, `share`, `video`) only mark very short lines: a related
        // headline may say "Kremlin Declines to Comment".
        if shape.wordCount <= 4 && !shape.endsWithSentencePunctuation {
            if shortLineWords.matches(bytes, from: start, to: end) { return true }
        }
        return false
    }

    private static let furnitureLines = LineSet(Vocabulary.furnitureLines)

    /// Both lists in one matcher, for lines where either marks furniture: one scan, not two.
    private static let phrasesAndNotices = PhraseMatcher(Vocabulary.furniturePhrases + Vocabulary.noticePhrases)
    private static let notices = PhraseMatcher(Vocabulary.noticePhrases)
    private static let prefixes = PhraseMatcher(Vocabulary.furniturePrefixes)
    private static let shortLineWords = PhraseMatcher(Vocabulary.shortLineWords)

    /// The line without surrounding punctuation and bullets.
    static func trimmedRange(_ bytes: [UInt8]) -> (Int, Int) {
        var start = 0
        var end = bytes.count
        func isEdge(_ b: UInt8) -> Bool {
            b == 0x20 || b == 0x2D || b == 0x7C || b == 0x2A || b == 0x3E || b == 0x3A || b == 0x2E || b == 0x2F
        }
        while start < end && isEdge(bytes[start]) { start += 1 }
        while end > start && isEdge(bytes[end - 1]) { end -= 1 }
        return (start, end)
    }

    /// A lower-case letter directly followed by a capital (`standardsDiscussion`): the mark
    /// of labels glued together, checked before the costlier split.
    static func hasGlue(_ bytes: [UInt8]) -> Bool {
        var k = 1
        while k < bytes.count {
            if Bytes.isUpper(bytes[k]) && Bytes.isLower(bytes[k - 1]) { return true }
            k += 1
        }
        return false
    }

    /// Furniture labels glued together without a space (`community standardsdiscussion` after
    /// lower-casing): split greedily into known labels.
    static func isGluedFurniture(_ key: [UInt8]) -> Bool {
        var start = 0
        var pieces = 0
        while start < key.count {
            var matched = false
            var length = min(key.count - start, 40)
            while length >= 2 {
                var piece = key[start..<(start + length)]
                while piece.first == 0x20 { piece = piece.dropFirst() }
                while piece.last == 0x20 { piece = piece.dropLast() }
                if furnitureLines.contains(lowered: piece) {
                    start += length
                    pieces += 1
                    matched = true
                    break
                }
                length -= 1
            }
            if !matched { return false }
        }
        return pieces >= 2
    }

    /// Breadcrumbs and share bars: `Home | World | Europe`, `Home > World`.
    static func isSeparatorTrail(_ bytes: [UInt8]) -> Bool {
        guard bytes.count <= 120, mayHoldSeparator(bytes) else { return false }
        var separators = 0
        var k = 0
        while k < bytes.count {
            let b = bytes[k]
            if (b == 0x7C || b == 0x3E || b == 0x2F) && k > 0 && bytes[k - 1] == 0x20 && k + 1 < bytes.count && bytes[k + 1] == 0x20 {
                separators += 1
            }
            if b == 0xE2 && k + 2 < bytes.count && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0xA2 || bytes[k + 2] == 0xBA) {
                separators += 1  // • ›
            }
            if b == 0xC2 && k + 1 < bytes.count && (bytes[k + 1] == 0xBB || bytes[k + 1] == 0xB7) && k > 0 && bytes[k - 1] == 0x20 {
                separators += 1  // » ·
            }
            k += 1
        }
        // `Politics | Security`: one separator is enough on a short line.
        return separators >= 2 || separators == 1 && bytes.count <= 40
    }

    /// False only for a line of ASCII without `|`, `>` or `/` (most short lines), which can
    /// hold no separator; eight bytes at a time, where the exact count goes byte by byte.
    static func mayHoldSeparator(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let ones: UInt64 = 0x0101_0101_0101_0101
            var index = 0
            if let base = buffer.baseAddress {
                while index + 8 <= buffer.count {
                    let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let found = word & (ones &* 0x80)
                        | TextCleaning.exactZeroBytes(word ^ (ones &* 0x7C))
                        | TextCleaning.exactZeroBytes(word ^ (ones &* 0x3E))
                        | TextCleaning.exactZeroBytes(word ^ (ones &* 0x2F))
                    if found != 0 { return true }
                    index += 8
                }
            }
            while index < buffer.count {
                let b = buffer[index]
                if b >= 0x80 || b == 0x7C || b == 0x3E || b == 0x2F { return true }
                index += 1
            }
            return false
        }
    }

    private static let bylinePrefixes = ["by ", "words by ", "written by ", "reporting by ", "author: "].map { Array($0.utf8) }
    private static let from = Array("from ".utf8)
    private static let bylineInitials = ByteSet((bylinePrefixes + [from]).compactMap(\.first))

    /// A byline: `By Jane Doe`, `By Jane Doe, Defence Correspondent`, `Words by …`.
    static func isByline(_ bytes: [UInt8], shape: LineShape) -> Bool {
        guard shape.wordCount <= 14, !shape.endsWithPeriod || shape.wordCount <= 6 else { return false }
        guard let first = bytes.first, bylineInitials.contains(Bytes.lower(first)) else { return false }
        return bylinePrefixes.contains { Bytes.hasPrefix(bytes, $0) } || Bytes.hasPrefix(bytes, from) && shape.wordCount <= 4
    }
}

extension String {
    /// Without leading and trailing spaces (found on UTF-8: a space is one byte and never
    /// part of another character, and walking Characters cost far more).
    var trimmingSpaces: String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 }),
              let last = utf8.lastIndex(where: { $0 != 0x20 }) else { return "" }
        if first == utf8.startIndex && utf8.index(after: last) == utf8.endIndex { return self }
        return String(self[first...last])
    }
}

/// A cheap first test before a line is looked up in a set of lines: whether any line of the
/// set has the same length and the same first two and last two bytes (one bit per hash of
/// those, 8 KB). Nearly every short line of a page fails it, and is spared building a String
/// and hashing it.
struct LineKeyFilter: Sendable {
    private var bits: [UInt64]

    init(_ lines: Set<String>) {
        var bits = [UInt64](repeating: 0, count: 1 << (Self.hashBits - 6))
        for line in lines {
            let bytes = Array(line.utf8)
            guard let first = bytes.first, let last = bytes.last else { continue }
            let hash = Self.hash(bytes.count, first, bytes[bytes.count > 1 ? 1 : 0], bytes[max(bytes.count - 2, 0)], last)
            bits[hash >> 6] |= 1 << UInt64(hash & 63)
        }
        self.bits = bits
    }

    private static let hashBits = 16

    /// The five facts packed into one integer and mixed by a multiplication; the top bits.
    private static func hash(_ count: Int, _ first: UInt8, _ second: UInt8, _ penultimate: UInt8, _ last: UInt8) -> Int {
        let packed = UInt64(truncatingIfNeeded: count) << 32 | UInt64(first) << 24 | UInt64(second) << 16
            | UInt64(penultimate) << 8 | UInt64(last)
        return Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - hashBits))
    }

    /// False only when no line of the set can equal `key`.
    func mayContain<C: BidirectionalCollection>(_ key: C) -> Bool where C.Element == UInt8 {
        guard let first = key.first, let last = key.last else { return true }
        let count = key.count
        let second = count > 1 ? key[key.index(after: key.startIndex)] : first
        let penultimate = count > 1 ? key[key.index(key.endIndex, offsetBy: -2)] : last
        let hash = Self.hash(count, first, second, penultimate, last)
        return bits[hash >> 6] & (1 << UInt64(hash & 63)) != 0
    }
}

/// A set of lines compared as lower-cased bytes: the furniture lines, the site links. Lines
/// of a page are looked up in it by their bytes, without building a String and hashing it
/// (which cost more than a thousand instructions a lookup, and real furniture lines, which
/// pass any cheap filter, are common). A key with a byte from 0x80 up is looked up as the
/// String it spells, so that the answer is the `Set<String>`'s behind the same filter.
struct LineSet: Sendable {
    private let lines: Set<String>
    private let filter: LineKeyFilter
    /// Every line's bytes end to end, and for each slot of an open-addressing table (a power
    /// of two, at most half full) the line there as start and count in `text`, or -1.
    private let text: [UInt8]
    private let starts: [Int32]
    private let counts: [Int32]

    init(_ lines: Set<String>) {
        self.lines = lines
        filter = LineKeyFilter(lines)
        var capacity = 16
        while capacity < 2 * lines.count { capacity *= 2 }
        var text: [UInt8] = []
        var starts = [Int32](repeating: -1, count: capacity)
        var counts = [Int32](repeating: -1, count: capacity)
        for line in lines.sorted() {
            let bytes = Array(line.utf8)
            var slot = Self.hash(bytes) & (capacity - 1)
            while starts[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            starts[slot] = Int32(text.count)
            counts[slot] = Int32(bytes.count)
            text.append(contentsOf: bytes)
        }
        self.text = text
        self.starts = starts
        self.counts = counts
    }

    /// FNV-1a over the bytes.
    private static func hash<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash >> 1)
    }

    /// Whether the line whose lower-cased bytes are `key` is in the set.
    func contains<C: BidirectionalCollection>(lowered key: C) -> Bool where C.Element == UInt8 {
        guard filter.mayContain(key) else { return false }
        guard key.allSatisfy({ $0 < 0x80 }) else { return lines.contains(String(decoding: Array(key), as: UTF8.self)) }
        let mask = starts.count - 1
        var slot = Self.hash(key) & mask
        while starts[slot] >= 0 {
            if Int(counts[slot]) == key.count && key.elementsEqual(text[Int(starts[slot])..<Int(starts[slot] + counts[slot])]) {
                return true
            }
            slot = (slot + 1) & mask
        }
        return false
    }
}
