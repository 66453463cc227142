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
    /// that only counts word starts decides.
    init(_ buffer: UnsafeBufferPointer<UInt8>, limit: Int) {
        if Self.hasMoreWords(than: limit, in: buffer) {
            words = limit + 1
            return
        }
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

    /// Whether `buffer` has more than `limit` words. Eight bytes at a time while eight
    /// remain: a word starts at a byte that is not a space after one that is (or at the
    /// start), and the starts are counted together. (Word by word, finding each word's end,
    /// this first count of every quotation cost more than the rest of deciding it.)
    static func hasMoreWords(than limit: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var words = 0
        var index = 0
        // The top bit of a byte flags a space; the byte before the first counts as one.
        var spaceBefore: UInt64 = 0x80
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= buffer.count {
                // Spaces become zero bytes; a byte is zero when neither its low seven bits
                // plus 0x7F nor its own top bit reach the top bit (no carry crosses bytes).
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x2020_2020_2020_2020
                let spaces = ~(((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | word) & 0x8080_8080_8080_8080
                let starts = ~spaces & 0x8080_8080_8080_8080 & (spaces << 8 | spaceBefore)
                words += Int(truncatingIfNeeded: ((starts >> 7) &* 0x0101_0101_0101_0101) >> 56)
                if words > limit { return true }
                spaceBefore = spaces >> 56
                index += 8
            }
        }
        var afterSpace = spaceBefore != 0
        while index < buffer.count {
            let isSpace = buffer[index] == 0x20
            if !isSpace && afterSpace { words += 1 }
            afterSpace = isSpace
            index += 1
        }
        return words > limit
    }

    /// `LineShape.isTitleCase` over these counts.
    var isTitleCase: Bool { significant >= 1 && capitalised * 4 >= significant * 3 }
}
