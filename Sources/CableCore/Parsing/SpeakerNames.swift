/// Turning the words that name a speaker into a `Speaker`: a capitalised run (`Defence
/// Minister Jane Doe`, `The German Interior Ministry`, `Laakso`) or a lower-case description
/// (`the state secretary`, `an embassy spokesperson`, `the ministry`), with what the article
/// has named so far.
enum SpeakerNames {
    /// A capitalised run: a title and a name, a body, or a name alone.
    static func resolve(run: [ProseToken], memory: SpeakerMemory) -> Speaker? {
        // Leading articles, possessives and courtesy titles are not part of a name.
        var first = 0
        while first < run.count, run[first].is(.determiner) || run[first].lower == "their" { first += 1 }
        while first < run.count, run[first].is(.honorific) { first += 1 }
        let words = Array(first..<run.count)
        guard !words.isEmpty, words.count <= 12 else { return nil }
        func joined(_ indices: some Sequence<Int>) -> String { writtenName(indices, of: run) }

        // A person with an affiliation: `Benedikt Sauer of the Kiel Network Observatory`.
        if let split = words.first(where: { Vocabulary.affiliationWords.contains(run[$0].lower) }), split > first,
            !run[split - 1].is(.organisation), !run[split - 1].is(.titleHead) {
            return resolve(run: Array(run[first..<split]), memory: memory)
        }
        if let last = run.last, last.is(.organisation), !last.is(.titleHead) {
            return Speaker(name: joined(words), role: nil, isPerson: false)
        }
        if let head = words.last(where: { run[$0].is(.titleHead) }) {
            return titledPerson(run, roleFrom: first, head: head, memory: memory)
        }
        if words.contains(where: { run[$0].is(.organisation) }) {
            return Speaker(name: joined(words), role: nil, isPerson: false)
        }
        if words.count == 1 {
            if let known = memory.person(surname: run[first].text) { return known }
            // `Officials said`, `Analysts noted`: a crowd, not a speaker.
            if run[first].is(.genericGroup) { return nil }
            // A single capitalised word that names no one known: a company, or a capital
            // standing for its government (`Huawei said`, `Moscow said`).
            return Speaker(name: run[first].text, role: nil, isPerson: false)
        }
        guard words.count <= 4 else { return nil }
        return Speaker(name: joined(words), role: nil, isPerson: true)
    }

    /// A title and then a name: `Deputy Assistant Secretary for Cyber Policy Warren Kessling`.
    /// The role runs from `roleFrom` to the title's head (on through an office: `Secretary for
    /// Cyber Policy`); the name is the capitalised words after it, four at most.
    static func titledPerson(_ run: [ProseToken], roleFrom first: Int, head: Int, memory: SpeakerMemory) -> Speaker? {
        var roleEnd = head + 1
        if roleEnd < run.count, Vocabulary.officeWords.contains(run[roleEnd].lower), !run[roleEnd].hasComma,
            run.count - roleEnd >= 3 {
            roleEnd = run.count - 2
        }
        let name = (roleEnd..<run.count).filter { !run[$0].is(.honorific) }
        guard !name.isEmpty, name.count <= 4, name.allSatisfy({ run[$0].isCapitalised }) else { return nil }
        if name.count == 1, let known = memory.person(surname: run[name[0]].text) { return known }
        return Speaker(name: writtenName(name, of: run), role: writtenName(first..<roleEnd, of: run), isPerson: true)
    }

    /// A lower-case description after an article. Its last word decides: a body speaks for
    /// itself, a title points back to the person who holds it, anything else (`a fund
    /// manager`) stays anonymous.
    static func resolve(description: [ProseToken], memory: SpeakerMemory) -> Speaker? {
        guard let head = description.last else { return nil }
        let name = description.map(\.text).joined(separator: " ")
        if head.is(.spokesWord) {
            if description.dropLast().contains(where: { $0.is(.organisation) && !$0.is(.spokesWord) }) {
                return Speaker(name: name, role: nil, isPerson: false)
            }
            return memory.person(withRoleWords: [head.lower])
        }
        if head.is(.organisation) {
            // `the ministry` after `The Chinese Foreign Ministry` is that ministry.
            if description.count == 1, let known = memory.organisation(containing: head.lower) { return known }
            return Speaker(name: name, role: nil, isPerson: false)
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

    /// The words at `indices` as written, a comma kept inside a name (`Ministry of Economy,
    /// Trade and Industry`).
    static func writtenName(_ indices: some Sequence<Int>, of run: [ProseToken]) -> String {
        indices.map { index in
            index < run.count - 1 && run[index].hasComma ? run[index].text + "," : run[index].text
        }.joined(separator: " ")
    }
}
