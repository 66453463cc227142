/// The word counts `QuoteAttribution.isQuotation` decides by, counted as `LineShape` counts
/// them but only as far as the decision needs: a quotation of more than ten words is never
/// taken for a title, so counting stops at the eleventh word. `LineShape` also measures
/// letters, commas, quote marks and the ending, which no quotation decision reads; a
/// quotation is usually a sentence or more, and measuring all of it cost more than
/// attributing it.
struct QuotedWords {
    /// Words (runs of non-spaces), up to `limit + 1`.
    var words = 0
    /// Of those, words with a letter that are not small function words (`LineShape.significantWords`).
    var significant = 0
    /// Of the significant words, those starting with a capital (`LineShape.capitalisedWords`).
    var capitalised = 0

    /// Counts the words of `buffer`. With more than `limit` words, `words` is `limit + 1`
    /// and the other counts are zero: most quotations are long, and for them a first pass
    /// that only finds spaces decides.
    init(_ buffer: UnsafeBufferPointer<UInt8>, limit: Int) {
        let count = buffer.count
        var index = 0
        while index < count && words <= limit {
            while index < count && buffer[index] == 0x20 { index += 1 }
            guard index < count else { break }
            index = Bytes.nextSpace(in: buffer, from: index)
            words += 1
        }
        guard words <= limit else { return }
        let smallWords = Vocabulary.packedSmallWords
        words = 0
        index = 0
        while index < count {
            while index < count && buffer[index] == 0x20 { index += 1 }
            guard index < count else { break }
            let start = index
            index = Bytes.nextSpace(in: buffer, from: index)
            words += 1
            // The same per-word test as `LineShape`: the case of the first letter, and
            // whether the word (up to five bytes) is a small function word.
            let lead = buffer[start]
            let initial: LetterCase
            if Bytes.isUpper(lead) {
                initial = .upper
            } else if Bytes.isLower(lead) {
                initial = .lower
            } else {
                guard let found = Bytes.firstLetterCase(buffer, start, index) else { continue }
                initial = found
            }
            if index - start <= 5 && smallWords.contains(Bytes.packedLowercase(buffer, start, index)) { continue }
            significant += 1
            if initial == .upper { capitalised += 1 }
        }
    }

    /// `LineShape.isTitleCase` over these counts.
    var isTitleCase: Bool { significant >= 1 && capitalised * 4 >= significant * 3 }
}
