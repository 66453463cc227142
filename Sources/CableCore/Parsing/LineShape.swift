/// What a line looks like, measured once: the facts that line classification, headline and
/// sentence decisions are made from.
struct LineShape: Equatable {
    var wordCount = 0
    /// Words that contain a letter (`—`, `|` or `2024` are words to `wordCount` only).
    var letterWords = 0
    /// Words that are not small function words (`of`, `the`, `and`…), and how many of them
    /// start with a capital or a lower-case letter: a headline capitalises nearly all of them,
    /// a sentence few.
    var significantWords = 0
    var capitalisedWords = 0
    var lowercaseWords = 0
    var commaCount = 0
    /// Lower-case letters: none means a line in capitals (a masthead, a section label).
    var lowercaseLetters = 0
    /// Ends in `.`, `!`, `?` or `…`, possibly followed by closing quotes or brackets.
    var endsWithSentencePunctuation = false
    /// Ends in `.` or `…` (a headline may end in `?` or `!`, rarely in a period).
    var endsWithPeriod = false
    var endsWithColon = false
    /// Ends in `…` or `...`: a headline cut short by the page.
    var endsWithEllipsis = false
    var startsWithLowercase = false
    /// Starts with an opening quote mark: a paragraph of quoted speech.
    var startsWithQuote = false
    /// Contains a double quote mark (straight, curly or guillemet).
    var hasQuoteMark = false
    /// The line's length in UTF-8 bytes (the width measure of wrapped text).
    var byteCount = 0
    /// Ends in the middle of a phrase: after a function word (`of`, `the`, `and`), a comma, or
    /// inside a quotation it opened.
    var endsMidPhrase = false
    /// Ends inside a quotation it opened (`"We have rice for a year.` … `Holding it back,"`).
    var endsInsideQuotation = false

    var isTitleCase: Bool {
        significantWords >= 1 && capitalisedWords * 4 >= significantWords * 3
    }

    /// Several commas between short items: `Arctic, Russia, shipping, sanctions`.
    var looksLikeTagList: Bool {
        commaCount >= 2 && wordCount <= (commaCount + 1) * 3
    }

    init() {}

    init(_ line: String) {
        byteCount = line.utf8.count
        // Each word is read as a String of its own: a short one is stored inline, and a String's
        // scalars are walked without the index checks a Substring's need.
        Text.forEachWord(in: line) { count(String($0)) }
        measureEnding(line)
        if let first = line.unicodeScalars.first { startsWithQuote = QuoteMarks.opening.contains(first) }
        endsInsideQuotation = Self.endsInsideQuotation(line)
        endsMidPhrase = endsInsideQuotation || Self.endsAfterConnective(line)
    }

    private static func endsAfterConnective(_ line: String) -> Bool {
        let utf8 = line.utf8
        let start = utf8.lastIndex(of: 0x20).map { utf8.index(after: $0) } ?? utf8.startIndex
        let last = Substring(utf8[start...])
        // A quotation closed after a comma (`changed,"`) goes on to say who said it.
        if last.unicodeScalars.reversed().drop(while: QuoteMarks.all.contains).first == "," { return true }
        guard !last.isEmpty, last.utf8.count <= 6 else { return false }
        return Vocabulary.smallWords.contains(last.lowercased()) && last.lowercased() != "out"
    }

    private static func endsInsideQuotation(_ line: String) -> Bool {
        var straight = 0, opened = 0, closed = 0
        for scalar in line.unicodeScalars {
            switch scalar {
            case "\"": straight += 1
            case "\u{201C}": opened += 1
            case "\u{201D}": closed += 1
            default: break
            }
        }
        return straight % 2 == 1 || opened > closed
    }

    private mutating func count(_ word: String) {
        wordCount += 1
        var initial: Text.LetterCase?
        var sawDigitFirst = false
        for scalar in word.unicodeScalars {
            switch scalar {
            case ",": commaCount += 1
            case "\"", "\u{201C}", "\u{AB}": hasQuoteMark = true
            default: break
            }
            let letterCase = Text.letterCase(scalar)
            if letterCase == .lower { lowercaseLetters += 1 }
            if initial == nil && !sawDigitFirst {
                if Text.isDigit(scalar) { sawDigitFirst = true } else { initial = letterCase }
            }
        }
        guard let initial else { return }
        letterWords += 1
        if wordCount == 1 && initial == .lower { startsWithLowercase = true }
        guard !isSmallWord(word) else { return }
        significantWords += 1
        if initial == .upper { capitalisedWords += 1 } else { lowercaseWords += 1 }
    }

    /// A function word of a headline (`of`, `the`, `amid`): five letters at most.
    private func isSmallWord(_ word: String) -> Bool {
        word.utf8.count <= 5 && Vocabulary.smallWords.contains(word.lowercased())
    }

    /// Closing quotes and brackets aside: `…trust."` and `…(Reuters).` both end a sentence.
    private static let closers: ScalarSet = ["\"", "'", ")", "]", "\u{201D}", "\u{2019}", "\u{BB}"]

    private mutating func measureEnding(_ line: String) {
        let scalars = line.unicodeScalars
        guard let last = scalars.lastIndex(where: { !Self.closers.contains($0) }) else { return }
        switch scalars[last] {
        case ".":
            endsWithPeriod = true
            endsWithSentencePunctuation = true
            endsWithEllipsis = line.unicodeScalars[..<scalars.index(after: last)].suffix(3).elementsEqual("...".unicodeScalars)
        case "\u{2026}":
            endsWithPeriod = true
            endsWithSentencePunctuation = true
            endsWithEllipsis = true
        case "!", "?": endsWithSentencePunctuation = true
        case ":": endsWithColon = true
        default: break
        }
    }

    /// The shape of this line with `next` joined after a space (words never span lines, so the
    /// counts add up; the ending is the next line's).
    func joined(with next: LineShape) -> LineShape {
        var shape = self
        shape.wordCount += next.wordCount
        shape.letterWords += next.letterWords
        shape.significantWords += next.significantWords
        shape.capitalisedWords += next.capitalisedWords
        shape.lowercaseWords += next.lowercaseWords
        shape.commaCount += next.commaCount
        shape.lowercaseLetters += next.lowercaseLetters
        shape.hasQuoteMark = hasQuoteMark || next.hasQuoteMark
        shape.byteCount += next.byteCount + 1
        shape.endsWithSentencePunctuation = next.endsWithSentencePunctuation
        shape.endsWithPeriod = next.endsWithPeriod
        shape.endsWithColon = next.endsWithColon
        shape.endsWithEllipsis = next.endsWithEllipsis
        shape.endsMidPhrase = next.endsMidPhrase
        shape.endsInsideQuotation = next.endsInsideQuotation
        if wordCount == 0 { shape.startsWithLowercase = next.startsWithLowercase }
        return shape
    }
}
