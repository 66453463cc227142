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
        var runOn = RunOn()
        // Paragraphs after the last quote name people no quote can refer back to.
        let lastQuoted = paragraphs.lastIndex { paragraph in paragraph.unicodeScalars.contains { QuoteMarks.all.contains($0) } }
        for (index, paragraph) in paragraphs.enumerated() where index <= lastQuoted ?? -1 {
            let text = ScalarText(paragraph)
            var spans: [QuoteSpan] = []
            var short: Set<Int> = []
            // A short quote in a line that is no sentence (a heading: `Beijing says G7 is
            // "spreading fear"`) is a title's words, not an attributed quote.
            let isProse = endsLikeProse(text)
            for span in QuoteSpans.spans(in: text) {
                guard let kind = kind(of: span, in: text), kind == .quotation || isProse else { continue }
                if kind == .short { short.insert(spans.count) }
                spans.append(span)
            }
            let tokens = ProseTokenizer.tokens(text, spans: spans)
            let first = quotes.count
            let last = read(paragraph: index, tokens: tokens, short: short, carried: runOn.speaker, memory: &memory, quotes: &quotes)
            // `QuoteSpans` keeps a quote left open only when it opened the paragraph or a sentence.
            let endsOpen = spans.last?.contentEnd == text.count
            runOn.paragraphRead(quotes: &quotes, from: first, opensWithQuote: spans.first?.open == 0, endsOpen: endsOpen,
                                openedInside: spans.last.map { $0.open > 0 } ?? false, speaker: last)
        }
        return SpeakerNames.unified(quotes)
    }

    /// A quotation that runs over paragraphs (an opening mark, no closing one at the end of the
    /// paragraph): the next paragraph, which opens with a quote, carries on its speaker, and
    /// gives it its own when it had none (labelling: both with the speaker named in the second).
    /// A quote left open after other words of its paragraph (`… told reporters. "What changes
    /// …`) takes the second paragraph's speaker even over its own, none when that is unknown.
    struct RunOn {
        /// The quote left open at the end of the last paragraph, if any.
        private var open: Int?
        private var openedInside = false
        private(set) var speaker: Speaker?

        /// After a paragraph whose quotes are `quotes[first...]`, the last said by `last`.
        mutating func paragraphRead(quotes: inout [Quote], from first: Int, opensWithQuote: Bool, endsOpen: Bool,
                                    openedInside inside: Bool, speaker last: Speaker?) {
            if let open, opensWithQuote, first < quotes.count,
                openedInside || quotes[open].speaker == nil && quotes[first].speaker != nil {
                quotes[open].speaker = quotes[first].speaker
                quotes[open].role = quotes[first].role
            }
            open = endsOpen && first < quotes.count ? quotes.count - 1 : nil
            openedInside = inside
            speaker = open == nil ? nil : last
        }
    }

    /// `For the first time, the China Coast Guard joined …`: a body's name whose article opens
    /// the clause is the clause's subject (what a later `it` means).
    static func bodyOpensClause(_ run: ArraySlice<ProseToken>, before i: Int, from sentenceStart: Int, in tokens: [ProseToken]) -> Bool {
        guard i > sentenceStart, tokens[i - 1].is(.determiner), !tokens[i - 1].isPossessive,
            run.contains(where: { $0.is(.organisation) }) else { return false }
        return i - 1 == sentenceStart || tokens[i - 2].trailing != nil || tokens[i - 2].is(.clauseOpener)
    }

    /// A name after a preposition (`born to Tavita Faleolo`, `to teach at King's College
    /// London`) is not the clause's subject; after a verb of conversation (`I spoke last week
    /// to Heike Brandstätter`, `heard from Joaquín Beltrán`) it is the person who speaks next.
    /// Lower-case words describing the name may stand between (`swipes at fellow contender Jeb
    /// Bush`, `with former senator Ana Ruiz`).
    static func isObjectOfPreposition(at i: Int, from sentenceStart: Int, in tokens: [ProseToken]) -> Bool {
        var p = i - 1
        while p > sentenceStart, i - p <= 3, !tokens[p].is(.preposition), Subjects.isDescriptor(tokens[p]) { p -= 1 }
        guard p >= sentenceStart, p < i, tokens[p].is(.preposition), !tokens[p].isCapitalised, tokens[p].trailing == nil else { return false }
        return !tokens[max(sentenceStart, p - 3)..<p].contains { Vocabulary.conversationVerbs.contains($0.lower) }
    }

    /// Attributes the quotes of one paragraph and notes the people and bodies it names. A
    /// short quote (`short`, by index of its span) is kept only when a speech verb attributes
    /// it to a resolved subject.
    @discardableResult
    static func read(paragraph index: Int, tokens: [ProseToken], short: Set<Int> = [], carried: Speaker? = nil,
                     memory: inout SpeakerMemory, quotes: inout [Quote]) -> Speaker? {
        var previous = carried
        var last: Speaker?
        var sentenceStart = 0
        var noted = 0
        memory.startParagraph()
        for (i, token) in tokens.enumerated() {
            defer { if token.isQuote || token.endsSentence { sentenceStart = i + 1 } }
            guard token.isQuote else {
                if token.is(.pronoun), isSpeaking(at: i, in: tokens) {
                    memory.notePronoun(token.lower, at: i)
                    if i == sentenceStart, reportsWithoutQuote(from: i, in: tokens),
                        let speaker = memory.person(for: token.lower, at: i) {
                        previous = speaker
                    }
                }
                noteUnnamedSpeaker(at: i, from: sentenceStart, in: tokens, memory: &memory)
                if startsClause(at: i, from: sentenceStart, in: tokens), opensWithUnnamedPerson(at: i, in: tokens) {
                    memory.noteUnnamedPerson()
                }
                if i >= noted, startsRun(at: i, in: tokens) {
                    let end = Subjects.runEnd(from: i, in: tokens)
                    noted = end  // a run is noted once, not again from each of its words
                    let opensClause = i == sentenceStart || tokens[i - 1].trailing != nil || tokens[i - 1].is(.clauseOpener)
                        || bodyOpensClause(tokens[i..<end], before: i, from: sentenceStart, in: tokens)
                    let afterPreposition = isObjectOfPreposition(at: i, from: sentenceStart, in: tokens)
                    // After a verb or `that`, a titled name is an object or the subject of reported
                    // words when its sentence has a named subject already: a later `he` is that subject.
                    let reported = i > sentenceStart && tokens[i - 1].lower == "that" && !tokens[i - 1].isCapitalised
                    let isObject = afterPreposition || (!opensClause || reported) && memory.hasSubject(since: sentenceStart)
                    Mentions.note(Array(tokens[i..<end]), following: tokens[end...].prefix(4), asSubject: opensClause,
                                  isObject: isObject, memory: &memory)
                }
                continue
            }
            // Marks around nothing but punctuation or spaces (`""`, `“,”`) quote no words.
            let words = Quote.standalone(token.text)
            if words.isEmpty { continue }
            let sentence = QuoteSentence(tokens: tokens, quote: i)
            let decided = AttributionSieve.attribute(sentence, memory: memory)
            if let span = token.quote, short.contains(span), !isAttributed(decided, in: sentence, previous: previous) { continue }
            var speaker: Speaker?
            switch decided {
            case .speaker(let found): speaker = found
            case .continuation: speaker = previous
            case .unknown: speaker = nil
            case .unnamed(let isSubject): if isSubject { memory.noteUnnamedPerson() }
            }
            if let speaker {
                memory.remember(speaker, at: i)
                memory.noteQuoted(speaker)
                previous = speaker
            }
            quotes.append(Quote(text: words, speaker: speaker?.name, role: speaker?.role, paragraph: index))
            last = speaker
        }
        return last
    }

    /// Whether a short quote is attributed: a speech verb gave it a speaker, or it carries on a
    /// sentence whose earlier quote has one (`said it was "…" and would work with "…"`).
    private static func isAttributed(_ decided: Attribution, in sentence: QuoteSentence, previous: Speaker?) -> Bool {
        if decided.isAttributedBySpeech { return true }
        guard case .continuation = decided, previous != nil, sentence.start > 0 else { return false }
        let before = sentence.tokens[sentence.start - 1]
        return before.isQuote && !before.quoteEndsSentence
    }

    /// `A cobalt trader, speaking on condition of anonymity, said …`: outside quotes too, a
    /// speech verb whose subject is an unnamed person means a later `he` is not the person
    /// named before.
    private static func noteUnnamedSpeaker(at i: Int, from start: Int, in tokens: [ProseToken], memory: inout SpeakerMemory) {
        let token = tokens[i]
        // A subject more than 40 words before its verb is no simple clause (and a page-long
        // sentence must stay linear).
        guard i > start, i - start <= 40, token.is(.speechVerb), !token.isCapitalised, !token.is(.participle),
            !isReported(tokens[start..<i]), Subjects.hasUnnamedSubject(Array(tokens[start..<i])) else { return }
        memory.noteUnnamedPerson()
    }

    /// `A fisherman in Sisimiut who declined to give his name was less diplomatic. "…," he
    /// said.`: a sentence that opens with an unnamed person (an indefinite article and a noun
    /// for a person, maybe after adjectives) brings in someone a later `he` or `she` may mean;
    /// it no longer surely means the person named before.
    static func opensWithUnnamedPerson(at i: Int, in tokens: [ProseToken]) -> Bool {
        guard Vocabulary.indefiniteArticles.contains(tokens[i].lower), tokens[i].trailing == nil else { return false }
        let phrase = Subjects.description(from: i + 1, in: tokens)
        guard let head = phrase.last, phrase.count <= 4, !head.isCapitalised, !head.isQuote,
            !phrase.dropLast().contains(where: { $0.trailing != nil }) else { return false }
        return head.is(.titleHead) || Vocabulary.personNouns.contains(head.lower)
    }

    /// Whether the word at `i` opens a clause: the sentence's first word, or the first after the
    /// comma of an opening phrase (`As the lights went down, one official …`: a subordinator or
    /// a preposition first, no other punctuation), not after a name's comma (`Jane Doe, 19, a
    /// student,` is an appositive) nor in words a speech verb reports (`At one meeting, she
    /// recalls, a delegate …`).
    private static func startsClause(at i: Int, from start: Int, in tokens: [ProseToken]) -> Bool {
        i == start || Subjects.opensAfterOpeningPhrase(i, from: start, in: tokens) && !isReported(tokens[start..<i])
    }

    /// `At one conference, she recalls, a delegate objected …`, `She writes that a delegate
    /// warned …`: words another speaker's verb reports; their unnamed speaker does not become
    /// the `she` of what follows.
    private static func isReported(_ words: ArraySlice<ProseToken>) -> Bool {
        words.indices.dropLast().contains { k in
            let verb = words[k]
            return verb.is(.speechVerb) && !verb.isCapitalised && !verb.is(.participle)
                && (verb.hasComma || words[k + 1].lower == "that")
        }
    }

    /// Whether the word at `i` is the subject of a speech verb right after it (`she added`,
    /// `he had said`): who a `he` or `she` is is surest there.
    private static func isSpeaking(at i: Int, in tokens: [ProseToken]) -> Bool {
        guard let verb = tokens[(i + 1)...].prefix(3).first(where: { !$0.is(.auxiliary) }) else { return false }
        return tokens[i].trailing == nil && verb.is(.speechVerb) && !verb.isCapitalised && !verb.is(.participle)
    }

    /// `She added that the strike showed how exposed the country remained.`: a sentence that
    /// reports its subject's words without quoting them; a quote that opens the next sentence
    /// (`"Every barrel …"`) goes on from that speaker.
    private static func reportsWithoutQuote(from i: Int, in tokens: [ProseToken]) -> Bool {
        guard let verb = tokens[(i + 1)...].prefix(3).firstIndex(where: { !$0.is(.auxiliary) }),
            verb + 1 < tokens.count, tokens[verb + 1].lower == "that" else { return false }
        for token in tokens[(verb + 1)...] {
            if token.isQuote { return false }
            if token.endsSentence { return true }
        }
        return false
    }

    /// A capitalised word that starts a run (not inside one already).
    private static func startsRun(at i: Int, in tokens: [ProseToken]) -> Bool {
        tokens[i].isCapitalised && (i == 0 || !tokens[i - 1].isCapitalised || tokens[i - 1].trailing != nil)
    }

    enum Kind { case quotation, short }

    /// What quoted words are: a quotation of three words or more, a short one (one or two words,
    /// kept only when attributed), or, nil, a title or a name: introduced as one (`so-called
    /// "…"`, `titled "…"`) or in Title Case (`"Open Doors? Security in Disaggregated Networks"`,
    /// `"Sunday Morning Futures,"`).
    static func kind(of span: QuoteSpan, in text: ScalarText) -> Kind? {
        let content = String(text.text(span.contentStart..<span.contentEnd)).trimmingSpaces
        let shape = LineShape(content)
        guard shape.wordCount >= 1, !Vocabulary.namingWords.contains(wordBefore(span.open, in: text).lowercased()) else { return nil }
        if shape.wordCount <= 10 && shape.isTitleCase && shape.significantWords >= 2,
            let last = content.last, !".!".contains(last) {
            return nil
        }
        if shape.wordCount >= 3 { return .quotation }
        return shape.isTitleCase || content.unicodeScalars.first.map(Text.isDigit) == true ? nil : .short
    }

    /// Whether a paragraph ends as a sentence does: a full stop, `?` or `!`, maybe inside or
    /// before closing marks.
    static func endsLikeProse(_ text: ScalarText) -> Bool {
        var k = text.scalars.count - 1
        while k >= 0, QuoteMarks.all.contains(text[k]) || text[k] == " " || text[k] == ")" { k -= 1 }
        return k >= 0 && (text[k] == "." || text[k] == "?" || text[k] == "!" || text[k] == "\u{2026}")
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
