/// People and bodies named outside quotes, remembered so that a later `he`, bare surname,
/// `the minister` or `the ministry` can be resolved.
enum Mentions {
    /// Notes the capitalised run `run` (the words after it are `following`): a known surname, a title
    /// before a name (`Defence Minister Jane Doe`), a name with an appositive (`Jane Doe, a
    /// senior analyst,`), or a body (`The Ministry of Foreign Affairs summoned …`).
    /// `asSubject`: the run opens its clause (rather than following a verb or a preposition),
    /// so that a later `he` or `she` may refer to a known surname named there. `isObject`: the
    /// run follows a preposition (`born to Tavita Faleolo, a pastor,`, `to teach at King's
    /// College London,`), so even a titled name there is not whom a later `he` or `she` means.
    static func note(_ run: [ProseToken], following: ArraySlice<ProseToken>, asSubject: Bool = true, isObject: Bool = false,
                     memory: inout SpeakerMemory) {
        let position = run.first?.position ?? 0
        let after = following.first
        if let paper = newspaper(run) {
            // `The opposition-leaning Taiwan Daily Mirror argued …`: before its verb, a later
            // `it said` is the paper.
            memory.noteNewspaper(paper)
            memory.remember(paper, asSubject: after.map(readsAsVerb) == true, at: position)
            return
        }
        if let author = authorOfWork(run, following: following) {
            memory.remember(author, asSubject: false, at: position)
            return
        }
        if run.count == 1 {
            if let known = memory.person(surname: run[0].text) ?? memory.candidate(surname: run[0].text) {
                memory.remember(known, asSubject: asSubject, at: position)
            } else if asSubject, memory.isAmbiguous(surname: run[0].text) {
                // `Touré himself …` of two Tourés: a later `he` is not the person named before.
                memory.noteUnnamedPerson()
            }
            return
        }
        memory.noteNameCandidate(run)
        let lastHasComma = run.last?.hasComma ?? false
        let appositive = lastHasComma && run.count <= 5 && (after.map(isAppositiveStart) ?? false)
        let hasTitle = !appositive && run.contains { $0.is(.titleHead) }
        if !hasTitle && !appositive {
            if run.contains(where: { $0.is(.organisation) }),
                let body = SpeakerNames.resolve(run: run, memory: memory), !body.isPerson, body.hasSecondWord {
                memory.remember(body, asSubject: asSubject, at: position)
            } else if asSubject, isPersonName(run, before: after) || isNameWithAffiliation(run),
                let person = SpeakerNames.resolve(run: run, memory: memory), person.isPerson, person.hasSecondWord {
                memory.remember(person, at: position)
            } else if looksLikeName(run) || isCourtesyName(run), let person = SpeakerNames.resolve(run: run, memory: memory), person.isPerson {
                // `Dale Jurgens had already sold …`, `according to grain merchandiser Rhonda
                // Esterhaus`: a later bare `Jurgens` is this person, with the full name as first
                // given; opening its clause before a verb, the name is also `he` or `she`.
                let subject = asSubject && (after.map(readsAsVerb) == true || isCourtesyName(run))
                memory.remember(person, asSubject: subject, at: position)
                if isCourtesyName(run) {
                    memory.noteCourtesyTitle(run[0].lower, of: person)
                    if !subject { memory.noteIntroducedOther(person, at: position) }
                }
            }
            return
        }
        // A titled name or one with an appositive introduces a person wherever it stands (`I
        // spoke to Jane Doe, who runs …`); so does a body (`Kolwezi Copper Cobalt Holdings, the
        // country's largest producer,`, `manager Kalliope Tankers`).
        guard let named = SpeakerNames.resolve(run: run, memory: memory), named.hasSecondWord else { return }
        memory.remember(named, asSubject: !isObject, at: position)
        if isObject { memory.noteIntroducedOther(named, at: position) }
    }

    /// `Chuo Shimbun`, `the Sydney-based Pacific Ledger`, `The Morning Post`: a run of two to
    /// five capitalised words ending in a newspaper's word names a newspaper (articles and
    /// openers left out). A place's paper (`Hong Kong Daily`) is one too; a lone `Times` is not.
    static func newspaper(_ run: [ProseToken]) -> Speaker? {
        guard let last = run.last, !last.isPossessive, Vocabulary.newspaperNameWords.contains(last.lower), var first = SpeakerNames.nameStart(of: run)
        else { return nil }
        // `the Sydney-based Pacific Ledger`: where the paper is based is no part of its name.
        while first < run.count, run[first].is(.determiner) || run[first].lower.hasSuffix("-based") { first += 1 }
        let words = run[first...]
        guard (2...5).contains(words.count), words.allSatisfy({ $0.isCapitalised && !$0.isQuote && !$0.is(.titleHead) }),
            !words.dropLast().contains(where: { $0.trailing != nil }) else { return nil }
        return Speaker(name: words.map(\.text).joined(separator: " "), role: nil, isPerson: false)
    }

    /// `Halvard Eng's new book`, `Amara Okonjo-Bell's memoir`: a name whose work the article is
    /// about is its author, whom a later bare surname means (a book review's `Eng writes`). The
    /// possessive's noun must be a work (up to two words before it: `new`, `long-awaited`).
    static func authorOfWork(_ run: [ProseToken], following: ArraySlice<ProseToken>) -> Speaker? {
        guard let last = run.last, last.isPossessive, last.trailing == nil,
            looksLikeName(run.dropLast() + [last.withoutPossessive]),
            let noun = following.prefix(3).firstIndex(where: { Vocabulary.works.contains($0.lower) }),
            following[following.startIndex..<noun].allSatisfy({ !$0.isCapitalised && !$0.isQuote && $0.trailing == nil })
        else { return nil }
        let words = run.dropLast().map(\.text) + [last.withoutPossessive.text]
        return Speaker(name: words.joined(separator: " "), role: nil, isPerson: true)
    }

    /// Two or three capitalised words that can only be a person's name: no title, body, group,
    /// article, courtesy title, abbreviation, place, day or month among them, no punctuation
    /// inside, and no word that opens a sentence first.
    static func looksLikeName(_ run: [ProseToken]) -> Bool {
        guard (2...3).contains(run.count), let first = run.first, !Vocabulary.sentenceOpeners.contains(first.lower),
            !run.dropLast().contains(where: { $0.trailing != nil }), run.last?.isPossessive != true,
            !SpeakerNames.isPlace(run) else { return false }
        let excluded: [WordClass] = [.organisation, .titleHead, .genericGroup, .determiner, .honorific, .abbreviation, .connector]
        return run.allSatisfy { word in
            word.isCapitalised && !word.isQuote && !word.isParenthetical && !word.isInitial && !Subjects.isAcronym(word)
                && !excluded.contains(where: { word.is($0) }) && !Vocabulary.placeNames.contains(word.lower)
                && !Vocabulary.timeNames.contains(word.lower)
        }
    }

    /// `Mrs. Okafor`, `Dr. Jane Doe`: a courtesy title, then one or two capitalised words that
    /// name nothing else (no body, title, place or group).
    static func isCourtesyName(_ run: [ProseToken]) -> Bool {
        guard let first = run.first, first.is(.honorific), (2...3).contains(run.count), run.last?.isPossessive != true else { return false }
        return !run.dropFirst().dropLast().contains(where: { $0.trailing != nil }) && run.dropFirst().allSatisfy { word in
            word.isCapitalised && !word.isQuote && WordClass.of(word.lower).isEmpty && !Vocabulary.placeNames.contains(word.lower)
                && !Subjects.isAcronym(word)
        }
    }

    /// A lower-case word after a name that reads as its verb (`has`, `said`, `walks`,
    /// `guided`), not a noun the name describes.
    private static func readsAsVerb(_ token: ProseToken) -> Bool {
        guard !token.isCapitalised, !token.isQuote else { return false }
        return token.is(.auxiliary) || token.is(.speechVerb) || token.lower.hasSuffix("ed") || token.lower.hasSuffix("s")
            && !token.lower.hasSuffix("ss")
    }

    /// `Donald Trump said …`, `Hillary Clinton has …`: a plain name of two or three words that
    /// starts with a known first name or is followed by a speech verb.
    private static func isPersonName(_ run: [ProseToken], before next: ProseToken?) -> Bool {
        guard run.count <= 3, let first = run.first, !run.dropLast().contains(where: { $0.trailing != nil }) else { return false }
        let speaks = next.map { $0.is(.speechVerb) && !$0.is(.participle) && !$0.isCapitalised } ?? false
        return speaks || Vocabulary.femaleFirstNames.contains(first.lower) || Vocabulary.maleFirstNames.contains(first.lower)
    }

    /// `Jane Doe of Labour`, `Jane Doe of the Kiel Institute`: a plain name (`looksLikeName`),
    /// then `of`, `at` or `from` and where the person belongs.
    static func isNameWithAffiliation(_ run: [ProseToken]) -> Bool {
        guard let split = run.firstIndex(where: { Vocabulary.affiliationWords.contains($0.lower) && !$0.isCapitalised }),
            split + 1 < run.count else { return false }
        return looksLikeName(Array(run[..<split]))
    }

    /// The word after `Jane Doe,` that opens an appositive: an article, a lower-case word, a
    /// possessive (`Sigrid Halvorsrud, Norway's Senior Arctic Official,`) or a title (`Lucas
    /// Mendes, Chief of Trade Logistics at …,`), not a pronoun.
    static func isAppositiveStart(_ token: ProseToken) -> Bool {
        !token.isQuote && !token.is(.pronoun) && token.lower != "it"
            && (token.is(.determiner) || !token.isCapitalised || token.isPossessive || token.is(.titleHead))
    }
}
