/// Where a quotation is in a paragraph, as offsets into its Unicode scalars: the opening
/// mark, the first and past-the-last character inside the marks, and the first character
/// after the closing mark.
struct QuoteSpan: Equatable {
    var open: Int
    var contentStart: Int
    var contentEnd: Int
    var after: Int
}

/// Stage 4 of parsing: the quotation marks of a paragraph → its top-level quotations: `"…"`,
/// `“…”`, `‘…’`, `'…'`, `«…»`, `„…“`, `„…”` and `»…«`. Quotes nested inside a quote belong to it.
///
/// An apostrophe (`it's`, `Won’t`, `Ukraine’s`, `ministers’ plan`) never opens or closes a
/// single-quoted span: a closing `’` is not followed by a letter, an opening `‘` does not follow
/// one. One pass with a small state machine, so unbalanced or hostile marks cost linear time.
enum QuoteSpans {
    static func spans(in paragraph: ScalarText) -> [QuoteSpan] {
        var scan = Scan(text: paragraph.scalars)
        for k in paragraph.scalars.indices { scan.read(at: k) }
        return scan.finish()
    }

    /// `guillemet` is `«…»`, `reversedGuillemet` `»…«`, `low` a quote opened with `„`.
    private enum Mark: Equatable { case straight, straightSingle, curlyDouble, curlySingle, guillemet, reversedGuillemet, low }

    /// The state of one pass over a paragraph: the quotation open so far, if any.
    private struct Scan {
        let text: [Unicode.Scalar]
        var spans: [QuoteSpan] = []
        var open: (mark: Mark, at: Int)?

        init(text: [Unicode.Scalar]) { self.text = text }

        mutating func read(at k: Int) {
            switch text[k] {
            case "'": straightSingle(at: k)
            case "\"": straightDouble(at: k)
            case "\u{201C}": curlyOpening(at: k)  // “
            case "\u{201D}": curlyClosing(at: k)  // ”
            case "\u{201E}": if open == nil { open = (.low, k) }  // „
            case "\u{2018}":  // ‘
                if open == nil && !isLetter(before: k) && !isSpace(after: k) { open = (.curlySingle, k) }
            case "\u{2019}":  // ’
                if open?.mark == .curlySingle, !isLetter(after: k), !isPluralPossessive(k) { close(at: k) }
            case "\u{AB}": guillemetLeft(at: k)  // «
            case "\u{BB}": guillemetRight(at: k)  // »
            default: break
            }
        }

        /// A quote left open at the end of the paragraph runs on into the next one (the news
        /// convention for long quotes): it is kept to here when it began the paragraph, or began
        /// a sentence with double marks and the paragraph ends as a sentence does (`… told
        /// reporters. "What changes today is …`); a stray mark inside a sentence quotes nothing.
        mutating func finish() -> [QuoteSpan] {
            if let current = open, current.at == 0 || current.mark != .straightSingle && current.mark != .curlySingle
                && opensSentence(at: current.at) && endsSentence {
                spans.append(QuoteSpan(open: current.at, contentStart: current.at + 1, contentEnd: text.count, after: text.count))
            }
            return spans
        }

        /// A mark after a sentence's end and a space (`… rules. "What`).
        private func opensSentence(at k: Int) -> Bool {
            k >= 2 && text[k - 1] == " " && ".?!:".unicodeScalars.contains(text[k - 2])
        }

        /// The paragraph's last character ends a sentence.
        private var endsSentence: Bool { text.last.map { ".?!".unicodeScalars.contains($0) } ?? false }

        private mutating func close(at k: Int) {
            if let current = open { spans.append(QuoteSpan(open: current.at, contentStart: current.at + 1, contentEnd: k, after: k + 1)) }
            open = nil
        }

        /// British single quotes: an apostrophe has a letter on both sides (`it's`), or is an `s'`
        /// possessive before a lower-case word.
        private mutating func straightSingle(at k: Int) {
            if let current = open {
                if current.mark == .straightSingle, k > current.at + 1, text[k - 1] != " ", !isLetter(after: k),
                    !isPluralPossessive(k) { close(at: k) }
            } else if !isLetter(before: k), k + 1 < text.count, text[k + 1].properties.isAlphabetic {
                open = (.straightSingle, k)
            }
        }

        private mutating func straightDouble(at k: Int) {
            guard let current = open else {
                open = (.straight, k)
                return
            }
            // A double quote inside a single-quoted span: that was an apostrophe after all.
            if current.mark == .straightSingle {
                open = (.straight, k)
            } else if [.straight, .curlyDouble, .low].contains(current.mark) {
                close(at: k)
            }
        }

        private mutating func curlyOpening(at k: Int) {
            guard let current = open else {
                open = (.curlyDouble, k)
                return
            }
            if current.mark == .low {
                close(at: k)
            } else if current.mark == .curlyDouble && isSpace(before: k) {
                open = (.curlyDouble, k)  // a fresh opening mark: the last quote was never closed
            }
        }

        private mutating func curlyClosing(at k: Int) {
            if let current = open {
                if [.curlyDouble, .straight, .low].contains(current.mark) { close(at: k) }
            } else if isSpace(before: k) && !isSpace(after: k) {
                open = (.curlyDouble, k)  // a closing mark typed as an opener
            }
        }

        private mutating func guillemetLeft(at k: Int) {
            if open == nil {
                open = (.guillemet, k)
            } else if open?.mark == .reversedGuillemet {
                close(at: k)
            }
        }

        /// `»` closes `«…»`, or opens `»…«` when a word follows it at once; before a space it
        /// is a separator (`Home » World`).
        private mutating func guillemetRight(at k: Int) {
            if open?.mark == .guillemet {
                close(at: k)
            } else if open == nil && !isSpace(after: k) {
                open = (.reversedGuillemet, k)
            }
        }

        /// `the ministers’ plan`: an `s’` followed by a lower-case word is a possessive.
        private func isPluralPossessive(_ k: Int) -> Bool {
            k > 0 && text[k - 1] == "s" && k + 2 < text.count && text[k + 1] == " " && Text.isLowercaseLetter(text[k + 2])
        }

        private func isSpace(before k: Int) -> Bool { k == 0 || text[k - 1] == " " || text[k - 1] == "(" }
        private func isSpace(after k: Int) -> Bool { k + 1 >= text.count || text[k + 1] == " " }
        private func isLetter(before k: Int) -> Bool { k > 0 && Text.isLetterOrDigit(text[k - 1]) }
        private func isLetter(after k: Int) -> Bool { k + 1 < text.count && Text.isLetterOrDigit(text[k + 1]) }
    }
}
