/// Recognises page furniture: the buttons, labels and notices a saved page carries around the
/// article. A fixed list catches the common ones; the segmenter also drops any short line
/// that is not a sentence (see `PageSegmenter`).
enum Furniture {
    /// True when the whole line is a known piece of furniture, or glued pieces of it
    /// (`Community standardsDiscussion`), or a short line containing a furniture phrase.
    static func isKnown(_ line: PageLine, shape: LineShape) -> Bool {
        let key = normalisedKey(line.bytes)
        if key.isEmpty { return true }
        if Vocabulary.furnitureLines.contains(key) { return true }
        if isGluedFurniture(key) { return true }
        if isSeparatorTrail(line.bytes) { return true }
        if shape.wordCount <= 12 && !shape.endsWithSentencePunctuation || shape.wordCount <= 8 {
            for phrase in Vocabulary.furniturePhrases where key.contains(phrase) { return true }
        }
        return false
    }

    /// Lower-cased, trimmed of surrounding punctuation and bullets.
    static func normalisedKey(_ bytes: [UInt8]) -> String {
        var start = 0
        var end = bytes.count
        func isEdge(_ b: UInt8) -> Bool {
            b == 0x20 || b == 0x2D || b == 0x7C || b == 0x2A || b == 0x3E || b == 0x3A || b == 0x2E || b == 0x2F
        }
        while start < end && isEdge(bytes[start]) { start += 1 }
        while end > start && isEdge(bytes[end - 1]) { end -= 1 }
        var key = [UInt8]()
        key.reserveCapacity(end - start)
        for k in start..<end { key.append(Bytes.lower(bytes[k])) }
        return String(decoding: key, as: UTF8.self)
    }

    /// Furniture labels glued together without a space (`community standardsdiscussion` after
    /// lower-casing): split greedily into known labels.
    static func isGluedFurniture(_ key: String) -> Bool {
        guard key.utf8.count <= 80 else { return false }
        var rest = Substring(key)
        var pieces = 0
        while !rest.isEmpty {
            var matched = false
            for length in stride(from: min(rest.count, 40), through: 2, by: -1) {
                let prefix = rest.prefix(length)
                if Vocabulary.furnitureLines.contains(String(prefix).trimmingSpaces) {
                    rest = rest.dropFirst(length)
                    pieces += 1
                    matched = true
                    break
                }
            }
            if !matched { return false }
        }
        return pieces >= 2
    }

    /// Breadcrumbs and share bars: `Home | World | Europe`, `Home > World`.
    static func isSeparatorTrail(_ bytes: [UInt8]) -> Bool {
        guard bytes.count <= 120 else { return false }
        var separators = 0
        var k = 0
        while k < bytes.count {
            let b = bytes[k]
            if (b == 0x7C || b == 0x3E) && k > 0 && bytes[k - 1] == 0x20 { separators += 1 }
            if b == 0xE2 && k + 2 < bytes.count && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0xA2 || bytes[k + 2] == 0xBA) {
                separators += 1  // • ›
            }
            if b == 0xC2 && k + 1 < bytes.count && (bytes[k + 1] == 0xBB || bytes[k + 1] == 0xB7) && k > 0 && bytes[k - 1] == 0x20 {
                separators += 1  // » ·
            }
            k += 1
        }
        return separators >= 2
    }

    /// A byline: `By Jane Doe`, `By Jane Doe, Defence Correspondent`, `Words by …`.
    static func isByline(_ bytes: [UInt8], shape: LineShape) -> Bool {
        guard shape.wordCount <= 14, !shape.endsWithPeriod || shape.wordCount <= 6 else { return false }
        return Bytes.hasPrefix(bytes, "by ") || Bytes.hasPrefix(bytes, "words by ")
            || Bytes.hasPrefix(bytes, "written by ") || Bytes.hasPrefix(bytes, "reporting by ")
            || Bytes.hasPrefix(bytes, "author: ") || Bytes.hasPrefix(bytes, "from ") && shape.wordCount <= 4
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
