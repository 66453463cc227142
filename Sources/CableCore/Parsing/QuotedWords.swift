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
        Bytes.forEachWord(in: buffer) { _, _ in
            words += 1
            return words <= limit
        }
        guard words <= limit else { return }
        let smallWords = Vocabulary.packedSmallWords
        words = 0
        Bytes.forEachWord(in: buffer) { start, end in
            words += 1
            // The same per-word tests as `LineShape`.
            guard let initial = Bytes.initialCase(buffer, start, end), !smallWords.isSmallWord(buffer, start, end) else { return true }
            significant += 1
            if initial == .upper { capitalised += 1 }
            return true
        }
    }

    /// `LineShape.isTitleCase` over these counts.
    var isTitleCase: Bool { significant >= 1 && capitalised * 4 >= significant * 3 }
}
