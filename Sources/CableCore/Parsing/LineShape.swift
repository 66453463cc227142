/// What a line looks like, measured once: the facts furniture classification and the
/// headline/sentence decisions are made from.
struct LineShape {
    var wordCount = 0
    /// Words that are not small function words (`of`, `the`, `and`...), and how many of them
    /// start with a capital: a headline capitalises nearly all of them, a sentence few.
    var significantWords = 0
    var capitalisedWords = 0
    var lowercaseWords = 0
    var commaCount = 0
    var letterCount = 0
    /// Lower-case ASCII letters: none means a line in capitals (a masthead, a label).
    var lowercaseLetters = 0
    /// Ends in `.`, `!`, `?` or `…`, possibly followed by closing quotes or brackets.
    var endsWithSentencePunctuation = false
    /// Ends in `.` or `…` (a headline may end in `?` or `!`, rarely in a period).
    var endsWithPeriod = false
    var endsWithColon = false
    /// Ends in `…` (or `...`): a headline cut short by the page.
    var endsWithEllipsis = false
    var startsWithLowercase = false
    /// Starts with an opening quote mark: a paragraph of quoted speech.
    var startsWithQuote = false
    /// Contains a double quote mark (straight, curly or guillemet).
    var hasQuoteMark = false
    var byteCount = 0

    var isTitleCase: Bool {
        significantWords >= 1 && capitalisedWords * 4 >= significantWords * 3
    }

    /// The shape of this line with `next` joined after a space (words never span lines, so
    /// the counts add up; the ending is the next line's). Keeps joining wrapped lines linear.
    func joined(with next: LineShape) -> LineShape {
        var shape = self
        shape.wordCount += next.wordCount
        shape.significantWords += next.significantWords
        shape.capitalisedWords += next.capitalisedWords
        shape.lowercaseWords += next.lowercaseWords
        shape.commaCount += next.commaCount
        shape.hasQuoteMark = shape.hasQuoteMark || next.hasQuoteMark
        shape.letterCount += next.letterCount
        shape.lowercaseLetters += next.lowercaseLetters
        shape.byteCount += next.byteCount + 1
        shape.endsWithSentencePunctuation = next.endsWithSentencePunctuation
        shape.endsWithPeriod = next.endsWithPeriod
        shape.endsWithColon = next.endsWithColon
        shape.endsWithEllipsis = next.endsWithEllipsis
        if shape.wordCount == next.wordCount { shape.startsWithLowercase = next.startsWithLowercase }
        return shape
    }

    init(_ bytes: [UInt8]) {
        byteCount = bytes.count
        // One pass over the bytes (this runs on every line of every page): per-byte counts as
        // we go, per-word facts when a word ends.
        bytes.withUnsafeBufferPointer { buffer in
            var wordStart = -1
            var index = 0
            let count = buffer.count
            while index <= count {
                let b: UInt8 = index < count ? buffer[index] : 0x20
                if b == 0x20 {
                    if wordStart >= 0 {
                        measureWord(bytes, wordStart, index, first: wordCount == 0)
                        wordStart = -1
                    }
                } else {
                    if wordStart < 0 { wordStart = index }
                    if b < 0x80 {
                        if b == 0x2C { commaCount += 1 }
                        if b == 0x22 { hasQuoteMark = true }
                        let folded = b | 0x20
                        if folded >= 0x61 && folded <= 0x7A {
                            letterCount += 1
                            if b >= 0x61 { lowercaseLetters += 1 }
                        }
                    } else {
                        if b >= 0xC3 { letterCount += 1 }
                        if index > 0 && (b == 0x9C && buffer[index - 1] == 0x80 || b == 0xAB && buffer[index - 1] == 0xC2) {
                            hasQuoteMark = true
                        }
                    }
                }
                index += 1
            }
        }
        measureEnding(bytes)
        if let first = bytes.first {
            startsWithQuote = first == 0x22 || bytes.count >= 3 && first == 0xE2 && bytes[1] == 0x80
                && (bytes[2] == 0x9C || bytes[2] == 0x98 || bytes[2] == 0x9E) || bytes.count >= 2 && first == 0xC2 && bytes[1] == 0xAB
        }
    }

    private mutating func measureWord(_ bytes: [UInt8], _ start: Int, _ end: Int, first: Bool) {
        wordCount += 1
        guard let initial = Bytes.firstLetterCase(bytes, start, end) else { return }
        if first && initial == .lower { startsWithLowercase = true }
        if end - start <= 5 && Vocabulary.isSmallWord(bytes, start, end) { return }
        significantWords += 1
        if initial == .upper { capitalisedWords += 1 } else { lowercaseWords += 1 }
    }

    private mutating func measureEnding(_ bytes: [UInt8]) {
        var k = bytes.count - 1
        // Skip closing quotes and brackets: `…trust."` and `…(Reuters).` both end a sentence.
        while k >= 0 {
            let b = bytes[k]
            if b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D { k -= 1; continue }
            if k >= 2 && bytes[k - 2] == 0xE2 && bytes[k - 1] == 0x80 && (b == 0x9D || b == 0x99) { k -= 3; continue }
            if k >= 1 && bytes[k - 1] == 0xC2 && b == 0xBB { k -= 2; continue }
            break
        }
        guard k >= 0 else { return }
        let b = bytes[k]
        if b == 0x2E {
            endsWithPeriod = true
            endsWithSentencePunctuation = true
            if k >= 2 && bytes[k - 1] == 0x2E && bytes[k - 2] == 0x2E { endsWithEllipsis = true }
        }
        if b == 0x21 || b == 0x3F { endsWithSentencePunctuation = true }
        if b == 0x3A { endsWithColon = true }
        if k >= 2 && bytes[k - 2] == 0xE2 && bytes[k - 1] == 0x80 && b == 0xA6 {
            endsWithPeriod = true
            endsWithSentencePunctuation = true
            endsWithEllipsis = true
        }
    }
}

enum LetterCase { case upper, lower }

/// Small helpers over UTF-8 bytes.
enum Bytes {
    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }

    /// The case of the first letter of a word, skipping opening quotes and brackets; nil when
    /// the word starts with a digit or has no letter.
    static func firstLetterCase(_ bytes: [UInt8], _ start: Int, _ end: Int) -> LetterCase? {
        var k = start
        while k < end {
            let b = bytes[k]
            if isUpper(b) { return .upper }
            if isLower(b) { return .lower }
            if isDigit(b) { return nil }
            if b >= 0xC0 {
                guard let scalar = scalar(in: bytes, at: k, end: end) else { return nil }
                if scalar.value >= 0x2000 && scalar.value < 0x2070 {  // curly quotes, dashes
                    k += utf8Length(b)
                    continue
                }
                if scalar.properties.isUppercase { return .upper }
                if scalar.properties.isLowercase { return .lower }
                k += utf8Length(b)
                continue
            }
            k += 1
        }
        return nil
    }

    static func utf8Length(_ lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    static func scalar(in bytes: [UInt8], at k: Int, end: Int) -> Unicode.Scalar? {
        let lead = bytes[k]
        let length = utf8Length(lead)
        guard k + length <= end else { return nil }
        var value: UInt32
        switch length {
        case 2: value = UInt32(lead & 0x1F)
        case 3: value = UInt32(lead & 0x0F)
        case 4: value = UInt32(lead & 0x07)
        default: return Unicode.Scalar(lead)
        }
        for j in 1..<length { value = value << 6 | UInt32(bytes[k + j] & 0x3F) }
        return Unicode.Scalar(value)
    }

    /// Case-insensitive ASCII prefix test.
    static func hasPrefix(_ bytes: [UInt8], _ prefix: String, at start: Int = 0) -> Bool {
        var k = start
        for p in prefix.utf8 {
            guard k < bytes.count, lower(bytes[k]) == p else { return false }
            k += 1
        }
        return true
    }
}
