/// Recognises page furniture: the buttons, labels and notices a saved page carries around the
/// article. A fixed list catches the common ones; the segmenter also drops any short line
/// that is not a sentence (see `PageSegmenter`). Works on bytes: it runs on every line.
enum Furniture {
    /// True when the whole line is a known piece of furniture, or glued pieces of it
    /// (`Community standardsDiscussion`), or a short line containing a furniture phrase.
    static func isKnown(_ line: PageLine, shape: LineShape) -> Bool {
        // Captions, credits and notices announce themselves at the start of the line.
        for prefix in Vocabulary.furniturePrefixes where Bytes.hasPrefix(line.bytes, prefix) { return true }
        // Long lines are text, whatever words they contain, unless they are a cookie or
        // newsletter notice (phrases no article uses).
        guard shape.wordCount <= 14 else {
            guard shape.wordCount <= 40 else { return false }
            let key = normalisedKey(line.bytes)
            return noticeBytes.contains { contains(key, $0) }
        }
        let key = normalisedKey(line.bytes)
        if key.isEmpty { return true }
        if key.count <= 64 {
            let text = String(decoding: key, as: UTF8.self)
            if Vocabulary.furnitureLines.contains(text) { return true }
            if shape.wordCount <= 5 && isGluedFurniture(key) { return true }
        }
        if isSeparatorTrail(line.bytes) { return true }
        if shape.wordCount <= 12 && !shape.endsWithSentencePunctuation || shape.wordCount <= 8 {
            for phrase in phraseBytes where contains(key, phrase) { return true }
            if noticeBytes.contains(where: { contains(key, $0) }) { return true }
        }
        // Generic words (`comment`, `share`, `video`) only mark very short lines: a related
        // headline may say "Kremlin Declines to Comment".
        if shape.wordCount <= 4 && !shape.endsWithSentencePunctuation {
            for word in shortLineWordBytes where contains(key, word) { return true }
        }
        return false
    }

    private static let phraseBytes: [[UInt8]] = Vocabulary.furniturePhrases.map { Array($0.utf8) }
    private static let noticeBytes: [[UInt8]] = Vocabulary.noticePhrases.map { Array($0.utf8) }
    private static let shortLineWordBytes: [[UInt8]] = Vocabulary.shortLineWords.map { Array($0.utf8) }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Lower-cased (ASCII), trimmed of surrounding punctuation and bullets.
    static func normalisedKey(_ bytes: [UInt8]) -> [UInt8] {
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
        return key
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
                if Vocabulary.furnitureLines.contains(String(decoding: piece, as: UTF8.self)) {
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
        guard bytes.count <= 120 else { return false }
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
