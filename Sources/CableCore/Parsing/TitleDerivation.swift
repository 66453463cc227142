/// A title for a page that kept no headline: the lead's first sentence, cut at a word
/// boundary to about 80 columns with `…`.
enum TitleDerivation {
    static let maximumLength = 80

    static func title(fromLead lead: String) -> String {
        var sentence = firstSentence(of: lead)
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
