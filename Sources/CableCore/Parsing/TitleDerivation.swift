/// A title for a page that kept no headline: the lead's first sentence, cut at a word
/// boundary to about 80 columns with `…`.
enum TitleDerivation {
    static let maximumLength = 80

    static func title(fromLead lead: String) -> String {
        var sentence = firstSentence(of: lead)
        while let last = sentence.last, last == "." || last == " " { sentence.removeLast() }
        guard sentence.count > maximumLength else { return sentence }
        var cut = ""
        for word in sentence.split(separator: " ") {
            if cut.count + word.count + 1 > maximumLength - 1 { break }
            cut += cut.isEmpty ? String(word) : " " + word
        }
        if cut.isEmpty { cut = String(sentence.prefix(maximumLength - 1)) }
        while let last = cut.last, last == "," || last == ";" || last == ":" || last == " " { cut.removeLast() }
        return cut + "…"
    }

    /// Up to the first `. ` that ends a sentence (not `Mr.` or an initial).
    static func firstSentence(of text: String) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        var result: [Substring] = []
        for (index, word) in words.enumerated() {
            result.append(word)
            guard let last = word.last, last == "." || last == "?" || last == "!" else { continue }
            let token = ProseTokenizer.word(String(word))
            if token.endsSentence, index + 1 < words.count, words[index + 1].first?.isUppercase ?? false {
                break
            }
        }
        return result.joined(separator: " ")
    }
}
