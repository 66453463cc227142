/// A title for a page that kept no headline: the lead's first sentence, cut at a word
/// boundary to about 80 columns with `…`.
enum TitleDerivation {
    static let maximumLength = 80

    static func title(fromLead lead: String) -> String {
        let sentence = firstSentence(of: lead)
        return titleOnScalars(sentence) ?? titleOnCharacters(sentence)
    }

    /// The title cut by counting Characters (what a terminal column roughly is).
    static func titleOnCharacters(_ sentence: String) -> String {
        var sentence = sentence
        while let last = sentence.last, last == "." || last == " " { sentence.removeLast() }
        guard sentence.count > maximumLength else { return sentence }
        var cut = ""
        // Words one at a time (not `split`, which would cut the whole sentence, often far
        // longer than the 80 columns kept, into an array first); the length kept is counted
        // as we go (`cut.count` walks the whole string each time).
        var cutLength = 0
        var rest = sentence[...]
        while let start = rest.firstIndex(where: { $0 != " " }) {
            let end = rest[start...].firstIndex(of: " ") ?? rest.endIndex
            let word = rest[start..<end]
            let wordLength = word.count
            if cutLength + wordLength + 1 > maximumLength - 1 { break }
            cutLength += cut.isEmpty ? wordLength : wordLength + 1
            cut += cut.isEmpty ? String(word) : " " + word
            rest = rest[end...]
        }
        if cut.isEmpty { cut = String(sentence.prefix(maximumLength - 1)) }
        while let last = cut.last, last == "," || last == ";" || last == ":" || last == " " { cut.removeLast() }
        return cut + "…"
    }

    /// The same title as `titleOnCharacters`, counted on UTF-8 bytes, for text in which every
    /// scalar is a Character of its own: ASCII, scalars below U+0300 (Latin letters, no
    /// combining marks) and the punctuation block U+2010...U+205F (curly quotes, dashes).
    /// That is nearly every lead, and counting Characters (grapheme breaking) cost more than
    /// the rest of deriving a title. Nil for any other text.
    static func titleOnScalars(_ sentence: String) -> String? {
        var bytes = Array(sentence.utf8)
        var k = 0
        while k < bytes.count {
            let b = bytes[k]
            if b < 0x80 {
                k += 1
            } else if b >= 0xC2 && b < 0xCC && k + 1 < bytes.count {
                k += 2
            } else if b == 0xE2 && k + 2 < bytes.count
                && (bytes[k + 1] == 0x80 && bytes[k + 2] >= 0x90 || bytes[k + 1] == 0x81 && bytes[k + 2] < 0xA0) {
                k += 3
            } else {
                return nil
            }
        }
        // Scalars are counted by their first bytes (continuation bytes are 0x80...0xBF).
        func scalars(_ range: Range<Int>) -> Int {
            var count = 0
            for k in range where bytes[k] & 0xC0 != 0x80 { count += 1 }
            return count
        }
        func isCutEnd(_ b: UInt8) -> Bool { b == 0x2C || b == 0x3B || b == 0x3A || b == 0x20 }
        while let last = bytes.last, last == 0x2E || last == 0x20 { bytes.removeLast() }
        guard scalars(0..<bytes.count) > maximumLength else { return String(decoding: bytes, as: UTF8.self) }
        var cut: [UInt8] = []
        var cutLength = 0
        var index = 0
        while true {
            while index < bytes.count && bytes[index] == 0x20 { index += 1 }
            guard index < bytes.count else { break }
            var end = index
            while end < bytes.count && bytes[end] != 0x20 { end += 1 }
            let wordLength = scalars(index..<end)
            if cutLength + wordLength + 1 > maximumLength - 1 { break }
            cutLength += cut.isEmpty ? wordLength : wordLength + 1
            if !cut.isEmpty { cut.append(0x20) }
            cut.append(contentsOf: bytes[index..<end])
            index = end
        }
        if cut.isEmpty {
            var kept = 0
            var end = 0
            while end < bytes.count {
                if bytes[end] & 0xC0 != 0x80 {
                    if kept == maximumLength - 1 { break }
                    kept += 1
                }
                end += 1
            }
            cut = Array(bytes[..<end])
        }
        while let last = cut.last, isCutEnd(last) { cut.removeLast() }
        return String(decoding: cut, as: UTF8.self) + "…"
    }

    /// Up to the first `. ` that ends a sentence (not `Mr.` or an initial), found on bytes.
    static func firstSentence(of text: String) -> String {
        let bytes = Array(text.utf8)
        var k = 0
        var wordStart = 0
        while k < bytes.count {
            let b = bytes[k]
            if b == 0x20 {
                wordStart = k + 1
            } else if (b == 0x2E || b == 0x3F || b == 0x21), k + 2 < bytes.count, bytes[k + 1] == 0x20,
                Bytes.firstLetterCase(bytes, k + 2, min(bytes.count, k + 8)) == .upper {
                let token = ProseTokenizer.word(bytes, wordStart, k + 1)
                if token.endsSentence { return String(decoding: bytes[..<(k + 1)], as: UTF8.self) }
            }
            k += 1
        }
        return text
    }
}
