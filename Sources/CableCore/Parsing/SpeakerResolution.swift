/// Who is speaking: turning the words around a quote (`Defence Minister Jane Doe`, `she`,
/// `Laakso`, `the state secretary`, `The German Interior Ministry`) into a speaker and role,
/// with memory of the people and bodies the article has named so far.
struct Speaker: Equatable {
    var name: String
    var role: String?
    var isPerson: Bool
}

struct SpeakerMemory {
    /// People named so far, by lower-cased surname.
    private var bySurname: [String: Speaker] = [:]
    /// The person most recently named or quoted: what `he`/`she` refers to.
    private(set) var lastPerson: Speaker?
    /// Whether `lastPerson` was named in the paragraph being read (`the official` only
    /// points back that far).
    private(set) var lastPersonIsInCurrentParagraph = false

    mutating func startParagraph() { lastPersonIsInCurrentParagraph = false }
    /// People in order of mention, for `the minister` (most recent with that title).
    private var people: [Speaker] = []
    private var organisations: [Speaker] = []

    mutating func remember(_ speaker: Speaker) {
        if speaker.isPerson {
            let words = NameWords(speaker.name)
            let surname = words.last.lowercased()
            if var known = bySurname[surname], known.name == speaker.name {
                if known.role == nil { known.role = speaker.role }
                bySurname[surname] = known
                lastPerson = known
                lastPersonIsInCurrentParagraph = true
                people.append(known)
            } else {
                bySurname[surname] = speaker
                // Names written family name first (`Gao Lin`, later `Gao`): the first word
                // is a second key, unless someone already owns it.
                if words.count == 2, case let first = words.first.lowercased(), bySurname[first] == nil {
                    bySurname[first] = speaker
                }
                lastPerson = speaker
                lastPersonIsInCurrentParagraph = true
                people.append(speaker)
            }
        } else {
            organisations.append(speaker)
        }
        // Bounded memory: long documents must stay linear.
        if people.count > 64 { people.removeFirst(32) }
        if organisations.count > 64 { organisations.removeFirst(32) }
    }

    func person(surname: String) -> Speaker? { bySurname[surname.lowercased()] }
    func person(lowerSurname: String) -> Speaker? { bySurname.isEmpty ? nil : bySurname[lowerSurname] }

    /// The most recent person whose role mentions `word` (`the minister`).
    func person(withRoleWord words: [String]) -> Speaker? {
        for person in people.reversed() {
            guard let role = person.role?.lowercased() else { continue }
            if words.allSatisfy({ role.contains($0) }) { return person }
        }
        return nil
    }

    /// The most recent organisation whose name contains `word` (`the ministry`).
    func organisation(containing word: String) -> Speaker? {
        organisations.last { $0.name.lowercased().contains(word) }
    }
}

enum SpeakerResolution {
    /// Splits a capitalised run (`Deputy Assistant Secretary for Cyber Policy Warren Kessling`,
    /// `The German Interior Ministry`, `Kessling`) into a speaker.
    static func resolve(run: [ProseToken], memory: SpeakerMemory) -> Speaker? {
        // A comma inside a name stays (`Ministry of Economy, Trade and Industry`).
        var words = run.enumerated().map { index, token in
            index < run.count - 1 && token.hasComma ? token.nameForm + "," : token.nameForm
        }
        var lower = run.map(\.lower)
        // Leading articles and possessives are not part of a name (`The`, `Its`).
        while let first = lower.first, Vocabulary.determiners.contains(first) || first == "their" {
            words.removeFirst()
            lower.removeFirst()
        }
        while let first = lower.first, Vocabulary.honorifics.contains(first) {
            words.removeFirst()
            lower.removeFirst()
        }
        guard !words.isEmpty, words.count <= 12 else { return nil }

        // Person with affiliation: `Benedikt Sauer of the Kiel Network Observatory`.
        if let split = lower.firstIndex(where: { $0 == "of" || $0 == "at" || $0 == "from" }), split > 0 {
            let head = lower[split - 1]
            if !Vocabulary.organisationWords.contains(head) && !Vocabulary.titleHeads.contains(head) {
                return resolve(run: Array(run.suffix(words.count).prefix(split)), memory: memory)
            }
        }

        if let last = lower.last, Vocabulary.organisationWords.contains(last) && !Vocabulary.titleHeads.contains(last) {
            return Speaker(name: words.joined(separator: " "), role: nil, isPerson: false)
        }

        if let head = lower.lastIndex(where: { Vocabulary.titleHeads.contains($0) }) {
            var role = Array(words[...head])
            var name = Array(words[(head + 1)...])
            if let first = name.first?.lowercased(), first == "for" || first == "of", name.count >= 3 {
                role += name.dropLast(2)
                name = Array(name.suffix(2))
            }
            name = name.filter { !Vocabulary.honorifics.contains($0.lowercased()) }
            guard !name.isEmpty, name.count <= 4, name.allSatisfy({ $0.first?.isUppercase ?? false }) else {
                return nil
            }
            if name.count == 1, let known = memory.person(surname: name[0]) { return known }
            return Speaker(name: name.joined(separator: " "), role: role.joined(separator: " "), isPerson: true)
        }

        if lower.contains(where: { Vocabulary.organisationWords.contains($0) }) {
            return Speaker(name: words.joined(separator: " "), role: nil, isPerson: false)
        }
        if words.count == 1 {
            if let known = memory.person(surname: words[0]) { return known }
            // `Officials said`, `Analysts noted`: a crowd, not a speaker.
            if genericGroups.contains(lower[0]) { return nil }
            // A single capitalised word that names no one we know: a company, a capital
            // standing for its government (`Huawei said`, `Moscow said`).
            return Speaker(name: words[0], role: nil, isPerson: false)
        }
        guard words.count <= 4 else { return nil }
        return Speaker(name: words.joined(separator: " "), role: nil, isPerson: true)
    }

    /// A lower-case description after an article: `the state secretary`, `an embassy
    /// spokesperson`, `the ministry`, `The Chinese embassy`. Its last word decides: a body
    /// speaks for itself, a title points back to the person who holds it, anything else
    /// (`a fund manager`) stays anonymous.
    static func resolve(description: [ProseToken], memory: SpeakerMemory) -> Speaker? {
        let lower = description.map(\.lower)
        guard let head = lower.last else { return nil }
        let name = description.map(\.nameForm).joined(separator: " ")
        if spokesWords.contains(head) {
            let speaksForBody = lower.dropLast().contains { Vocabulary.organisationWords.contains($0) && !spokesWords.contains($0) }
            if speaksForBody { return Speaker(name: name, role: nil, isPerson: false) }
            return memory.person(withRoleWord: [head])
        }
        if Vocabulary.organisationWords.contains(head) {
            // `the ministry` after `The Chinese Foreign Ministry` is that ministry.
            if description.count == 1, let known = memory.organisation(containing: head) { return known }
            return Speaker(name: name, role: nil, isPerson: false)
        }
        if Vocabulary.titleHeads.contains(head) {
            let significant = lower.filter { !["senior", "former", "top"].contains($0) }
            if let known = memory.person(withRoleWord: significant) { return known }
            if description.count == 1, let known = memory.person(withRoleWord: [head]) { return known }
            // `the official told reporters`: the titled person just named.
            if description.count == 1, genericTitles.contains(head), let last = memory.lastPerson, last.role != nil,
                memory.lastPersonIsInCurrentParagraph {
                return last
            }
        }
        return nil
    }

    static let genericGroups: Set<String> = [
        "officials", "analysts", "diplomats", "experts", "critics", "observers", "sources",
        "campaigners", "residents", "officers", "executives", "lawmakers", "ministers",
        "operators", "traders", "investors", "economists", "activists", "witnesses", "others",
        "some", "many", "protesters", "people", "researchers", "scientists", "leaders",
        "negotiators", "insiders", "banks", "shipowners", "companies", "governments", "both",
        "supporters", "opponents", "environmentalists", "engineers", "industry", "they",
        "insurers", "shippers", "carriers", "owners", "buyers", "sellers", "farmers", "exporters",
        "importers", "brokers", "bankers", "lawyers", "regulators", "authorities", "unions",
        "neither", "either", "each", "all", "none", "several", "few", "most", "another", "other",
        "nobody", "everyone", "somebody", "someone", "anyone",
    ]

    static let genericTitles: Set<String> = ["official", "diplomat", "executive", "envoy", "officer"]

    static let spokesWords: Set<String> = ["spokesperson", "spokesman", "spokeswoman", "statement"]
}

/// The first and last words of a name and how many words it has (counted up to 3), as
/// `split(separator: " ")` would give them, without building the array: `remember` runs
/// for every quote and every name mentioned.
struct NameWords {
    var first: Substring = ""
    var last: Substring = ""
    var count = 0

    init(_ name: String) {
        var rest = name[...]
        while let start = rest.firstIndex(where: { $0 != " " }) {
            let end = rest[start...].firstIndex(of: " ") ?? rest.endIndex
            let word = rest[start..<end]
            if count == 0 { first = word }
            last = word
            count += 1
            if count == 3 {
                // More words only move `last`: find it from the end instead.
                let trimmed = name[..<(name.lastIndex(where: { $0 != " " }).map { name.index(after: $0) } ?? name.startIndex)]
                let lastStart = trimmed.lastIndex(of: " ").map { trimmed.index(after: $0) } ?? trimmed.startIndex
                last = trimmed[lastStart...]
                return
            }
            rest = rest[end...]
        }
    }
}
