/// A paragraph as words, with each quotation folded into one placeholder token, so that
/// attribution can reason about "the words before the quote" and "the words after it".
struct ProseToken {
    // Offsets are 32-bit (no article file comes near 2 GB): attribution copies runs of
    // tokens around every quote, and a smaller token is a cheaper copy.
    private let startOffset: Int32
    private let endOffset: Int32
    private let nameEndOffset: Int32
    private let quoteIndex: Int32

    /// Where the word's core is in the paragraph's bytes (punctuation around it and a
    /// possessive `'s` taken off); for a quote token, the quoted text without its marks.
    var start: Int { Int(startOffset) }
    var end: Int { Int(endOffset) }
    /// The end of the word as part of a name, which keeps a closing apostrophe and the
    /// possessive (`Shipowners'` in `Nordic Shipowners' Forum`).
    var nameEnd: Int { Int(nameEndOffset) }
    /// The quote this token stands for, as an index into the paragraph's quote spans.
    var quote: Int? { quoteIndex < 0 ? nil : Int(quoteIndex) }
    /// The core, ASCII lower-cased (`Marsh` is `marsh`); empty for a quote.
    var lower: WordKey
    /// Punctuation right after the word (`,` `.` `:` …), or after the closing quote mark.
    var trailing: Punctuation?
    var isCapitalised: Bool
    /// A single capital letter (`F` of `John F. Kennedy`).
    var isInitial = false
    /// Written with a possessive `'s` (`Sweden's`), which was taken off the core.
    var isPossessive = false
    /// The vocabulary classes of `lower` (see `WordClass`).
    var classes: WordClass = []
    /// Whether the quoted text itself ends a sentence (`…trust."` ends with a period inside).
    var quoteEndsSentence = false
    /// A word left unread (see `ProseTokenizer.blank`): only `isQuote` and `isCapitalised`
    /// hold for it, both false.
    var isBlank = false

    init(start: Int, end: Int, nameEnd: Int, lower: WordKey, quote: Int?, trailing: Punctuation?,
         isCapitalised: Bool, isInitial: Bool = false, isPossessive: Bool = false, classes: WordClass = []) {
        startOffset = Int32(truncatingIfNeeded: start)
        endOffset = Int32(truncatingIfNeeded: end)
        nameEndOffset = Int32(truncatingIfNeeded: nameEnd)
        quoteIndex = quote.map { Int32(truncatingIfNeeded: $0) } ?? -1
        self.lower = lower
        self.trailing = trailing
        self.isCapitalised = isCapitalised
        self.isInitial = isInitial
        self.isPossessive = isPossessive
        self.classes = classes
    }

    var isQuote: Bool { quoteIndex >= 0 }

    /// The word as written in a name.
    func name(in text: [UInt8]) -> String { String(decoding: text[start..<nameEnd], as: UTF8.self) }

    /// The core, lower-cased, as text. (Lower-cased straight into the String's storage:
    /// mapping to an array first allocated it and freed it again. Both repair ill-formed
    /// UTF-8 the same way, and lower-casing ASCII bytes leaves the rest as it was.)
    func lowercased(in text: [UInt8]) -> String {
        let start = start
        let end = end
        return text.withUnsafeBufferPointer { bytes in
            String(unsafeUninitializedCapacity: end - start) { out in
                for k in 0..<(end - start) { out[k] = Bytes.lower(bytes[start + k]) }
                return end - start
            }
        }
    }

    var hasComma: Bool { trailing == .comma }

    /// The word ends a sentence: a period, `?` or `!` that is not part of an abbreviation.
    var endsSentence: Bool {
        guard let trailing else { return false }
        if trailing == .question || trailing == .exclamation { return true }
        guard trailing == .period else { return false }
        if quote != nil { return true }
        return !self.is(.abbreviation) && !isInitial
    }

    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "u.s", "u.k", "u.n", "e.u", "gen", "sen", "rep", "gov",
        "lt", "col", "capt", "adm", "cmdr", "sgt", "maj", "prof", "no", "jan", "feb", "mar", "apr",
        "aug", "sept", "sep", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "jr", "sr", "vs",
        "approx", "etc", "st", "mt", "ft", "e.g", "i.e", "p.m", "a.m",
    ]
}

/// The punctuation that can follow a word and matters to attribution.
enum Punctuation: UInt8 {
    case comma = 0x2C, period = 0x2E, colon = 0x3A, semicolon = 0x3B, question = 0x3F, exclamation = 0x21
}

enum ProseTokenizer {
    static func tokens(_ bytes: [UInt8], spans: [QuoteSpan], mentionsOnly: Bool = false) -> [ProseToken] {
        // Written in place, as into a paragraph's shared storage, with room for any paragraph
        // (a token per byte that is not a space, and one per quote) rather than `capacity`,
        // which tests check against what this gives.
        [ProseToken](unsafeUninitializedCapacity: bytes.count + spans.count + 1) { storage, count in
            count = fill(bytes, spans: spans, mentionsOnly: mentionsOnly, into: storage) ?? 0
        }
    }

    /// The most tokens `bytes` with `spans` can give. Between quotes, words are runs of
    /// non-spaces separated by spaces, so `n` bytes hold at most `(n + 1) / 2` of them;
    /// there are at most `spans + 1` such stretches, and a token per quote.
    static func capacity(_ bytes: [UInt8], spans: [QuoteSpan]) -> Int {
        (bytes.count + spans.count + 1) / 2 + spans.count + 1
    }

    /// Writes the tokens of `bytes` at the front of `storage` and returns how many there
    /// are, or nil (and nothing to be read) when they might not fit: when `storage` is
    /// smaller than `capacity(bytes, spans:)`. (`ProseToken` holds no references, so its
    /// storage needs no clearing between paragraphs.)
    static func tokens(_ bytes: [UInt8], spans: [QuoteSpan], mentionsOnly: Bool = false,
                       into storage: UnsafeMutableBufferPointer<ProseToken>) -> Int? {
        guard capacity(bytes, spans: spans) <= storage.count else { return nil }
        return fill(bytes, spans: spans, mentionsOnly: mentionsOnly, into: storage)
    }

    /// Writes the tokens of a paragraph in order at the front of `storage` and returns how
    /// many there are, or nil if they did not all fit.
    ///
    /// With `mentionsOnly` (the words are read for the names they mention, see
    /// `QuoteAttribution.read`; attribution makes the words of a quote's sentence real as it
    /// reads them), a word that starts with a lower-case ASCII letter and that no name can
    /// reach is not looked at: it is emitted as a blank (`blank(_:_:)`), which answers
    /// `isQuote` and `isCapitalised` as the word itself would (false), and nothing else of
    /// it is ever read. A name can reach a word through `QuoteAttribution.runEnd`: after a
    /// run word, the next word (only that, if punctuation ends the run there, as the word
    /// after the run in `noteMention`) and the descriptors after it up to a title
    /// (`titledNameStart` reads three words at most, the third only if the first two are
    /// descriptors); after a connector, only the next word (to see whether the chain of
    /// connectors goes on to a capitalised word). `reach` counts how many more words such a
    /// scan could read, so every word it could read is a real token (see `writeWord`).
    ///
    /// In a paragraph without quotes, where no word is ever made real, a stretch of such words
    /// is one blank: those scans stop at the first blank after a name (what they read of it,
    /// that it is not a quote, not capitalised and in no class, any blank answers), and the
    /// reading of the paragraph (`QuoteAttribution.read`) looks at a blank only as the word
    /// after or before a capitalised one. The stretch runs to the next word that starts with
    /// anything but a lower-case ASCII letter (`nextWordNotLower`), without looking at each
    /// word of it.
    ///
    /// (Every token is written straight into `storage`; a word read in full is tokenized by
    /// a call of its own, `writeWord`, which keeps the registers of this loop for the scan.)
    private static func fill(_ bytes: [UInt8], spans: [QuoteSpan], mentionsOnly: Bool,
                             into storage: UnsafeMutableBufferPointer<ProseToken>) -> Int? {
        guard let out = storage.baseAddress else { return bytes.isEmpty && spans.isEmpty ? 0 : nil }
        let limit = storage.count
        // (Fetched once here rather than through its lazy global at every word.)
        let lexicon = WordClass.lexicon
        let stretches = mentionsOnly && spans.isEmpty
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            var written = 0
            var k = 0
            var spanIndex = 0
            var reach = 0
            while k < count {
                // A span that opens where a previous quote's trailing punctuation was
                // skipped can no longer be reached: no more quote tokens then.
                if spanIndex < spans.count && spans[spanIndex].open < k { spanIndex = spans.count }
                let nextOpen = spanIndex < spans.count ? spans[spanIndex].open : count
                while k < nextOpen {
                    if buffer[k] == 0x20 {
                        k &+= 1
                        continue
                    }
                    guard written < limit else { return nil }
                    let start = k
                    k = min(Bytes.nextSpace(in: buffer, from: k), nextOpen)
                    if mentionsOnly && reach == 0 && Bytes.isLower(buffer[start]) {
                        (out + written).initialize(to: blank(start, k))
                        written &+= 1
                        if stretches {
                            k = nextWordNotLower(in: buffer, after: k)
                            continue
                        }
                        // The blanks that follow, in a loop of their own: a word that starts
                        // with a lower-case letter after a blank is one too.
                        while written < limit {
                            // (Before `nextOpen`, a word ends at a space: the next word starts
                            // after it at the earliest.)
                            var next = k &+ 1
                            while next < nextOpen && buffer[next] == 0x20 { next &+= 1 }
                            guard next < nextOpen, Bytes.isLower(buffer[next]) else { break }
                            k = min(Bytes.nextSpace(in: buffer, from: next), nextOpen)
                            (out + written).initialize(to: blank(next, k))
                            written &+= 1
                        }
                        continue
                    }
                    reach = writeWord(to: out + written, buffer, start, k, lexicon: lexicon, reach: reach)
                    written &+= 1
                }
                guard spanIndex < spans.count, k == nextOpen else { break }
                guard written < limit else { return nil }
                let span = spans[spanIndex]
                var after = span.after
                var trailing: Punctuation?
                // Punctuation glued after the closing mark: `".` `",` `”:`
                while after < count && buffer[after] != 0x20 {
                    if let mark = Punctuation(rawValue: buffer[after]) { trailing = mark }
                    after += 1
                }
                // The last character inside the marks (spaces aside): `.` `?` `!` `…` end a
                // sentence, a `,` is the quote's own clause break.
                var last = span.contentEnd
                while last > span.contentStart && buffer[last - 1] == 0x20 { last -= 1 }
                let lastByte: UInt8 = last > span.contentStart ? buffer[last - 1] : 0
                let endsWithEllipsis = last - span.contentStart >= 3 && lastByte == 0xA6
                    && buffer[last - 2] == 0x80 && buffer[last - 3] == 0xE2
                let endsSentence = lastByte == 0x2E || lastByte == 0x3F || lastByte == 0x21 || endsWithEllipsis
                var token = ProseToken(
                    start: span.contentStart, end: span.contentEnd, nameEnd: span.contentEnd, lower: WordKey(),
                    quote: spanIndex, trailing: trailing ?? (lastByte == 0x2C ? .comma : nil), isCapitalised: false)
                token.quoteEndsSentence = endsSentence && trailing == nil
                (out + written).initialize(to: token)
                written += 1
                // No name runs through a quote (`runEnd` stops at it).
                reach = 0
                spanIndex += 1
                k = after
            }
            return written
        }
    }

    /// Writes the token of the word from `start` to `end` to `slot`, and returns the `reach`
    /// after it (see `fill`), given the reach before it. (Not inlined, `word` inlined in it:
    /// the scan keeps its registers, and the token is stored field by field where it belongs.
    /// `word` was a call that returned the token through the stack, copied from there 16 bytes
    /// at a time, which the processor cannot forward from the narrower stores that wrote it.)
    @inline(never)
    private static func writeWord(to slot: UnsafeMutablePointer<ProseToken>, _ bytes: UnsafeBufferPointer<UInt8>,
                                  _ start: Int, _ end: Int, lexicon: WordTable<WordClass>, reach: Int) -> Int {
        let token = word(bytes, start, end, lexicon: lexicon)
        slot.initialize(to: token)
        if QuoteAttribution.isRunWord(token) {
            // Punctuation after it ends the run: then only the next word is read.
            return token.trailing == nil ? 3 : 1
        }
        if token.is(.connector) { return 1 }
        if reach > 0 && QuoteAttribution.isDescriptor(token) { return reach - 1 }
        return 0
    }

    /// The start of the first word at or after `start` (which follows the end of a word)
    /// whose first byte is not a lower-case ASCII letter, or the end of `buffer`. Eight bytes
    /// at a time while eight remain: a word starts at a byte that is not a space and follows
    /// one (the second load, one byte back, gives each byte its predecessor); each test is
    /// exact per byte (no carry crosses a byte), so any flagged byte is a word start.
    static func nextWordNotLower(in buffer: UnsafeBufferPointer<UInt8>, after start: Int) -> Int {
        var index = start
        let count = buffer.count
        if let base = buffer.baseAddress, index >= 1 {
            let raw = UnsafeRawPointer(base)
            let high: UInt64 = 0x8080_8080_8080_8080
            let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            func spaces(_ x: UInt64) -> UInt64 {
                let y = x ^ 0x2020_2020_2020_2020
                return ~(((y & low7) &+ low7) | y) & high
            }
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let before = raw.loadUnaligned(fromByteOffset: index - 1, as: UInt64.self)
                let seven = word & low7
                // From `a` (0x61) up, and from `{` (0x7B) up, for bytes under 0x80.
                let lower = (seven &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(seven &+ 0x0505_0505_0505_0505) & ~word & high
                let starts = spaces(before) & ~spaces(word) & ~lower & high
                if starts != 0 { return index + starts.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < count {
            if index >= 1 && buffer[index - 1] == 0x20 && buffer[index] != 0x20 && !Bytes.isLower(buffer[index]) { break }
            index += 1
        }
        return index
    }

    /// A word starting with a lower-case ASCII letter, unread: not capitalised (as `word`
    /// finds it: the letter is where its core starts), not a quote, in no class.
    static func blank(_ start: Int, _ end: Int) -> ProseToken {
        var token = ProseToken(start: start, end: end, nameEnd: end, lower: WordKey(), quote: nil, trailing: nil,
                               isCapitalised: false)
        token.isBlank = true
        return token
    }

    /// The word a blank stands for, tokenized in full. (Not inlined: it is reached from every
    /// read of a token through a realizing `TokenRun`, and most reads find no blank.)
    @inline(never)
    static func real(_ blank: ProseToken, in bytes: UnsafeBufferPointer<UInt8>) -> ProseToken {
        word(bytes, blank.start, blank.end, lexicon: WordClass.lexicon)
    }

    /// The token at `k` of `tokens` as far as `isQuote` and `endsSentence` go, which is what
    /// finding a quote's sentence reads: a blank whose last byte is an ASCII letter or digit
    /// is that already (not a quote, and with nothing trailing it ends no sentence, as
    /// `word` finds: its scan for trailing punctuation stops at once), and is left blank;
    /// any other blank is made real, in place.
    @inline(__always)
    static func sentenceFacts(_ k: Int, of tokens: UnsafeMutableBufferPointer<ProseToken>,
                              in bytes: UnsafeBufferPointer<UInt8>) -> ProseToken {
        let token = tokens[k]
        guard token.isBlank else { return token }
        let last = bytes[token.end - 1]
        if Bytes.isASCIILetter(last) || Bytes.isDigit(last) { return token }
        tokens[k] = real(token, in: bytes)
        return tokens[k]
    }

    static func word(_ bytes: [UInt8], _ start: Int, _ end: Int) -> ProseToken {
        bytes.withUnsafeBufferPointer { word($0, start, end, lexicon: WordClass.lexicon) }
    }

    /// One word from bytes: punctuation around it stripped (and remembered when it ends a
    /// clause), possessive `'s` dropped, ASCII lower-cased for vocabulary checks.
    /// (`always`, not `__always`, which the compiler ignores for a function this large: it
    /// was a call from every place, returning the token through memory.)
    @inline(always)
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                     lexicon: WordTable<WordClass>) -> ProseToken {
        var s = start
        var e = end
        var trailing: Punctuation?
        while e > s {
            let b = bytes[e - 1]
            if b < 0x80 {
                if Bytes.isASCIILetter(b) || Bytes.isDigit(b) { break }
                if trailing == nil, let mark = Punctuation(rawValue: b) { trailing = mark }
                e -= 1
                continue
            }
            // A multi-byte character at the end: strip it if it is punctuation (’ ” » …).
            var lead = e - 1
            while lead > s && bytes[lead] >= 0x80 && bytes[lead] < 0xC0 { lead -= 1 }
            guard let scalar = Bytes.scalar(in: bytes, at: lead, end: e), isPunctuation(scalar) else { break }
            e = lead
        }
        while s < e {
            let b = bytes[s]
            if b < 0x80 {
                if Bytes.isASCIILetter(b) || Bytes.isDigit(b) { break }
                s += 1
                continue
            }
            guard let scalar = Bytes.scalar(in: bytes, at: s, end: e), isPunctuation(scalar) else { break }
            s += Bytes.utf8Length(b)
        }
        // The name form keeps a closing apostrophe (`Shipowners'`) and the possessive.
        var nameEnd = e
        if nameEnd < end && (bytes[nameEnd] == 0x27) { nameEnd += 1 }
        // Possessives are not part of a word's core: `Britain's` is `Britain`.
        var isPossessive = false
        if e - s > 2 && bytes[e - 1] | 0x20 == 0x73 && bytes[e - 2] == 0x27 {
            e -= 2
            isPossessive = true
        } else if e - s > 4 && bytes[e - 1] | 0x20 == 0x73 && bytes[e - 2] == 0x99 && bytes[e - 3] == 0x80 && bytes[e - 4] == 0xE2 {
            e -= 4
            isPossessive = true
        }
        let lower = WordKey(bytes, s, e)
        // (Most words of a paragraph are in no class.)
        let classes = lexicon[lower] ?? []
        let isCapitalised = s < e && (bytes[s] < 0x80 ? Bytes.isUpper(bytes[s]) : Bytes.firstLetterCase(bytes, s, e) == .upper)
        // An initial or an abbreviation (`John F. Kennedy`, `Mr.`, `Gen.`) does not end a
        // clause or a name.
        let isInitial = e - s == 1 && isCapitalised
        if trailing == .period, e == end - 1, isInitial || classes.contains(.abbreviation) {
            trailing = nil
        }
        return ProseToken(start: s, end: e, nameEnd: nameEnd, lower: lower, quote: nil, trailing: trailing,
                          isCapitalised: isCapitalised, isInitial: isInitial, isPossessive: isPossessive,
                          classes: classes)
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v >= 0x2010 && v <= 0x205E) || v == 0xAB || v == 0xBB || v == 0xA1 || v == 0xBF || v == 0x2212
    }
}
