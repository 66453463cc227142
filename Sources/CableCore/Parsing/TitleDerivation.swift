/// A title for a page that kept no headline: the lead's first sentence, cut at a word boundary
/// to about 80 characters with `…`.
enum TitleDerivation {
    static let maximumLength = 80

    static func title(fromLead lead: String) -> String {
        var sentence = firstSentence(of: lead)
        while let last = sentence.last, last == "." || last == " " { sentence.removeLast() }
        // Stops and dashes before the first word (`. A tanker…`, a bullet kept as text) are no title.
        while let first = sentence.first, ".,;:·•-–— ".contains(first) { sentence.removeFirst() }
        guard sentence.count > maximumLength else { return sentence }
        var cut = ""
        for word in Text.words(sentence) {
            let length = cut.isEmpty ? word.count : cut.count + 1 + word.count
            if length > maximumLength - 1 { break }
            cut = cut.isEmpty ? String(word) : cut + " " + word
        }
        if cut.isEmpty { cut = String(sentence.prefix(maximumLength - 1)) }
        while let last = cut.last, last == "," || last == ";" || last == ":" || last == " " { cut.removeLast() }
        return cut + "…"
    }

    /// Up to the first `.`, `?` or `!` that ends a sentence (not `Mr.` or an initial).
    static func firstSentence(of text: String) -> String {
        let words = Text.words(text)
        var sawWord = false
        for (index, word) in words.enumerated() where index + 1 < words.count {
            // A stop before any word (`. A tanker…`, a bullet kept as text) ends no sentence.
            sawWord = sawWord || word.unicodeScalars.contains(where: Text.isLetterOrDigit)
            guard sawWord, let last = word.last, ".?!".contains(last), Text.initialCase(words[index + 1]) == .upper else { continue }
            if ProseToken(String(word)).endsSentence {
                return String(text[..<word.endIndex])
            }
        }
        return text
    }
}
