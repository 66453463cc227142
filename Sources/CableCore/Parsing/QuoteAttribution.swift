/// Stage 6 of parsing: body paragraphs → quotes with their speakers.
///
/// Paragraph by paragraph, in order: quotations are found (`QuoteSpans`), scare quotes and
/// quoted titles set aside (`isQuotation`), the words tokenized with each quote standing in
/// one token (`ProseTokenizer`); each quote then goes through the attribution sieve
/// (`AttributionSieve`), and the people and bodies the paragraph names are remembered for
/// later references (`SpeakerMemory`).
enum QuoteAttribution {
    static func quotes(in paragraphs: [String]) -> [Quote] {
        var memory = SpeakerMemory()
        var quotes: [Quote] = []
        // Paragraphs after the last quote name people no quote can refer back to.
        let lastQuoted = paragraphs.lastIndex { paragraph in paragraph.unicodeScalars.contains { QuoteMarks.all.contains($0) } }
        for (index, paragraph) in paragraphs.enumerated() where index <= lastQuoted ?? -1 {
            let text = ScalarText(paragraph)
            let spans = QuoteSpans.spans(in: text).filter { isQuotation($0, in: text) }
            let tokens = ProseTokenizer.tokens(text, spans: spans)
            read(paragraph: index, tokens: tokens, memory: &memory, quotes: &quotes)
        }
        return quotes
    }

    /// Attributes the quotes of one paragraph and notes the people and bodies it names.
    static func read(paragraph index: Int, tokens: [ProseToken], memory: inout SpeakerMemory, quotes: inout [Quote]) {
        var previous: Speaker?
        memory.startParagraph()
        for (i, token) in tokens.enumerated() {
            if token.isQuote {
                let sentence = QuoteSentence(tokens: tokens, quote: i)
                var speaker: Speaker?
                switch AttributionSieve.attribute(sentence, memory: memory) {
                case .speaker(let found): speaker = found
                case .continuation: speaker = previous
                case .unknown: speaker = nil
                }
                if let speaker {
                    memory.remember(speaker)
                    memory.noteQuoted(speaker)
                    previous = speaker
                }
                quotes.append(Quote(text: token.text, speaker: speaker?.name, role: speaker?.role, paragraph: index))
            } else if startsRun(at: i, in: tokens) {
                let end = Subjects.runEnd(from: i, in: tokens)
                Mentions.note(Array(tokens[i..<end]), after: end < tokens.count ? tokens[end] : nil, memory: &memory)
            }
        }
    }

    /// A capitalised word that starts a run (not inside one already).
    private static func startsRun(at i: Int, in tokens: [ProseToken]) -> Bool {
        tokens[i].isCapitalised && (i == 0 || !tokens[i - 1].isCapitalised || tokens[i - 1].trailing != nil)
    }

    /// A quotation, not scare quotes or a title: at least three words, not introduced as a name
    /// (`so-called "…"`, `titled "…"`), and not a Title Case name of something (`"Open Doors?
    /// Security in Disaggregated Networks"`).
    static func isQuotation(_ span: QuoteSpan, in text: ScalarText) -> Bool {
        let content = String(text.text(span.contentStart..<span.contentEnd))
        let shape = LineShape(content.trimmingSpaces)
        guard shape.wordCount >= 3 else { return false }
        if shape.wordCount <= 10 && shape.isTitleCase && shape.significantWords >= 2,
            let last = content.trimmingSpaces.last, !",.!".contains(last) {
            return false
        }
        return !Vocabulary.namingWords.contains(wordBefore(span.open, in: text).lowercased())
    }

    /// The word that ends before `index` (spaces aside), up to 40 characters of it.
    static func wordBefore(_ index: Int, in text: ScalarText) -> String {
        var end = index
        while end > 0 && text[end - 1] == " " { end -= 1 }
        var start = end
        while start > 0 && text[start - 1] != " " && end - start < 40 { start -= 1 }
        return String(text.text(start..<end))
    }
}

/// A quote token and the words of its sentence on either side of it.
struct QuoteSentence {
    let tokens: [ProseToken]
    let quote: Int

    var quoteToken: ProseToken { tokens[quote] }

    /// The words after the quote in its sentence: up to a word that ends the sentence, the next
    /// quote, or 40 words.
    var after: [ProseToken] {
        var k = quote + 1
        while k < tokens.count && !tokens[k].isQuote && k - quote <= 40 {
            k += 1
            if tokens[k - 1].endsSentence { break }
        }
        return Array(tokens[(quote + 1)..<k])
    }

    /// Where the quote's sentence starts: after a word that ends the previous sentence, or the
    /// previous quote (at most 80 words back).
    var start: Int {
        var start = quote
        while start > 0 && quote - start < 80 && !tokens[start - 1].isQuote && !tokens[start - 1].endsSentence {
            start -= 1
        }
        return start
    }

    /// The words before the quote in its sentence.
    var before: [ProseToken] { Array(tokens[start..<quote]) }

    /// Whether the quoted words close their sentence (`…trust."`, `"…".`).
    var quoteClosesSentence: Bool {
        let token = quoteToken
        return token.quoteEndsSentence || token.trailing == .period || token.trailing == .question || token.trailing == .exclamation
    }
}
