import Foundation

/// What a line looks like, measured once: the facts furniture classification and the
/// headline/sentence decisions are made from.
struct LineShape {
    var wordCount = 0
    /// Words that start with a letter (`—`, `|` or `2024` are words to `wordCount` only).
    var letterWords = 0
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
        shape.letterWords += next.letterWords
        shape.significantWords += next.significantWords
        shape.capitalisedWords += next.capitalisedWords
        shape.lowercaseWords += next.lowercaseWords
        shape.commaCount += next.commaCount
        shape.hasQuoteMark = shape.hasQuoteMark || next.hasQuoteMark
        shape.letterCount += next.letterCount
        shape.lowercaseLetters += next.lowercaseLetters
        shape.byteCount += next.byteCount + 1
        shape.hasWordFacts = hasWordFacts && next.hasWordFacts
        shape.endsWithSentencePunctuation = next.endsWithSentencePunctuation
        shape.endsWithPeriod = next.endsWithPeriod
        shape.endsWithColon = next.endsWithColon
        shape.endsWithEllipsis = next.endsWithEllipsis
        if shape.wordCount == next.wordCount { shape.startsWithLowercase = next.startsWithLowercase }
        return shape
    }

    /// Whether the per-word facts (`letterWords`, `significantWords`, `capitalisedWords`,
    /// `lowercaseWords`, `startsWithLowercase`, and so `isTitleCase`) were measured. A shape
    /// made `countingWords` has only the word count, the commas, the byte count, the ending
    /// and whether it starts with a quote mark (the letter counts and `hasQuoteMark` are 0).
    private(set) var hasWordFacts = true

    init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { LineShape(buffer: $0) }
    }

    /// The shape of part of a line (a quotation's words) without copying it out.
    init(_ bytes: ArraySlice<UInt8>) {
        self = bytes.withUnsafeBufferPointer { LineShape(buffer: $0) }
    }

    /// The word count, the commas and the ending only (see `hasWordFacts`): most bytes of a
    /// page are in long paragraphs, which the word count alone shows to be prose (and the
    /// commas not to be a list of tags), and measuring more was the costliest part of
    /// classifying them. `LogicalLine.shape` measures the rest if it is ever asked for.
    init(countingWords bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { LineShape(countingWordsIn: $0) }
    }

    private init(countingWordsIn buffer: UnsafeBufferPointer<UInt8>) {
        byteCount = buffer.count
        hasWordFacts = false
        var words = 0
        var commas = 0
        if let base = buffer.baseAddress {
            // Eight bytes at a time: a word starts where a byte that is not a space follows
            // a space (one bit per lane, moved to the lanes' low bits and summed into the
            // top byte); commas are summed the same way.
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            // 0x80 when the byte before `index` is a space (or the line starts there).
            var afterSpace: UInt64 = 0x80
            var index = 0
            while index + 8 <= buffer.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let spaces = TextCleaning.exactZeroBytes(word ^ (ones &* 0x20))
                let starts = ~spaces & (ones &* 0x80) & (spaces << 8 | afterSpace)
                afterSpace = spaces >> 56
                words &+= Int(truncatingIfNeeded: ((starts >> 7) &* ones) >> 56)
                let commaLanes = TextCleaning.exactZeroBytes(word ^ (ones &* 0x2C))
                commas &+= Int(truncatingIfNeeded: ((commaLanes >> 7) &* ones) >> 56)
                index &+= 8
            }
            while index < buffer.count {
                let b = base[index]
                if b == 0x2C { commas &+= 1 }
                if b != 0x20 && afterSpace != 0 { words &+= 1 }
                afterSpace = b == 0x20 ? 0x80 : 0
                index &+= 1
            }
        }
        wordCount = words
        commaCount = commas
        measureEnding(buffer)
        startsWithQuote = LineShape.startsWithQuoteMark(buffer)
    }

    private init(buffer: UnsafeBufferPointer<UInt8>) {
        byteCount = buffer.count
        // This runs on most lines of every page. Per-byte counts through a table of packed
        // increments (eight adds per step: about two instructions a byte, fewer than bit
        // tricks for the same four counts), then a walk over the words: two
        // tight passes beat one loop that keeps a dozen counters live (tried: the walk over
        // word-start bits inside the counting loop cost more). Counters are locals so that
        // they stay in registers.
        var letters = 0
        var lowercase = 0
        var commas = 0
        var quoteMark = false
        var words = 0
        var wordsWithLetters = 0
        var significant = 0
        var capitalised = 0
        var lowercaseInitials = 0
        var firstIsLowercase = false
        let count = buffer.count
        LineShape.increments.withUnsafeBufferPointer { increments in
            guard let base = buffer.baseAddress else { return }
            // Four 16-bit counters in one integer, emptied before any can overflow.
            var index = 0
            while index < count {
                let chunkEnd = min(count, index + 65_528)
                var packed: UInt64 = 0
                while index + 8 <= chunkEnd {
                    for k in 0..<8 { packed &+= increments[Int(base[index &+ k])] }
                    index &+= 8
                }
                if chunkEnd == count {
                    // The last few bytes one at a time.
                    while index < count {
                        packed &+= increments[Int(base[index])]
                        index &+= 1
                    }
                }
                letters += Int(packed & 0xFFFF)
                lowercase += Int((packed >> 16) & 0xFFFF)
                commas += Int((packed >> 32) & 0xFFFF)
                if packed >> 48 != 0 { quoteMark = true }
            }
        }
        if quoteMark {
            // Only a candidate: `"` itself, or the last byte of `“` (E2 80 9C) or `«`
            // (C2 AB), which other characters share; look closer, with memchr (most
            // paragraphs of news have one, often far along the line).
            quoteMark = Bytes.contains(0x22, in: buffer) || Bytes.contains(0x9C, after: 0x80, in: buffer)
                || Bytes.contains(0xAB, after: 0xC2, in: buffer)
        }
        let smallWords = Vocabulary.packedSmallWords
        Bytes.forEachWord(in: buffer) { start, end in
            words += 1
            guard let initial = Bytes.initialCase(buffer, start, end) else { return true }
            wordsWithLetters += 1
            if words == 1 && initial == .lower { firstIsLowercase = true }
            // Small words count for nothing below; the counters take that as arithmetic,
            // not a branch (which words are small follows no pattern a predictor learns).
            let counted = 1 &- smallWords.isSmallWord(buffer, start, end).bit
            let upper = (initial == .upper).bit
            significant &+= counted
            capitalised &+= counted & upper
            lowercaseInitials &+= counted & (1 &- upper)
            return true
        }
        letterCount = letters
        lowercaseLetters = lowercase
        commaCount = commas
        hasQuoteMark = quoteMark
        wordCount = words
        letterWords = wordsWithLetters
        significantWords = significant
        capitalisedWords = capitalised
        lowercaseWords = lowercaseInitials
        startsWithLowercase = firstIsLowercase
        measureEnding(buffer)
        startsWithQuote = LineShape.startsWithQuoteMark(buffer)
    }

    private static func startsWithQuoteMark(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = buffer.first else { return false }
        let count = buffer.count
        return first == 0x22 || count >= 3 && first == 0xE2 && buffer[1] == 0x80
            && (buffer[2] == 0x9C || buffer[2] == 0x98 || buffer[2] == 0x9E) || count >= 2 && first == 0xC2 && buffer[1] == 0xAB
    }

    /// For each byte value, what it adds to the packed counters: letters (an ASCII letter or
    /// the lead byte of a character from U+00C0 up) in bits 0-15, lower-case ASCII letters in
    /// 16-31, commas in 32-47, and in 48-63 bytes that may belong to a quote mark.
    private static let increments: [UInt64] = (0...255).map { value in
        let b = UInt8(value)
        var increment: UInt64 = 0
        if Bytes.isASCIILetter(b) || b >= 0xC3 { increment |= 1 }
        if Bytes.isLower(b) { increment |= 1 << 16 }
        if b == 0x2C { increment |= 1 << 32 }
        if b == 0x22 || b == 0x9C || b == 0xAB { increment |= 1 << 48 }
        return increment
    }

    private mutating func measureEnding(_ bytes: UnsafeBufferPointer<UInt8>) {
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

extension Bool {
    /// 1 or 0, for arithmetic that must not branch.
    @inline(__always) var bit: Int { self ? 1 : 0 }
}

/// A set of byte values as a 256-bit map: membership is a shift and a mask, where a
/// `Set<UInt8>` runs the hasher on every lookup (and these run on every line).
struct ByteSet: Sendable {
    private var low: UInt128 = 0
    private var high: UInt128 = 0

    init<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for b in bytes {
            if b < 128 { low |= 1 << UInt128(b) } else { high |= 1 << UInt128(b - 128) }
        }
    }

    @inline(__always)
    func contains(_ b: UInt8) -> Bool {
        b < 128 ? (low >> UInt128(b)) & 1 != 0 : (high >> UInt128(b - 128)) & 1 != 0
    }
}

/// Small helpers over UTF-8 bytes.
enum Bytes {
    /// Whether `byte` occurs in `buffer`, directly after `previous` if one is given.
    static func contains(_ byte: UInt8, after previous: UInt8? = nil, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        var from = previous == nil ? 0 : 1
        while from < buffer.count, let found = memchr(base + from, Int32(byte), buffer.count - from) {
            let index = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
            guard let previous else { return true }
            if base[index - 1] == previous { return true }
            from = index + 1
        }
        return false
    }

    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }

    /// The case of a word's first letter (`firstLetterCase`), with the common case, an ASCII
    /// letter first, decided at once.
    @inline(__always)
    static func initialCase(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> LetterCase? {
        let lead = buffer[start]
        if isUpper(lead) { return .upper }
        if isLower(lead) { return .lower }
        return firstLetterCase(buffer, start, end)
    }

    /// The case of the first letter of a word, skipping opening quotes and brackets; nil when
    /// the word starts with a digit or has no letter.
    static func firstLetterCase<C: RandomAccessCollection>(_ bytes: C, _ start: Int, _ end: Int) -> LetterCase?
    where C.Element == UInt8, C.Index == Int {
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

    /// Calls `body` with the bounds of each word (a run of bytes other than spaces) in turn,
    /// until it returns false.
    @inline(__always)
    static func forEachWord(in buffer: UnsafeBufferPointer<UInt8>, _ body: (_ start: Int, _ end: Int) -> Bool) {
        var index = 0
        while index < buffer.count {
            while index < buffer.count && buffer[index] == 0x20 { index += 1 }
            guard index < buffer.count else { return }
            let start = index
            index = nextSpace(in: buffer, from: index)
            guard body(start, index) else { return }
        }
    }

    /// The index of the first space at or after `start`, or the end: eight bytes at a time
    /// while eight remain (a byte equal to 0x20 becomes zero after XOR, and the usual
    /// has-a-zero-byte test finds it; the lowest such byte is the first).
    static func nextSpace(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let count = buffer.count
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x2020_2020_2020_2020
                let zeros = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                if zeros != 0 { return index + zeros.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < count && buffer[index] != 0x20 { index += 1 }
        return index
    }

    static func utf8Length(_ lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    static func scalar<C: RandomAccessCollection>(in bytes: C, at k: Int, end: Int) -> Unicode.Scalar?
    where C.Element == UInt8, C.Index == Int {
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

    /// Case-insensitive ASCII prefix test, `prefix` in lower case.
    static func hasPrefix(_ bytes: [UInt8], _ prefix: [UInt8]) -> Bool {
        hasPrefix(bytes[...], prefix)
    }

    /// Case-insensitive ASCII prefix test, `prefix` in lower case.
    static func hasPrefix(_ bytes: ArraySlice<UInt8>, _ prefix: [UInt8]) -> Bool {
        guard prefix.count <= bytes.count else { return false }
        for k in 0..<prefix.count where lower(bytes[bytes.startIndex + k]) != prefix[k] { return false }
        return true
    }

    /// The number of words (runs of bytes other than spaces), as `LineShape.wordCount`.
    static func wordCount(_ bytes: ArraySlice<UInt8>) -> Int {
        var words = 0
        var afterSpace = true
        for b in bytes {
            if b == 0x20 {
                afterSpace = true
            } else if afterSpace {
                words += 1
                afterSpace = false
            }
        }
        return words
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
