/// A press release's way of quoting: a paragraph that only names the speaker
/// (`Minister for Europe Ruth Okonjo-Baines said:`), then paragraphs that are each one
/// quotation. The attribution reads each of those paragraphs with the lead-in before it, as if
/// the release had written them in one (`… said: "…"`); the paragraphs themselves are unchanged.
enum QuoteLeadIns {
    /// A lead-in has at most this many words.
    static let longestLeadIn = 25

    /// The texts the attribution reads, one per paragraph: a quotation-only paragraph after a
    /// lead-in (directly, or after other such paragraphs) with the lead-in before it.
    static func attributionTexts(_ paragraphs: [String]) -> [String] {
        var texts = paragraphs
        var leadIn: String?
        for (index, paragraph) in paragraphs.enumerated() {
            if isLeadIn(paragraph) {
                leadIn = paragraph
            } else if let current = leadIn, isWholeQuotation(paragraph) {
                texts[index] = current + " " + paragraph
            } else {
                leadIn = nil
            }
        }
        return texts
    }

    /// `… said:`: a short paragraph ending in a colon right after a speech verb, quoting
    /// nothing itself (its quotes would be read twice).
    static func isLeadIn(_ paragraph: String) -> Bool {
        guard paragraph.hasSuffix(":"), !paragraph.unicodeScalars.contains(where: QuoteMarks.opening.contains) else { return false }
        let words = paragraph.dropLast().split(separator: " ")
        guard words.count <= longestLeadIn, let verb = words.last else { return false }
        return Vocabulary.speechVerbs.contains(verb.lowercased())
    }

    /// A paragraph that opens with a quotation mark and ends with one.
    static func isWholeQuotation(_ paragraph: String) -> Bool {
        guard let first = paragraph.unicodeScalars.first, let last = paragraph.unicodeScalars.last else { return false }
        return QuoteMarks.opening.contains(first) && QuoteMarks.all.contains(last)
    }
}
