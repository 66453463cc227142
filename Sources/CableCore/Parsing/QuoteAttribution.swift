/// Extracts the quotes of an article's paragraphs and attributes each to a speaker.
///
/// For each quote it looks at its own sentence: after the quote (`"…," X said`, `"…," said X`,
/// `"…," the minister told reporters`), then before it (`X said: "…"`, `X warned against "…"`).
/// Pronouns and bare surnames resolve through `SpeakerMemory`; a quote with no attribution
/// of its own continues the previous speaker in the paragraph. When a subject is found but
/// cannot be resolved, the quote gets no speaker rather than a guess.
enum QuoteAttribution {
    /// (`readAllWords` is for tests: every word of every paragraph tokenized, to compare.)
    static func quotes(in paragraphs: [[UInt8]], readAllWords: Bool = false) -> [Quote] {
        var memory = SpeakerMemory()
        var quotes: [Quote] = []
        let (allSpans, spanEnds, lastQuoted) = quotations(in: paragraphs)
        // Paragraphs without quotes still name people that later quotes refer back to, but
        // those after the last quote matter to no one: they are not read.
        guard let lastQuoted else { return [] }
        // At most one quote per span.
        quotes.reserveCapacity(allSpans.count)
        // The tokenizer takes a paragraph's spans as an array of their own: one array, its
        // room kept, holds each paragraph's in turn.
        var spans: [QuoteSpan] = []
        // (Span by span: `append(contentsOf:)` of a slice cost a hundred instructions more.)
        func takeSpans(of index: Int) {
            spans.removeAll(keepingCapacity: true)
            for k in (index == 0 ? 0 : spanEnds[index - 1])..<spanEnds[index] { spans.append(allSpans[k]) }
        }
        // One buffer holds each paragraph's tokens in turn, written in place: an array per
        // paragraph was an allocation and a free each time, and appending checked the
        // array's uniqueness and capacity at every token. It is sized for the longest
        // paragraph (see `ProseTokenizer.capacity`), up to a limit past which a paragraph,
        // only ever an odd page's, gets an array of its own.
        var capacity = 0
        for index in 0...lastQuoted {
            takeSpans(of: index)
            capacity = max(capacity, ProseTokenizer.capacity(paragraphs[index], spans: spans))
        }
        let storage = UnsafeMutableBufferPointer<ProseToken>.allocate(capacity: min(capacity, 65_536))
        defer { storage.deallocate() }
        // Outside the sentences that hold a quote, words are read only for the names they
        // mention: most of them need not be looked at (see `ProseTokenizer.forEachToken`).
        let mentionsOnly = !readAllWords
        for (index, bytes) in paragraphs.enumerated() where index <= lastQuoted {
            takeSpans(of: index)
            if let count = ProseTokenizer.tokens(bytes, spans: spans, mentionsOnly: mentionsOnly, into: storage) {
                read(paragraph: index, bytes, tokens: UnsafeMutableBufferPointer(rebasing: storage[..<count]),
                     memory: &memory, quotes: &quotes)
            } else {
                var tokens = ProseTokenizer.tokens(bytes, spans: spans, mentionsOnly: mentionsOnly)
                tokens.withUnsafeMutableBufferPointer { tokens in
                    read(paragraph: index, bytes, tokens: tokens, memory: &memory, quotes: &quotes)
                }
            }
        }
        return quotes
    }

    /// Every paragraph's quotations in one array, paragraph `index`'s ending at
    /// `ends[index]`, and the last paragraph with one. Scare quotes and quoted titles are
    /// ordinary words for attribution: they are dropped in place. (An array for each
    /// paragraph with a quote, filtered into another, was an allocation, a free and a
    /// filter's copy each time.)
    static func quotations(in paragraphs: [[UInt8]]) -> (spans: [QuoteSpan], ends: [Int], lastQuoted: Int?) {
        var spans: [QuoteSpan] = []
        var ends: [Int] = []
        // (Appended, not made with `repeating:`, which cost some 500 instructions.)
        ends.reserveCapacity(paragraphs.count)
        var lastQuoted: Int?
        for (index, bytes) in paragraphs.enumerated() {
            let first = spans.count
            bytes.withUnsafeBufferPointer { bytes in
                QuoteScanner.appendSpans(in: bytes, to: &spans)
                var kept = first
                for k in first..<spans.count where isQuotation(in: bytes, spans[k]) {
                    spans[kept] = spans[k]
                    kept += 1
                }
                spans.removeLast(spans.count - kept)
            }
            if spans.count > first { lastQuoted = index }
            ends.append(spans.count)
        }
        return (spans, ends, lastQuoted)
    }

    /// Reads one paragraph: attributes its quotes (added to `quotes`) and notes the people
    /// and bodies it names. Blanks among `words` (see `ProseTokenizer.blank`) are made real
    /// where a quote's attribution reads them.
    static func read(paragraph index: Int, _ bytes: [UInt8], tokens words: UnsafeMutableBufferPointer<ProseToken>,
                     memory: inout SpeakerMemory, quotes: inout [Quote]) {
        let tokens = TokenRun(UnsafeBufferPointer(words))
        var previous: SpeakerRef?
        memory.startParagraph()
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            if token.isQuote {
                var speaker: SpeakerRef?
                // (Attribution reads the words around the quote through a run that makes
                // them real as it reads them; the scan for the sentence's ends looks first.)
                let attribution = bytes.withUnsafeBufferPointer { text in
                    attribute(quoteAt: i, in: TokenRun(realizing: words, text: text), memory: memory, text: bytes,
                              reading: { ProseTokenizer.sentenceFacts($0, of: words, in: text) })
                }
                switch attribution {
                case .speaker(let found): speaker = found
                case .continuation: speaker = previous
                case .unknown: speaker = nil
                }
                var quote = Quote(text: quoteText(token, in: bytes), paragraph: index)
                if let speaker {
                    // (Held in memory from here on: `previous` is a place, not two Strings
                    // to retain and release, and the quote shares memory's Strings.)
                    let remembered = memory.remember(speaker)
                    memory.noteQuoted(remembered)
                    previous = .held(remembered)
                    (quote.speaker, quote.role) = memory.nameAndRole(remembered)
                }
                quotes.append(quote)
                i += 1
                continue
            }
            if token.isCapitalised && (i == 0 || !tokens[i - 1].isCapitalised || tokens[i - 1].trailing != nil) {
                let end = runEnd(from: i, in: tokens)
                if end - i == 1 {
                    // Most runs are one word, which counts only as a known surname (as in
                    // `noteMention`): no run to copy out for it.
                    if let known = memory.person(named: token, in: bytes) { memory.remember(mention: known) }
                } else {
                    noteMention(TokenRun(tokens[i..<end]), after: end < tokens.count ? tokens[end] : nil,
                                lastHasComma: tokens[end - 1].hasComma, text: bytes, memory: &memory)
                }
            }
            i += 1
        }
    }

    enum Attribution {
        case speaker(SpeakerRef)
        /// No attribution of its own (`"…," she said. "More words."`): the previous speaker.
        case continuation
        /// A subject was there but could not be resolved: no speaker rather than a guess.
        case unknown
    }

    /// A quotation, not scare quotes or a title: at least three words, not introduced as a
    /// name (`so-called "…"`, `titled "…"`), and not a Title Case name of something
    /// (`"Open Doors? Security in Disaggregated Networks"`).
    static func isQuotation(in paragraph: [UInt8], _ span: QuoteSpan) -> Bool {
        paragraph.withUnsafeBufferPointer { isQuotation(in: $0, span) }
    }

    /// (On the paragraph's buffer: a slice of the array retained and released it for every span.)
    static func isQuotation(in paragraph: UnsafeBufferPointer<UInt8>, _ span: QuoteSpan) -> Bool {
        let content = UnsafeBufferPointer(rebasing: paragraph[span.contentStart..<span.contentEnd])
        let shape = QuotedWords(content, limit: 10)
        guard shape.words >= 3 else { return false }
        if shape.words <= 10 && shape.isTitleCase && shape.significant >= 2 {
            if let last = content.last(where: { $0 != 0x20 }), !(last == 0x2C || last == 0x2E || last == 0x21) { return false }
        }
        // The word before the opening mark. Every naming word ends in `d`: a word that does
        // not is none of them, and need not be found and compared.
        var end = span.open
        while end > 0 && paragraph[end - 1] == 0x20 { end -= 1 }
        guard end > 0, paragraph[end - 1] | 0x20 == 0x64 else { return true }
        var start = end
        while start > 0 && paragraph[start - 1] != 0x20 && end - start < 40 { start -= 1 }
        return !namingWords.contains(WordKey(paragraph, start, end))
    }

    /// (A short list: a scan of word keys beats hashing one into a Set. Each ends in `d`,
    /// which `isQuotation` checks first.)
    static let namingWords: [WordKey] = ["so-called", "titled", "entitled", "named", "dubbed", "codenamed", "nicknamed"]

    /// What is inside a quote's marks, without spaces at either end: trimmed as bytes and
    /// decoded once (the same String as decoding and then trimming, spaces being ASCII).
    static func quoteText(_ quote: ProseToken, in text: [UInt8]) -> String {
        var start = quote.start
        var end = quote.end
        while start < end && text[start] == 0x20 { start += 1 }
        while end > start && text[end - 1] == 0x20 { end -= 1 }
        return String(decoding: text[start..<end], as: UTF8.self)
    }

    // MARK: - One quote

    /// `tokens` makes the words it reads real; `reading` gives a token whose `isQuote` and
    /// `endsSentence` are those of the word tokenized in full (see
    /// `ProseTokenizer.sentenceFacts`), for finding the quote's sentence.
    static func attribute(quoteAt q: Int, in tokens: TokenRun, memory: SpeakerMemory, text: [UInt8],
                          reading: (Int) -> ProseToken) -> Attribution {
        let quote = tokens[q]
        let k = sentenceEnd(afterQuoteAt: q, count: tokens.count, token: reading)
        let after = TokenRun(tokens[(q + 1)..<k])
        let quoteClosesSentence = quote.quoteEndsSentence || quote.trailing == .period || quote.trailing == .question || quote.trailing == .exclamation
        if let found = attributionAfter(after, memory: memory, text: text, strict: quoteClosesSentence) {
            return found
        }
        let start = sentenceStart(beforeQuoteAt: q, token: reading)
        let before = TokenRun(tokens[start..<q])
        if before.isEmpty {
            return .continuation
        }
        let result = attributionBefore(before, memory: memory, text: text)
        // `X said it was "…" and would "…"`: with no speech verb of its own after an earlier
        // quote in the same sentence, the quote is still X's.
        if case .unknown = result, start > 0, tokens[start - 1].isQuote, !tokens[start - 1].quoteEndsSentence,
            !before.contains(where: { $0.is(.speechVerb) }) {
            return .continuation
        }
        return result
    }

    /// The end (exclusive) of the words after the quote at `q` that are in its sentence:
    /// up to a word that ends the sentence, the next quote, or 40 words. Only `isQuote` and
    /// `endsSentence` of `token` are read.
    @inline(__always)
    static func sentenceEnd(afterQuoteAt q: Int, count: Int, token: (Int) -> ProseToken) -> Int {
        var k = q + 1
        while k < count && !token(k).isQuote && k - q <= 40 {
            k += 1
            if token(k - 1).endsSentence { break }
        }
        return k
    }

    /// The start of the words before the quote at `q` that are in its sentence: back to a
    /// word that ends the previous sentence, or the previous quote. (At most 80 words back:
    /// an attribution is never further, and a page with no sentence ends must not make
    /// every quote rescan it.) Only `isQuote` and `endsSentence` of `token` are read.
    @inline(__always)
    static func sentenceStart(beforeQuoteAt q: Int, token: (Int) -> ProseToken) -> Int {
        var start = q
        while start > 0 && q - start < 80 {
            let previous = token(start - 1)
            if previous.isQuote || previous.endsSentence { break }
            start -= 1
        }
        return start
    }

    /// `"…," X said`, `"…," said X`, `"…," the minister told reporters`, `"…," according to X`.
    static func attributionAfter(_ after: TokenRun, memory: SpeakerMemory, text: [UInt8], strict: Bool) -> Attribution? {
        guard let first = after.first else { return nil }
        if first.is(.speechVerb) && !first.is(.participle) {
            guard after.count >= 2, first.trailing == nil else { return nil }
            return subjectForward(TokenRun(after.dropFirst()), memory: memory, text: text).map { .speaker($0) } ?? .unknown
        }
        if first.lower == Words.according, after.count >= 3, after[1].lower == Words.to {
            return subjectForward(TokenRun(after.dropFirst(2)), memory: memory, text: text).map { .speaker($0) } ?? .unknown
        }
        // Subject, then (after an optional appositive and adverbs) a speech verb.
        guard let (verbIndex, speaker) = subjectThenVerb(after, memory: memory, text: text) else { return nil }
        // After a quote that closed its sentence, the next words may start a new sentence
        // about someone else (`"… Nothing." Officials briefed that …`): only a plain
        // attribution clause counts there.
        if strict {
            let rest = after[(verbIndex + 1)...]
            if speaker == nil || !after[verbIndex].is(.plainSpeechVerb) || rest.count > 6
                || rest.contains(where: { Words.openClause.contains($0.lower) }) {
                return nil
            }
        }
        return speaker.map { .speaker($0) } ?? .unknown
    }

    /// `X said: "…"`, `X warned against "…"`, `…, adding: "…"`. Tries the speech verbs of the
    /// sentence from the nearest back: `The ministry said in a notice posted online: "…"` is
    /// the ministry's, not the notice's.
    static func attributionBefore(_ before: TokenRun, memory: SpeakerMemory, text: [UInt8]) -> Attribution {
        if before.count >= 3, before[0].lower == Words.according, before[1].lower == Words.to {
            let subject = TokenRun(before.dropFirst(2))
            return subjectForward(subject, memory: memory, text: text).map { .speaker($0) } ?? .unknown
        }
        // `…, in the words of Jane Doe, an analyst, "…"`
        if let words = before.indices.dropLast(4).last(where: { k in
            before[k].lower == Words.in && before[k + 1].lower == Words.the && before[k + 2].lower == Words.words
                && before[k + 3].lower == Words.of && before[k + 3].trailing == nil
        }) {
            return subjectForward(TokenRun(before[(words + 4)...]), memory: memory, text: text).map { .speaker($0) } ?? .unknown
        }
        var sawContinuation = false
        var verb = before.count
        while let found = before[..<verb].lastIndex(where: { $0.is(.speechVerb) && !$0.isCapitalised }) {
            verb = found
            if before[verb].is(.participle), verb == 0 || before[verb - 1].hasComma {
                // `…, adding: "…"` continues the sentence's speaker.
                sawContinuation = true
                continue
            }
            var end = verb - 1
            var passive = false
            while end >= 0 && before[end].is(.auxiliary) {
                if Words.passive.contains(before[end].lower) { passive = true }
                end -= 1
            }
            // `… was described as "…"`: the subject is not the speaker.
            if end < 0 || passive { continue }
            if Words.joinClauses.contains(before[end].lower) {
                // `The ministry summoned the envoy and said …`: the sentence's subject.
                // With nothing before `and`, the sentence began before the previous quote:
                // `X said it was "…" and warned that "…"` is still X.
                if end == 0 { return .continuation }
                if let speaker = subjectForward(TokenRun(before[..<end]), memory: memory, text: text) { return .speaker(speaker) }
                continue
            }
            if let speaker = subjectBackward(TokenRun(before[...end]), memory: memory, text: text) {
                return .speaker(speaker)
            }
        }
        if sawContinuation { return .continuation }
        return .unknown
    }

    static let plainSpeechVerbs: Set<String> = [
        "said", "says", "added", "adds", "asked", "asks", "told", "tells", "wrote", "writes",
        "replied", "replies", "continued", "explained", "insisted", "warned", "concluded",
        "stated", "noted", "declared", "answered", "responded",
    ]

    static let auxiliaries: Set<String> = [
        "has", "have", "had", "also", "later", "then", "previously", "repeatedly", "publicly",
        "privately", "earlier", "again", "once", "recently", "would", "will", "further",
        "separately", "quickly", "has", "was", "is", "were", "had", "already", "simply", "flatly",
        "bluntly", "openly", "reportedly", "first", "last", "subsequently", "since", "often",
        "never", "firmly", "angrily", "sharply", "strongly", "only", "just", "did", "does", "not",
    ]

    // MARK: - Subjects

    /// A subject that starts at the first token: a pronoun, a capitalised run, or an article
    /// and a description (`the state secretary`).
    static func subjectForward(_ tokens: TokenRun, memory: SpeakerMemory, text: [UInt8]) -> SpeakerRef? {
        guard let first = tokens.first else { return nil }
        if first.is(.pronoun) { return memory.lastPerson.map { .held($0) } }
        if !first.isCapitalised, let head = titledNameStart(0, in: tokens) {
            // `mission spokeswoman Mariam Coulibaly`: a lower-case title, then the name.
            return SpeakerResolution.resolve(run: TokenRun(tokens[0..<runEnd(from: head, in: tokens)]), memory: memory, text: text)
        }
        if first.isCapitalised && !first.is(.determiner) {
            let end = runEnd(from: 0, in: tokens)
            return SpeakerResolution.resolve(run: TokenRun(tokens[0..<end]), memory: memory, text: text)
        }
        if first.is(.determiner) {
            guard tokens.count >= 2 else { return nil }
            if tokens[1].isCapitalised && !tokens[1].isQuote {
                let end = runEnd(from: 1, in: tokens)
                // `The Chinese embassy`, `one European naval officer`: capitalised adjectives
                // before lower-case nouns make a description, not a name.
                let head = tokens[end - 1]
                if head.trailing == nil, end < tokens.count, !tokens[end].isCapitalised,
                    !tokens[end].isQuote, !endsDescription(tokens[end]),
                    !head.is(.organisation), !head.is(.titleHead) {
                    return SpeakerResolution.resolve(description: description(from: 1, in: tokens), memory: memory, text: text)
                }
                return SpeakerResolution.resolve(run: TokenRun(tokens[0..<end]), memory: memory, text: text)
            }
            let phrase = description(from: 1, in: tokens)
            // `a spokesperson for the Chinese embassy` speaks for the embassy.
            if let head = phrase.last, head.is(.spokesWord), phrase.count + 1 < tokens.count,
                Words.speaksFor.contains(tokens[phrase.count + 1].lower), head.trailing == nil {
                let body = phrase.count + 2
                if body < tokens.count, let speaker = subjectForward(TokenRun(tokens[body...]), memory: memory, text: text), !memory.isPerson(speaker) {
                    return speaker
                }
            }
            // `the analyst Jane Doe`: a title in lower case, then the name.
            if let named = phrase.firstIndex(where: \.isCapitalised), named > 0,
                phrase[..<named].contains(where: { $0.is(.titleHead) }) {
                return SpeakerResolution.resolve(run: phrase, memory: memory, text: text)
            }
            return SpeakerResolution.resolve(description: phrase, memory: memory, text: text)
        }
        return nil
    }

    static func endsDescription(_ token: ProseToken) -> Bool {
        token.isQuote || token.is(.speechVerb) || token.is(.preposition)
            || token.is(.auxiliary) || Words.endDescription.contains(token.lower)
    }

    /// A lower-case noun phrase from `start`: up to a verb, a preposition, a relative pronoun
    /// or punctuation (`fund manager` in `a fund manager at a bank, who …`).
    static func description(from start: Int, in tokens: TokenRun) -> TokenRun {
        var k = start
        while k < tokens.count && k - start < 5 {
            let token = tokens[k]
            if endsDescription(token) { break }
            k += 1
            if token.trailing != nil { break }
        }
        return TokenRun(tokens[start..<k])
    }

    /// After a quote: a subject followed by a speech verb (`he said`, `the Chip Design
    /// Council, which represents smaller firms, said`, `Deputy Director Pavel Lebedko of the
    /// Northern Sea Route directorate said`). Returns nil when the words after the quote do
    /// not have that shape (then the words before the quote are tried).
    static func subjectThenVerb(_ tokens: TokenRun, memory: SpeakerMemory, text: [UInt8]) -> (Int, SpeakerRef?)? {
        guard let first = tokens.first, !first.isQuote else { return nil }
        let isPronoun = first.is(.pronoun) || first.lower == Words.it || first.lower == Words.they
        guard isPronoun || first.isCapitalised || first.is(.determiner)
            || titledNameStart(0, in: tokens) != nil else { return nil }
        var verb: Int?
        var k = isPronoun ? 1 : 0
        while k < tokens.count && k < 24 {
            let token = tokens[k]
            if token.isQuote { return nil }
            if k > 0 && token.is(.speechVerb) && !token.isCapitalised {
                if token.is(.participle) { return nil }
                verb = k
                break
            }
            if token.endsSentence { return nil }
            if isPronoun && !token.is(.auxiliary) { return nil }
            k += 1
        }
        guard let verb else { return nil }
        if isPronoun {
            if first.lower == Words.it { return (verb, memory.referentOfIt.map { .held($0) }) }
            return (verb, first.is(.pronoun) ? memory.lastPerson.map { .held($0) } : nil)
        }
        return (verb, subjectForward(TokenRun(tokens[..<verb]), memory: memory, text: text))
    }

    /// The subject that ends at the last token: `he`, `Jane Doe`, `Jane Doe, a senior analyst
    /// at the Arctic Institute,`, `the state secretary`, `The Chinese embassy`.
    static func subjectBackward(_ tokens: TokenRun, memory: SpeakerMemory, text: [UInt8]) -> SpeakerRef? {
        var end = tokens.count - 1
        while end >= 0 && tokens[end].is(.auxiliary) { end -= 1 }
        guard end >= 0 else { return nil }
        let last = tokens[end]
        if last.is(.pronoun) { return memory.lastPerson.map { .held($0) } }
        if last.lower == Words.it { return end == 0 ? memory.referentOfIt.map { .held($0) } : nil }
        if last.lower == Words.they || last.lower == Words.i || last.lower == Words.we { return nil }
        if last.hasComma {
            // An appositive between the name and the verb: find the comma that opens it.
            var k = end - 1
            while k >= 0 && end - k <= 18 {
                if tokens[k].hasComma || tokens[k].isQuote { break }
                k -= 1
            }
            guard k >= 0, tokens[k].hasComma, tokens[k].isCapitalised else { return nil }
            let runStart = runStartBackward(endingAt: k, in: tokens)
            return SpeakerResolution.resolve(run: TokenRun(tokens[runStart...k]), memory: memory, text: text)
        }
        if last.isCapitalised {
            let runStart = runStartBackward(endingAt: end, in: tokens)
            // A name after a preposition or a noun (`… at the state company Rosatom said`)
            // is not the subject: the clause's first words are.
            if runStart > 0, !tokens[runStart - 1].isCapitalised, tokens[runStart - 1].trailing == nil,
                !tokens[runStart - 1].is(.clauseOpener),
                !tokens[runStart - 1].is(.determiner) || runStart >= 2 && tokens[runStart - 2].is(.preposition) {
                return subjectForward(tokens, memory: memory, text: text)
            }
            return SpeakerResolution.resolve(run: TokenRun(tokens[runStart...end]), memory: memory, text: text)
        }
        // A description after an article, possibly with capitalised adjectives.
        var k = end
        while k >= 0 && end - k < 6 && !tokens[k].is(.determiner) {
            if k < end && tokens[k].trailing != nil { return nil }
            if tokens[k].isQuote { return nil }
            // `Sweden's defence ministry`: a possessive name opens the description.
            if k < end && tokens[k].isPossessive && tokens[k].isCapitalised {
                return SpeakerResolution.resolve(description: TokenRun(tokens[k...end]), memory: memory, text: text)
            }
            k -= 1
        }
        guard k >= 0, tokens[k].is(.determiner), k < end else { return nil }
        if k > 0, !tokens[k - 1].is(.clauseOpener),
            tokens[k - 1].is(.preposition) || !tokens[k - 1].isCapitalised && tokens[k - 1].trailing == nil {
            // `… one insurance broker in a Dubai office said`: the clause's first words.
            return subjectForward(tokens, memory: memory, text: text)
        }
        return SpeakerResolution.resolve(description: TokenRun(tokens[(k + 1)...end]), memory: memory, text: text)
    }

    /// Words after which a new clause (with its own subject) starts.
    static let clauseOpeners: Set<String> = [
        "which", "who", "whom", "that", "and", "but", "while", "as", "when", "after", "because",
        "although", "though", "since", "where", "whereas", "so", "if", "before", "until",
        "meanwhile", "however", "also", "yet", "then", "now", "later", "earlier", "today",
        "yesterday", "separately", "instead", "still", "or", "once", "whom",
    ]

    static let prepositions: Set<String> = [
        "of", "at", "in", "on", "from", "for", "with", "by", "to", "near", "inside", "outside",
        "across", "within", "about", "against", "among", "between", "into", "over", "under",
    ]

    // MARK: - Runs of capitalised words

    /// Connectors allowed inside a name or title (`Secretary for Cyber Policy`,
    /// `Ministry of Defence`) when a capitalised word follows them.
    static let connectors: Set<String> = ["of", "for", "the", "and", "de", "van", "von", "der", "al", "bin", "da", "du", "des", "la", "le"]

    static func isRunWord(_ token: ProseToken) -> Bool {
        !token.isQuote && (token.isCapitalised || token.is(.titleHead))
    }

    /// Words that cannot describe a speaker's office (`government`, `delegation` can).
    static func isDescriptor(_ token: ProseToken) -> Bool {
        !token.isQuote && !token.isCapitalised && token.trailing == nil && !token.is(.speechVerb)
            && !token.is(.preposition) && !token.is(.connector)
            && !token.is(.determiner) && !token.is(.clauseOpener)
            && !token.is(.auxiliary) && !token.is(.pronoun)
    }

    /// If lower-case descriptors starting at `start` lead to a title followed by a name
    /// (`government spokesman Tesfaye Gebremariam`), the index of that title.
    static func titledNameStart(_ start: Int, in tokens: TokenRun) -> Int? {
        var k = start
        while k < tokens.count && k - start <= 2 {
            let token = tokens[k]
            if token.is(.titleHead) && !token.isCapitalised && token.trailing == nil {
                if k + 1 < tokens.count, tokens[k + 1].isCapitalised, !tokens[k + 1].isQuote { return k }
            }
            guard isDescriptor(token) else { return nil }
            k += 1
        }
        return nil
    }

    /// The end (exclusive) of the capitalised run starting at `start`; stops after a word
    /// carrying punctuation.
    static func runEnd(from start: Int, in tokens: TokenRun) -> Int {
        var k = start
        while k < tokens.count {
            let token = tokens[k]
            if isRunWord(token) {
                k += 1
                if token.trailing != nil { break }
                continue
            }
            if k > start, tokens[k - 1].trailing == nil, let head = titledNameStart(k, in: tokens) {
                // `Ethiopian government spokesman Tesfaye Gebremariam`
                k = head
                continue
            }
            if token.is(.connector), token.trailing == nil, k > start, k + 1 < tokens.count {
                var next = k + 1
                while next < tokens.count && tokens[next].is(.connector) && tokens[next].trailing == nil { next += 1 }
                if next < tokens.count && tokens[next].isCapitalised && !tokens[next].isQuote {
                    k = next
                    continue
                }
            }
            break
        }
        return max(k, start + 1)
    }

    /// The start of the capitalised run ending at `end` (inclusive).
    static func runStartBackward(endingAt end: Int, in tokens: TokenRun) -> Int {
        var k = end
        var crossedComma = false
        while k > 0 && end - k < 16 {
            let previous = tokens[k - 1]
            if previous.isQuote { break }
            if previous.trailing != nil {
                // `Ministry of Economy, Trade and Industry`: a list inside one name.
                let hasAnd = tokens[k...end].contains { $0.lower == Words.and }
                guard previous.hasComma, previous.isCapitalised, hasAnd, !crossedComma, k - 2 >= 0,
                    tokens[k - 2].is(.connector) else { break }
                crossedComma = true
                k -= 1
                continue
            }
            if isRunWord(previous) && (previous.isCapitalised || tokens[k].isCapitalised) {
                k -= 1
                continue
            }
            // Lower-case descriptors before a lower-case title: `Armenian delegation spokesman`.
            if !tokens[k].isCapitalised, isDescriptor(previous), end - k < 8,
                tokens[k].is(.titleHead) || isDescriptor(tokens[k]) && k + 1 <= end && !tokens[k + 1].isCapitalised {
                k -= 1
                continue
            }
            if previous.is(.connector) {
                var j = k - 1
                while j > 0 && tokens[j - 1].is(.connector) && tokens[j - 1].trailing == nil { j -= 1 }
                if j > 0 && isRunWord(tokens[j - 1]) && tokens[j - 1].trailing == nil {
                    k = j - 1
                    continue
                }
            }
            break
        }
        // A determiner at the start of a sentence is capitalised (`The`, `Its`): keep it out.
        return k
    }

    // MARK: - Mentions

    /// Remembers people named outside quotes, so that a later `he` or bare surname can be
    /// resolved: a title before a name (`Defence Minister Jane Doe`), a name with an
    /// appositive (`Jane Doe, a senior analyst,`), or a surname already known.
    static func noteMention(_ run: TokenRun, after: ProseToken?, lastHasComma: Bool, text: [UInt8],
                            memory: inout SpeakerMemory) {
        if run.count == 1 {
            if let known = memory.person(named: run[0], in: text) { memory.remember(mention: known) }
            return
        }
        let appositive = lastHasComma && run.count <= 4 && (after.map { $0.is(.determiner) || !$0.isCapitalised } ?? false)
        let hasTitle = !appositive && run.contains { $0.is(.titleHead) }
        if !hasTitle && !appositive, run.contains(where: { $0.is(.organisation) }) {
            // `The Ministry of Foreign Affairs summoned …`: a later `the ministry said` is it.
            if let body = SpeakerResolution.resolve(run: run, memory: memory, text: text), !memory.isPerson(body), memory.hasSecondWord(body) {
                _ = memory.remember(body)
            }
            return
        }
        guard hasTitle || appositive else { return }
        // (`hasSecondWord` looks for a space byte: `contains(" ")` would go through
        // Foundation's string search, which cost more than the rest of this function.)
        guard let speaker = SpeakerResolution.resolve(run: run, memory: memory, text: text), memory.isPerson(speaker),
            memory.hasSecondWord(speaker) else { return }
        _ = memory.remember(speaker)
    }
}
