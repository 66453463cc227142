/// What attribution decides for a quote.
enum Attribution {
    case speaker(Speaker)
    /// No attribution of its own (`"…," she said. "More words."`): the paragraph's previous
    /// speaker.
    case continuation
    /// A subject was there but could not be resolved: no speaker rather than a guess.
    case unknown
    /// An unnamed person said it (`a trader said`): no speaker; when that person is the
    /// clause's subject, a later `he` is not the person named before (`She recalled being told
    /// by a senior official to "…"` leaves `she` as it was).
    case unnamed(isSubject: Bool)

    /// Whether a speech verb and its subject decided it, named or not (a short quote is kept
    /// only then: `told by a senior official to "be realistic"`).
    var isAttributedBySpeech: Bool {
        switch self {
        case .speaker, .unnamed: return true
        case .continuation, .unknown: return false
        }
    }
}

/// Who said a quote, decided by an ordered list of small rules, the most precise first (the
/// "sieve" of quote attribution: Muzny et al., 2017). Each rule looks at the quote's sentence
/// and either decides or passes; the first rule to decide wins, and when none does the quote
/// has no speaker.
enum AttributionSieve {
    struct Rule: Sendable {
        /// One line saying what the rule recognises.
        let name: String
        let decide: @Sendable (QuoteSentence, SpeakerMemory) -> Attribution?
    }

    static let rules: [Rule] = [
        Rule(name: "\"…,\" said X", decide: verbThenSubjectAfter),
        Rule(name: "\"…,\" according to X", decide: accordingToAfter),
        Rule(name: "\"…,\" X said / the minister told reporters", decide: subjectThenVerbAfter),
        Rule(name: "\"…\" — X: a name after a dash signs the quote", decide: signedAfterDash),
        Rule(name: "a quote that opens its sentence continues the previous speaker", decide: opensSentence),
        Rule(name: "according to X, \"…\"", decide: accordingToBefore),
        Rule(name: "in the words of X, \"…\"", decide: inTheWordsOf),
        Rule(name: "X said: \"…\" / X warned against \"…\" / …, adding: \"…\"", decide: speechVerbBefore),
        Rule(name: "X said it was \"…\" and would \"…\": the same sentence's speaker", decide: laterQuoteOfSentence),
    ]

    static func attribute(_ sentence: QuoteSentence, memory: SpeakerMemory) -> Attribution {
        for rule in rules {
            if let decided = rule.decide(sentence, memory) { return decided }
        }
        return .unknown
    }

    private static func speaker(_ found: Speaker?) -> Attribution { found.map { .speaker($0) } ?? .unknown }

    // MARK: - After the quote

    /// `"…," said Jane Doe`, `"…," says the ministry`.
    static func verbThenSubjectAfter(_ sentence: QuoteSentence, _ memory: SpeakerMemory) -> Attribution? {
        let after = sentence.after
        // A capitalised verb starts a new sentence (`"…". Asked when, he said …`).
        guard let first = after.first, first.is(.speechVerb), !first.is(.participle), !first.isCapitalised else { return nil }
        guard after.count >= 2, first.trailing == nil else { return nil }
        return speaker(Subjects.forward(Array(after.dropFirst()), memory: memory))
    }

    /// `"…," according to the ministry`.
    static func accordingToAfter(_ sentence: QuoteSentence, _ memory: SpeakerMemory) -> Attribution? {
        let after = sentence.after
        // `"…." According to F.A.A. records, …`: a capital opens the next sentence, whose source
        // is not the quote's.
        guard after.count >= 3, after[0].lower == "according", !after[0].isCapitalised, after[1].lower == "to" else { return nil }
        return speaker(Subjects.forward(Array(after.dropFirst(2)), memory: memory))
    }

    /// `"…," she said`, `"…," the minister told reporters`, `"…," Jane Doe, a senior analyst,
    /// said`. After a quote that closed its sentence, the next words may start a new sentence
    /// about someone else (`"… Nothing." Officials briefed that …`): only a plain attribution
    /// clause counts there.
    static func subjectThenVerbAfter(_ sentence: QuoteSentence, _ memory: SpeakerMemory) -> Attribution? {
        let after = sentence.after
        guard let (verb, found) = Subjects.thenSpeechVerb(after, memory: memory) else { return nil }
        if sentence.quoteClosesSentence {
            // A new sentence: only a short plain clause (`He said.`), no comma before its verb,
            // not one that introduces the next quote (`Jane Doe said: "…"`).
            let rest = after[(verb + 1)...]
            let next = sentence.quote + after.count + 1
            // `"…" X warned of "…"`: the words introduce the next quote, unless their sentence
            // ends first (`"…?" Graham asked. "Neither do I."`).
            let introducesNext = next < sentence.tokens.count && sentence.tokens[next].isQuote && after.last?.endsSentence != true
            // `"Who do they think they are?" Jane Doe said of the company in February, when …`:
            // a verb whose words go on only with a preposition's phrase reports nothing else;
            // the quote is its words, however long the sentence runs on after a comma.
            let circumstance = rest.prefix { !$0.hasComma }
            let reportsOnlyTheQuote = rest.first.map { $0.is(.preposition) && !$0.isCapitalised } == true
                && !circumstance.contains(where: { Vocabulary.newClauseWords.contains($0.lower) || $0.isQuote })
            if found == nil || !after[verb].is(.plainSpeechVerb) || introducesNext
                || after[..<verb].contains(where: { $0.trailing != nil })
                || !reportsOnlyTheQuote && (rest.count > 6 || rest.contains(where: { Vocabulary.newClauseWords.contains($0.lower) })) {
                return nil
            }
        }
        let clause = Array(after[..<verb])
        if found == nil ? Subjects.hasUnnamedSubject(clause) : isUnnamedSubject(clause, over: found) {
            return .unnamed(isSubject: true)
        }
        return speaker(found)
    }

    /// `"…" — Pamela Padilla`, `"…" ― Jane Doe, a reader in Ohio`: a dash after the quote, then
    /// a name that ends the sentence. A sentence whose own verb attributes the quote (`Rajoy
    /// insisted his party was "…"--Kim Hjelmgaard.`) is signed by its reporter, not its speaker.
    static func signedAfterDash(_ sentence: QuoteSentence, _ memory: SpeakerMemory) -> Attribution? {
        guard !sentence.before.contains(where: { $0.is(.speechVerb) }) else { return nil }
        let after = sentence.after
        let rest = sentence.quoteToken.dashAfter ? after[...] : after.first?.isDash == true ? after.dropFirst() : nil
        guard let rest, let first = rest.first, first.isCapitalised, !first.is(.determiner),
            !rest.contains(where: { $0.is(.speechVerb) || $0.is(.auxiliary) }) else { return nil }
        return speaker(Subjects.forward(Array(rest), memory: memory))
    }

    // MARK: - Before the quote

    /// A quote with no words before it in its sentence (and no attribution after it) carries
    /// on from the paragraph's previous quote.
    static func opensSentence(_ sentence: QuoteSentence, _ memory: SpeakerMemory) -> Attribution? {
        sentence.before.isEmpty ? .continuation : nil
    }

    /// `According to Jane Doe, "…"`.
    static func accordingToBefore(_ sentence: QuoteSentence, _ memory: SpeakerMemory) -> Attribution? {
        let before = sentence.before
        guard before.count >= 3, before[0].lower == "according", before[1].lower == "to" else { return nil }
        return speaker(Subjects.forward(Array(before.dropFirst(2)), memory: memory))
    }

    /// `…, in the words of Jane Doe, an analyst, "…"`.
    static func inTheWordsOf(_ sentence: QuoteSentence, _ memory: SpeakerMemory) -> Attribution? {
        let before = sentence.before
        guard before.count > 4, let k = before.indices.dropLast(4).last(where: { k in
            before[k].lower == "in" && before[k + 1].lower == "the" && before[k + 2].lower == "words"
                && before[k + 3].lower == "of" && before[k + 3].trailing == nil
        }) else { return nil }
        return speaker(Subjects.forward(Array(before[(k + 4)...]), memory: memory))
    }

    /// `X said: "…"`, `X warned against "…"`, `…, adding: "…"`. The sentence's speech verbs are
    /// tried from the nearest back: `The ministry said in a notice posted online: "…"` is the
    /// ministry's, not the notice's.
    static func speechVerbBefore(_ sentence: QuoteSentence, _ memory: SpeakerMemory) -> Attribution? {
        let before = sentence.before
        let afterQuote = sentence.start > 0 && sentence.tokens[sentence.start - 1].isQuote
        var sawContinuation = false
        var verb = before.count
        while let found = before[..<verb].lastIndex(where: { $0.is(.speechVerb) && !$0.isCapitalised }) {
            verb = found
            if before[verb].is(.participle), let found = subjectAfterWith(before, participle: verb, memory: memory) {
                return .speaker(found)
            }
            // `she quotes a senior American negotiator telling her group, "…"`: the participle's
            // subject is the unnamed person just before it.
            if before[verb].is(.participle), isUnnamedPhrase(before, endingBefore: verb) { return .unnamed(isSubject: false) }
            if before[verb].is(.participle), verb == 0 || before[verb - 1].hasComma {
                sawContinuation = true  // `…, adding: "…"` continues the sentence's speaker
                continue
            }
            var end = verb - 1
            // `being told`, `been asked`: a participle after a passive auxiliary.
            var passive = verb > 0 && Vocabulary.passiveAuxiliaries.contains(before[verb - 1].lower) && !before[verb].lower.hasSuffix("ing")
            while end >= 0 && before[end].is(.auxiliary) {
                if Vocabulary.passiveAuxiliaries.contains(before[end].lower) { passive = true }
                end -= 1
            }
            // `… was described as "…"`: the subject is not the speaker; `being told by a senior
            // official to "…"`, `was asked by host Bill Maher, "…"`: the agent is.
            if passive, let agent = passiveAgent(before, verb: verb, memory: memory) { return agent }
            if end < 0 || passive { continue }
            if Vocabulary.clauseJoiners.contains(before[end].lower) {
                // `The ministry summoned the envoy and said …`: the sentence's subject. With
                // nothing before `and`, the sentence began before the previous quote.
                if end == 0 { return .continuation }
                if let found = nameBeforeWho(before, who: end, memory: memory) { return .speaker(found) }
                if let found = Subjects.forward(Array(before[..<end]), memory: memory) { return .speaker(found) }
                // `X said it was "…" by the drills and urged China "…"`: X, from before the last quote.
                if afterQuote { return .continuation }
                continue
            }
            // `Cardin said that Republicans rejected it, calling it "…"`: the participle goes on
            // from the main clause, not from a verb inside what it reports.
            if sawContinuation, before[..<end].contains(where: { $0.is(.speechVerb) && !$0.isCapitalised }) { continue }
            let subject = Array(before[...end])
            if let found = Subjects.backward(subject, memory: memory), !isUnnamedSubject(subject, over: found) {
                // `… said that the United States welcomed "…"`: a place inside reported speech
                // is not the speaker; the earlier verb's subject is.
                if found.isPlace, before[..<verb].contains(where: { $0.is(.speechVerb) && !$0.isCapitalised }) { continue }
                return isInOpeningSubordinate(before, verb: verb) ? .unknown : .speaker(found)
            }
            if Subjects.hasUnnamedSubject(subject) { return .unnamed(isSubject: true) }
        }
        return sawContinuation ? participleSubject(before, memory: memory) : nil
    }

    /// `…, and a diplomat in Baku who took part in the talks said`, `A senior official at the
    /// Ministry of Foreign Affairs, speaking on condition of anonymity, said`: an unnamed person
    /// opening the verb's clause is its subject, not a body named in their description or
    /// before them, nor a known person the clause does not name (`one senior executive at a
    /// carmaker told`). An unnamed phrase inside an appositive (`Jane Doe, the former governor
    /// and a candidate,`) opens no clause.
    static func isUnnamedSubject(_ subject: [ProseToken], over found: Speaker?) -> Bool {
        guard let found, let start = Subjects.unnamedSubjectStart(subject) else { return false }
        let opensClause = start == 0 || start >= 2 && subject[start - 1].is(.clauseOpener) && subject[start - 2].trailing != nil
        guard opensClause else { return false }
        if !found.isPerson { return true }
        let surname = found.surnameKey
        return !subject.contains { $0.isCapitalised && $0.lower == surname }
    }

    /// `…, praised the preacher Franklin Gray, who has said that …`: the name just before `, who`
    /// is the relative clause's subject, not the sentence's.
    private static func nameBeforeWho(_ before: [ProseToken], who: Int, memory: SpeakerMemory) -> Speaker? {
        guard before[who].lower == "who", who >= 1, case let name = before[who - 1], name.hasComma, name.isCapitalised,
            !name.isQuote else { return nil }
        let run = Array(before[Subjects.runStartBackward(endingAt: who - 1, in: before)..<who])
        guard let found = SpeakerNames.resolve(run: run, memory: memory), !found.isPlace else { return nil }
        return found
    }

    /// The agent of a passive speech verb (`told by a senior European official to "…"`): its
    /// speaker, unnamed, or unknown; nil when no `by` follows the verb.
    private static func passiveAgent(_ before: [ProseToken], verb: Int, memory: SpeakerMemory) -> Attribution? {
        guard verb + 2 < before.count, before[verb].trailing == nil, before[verb + 1].lower == "by" else { return nil }
        let agent = Array(before[(verb + 2)...])
        if let found = Subjects.forward(agent, memory: memory) { return .speaker(found) }
        return Subjects.hasUnnamedSubject(agent) ? .unnamed(isSubject: false) : .unknown
    }

    /// `…, with Sen. John McCain calling it a "…"`: the participle's subject is the name after
    /// `with`, when nothing but that name stands between them.
    private static func subjectAfterWith(_ before: [ProseToken], participle verb: Int, memory: SpeakerMemory) -> Speaker? {
        guard let with = before[max(0, verb - 10)..<verb].lastIndex(where: { $0.lower == "with" && $0.trailing == nil }),
            with + 1 < verb, !before[(with + 1)..<verb].contains(where: { $0.trailing != nil || $0.isQuote }) else { return nil }
        return Subjects.forward(Array(before[(with + 1)..<verb]), memory: memory)
    }

    /// `When Trump suggested that Cuba would sue, Rubio fired back: "…"`: a speech verb in a
    /// clause that opens the sentence with a subordinator and closes with a comma before the
    /// quote belongs to that clause, not to the quote. (`As Clinton said, "…"` is Clinton's, and
    /// so is a verb set off by commas: `If the law has never been tested, Giuliani said, …`.)
    private static func isInOpeningSubordinate(_ before: [ProseToken], verb: Int) -> Bool {
        guard let first = before.first, first.isCapitalised, Vocabulary.subordinators.contains(first.lower),
            before[verb].trailing == nil, verb < 2 || !before[verb - 2].hasComma else { return false }
        return before[verb...].dropLast().contains(where: \.hasComma)
    }

    /// `The department paused approvals, saying it needed to "…"`: the participle's subject is
    /// the sentence's, when the sentence opens with a named one; otherwise the paragraph's
    /// previous speaker.
    private static func participleSubject(_ before: [ProseToken], memory: SpeakerMemory) -> Attribution {
        guard let found = Subjects.forward(before, memory: memory) else { return .continuation }
        return .speaker(found)
    }

    /// `a senior American negotiator` right before `end`: an indefinite article, then up to four
    /// words with no punctuation, the last a title in lower case.
    private static func isUnnamedPhrase(_ before: [ProseToken], endingBefore end: Int) -> Bool {
        guard end >= 2, case let head = before[end - 1], !head.isCapitalised, head.trailing == nil, head.is(.titleHead)
        else { return false }
        var k = end - 2
        while k >= 0 && end - k <= 5 {
            let word = before[k]
            if word.isQuote || word.trailing != nil || word.is(.speechVerb) || word.is(.preposition) { return false }
            if Vocabulary.indefiniteArticles.contains(word.lower) && !word.isCapitalised { return true }
            k -= 1
        }
        return false
    }

    /// `X said it was "…" and would "…"`: with no speech verb of its own after an earlier quote
    /// in the same sentence, the quote is still X's.
    static func laterQuoteOfSentence(_ sentence: QuoteSentence, _ memory: SpeakerMemory) -> Attribution? {
        let start = sentence.start
        guard start > 0, sentence.tokens[start - 1].isQuote, !sentence.tokens[start - 1].quoteEndsSentence,
            !sentence.before.contains(where: { $0.is(.speechVerb) }) else { return nil }
        return .continuation
    }
}
