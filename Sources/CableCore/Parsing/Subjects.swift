/// Finding who a clause is about: the subject that starts or ends a run of words, through the
/// runs of capitalised words that names and titles are made of.
enum Subjects {
    // MARK: - Subjects

    /// A subject that starts at the first token: a pronoun, a capitalised run, a lower-case
    /// title and a name (`mission spokeswoman Mariam Coulibaly`), or an article and a
    /// description (`the state secretary`, `a spokesperson for the Chinese embassy`).
    static func forward(_ tokens: [ProseToken], memory: SpeakerMemory) -> Speaker? {
        guard let first = tokens.first else { return nil }
        if first.is(.pronoun) { return memory.lastPerson }
        if !first.isCapitalised, let head = titledNameStart(0, in: tokens) {
            return SpeakerNames.resolve(run: Array(tokens[0..<runEnd(from: head, in: tokens)]), memory: memory)
        }
        if first.isCapitalised && !first.is(.determiner) {
            return SpeakerNames.resolve(run: Array(tokens[0..<runEnd(from: 0, in: tokens)]), memory: memory)
        }
        guard first.is(.determiner), tokens.count >= 2 else { return nil }
        if tokens[1].isCapitalised && !tokens[1].isQuote {
            return determinerAndCapitalised(tokens, memory: memory)
        }
        let phrase = description(from: 1, in: tokens)
        // `a spokesperson for the Chinese embassy` speaks for the embassy.
        if let head = phrase.last, head.is(.spokesWord), head.trailing == nil, phrase.count + 1 < tokens.count,
            Vocabulary.speaksForWords.contains(tokens[phrase.count + 1].lower), phrase.count + 2 < tokens.count,
            let body = forward(Array(tokens[(phrase.count + 2)...]), memory: memory), !body.isPerson {
            return body
        }
        // `the analyst Jane Doe`: a title in lower case, then the name.
        if let named = phrase.firstIndex(where: \.isCapitalised), named > 0,
            phrase[..<named].contains(where: { $0.is(.titleHead) }) {
            return SpeakerNames.resolve(run: phrase, memory: memory)
        }
        return SpeakerNames.resolve(description: phrase, memory: memory)
    }

    /// `The Chinese embassy`, `one European naval officer`: capitalised adjectives before
    /// lower-case nouns make a description, not a name; `The Kremlin`, `The Ministry of
    /// Defence` are names.
    private static func determinerAndCapitalised(_ tokens: [ProseToken], memory: SpeakerMemory) -> Speaker? {
        let end = runEnd(from: 1, in: tokens)
        let head = tokens[end - 1]
        if head.trailing == nil, end < tokens.count, !tokens[end].isCapitalised, !tokens[end].isQuote,
            !endsDescription(tokens[end]), !head.is(.organisation), !head.is(.titleHead) {
            return SpeakerNames.resolve(description: description(from: 1, in: tokens), memory: memory)
        }
        return SpeakerNames.resolve(run: Array(tokens[0..<end]), memory: memory)
    }

    /// The subject that ends at the last token: `he`, `Jane Doe`, `Jane Doe, a senior analyst
    /// at the Arctic Institute,`, `the state secretary`, `The Chinese embassy`.
    static func backward(_ tokens: [ProseToken], memory: SpeakerMemory) -> Speaker? {
        var end = tokens.count - 1
        while end >= 0 && tokens[end].is(.auxiliary) { end -= 1 }
        guard end >= 0 else { return nil }
        let last = tokens[end]
        if last.is(.pronoun) { return memory.lastPerson }
        if last.lower == "it" { return end == 0 ? memory.referentOfIt : nil }
        if Vocabulary.unresolvablePronouns.contains(last.lower) { return nil }
        if last.hasComma { return beforeAppositive(tokens, end: end, memory: memory) }
        if last.isCapitalised {
            let start = runStartBackward(endingAt: end, in: tokens)
            // A name after a preposition or a noun (`… at the state company Rosatom said`) is not
            // the subject: the clause's first words are.
            if start > 0, !tokens[start - 1].isCapitalised, tokens[start - 1].trailing == nil,
                !tokens[start - 1].is(.clauseOpener),
                !tokens[start - 1].is(.determiner) || start >= 2 && tokens[start - 2].is(.preposition) {
                return forward(tokens, memory: memory)
            }
            return SpeakerNames.resolve(run: Array(tokens[start...end]), memory: memory)
        }
        return descriptionBackward(tokens, end: end, memory: memory)
    }

    /// `Jane Doe, a senior analyst at the Arctic Institute, said`: the name before the comma that
    /// opens the appositive.
    private static func beforeAppositive(_ tokens: [ProseToken], end: Int, memory: SpeakerMemory) -> Speaker? {
        var k = end - 1
        while k >= 0 && end - k <= 18 {
            if tokens[k].hasComma || tokens[k].isQuote { break }
            k -= 1
        }
        guard k >= 0, tokens[k].hasComma, tokens[k].isCapitalised else { return nil }
        let start = runStartBackward(endingAt: k, in: tokens)
        return SpeakerNames.resolve(run: Array(tokens[start...k]), memory: memory)
    }

    /// A description after an article, possibly with capitalised adjectives, ending at `end`
    /// (`the state secretary`, `Sweden's defence ministry`).
    private static func descriptionBackward(_ tokens: [ProseToken], end: Int, memory: SpeakerMemory) -> Speaker? {
        var k = end
        while k >= 0 && end - k < 6 && !tokens[k].is(.determiner) {
            if k < end && tokens[k].trailing != nil { return nil }
            if tokens[k].isQuote { return nil }
            // `Sweden's defence ministry`: a possessive name opens the description.
            if k < end && tokens[k].isPossessive && tokens[k].isCapitalised {
                return SpeakerNames.resolve(description: Array(tokens[k...end]), memory: memory)
            }
            k -= 1
        }
        guard k >= 0, tokens[k].is(.determiner), k < end else { return nil }
        if k > 0, !tokens[k - 1].is(.clauseOpener),
            tokens[k - 1].is(.preposition) || !tokens[k - 1].isCapitalised && tokens[k - 1].trailing == nil {
            // `… one insurance broker in a Dubai office said`: the clause's first words.
            return forward(tokens, memory: memory)
        }
        return SpeakerNames.resolve(description: Array(tokens[(k + 1)...end]), memory: memory)
    }

    /// After a quote: a subject followed by a speech verb (`he said`, `the Chip Design Council,
    /// which represents smaller firms, said`, `Deputy Director Pavel Lebedko of the Northern Sea
    /// Route directorate said`). Returns the verb's index and the speaker, if any; nil when the
    /// words do not have that shape.
    static func thenSpeechVerb(_ tokens: [ProseToken], memory: SpeakerMemory) -> (verb: Int, speaker: Speaker?)? {
        guard let first = tokens.first, !first.isQuote else { return nil }
        let isPronoun = first.is(.pronoun) || first.lower == "it" || first.lower == "they"
        guard isPronoun || first.isCapitalised || first.is(.determiner) || titledNameStart(0, in: tokens) != nil else { return nil }
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
            if first.lower == "it" { return (verb, memory.referentOfIt) }
            return (verb, first.is(.pronoun) ? memory.lastPerson : nil)
        }
        return (verb, forward(Array(tokens[..<verb]), memory: memory))
    }

    // MARK: - Descriptions

    static func endsDescription(_ token: ProseToken) -> Bool {
        token.isQuote || token.is(.speechVerb) || token.is(.preposition) || token.is(.auxiliary)
            || Vocabulary.descriptionEnds.contains(token.lower)
    }

    /// A lower-case noun phrase from `start`, up to five words: up to a verb, a preposition, a
    /// relative pronoun or punctuation (`fund manager` in `a fund manager at a bank, who …`).
    static func description(from start: Int, in tokens: [ProseToken]) -> [ProseToken] {
        var k = start
        while k < tokens.count && k - start < 5 {
            let token = tokens[k]
            if endsDescription(token) { break }
            k += 1
            if token.trailing != nil { break }
        }
        return Array(tokens[start..<k])
    }

    // MARK: - Runs of capitalised words

    /// A word that can be part of a name or a title.
    static func isRunWord(_ token: ProseToken) -> Bool {
        !token.isQuote && (token.isCapitalised || token.is(.titleHead))
    }

    /// A lower-case word that can describe a speaker's office (`government`, `delegation`), not
    /// a verb, a preposition or another function word.
    static func isDescriptor(_ token: ProseToken) -> Bool {
        !token.isQuote && !token.isCapitalised && token.trailing == nil && !token.is(.speechVerb)
            && !token.is(.preposition) && !token.is(.connector) && !token.is(.determiner)
            && !token.is(.clauseOpener) && !token.is(.auxiliary) && !token.is(.pronoun)
    }

    /// If up to three lower-case descriptors from `start` lead to a title followed by a name
    /// (`government spokesman Tesfaye Gebremariam`), the index of that title.
    static func titledNameStart(_ start: Int, in tokens: [ProseToken]) -> Int? {
        var k = start
        while k < tokens.count && k - start <= 2 {
            let token = tokens[k]
            if token.is(.titleHead) && !token.isCapitalised && token.trailing == nil,
                k + 1 < tokens.count, tokens[k + 1].isCapitalised, !tokens[k + 1].isQuote {
                return k
            }
            guard isDescriptor(token) else { return nil }
            k += 1
        }
        return nil
    }

    /// The end (exclusive) of the capitalised run starting at `start`: through lower-case
    /// titles before a name and connectors before a capitalised word (`Ministry of Defence`);
    /// it stops after a word carrying punctuation.
    static func runEnd(from start: Int, in tokens: [ProseToken]) -> Int {
        var k = start
        while k < tokens.count {
            let token = tokens[k]
            if isRunWord(token) {
                k += 1
                if token.trailing != nil { break }
                continue
            }
            if k > start, tokens[k - 1].trailing == nil, let head = titledNameStart(k, in: tokens) {
                k = head  // `Ethiopian government spokesman Tesfaye Gebremariam`
                continue
            }
            if token.is(.connector), token.trailing == nil, k > start {
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

    /// The start of the capitalised run ending at `end` (inclusive), at most 16 words back.
    static func runStartBackward(endingAt end: Int, in tokens: [ProseToken]) -> Int {
        var k = end
        var crossedComma = false
        while k > 0 && end - k < 16 {
            let previous = tokens[k - 1]
            if previous.isQuote { break }
            if previous.trailing != nil {
                // `Ministry of Economy, Trade and Industry`: a list inside one name.
                let hasAnd = tokens[k...end].contains { $0.lower == "and" }
                guard previous.hasComma, previous.isCapitalised, hasAnd, !crossedComma, k >= 2,
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
        return k
    }
}
