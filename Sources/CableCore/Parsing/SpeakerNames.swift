/// Turning the words that name a speaker into a `Speaker`: a capitalised run (`Defence
/// Minister Jane Doe`, `The German Interior Ministry`, `Laakso`) or a lower-case description
/// (`the state secretary`, `an embassy spokesperson`, `the ministry`), with what the article
/// has named so far.
enum SpeakerNames {
    /// A capitalised run: a title and a name, a body, or a name alone. A name that would start
    /// with a lower-case word (`for the Russian Federation`, `of the State's Irrigation
    /// Department`) is the rest of a role, not a name: no speaker.
    static func resolve(run: [ProseToken], memory: SpeakerMemory) -> Speaker? {
        // `Dolores Whitcombe (R-Tex.)`: the party and state that follow a US lawmaker's name.
        var run = run
        while let last = run.last, isPartyTag(last) { run.removeLast() }
        guard let found = resolveRun(run, memory: memory) else { return nil }
        if let first = found.name.unicodeScalars.first, Text.letterCase(first) == .lower,
            let word = Text.words(found.name).first, Vocabulary.nameConnectors.contains(word.lowercased())
                || Vocabulary.prepositions.contains(word.lowercased()) || Vocabulary.determiners.contains(word.lowercased()) {
            return nil
        }
        return found
    }

    /// A US lawmaker's party and state (`R-Kan.`, `D-N.Y.`, `(I-Vt.)`): said of the name before
    /// it, never a name.
    static func isPartyTag(_ token: ProseToken) -> Bool {
        let scalars = Array(token.text.unicodeScalars.filter { $0 != "(" && $0 != ")" && $0 != "," })
        guard (4...9).contains(scalars.count), "RDI".unicodeScalars.contains(scalars[0]), scalars[1] == "-",
            Text.letterCase(scalars[2]) == .upper else { return false }
        return scalars.dropFirst(3).allSatisfy { Text.letterCase($0) != nil || $0 == "." }
    }

    private static func resolveRun(_ run: [ProseToken], memory: SpeakerMemory) -> Speaker? {
        // `Barack Obama's` names whose something, not a speaker.
        guard run.last?.isPossessive != true, var first = nameStart(of: run) else { return nil }
        // Leading articles, possessives and courtesy titles are not part of a name.
        while first < run.count, run[first].is(.determiner) || run[first].lower == "their" { first += 1 }
        // `Japan's Heisei Shimbun`, `Russia's Gazprom`: a country's possessive before a plain name
        // says where the speaker is from; it is no part of the name (a title or a body's noun
        // after it keeps it: `Japan's Foreign Ministry`).
        if first + 1 < run.count, run[first].isPossessive, Vocabulary.placeNames.contains(run[first].lower),
            !run.contains(where: { $0.is(.titleHead) || $0.is(.organisation) }) {
            first += 1
        }
        let courtesyStart = first
        while first < run.count, run[first].is(.honorific) { first += 1 }
        // `spokesperson for the US State Department`: the body it speaks for.
        if first + 2 < run.count, run[first].is(.spokesWord), !run[first].isCapitalised,
            Vocabulary.speaksForWords.contains(run[first + 1].lower) {
            return resolve(run: Array(run[(first + 2)...]), memory: memory).flatMap { $0.isPerson ? nil : $0 }
        }
        let words = Array(first..<run.count)
        guard !words.isEmpty, words.count <= 30 else { return nil }
        func joined(_ indices: some Sequence<Int>) -> String { writtenName(indices, of: run) }
        if isPlace(words.map { run[$0] }) { return Speaker(name: joined(words), role: nil, isPerson: false) }

        if let person = nameAfterPlace(run, words: words) { return person }
        // A person with an affiliation: `Benedikt Sauer of the Kiel Network Observatory` (not a
        // body's name: `National Council for the Safeguard of the Homeland`).
        if let split = words.first(where: { Vocabulary.affiliationWords.contains(run[$0].lower) }), split > first,
            !run[split - 1].is(.organisation), !run[split - 1].is(.titleHead), !namesBody(run[first..<split]) {
            return resolve(run: Array(run[first..<split]), memory: memory)
        }
        if let last = run.last, last.is(.organisation), !last.is(.titleHead) {
            // `the Commission` after `The European Commission` is that body.
            if words.count == 1, let known = memory.organisation(containing: last.lower) { return known }
            // `Athens-based manager Kalliope Tankers`: the body's name follows its description.
            let described = words.last { !run[$0].isCapitalised && !run[$0].is(.connector) }
            return Speaker(name: joined(words.drop { $0 <= described ?? -1 }), role: nil, isPerson: false)
        }
        if let head = titleHead(in: run, words: words) {
            // `Directorate General of Foreign Trade`: `general` after a body's noun and before
            // its office is part of the body's name, not a general's title.
            if head > first, run[head].lower == "general", run[head - 1].is(.organisation), head + 1 < run.count,
                run[head + 1].is(.connector) {
                return Speaker(name: joined(words), role: nil, isPerson: false)
            }
            return titledPerson(run, roleFrom: first, head: head, memory: memory)
        }
        if words.contains(where: { run[$0].is(.organisation) }) {
            return Speaker(name: joined(words), role: nil, isPerson: false)
        }
        if let known = memory.person(familyName: joined(words), afterCourtesyTitle: first > courtesyStart) { return known }
        if words.count == 1 { return oneWord(run[first], afterCourtesyTitle: first > courtesyStart, memory: memory) }
        // `Spain and Ireland`: two names, not one speaker.
        guard words.count <= 4, !words.contains(where: { run[$0].lower == "and" }) else { return nil }
        return Speaker(name: joined(words), role: nil, isPerson: true)
    }

    /// A name of one word: a known person, a body, or no one.
    private static func oneWord(_ word: ProseToken, afterCourtesyTitle: Bool, memory: SpeakerMemory) -> Speaker? {
        // `It was …`, `Hours later, …`: a word capitalised only because it opens a sentence.
        if Vocabulary.neverNames.contains(word.lower) { return nil }
        if let known = memory.person(surname: word.text) { return known }
        if isAdverb(word) { return nil }
        // The family name of two people the article names: either of them.
        if memory.isAmbiguous(surname: word.text) { return nil }
        // `Officials said`, `Analysts noted`: a crowd, not a speaker.
        if word.is(.genericGroup) { return nil }
        // `Albers said` after `… at the Economy Ministry Henrike Albers`: the name that run ended in.
        // (Before the plural titles below: `Fellows said` after `Dan Fellows` is him.)
        if let named = memory.candidate(surname: word.text) { return named }
        // `Ambassadors from the 27 member states …`: a title in the plural is a group too.
        if word.lower.count > 3, word.lower.hasSuffix("s"), WordClass.of(String(word.lower.dropLast())).contains(.titleHead) { return nil }
        // `Mrs. Okafor`: a courtesy title makes the word a person's name. Otherwise a single
        // capitalised word that names no one known is a company, or a capital standing for its
        // government (`Huawei said`, `Moscow said`).
        return Speaker(name: word.text, role: nil, isPerson: afterCourtesyTitle)
    }

    /// The title a name in the run follows: the first one whose office comes after it (in
    /// `Minister for Business, Justice and Gender Equality Naja Lyberth`, `Justice` is part of
    /// the office, not a title), else the last one.
    static func titleHead(in run: [ProseToken], words: [Int]) -> Int? {
        let heads = words.filter { run[$0].is(.titleHead) }
        let officeHead = heads.first { $0 + 1 < run.count && Vocabulary.officeWords.contains(run[$0 + 1].lower) && !run[$0].hasComma }
        return officeHead ?? heads.last
    }

    /// Where a name can start in a capitalised run: after the words that open a sentence (`But`,
    /// `Earlier,`, `Speaking`, `For`); nil when a preposition of place or time opens it (`In
    /// Cameron Parish`, `On Friday`) or nothing is left but a day or a month.
    static func nameStart(of run: [ProseToken]) -> Int? {
        var first = 0
        while first < run.count, run[first].isCapitalised {
            let word = run[first].lower
            if Vocabulary.placePrepositions.contains(word) { return nil }
            guard Vocabulary.sentenceOpeners.contains(word) || run[first].is(.participle) else { break }
            first += 1
        }
        guard first < run.count, !Vocabulary.timeNames.contains(run[first].lower) else { return nil }
        return first
    }

    /// `Head of the Atomic Energy Organization of Iran Nasser Afshar`: a name of two plain words
    /// after a country's name ends a titled run; the words up to the country are the role.
    static func nameAfterPlace(_ run: [ProseToken], words: [Int]) -> Speaker? {
        guard words.count >= 4 else { return nil }
        let place = words[words.count - 3]
        let name = Array(words.suffix(2))
        let role = words.prefix { $0 <= place }
        guard Vocabulary.placeNames.contains(run[place].lower), !run[place].isPossessive,
            role.contains(where: { run[$0].is(.titleHead) }), run[name[0]].trailing == nil,
            name.allSatisfy({ run[$0].isCapitalised && !run[$0].is(.organisation) && !run[$0].is(.titleHead) })
        else { return nil }
        return Speaker(name: writtenName(name, of: run), role: writtenName(role, of: run), isPerson: true)
    }

    /// Whether the words name a body, not a titled person: a body's noun (`Council`), no title.
    static func namesBody(_ words: ArraySlice<ProseToken>) -> Bool {
        words.contains { $0.is(.organisation) && !$0.is(.spokesWord) } && !words.contains { $0.is(.titleHead) }
    }

    /// `Hastily`, `Separately`: a capitalised adverb opens a sentence, it names no one.
    static func isAdverb(_ token: ProseToken) -> Bool {
        token.lower.count > 4 && token.lower.hasSuffix("ly") && !Subjects.isAcronym(token)
    }

    /// Whether the words name a place (`the United Kingdom`, `Washington`).
    static func isPlace(_ words: [ProseToken]) -> Bool {
        guard words.count <= 5 else { return false }
        return Vocabulary.placeNames.contains(words.map(\.lower).joined(separator: " "))
    }

    /// A title and then a name: `Deputy Assistant Secretary for Cyber Policy Warren Kessling`.
    /// The role runs from `roleFrom` to the title's head (on through an office: `Secretary for
    /// Cyber Policy`); the name is the capitalised words after it, four at most.
    static func titledPerson(_ run: [ProseToken], roleFrom first: Int, head: Int, memory: SpeakerMemory) -> Speaker? {
        var roleEnd = head + 1
        if roleEnd < run.count, Vocabulary.officeWords.contains(run[roleEnd].lower), !run[roleEnd].hasComma,
            run.count - roleEnd >= 3 {
            roleEnd = run.count - 2
            // `John F. Kerry`; `Khalid Al Marzouqi`: the name starts before an initial or a particle.
            while roleEnd > head + 2, run[roleEnd].isInitial || Vocabulary.surnameParticles.contains(run[roleEnd].lower) {
                roleEnd -= 1
            }
            // `Chief of Trade Logistics`: two words after `of` are the office, not a name.
            guard roleEnd > head + 2 else { return nil }
            roleEnd = nameStartAfterPortfolio(run, from: roleEnd, head: head)
        }
        let name = (roleEnd..<run.count).filter { !run[$0].is(.honorific) }
        // `The representative of the United States`: a country's voice, no person's name. `CNN
        // President On Trump:` (a headline in title case): a preposition is no part of a name.
        guard !name.isEmpty, name.count <= 4, name.allSatisfy({ run[$0].isCapitalised }),
            !name.contains(where: { Vocabulary.prepositions.contains(run[$0].lower) || Vocabulary.placePrepositions.contains(run[$0].lower) }),
            !isPlace(name.map { run[$0] }) else { return nil }
        if name.count == 1, let known = memory.person(surname: run[name[0]].text) { return known }
        return Speaker(name: writtenName(name, of: run), role: writtenName(first..<roleEnd, of: run), isPerson: true)
    }

    /// `Minister of Mines Patrice Ilunga Mbuyi`, `Undersecretary for Foreign Trade Luz Elena
    /// Arriaga`: a name of three words when the word before its last two is no portfolio's
    /// word but the one before that is (the office surely ends there); otherwise the name
    /// starts at `start`, as `Minister of Foreign Affairs Jane Doe` does.
    static func nameStartAfterPortfolio(_ run: [ProseToken], from start: Int, head: Int) -> Int {
        let candidate = start - 1
        guard candidate - 1 > head + 1, case let word = run[candidate], word.isCapitalised, word.trailing == nil,
            !word.is(.connector), !word.isInitial, !Vocabulary.portfolioWords.contains(word.lower), !isOfficeNoun(word.lower),
            !Vocabulary.placeNames.contains(word.lower), WordClass.of(word.lower).isEmpty,
            Vocabulary.portfolioWords.contains(run[candidate - 1].lower), run[candidate - 1].trailing == nil
        else { return start }
        return candidate
    }

    /// `Change` of `Climate Change`, `Policy` of `Foreign Policy`, `Transformation` of `Digital
    /// Transformation`: a noun that goes on naming an office after a portfolio's word.
    static func isOfficeNoun(_ lower: String) -> Bool {
        // (A first name is never one, though `Lawrence` and `Nancy` end as `presence` and `agency` do.)
        Vocabulary.officeNouns.contains(lower) || Vocabulary.officeNounEndings.contains { lower.hasSuffix($0) }
            && !SpeakerMemory.isGivenName(lower)
    }

    /// A lower-case description after an article. Its last word decides: a body speaks for
    /// itself, a title points back to the person who holds it, anything else (`a fund
    /// manager`) stays anonymous.
    static func resolve(description: [ProseToken], memory: SpeakerMemory) -> Speaker? {
        guard let head = description.last else { return nil }
        let name = description.map(\.text).joined(separator: " ")
        if head.is(.spokesWord) {
            // `a department spokesperson` speaks for the department last named; a body never
            // named gets no speaker.
            if let body = description.dropLast().last(where: { $0.is(.organisation) && !$0.is(.spokesWord) }) {
                // `a US State Department spokesperson`: a body named in full speaks for itself.
                let named = description.dropLast()
                if named.count >= 2, named.allSatisfy({ $0.isCapitalised && !$0.isQuote && $0.trailing == nil }), body.isCapitalised {
                    return memory.organisation(containing: body.lower).flatMap { $0.name.hasSuffix(named.map(\.text).joined(separator: " ")) ? $0 : nil }
                        ?? Speaker(name: named.map(\.text).joined(separator: " "), role: nil, isPerson: false)
                }
                return memory.organisation(containing: body.lower)
            }
            return memory.person(withRoleWords: [head.lower])
        }
        if head.is(.organisation) {
            // `the ministry` after `The Chinese Foreign Ministry` is that ministry; `the company`
            // is the company last named. A description that names no body is no speaker.
            guard description.count == 1 || description.contains(where: \.isCapitalised) else { return nil }
            if description.count == 1 {
                if let known = memory.organisation(containing: head.lower) { return known }
                return Vocabulary.companyWords.contains(head.lower) ? memory.lastCompany : nil
            }
            return Speaker(name: name, role: nil, isPerson: false)
        }
        // `the paper wrote`, `the business daily estimates`: the newspaper last named.
        if description.count <= 3, Vocabulary.newspaperNouns.contains(head.lower), !head.isCapitalised {
            return memory.lastNewspaper
        }
        guard head.is(.titleHead) else { return nil }
        let significant = description.map(\.lower).filter { !Vocabulary.ranks.contains($0) }
        if let known = memory.person(withRoleWords: significant) { return known }
        // `the official told reporters`: the titled person just named.
        if description.count == 1, head.is(.genericTitle), let last = memory.lastPerson, last.role != nil,
            memory.lastPersonIsInCurrentParagraph {
            return last
        }
        return nil
    }

    /// The post-pass over an article's quotes that makes each speaker one entity: names that
    /// differ only in case take the first spelling (`Chinese foreign ministry` → `Chinese Foreign
    /// Ministry`), and a lone surname takes the one fuller name in the article that ends with it
    /// (`Raghavan` → `Meenakshi Raghavan`), with its role when it has none.
    static func unified(_ quotes: [Quote]) -> [Quote] {
        var first: [String: Quote] = [:]  // by lower-cased name: the first quote said by it
        var bySurname: [String: Set<String>] = [:]  // the lower-cased fuller names ending in a word
        for quote in quotes {
            guard let name = quote.speaker?.lowercased() else { continue }
            if first[name] == nil { first[name] = quote }
            let words = Text.words(name)
            if words.count >= 2, let surname = words.last { bySurname[String(surname), default: []].insert(name) }
        }
        return quotes.map { quote in
            guard var key = quote.speaker?.lowercased() else { return quote }
            if !key.contains(" "), let fuller = bySurname[key], fuller.count == 1, let only = fuller.first { key = only }
            guard let source = first[key] else { return quote }
            var unified = quote
            unified.speaker = source.speaker
            if unified.role == nil { unified.role = source.role }
            return unified
        }
    }

    /// The words at `indices` as written, a comma kept inside a name (`Ministry of Economy,
    /// Trade and Industry`).
    static func writtenName(_ indices: some Sequence<Int>, of run: [ProseToken]) -> String {
        indices.map { index in
            index < run.count - 1 && run[index].hasComma ? run[index].text + "," : run[index].text
        }.joined(separator: " ")
    }
}
