/// The punctuation right after a word that matters to attribution.
enum Punctuation: Unicode.Scalar {
    case comma = ",", period = ".", colon = ":", semicolon = ";", question = "?", exclamation = "!"
}

/// A word of a paragraph, or a whole quotation standing in one token, so that attribution can
/// reason about "the words before the quote" and "the words after it".
struct ProseToken {
    /// The word as part of a name: without the punctuation around it, but with a possessive
    /// (`Sweden's`) or a closing apostrophe (`Shipowners'` of `Nordic Shipowners' Forum`).
    /// For a quote, the quoted words without their marks.
    var text: String
    /// The word lower-cased, without the possessive (`Sweden's` → `sweden`); empty for a quote.
    var lower: String
    /// Punctuation right after the word (`,` `.` `:` …), or after a quote's closing mark.
    var trailing: Punctuation?
    var isCapitalised = false
    /// Written in parentheses (`(R-WI)`, `(IAEA)`): never part of a name.
    var isParenthetical = false
    /// A single capital letter (`F` of `John F. Kennedy`).
    var isInitial = false
    var isPossessive = false

    /// The word without its `'s` (`Eng's` → `Eng`).
    var withoutPossessive: ProseToken {
        guard isPossessive else { return self }
        var bare = self
        bare.text = String(text.dropLast(2))
        bare.isPossessive = false
        return bare
    }
    var classes: WordClass = []
    /// The quotation this token stands for, as an index into the paragraph's spans.
    var quote: Int?
    /// Whether the quoted words themselves end a sentence (`…trust."`).
    var quoteEndsSentence = false
    /// A quote followed by a dash glued to its closing mark (`"…"— Jane Doe`).
    var dashAfter = false
    /// A dash on its own (`—`, `–`, `―`, `-`).
    var isDash = false
    /// Where the token is among its paragraph's tokens (what a pronoun may refer back from).
    var position = 0

    var isQuote: Bool { quote != nil }
    var hasComma: Bool { trailing == .comma }
    func `is`(_ kind: WordClass) -> Bool { classes.contains(kind) }

    /// The word ends a sentence: a `?`, `!`, or a full stop that is not an abbreviation's.
    var endsSentence: Bool {
        switch trailing {
        case .question, .exclamation: return true
        case .period: return isQuote || !self.is(.abbreviation) && !isInitial
        default: return false
        }
    }

    /// One word of a paragraph, at `range`: punctuation around it stripped (and remembered when
    /// it follows the word), a possessive `'s` taken off its lower-case form.
    init(_ paragraph: ScalarText, _ range: Range<Int>) {
        let scalars = paragraph.scalars
        var start = range.lowerBound
        var end = range.upperBound
        while end > start, !Text.isLetterOrDigit(scalars[end - 1]) {
            if !scalars[end - 1].isASCII && !Text.isPunctuation(scalars[end - 1]) { break }
            if trailing == nil { trailing = Punctuation(rawValue: scalars[end - 1]) }
            end -= 1
        }
        while start < end, !Text.isLetterOrDigit(scalars[start]) {
            if !scalars[start].isASCII && !Text.isPunctuation(scalars[start]) { break }
            start += 1
        }
        isParenthetical = scalars[range.lowerBound] == "(" || scalars[range.upperBound - 1] == ")"
        isDash = Self.isDash(scalars[range.lowerBound]) && range.allSatisfy { Self.isDash(scalars[$0]) }
        // `(D-Mo.)`: a full stop inside parentheses ends nothing.
        if scalars[range.upperBound - 1] == ")", trailing == .period { trailing = nil }
        let nameEnd = end < range.upperBound && scalars[end] == "'" ? end + 1 : end
        text = String(paragraph.text(start..<nameEnd))
        var coreEnd = end
        if end - start > 2, scalars[end - 1] == "s" || scalars[end - 1] == "S", scalars[end - 2] == "'" || scalars[end - 2] == "\u{2019}" {
            coreEnd -= 2
            isPossessive = true
        }
        let core = paragraph.text(start..<coreEnd)
        lower = core.lowercased()
        classes = WordClass.of(lower)
        let initial = Text.initialCase(core)
        isCapitalised = initial == .upper || initial == .lower && Self.isParticleName(scalars[start..<coreEnd])
        isInitial = isCapitalised && Self.isInitials(scalars[start..<coreEnd])
        // An initial or an abbreviation (`John F. Kennedy`, `Mr.`, `Gen.`) does not end a clause.
        // Its full stop is part of the written name (`U.S. Treasury`, `John F. Kennedy`).
        if trailing == .period, end == range.upperBound - 1, isInitial || classes.contains(.abbreviation) {
            trailing = nil
            if nameEnd == end { text += "." }
        } else if end + 1 < range.upperBound, scalars[end] == ".", trailing != .period, nameEnd == end,
            isInitial || classes.contains(.abbreviation) {
            // `World Baseball Classic Inc., the organizer,`: the full stop before a comma is
            // still the abbreviation's, part of the written name.
            text += "."
        }
    }

    /// `-`, `–`, `—`, `―`.
    static func isDash(_ scalar: Unicode.Scalar) -> Bool { scalar == "-" || (0x2013...0x2015).contains(scalar.value) }

    /// `F` of `John F. Kennedy`, `G.K` of `G.K. Butterfield`: capital letters with full stops
    /// between them.
    static func isInitials(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard scalars.count == 1 || (2...5).contains(scalars.count) && scalars[scalars.startIndex + 1] == "." else { return false }
        return scalars.enumerated().allSatisfy { offset, scalar in
            offset % 2 == 0 ? Text.letterCase(scalar) == .upper : scalar == "."
        }
    }

    /// `al-Suwaidi`, `bin-Salem`: a family name after a lower-case particle and a hyphen (not
    /// `de-risking`).
    static func isParticleName(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let hyphen = word.prefix(4).firstIndex(of: "-"), hyphen > word.startIndex, hyphen + 1 < word.endIndex,
            Text.letterCase(word[hyphen + 1]) == .upper else { return false }
        var particle = String.UnicodeScalarView()
        particle.append(contentsOf: word[..<hyphen])
        return Vocabulary.nameParticles.contains(String(particle))
    }

    /// A word on its own (for tests and for reading a sentence's last word).
    init(_ word: String) { self.init(ScalarText(word), 0..<word.unicodeScalars.count) }

    /// A quotation's token: the quoted words, and the punctuation after its closing mark (or, if
    /// none, a comma that closes the quoted words: `"…," she said`).
    init(quote index: Int, span: QuoteSpan, in paragraph: ScalarText, trailing glued: Punctuation?) {
        text = String(paragraph.text(span.contentStart..<span.contentEnd)).trimmingSpaces
        lower = ""
        quote = index
        let last = text.unicodeScalars.last
        trailing = glued ?? (last == "," ? .comma : nil)
        let endsSentence = last == "." || last == "?" || last == "!" || last == "\u{2026}"
        quoteEndsSentence = endsSentence && glued == nil
    }
}

/// Stage 5 of parsing: a paragraph and its quotations → tokens: words between the quotes, one
/// token for each quote.
enum ProseTokenizer {
    static func tokens(_ paragraph: ScalarText, spans: [QuoteSpan]) -> [ProseToken] {
        let text = paragraph.scalars
        var tokens: [ProseToken] = []
        var k = 0
        for (index, span) in spans.enumerated() where span.open >= k {
            appendWords(of: paragraph, k..<span.open, to: &tokens)
            // Punctuation glued after the closing mark: `".` `",` `”:`
            var after = span.after
            var trailing: Punctuation?
            var dash = false
            while after < text.count && text[after] != " " {
                if let mark = Punctuation(rawValue: text[after]) { trailing = mark }
                if ProseToken.isDash(text[after]) { dash = true }
                after += 1
            }
            var token = ProseToken(quote: index, span: span, in: paragraph, trailing: trailing)
            token.dashAfter = dash
            tokens.append(token)
            k = after
        }
        appendWords(of: paragraph, min(k, text.count)..<text.count, to: &tokens)
        for i in tokens.indices { tokens[i].position = i }
        return tokens
    }

    /// The words (runs of characters between spaces) of `paragraph` at `range`.
    private static func appendWords(of paragraph: ScalarText, _ range: Range<Int>, to tokens: inout [ProseToken]) {
        var k = range.lowerBound
        // A no-break space (`Cruz constituent\u{A0}Dan Golvach`) separates words too.
        func isSpace(_ k: Int) -> Bool { paragraph[k] == " " || paragraph[k] == "\u{A0}" }
        while k < range.upperBound {
            guard !isSpace(k) else {
                k += 1
                continue
            }
            let start = k
            while k < range.upperBound && !isSpace(k) { k += 1 }
            // A stray mark (the first `'` of `''…''`, a quote left unpaired) is no word.
            if (start..<k).allSatisfy({ QuoteMarks.all.contains(paragraph[$0]) }) { continue }
            tokens.append(ProseToken(paragraph, start..<k))
        }
    }
}
