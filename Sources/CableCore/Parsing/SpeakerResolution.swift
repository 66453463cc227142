/// Who is speaking: turning the words around a quote (`Defence Minister Jane Doe`, `she`,
/// `Laakso`, `the state secretary`, `The German Interior Ministry`) into a speaker and role,
/// with memory of the people and bodies the article has named so far.
struct Speaker: Equatable {
    var name: String
    var role: String?
    var isPerson: Bool
}

/// (Equatable so that tests can compare what two readings of an article remembered.)
struct SpeakerMemory: Equatable {
    /// People named so far, by lower-cased surname.
    private var bySurname = SurnameTable()
    /// The person most recently named or quoted: what `he`/`she` refers to.
    private(set) var lastPerson: Speaker?
    /// Whether `lastPerson` was named in the paragraph being read (`the official` only
    /// points back that far).
    private(set) var lastPersonIsInCurrentParagraph = false

    mutating func startParagraph() {
        lastPersonIsInCurrentParagraph = false
        paragraphsSinceQuotedOrganisation += 1
    }

    /// The organisation quoted last, and how many paragraphs ago: what `it said` refers to.
    private var quotedOrganisation: Speaker?
    private var paragraphsSinceQuotedOrganisation = 0

    /// Records who a quote was attributed to.
    mutating func noteQuoted(_ speaker: Speaker) {
        guard !speaker.isPerson else { return }
        quotedOrganisation = speaker
        paragraphsSinceQuotedOrganisation = 0
    }

    /// `It said …`: the organisation quoted in this paragraph or the one before, if any;
    /// further back, `it` could be anything.
    var referentOfIt: Speaker? { paragraphsSinceQuotedOrganisation <= 1 ? quotedOrganisation : nil }
    /// People in order of mention, for `the minister` (most recent with that title).
    private var people: [Speaker] = []
    private var organisations: [Speaker] = []

    mutating func remember(_ speaker: Speaker) {
        if speaker.isPerson, let last = lastPerson, last.name == speaker.name, last.role != nil || speaker.role == nil {
            // The person just named again (most quotes), with no role to add: `lastPerson`
            // is what `bySurname` holds for that surname, so nothing there changes.
            lastPersonIsInCurrentParagraph = true
            people.append(last)
        } else if speaker.isPerson {
            // (Room for the handful of people an article names, made once.)
            if people.capacity == 0 { people.reserveCapacity(16) }
            let words = NameWords(speaker.name)
            let surname = words.last
            if let index = bySurname.index(of: surname), bySurname.speaker(at: index).name == speaker.name {
                bySurname.fillRole(at: index, speaker.role)
                let known = bySurname.speaker(at: index)
                lastPerson = known
                lastPersonIsInCurrentParagraph = true
                people.append(known)
            } else {
                bySurname.set(surname, speaker)
                // Names written family name first (`Gao Lin`, later `Gao`): the first word
                // is a second key, unless someone already owns it.
                // (A key never stored is in no one's hands: no need to look further to know.)
                if words.count == 2, case let first = words.first,
                    !bySurname.hasStored(first.key) || bySurname.index(of: first) == nil {
                    bySurname.set(first, speaker)
                }
                lastPerson = speaker
                lastPersonIsInCurrentParagraph = true
                people.append(speaker)
            }
        } else {
            if organisations.capacity == 0 { organisations.reserveCapacity(16) }
            organisations.append(speaker)
        }
        // Bounded memory: long documents must stay linear.
        if people.count > 64 { people.removeFirst(32) }
        if organisations.count > 64 { organisations.removeFirst(32) }
    }

    func person(surname: String) -> Speaker? {
        bySurname.index(of: SurnameTable.Word(surname.lowercased())).map { bySurname.speaker(at: $0) }
    }

    /// The person known by the surname `token` (a single capitalised word).
    func person(named token: ProseToken, in text: [UInt8]) -> Speaker? {
        guard bySurname.hasStored(token.lower) else { return nil }
        return bySurname.index(of: SurnameTable.Word(token.lowercased(in: text))).map { bySurname.speaker(at: $0) }
    }

    /// The most recent person whose role mentions `word` (`the minister`).
    func person(withRoleWord words: [String]) -> Speaker? {
        for person in people.reversed() {
            guard let role = person.role?.lowercased() else { continue }
            if words.allSatisfy({ NameText.contains(role, $0) }) { return person }
        }
        return nil
    }

    /// The most recent organisation whose name contains `word` (`the ministry`).
    func organisation(containing word: String) -> Speaker? {
        organisations.last { NameText.contains($0.name.lowercased(), word) }
    }
}

enum SpeakerResolution {
    /// Splits a capitalised run (`Deputy Assistant Secretary for Cyber Policy Warren Kessling`,
    /// `The German Interior Ministry`, `Kessling`) into a speaker.
    static func resolve(run: TokenRun, memory: SpeakerMemory, text: [UInt8]) -> Speaker? {
        // A word as written; a comma inside a name stays (`Ministry of Economy, Trade and Industry`).
        func written(_ index: Int) -> String {
            let word = run[index].name(in: text)
            return index < run.count - 1 && run[index].hasComma ? word + "," : word
        }
        func joined(_ indices: some Collection<Int>) -> String { NameText.joined(indices, of: run, text: text, commas: true) }
        // Leading articles and possessives are not part of a name (`The`, `Its`), nor are
        // honorifics.
        var first = 0
        while first < run.count, run[first].is(.determiner) || run[first].lower == Words.their { first += 1 }
        while first < run.count, run[first].is(.honorific) { first += 1 }
        let words = first..<run.count
        guard !words.isEmpty, words.count <= 12 else { return nil }

        // Person with affiliation: `Benedikt Sauer of the Kiel Network Observatory`.
        if let split = words.first(where: { Words.affiliation.contains(run[$0].lower) }), split > first {
            let head = run[split - 1]
            if !head.is(.organisation) && !head.is(.titleHead) {
                return resolve(run: TokenRun(run[first..<split]), memory: memory, text: text)
            }
        }

        if let last = run.last, last.is(.organisation) && !last.is(.titleHead) {
            return Speaker(name: joined(words), role: nil, isPerson: false)
        }

        if let head = words.last(where: { run[$0].is(.titleHead) }) {
            var roleEnd = head + 1
            // `Secretary for Cyber Policy Warren Kessling`: the office runs on to the name.
            if roleEnd < run.count, Words.officeOf.contains(run[roleEnd].lower), !run[roleEnd].hasComma,
                run.count - roleEnd >= 3 {
                roleEnd = run.count - 2
            }
            // (The name's words, held inline: a filtered array was an allocation for every
            // titled name, and a name of more than four words is none.)
            var name = FewIndices()
            for k in roleEnd..<run.count where !run[k].is(.honorific) {
                guard name.append(k) else { return nil }
            }
            guard !name.isEmpty, name.allSatisfy({ run[$0].isCapitalised }) else {
                return nil
            }
            if name.count == 1, let known = memory.person(surname: written(name[0])) { return known }
            return Speaker(name: joined(name), role: joined(first..<roleEnd), isPerson: true)
        }

        if words.contains(where: { run[$0].is(.organisation) }) {
            return Speaker(name: joined(words), role: nil, isPerson: false)
        }
        if words.count == 1 {
            let word = written(first)
            if let known = memory.person(surname: word) { return known }
            // `Officials said`, `Analysts noted`: a crowd, not a speaker.
            if run[first].is(.genericGroup) { return nil }
            // A single capitalised word that names no one we know: a company, a capital
            // standing for its government (`Huawei said`, `Moscow said`).
            return Speaker(name: word, role: nil, isPerson: false)
        }
        guard words.count <= 4 else { return nil }
        return Speaker(name: joined(words), role: nil, isPerson: true)
    }

    /// A lower-case description after an article: `the state secretary`, `an embassy
    /// spokesperson`, `the ministry`, `The Chinese embassy`. Its last word decides: a body
    /// speaks for itself, a title points back to the person who holds it, anything else
    /// (`a fund manager`) stays anonymous.
    static func resolve(description: TokenRun, memory: SpeakerMemory, text: [UInt8]) -> Speaker? {
        guard let head = description.last else { return nil }
        func name() -> String { NameText.joined(description.indices, of: description, text: text, commas: false) }
        if head.is(.spokesWord) {
            let speaksForBody = description.dropLast().contains { $0.is(.organisation) && !$0.is(.spokesWord) }
            if speaksForBody { return Speaker(name: name(), role: nil, isPerson: false) }
            return memory.person(withRoleWord: [head.lowercased(in: text)])
        }
        if head.is(.organisation) {
            // `the ministry` after `The Chinese Foreign Ministry` is that ministry.
            if description.count == 1, let known = memory.organisation(containing: head.lowercased(in: text)) { return known }
            return Speaker(name: name(), role: nil, isPerson: false)
        }
        if head.is(.titleHead) {
            let significant = description.filter { !Words.rank.contains($0.lower) }
            if let known = memory.person(withRoleWord: significant.map { $0.lowercased(in: text) }) { return known }
            if description.count == 1, let known = memory.person(withRoleWord: [head.lowercased(in: text)]) { return known }
            // `the official told reporters`: the titled person just named.
            if description.count == 1, head.is(.genericTitle), let last = memory.lastPerson, last.role != nil,
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

/// The first and last words of a name, lower-cased, and how many words it has (counted up
/// to 3), as `split(separator: " ")` and `lowercased()` would give them, without building
/// the array: `remember` runs for every quote and every name mentioned. Works on the UTF-8
/// bytes (a space is one byte and never inside a character); a word of ASCII is lower-cased
/// byte by byte, which is what `lowercased()` does to ASCII, and any other word by
/// `lowercased()` itself.
struct NameWords {
    private let name: String
    private var firstWord = 0..<0
    private var lastWord = 0..<0
    private(set) var count = 0

    init(_ name: String) {
        var name = name
        var firstWord = 0..<0
        var lastWord = 0..<0
        var words = 0
        name.withUTF8 { bytes in
            var k = 0
            while k < bytes.count {
                guard bytes[k] != 0x20 else {
                    k += 1
                    continue
                }
                let start = k
                while k < bytes.count && bytes[k] != 0x20 { k += 1 }
                if words == 0 { firstWord = start..<k }
                lastWord = start..<k
                if words < 3 { words += 1 }
            }
        }
        self.name = name
        self.firstWord = firstWord
        self.lastWord = lastWord
        count = words
    }

    var lowercasedFirst: String { first.text }
    var lowercasedLast: String { last.text }

    /// The first and the last word, lower-cased, as `SurnameTable` keeps them.
    var first: SurnameTable.Word { word(firstWord) }
    var last: SurnameTable.Word { word(lastWord) }

    private func word(_ range: Range<Int>) -> SurnameTable.Word {
        var name = name
        let ascii: SurnameTable.Word? = name.withUTF8 { bytes in
            let word = UnsafeBufferPointer(rebasing: bytes[range])
            guard word.allSatisfy({ $0 < 0x80 }) else { return nil }
            let key = WordKey(bytes, range.lowerBound, range.upperBound)
            // (A short ASCII word is all in its key: no String to make.)
            guard key.isLong else { return SurnameTable.Word(asciiKey: key) }
            let text = String(unsafeUninitializedCapacity: word.count) { out in
                for k in word.indices { out[k] = Bytes.lower(word[k]) }
                return word.count
            }
            // (The key lower-cases ASCII as `Bytes.lower` does: the key of `text`.)
            return SurnameTable.Word(asciiLowercased: text, key: key)
        }
        if let ascii { return ascii }
        let utf8 = name.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return SurnameTable.Word(Substring(utf8[start..<utf8.index(start, offsetBy: range.count)]).lowercased())
    }
}

/// Up to four indices, in order, held inline (no array to allocate).
struct FewIndices: RandomAccessCollection {
    private var indices4: (Int, Int, Int, Int) = (0, 0, 0, 0)
    private var stored = 0

    var startIndex: Int { 0 }
    var endIndex: Int { stored }

    subscript(position: Int) -> Int {
        precondition(position >= 0 && position < stored, "index out of range")
        switch position {
        case 0: return indices4.0
        case 1: return indices4.1
        case 2: return indices4.2
        default: return indices4.3
        }
    }

    /// Adds `index` at the end; false (and nothing added) when four are held already.
    mutating func append(_ index: Int) -> Bool {
        switch stored {
        case 0: indices4.0 = index
        case 1: indices4.1 = index
        case 2: indices4.2 = index
        case 3: indices4.3 = index
        default: return false
        }
        stored += 1
        return true
    }
}
