/// Who is speaking: turning the words around a quote (`Defence Minister Jane Doe`, `she`,
/// `Laakso`, `the state secretary`, `The German Interior Ministry`) into a speaker and role,
/// with memory of the people and bodies the article has named so far.
struct Speaker: Equatable {
    var name: String
    var role: String?
    var isPerson: Bool
}

/// A speaker as attribution finds one: one that `SpeakerMemory` holds, by its place there,
/// or one just read from the text. Speakers are handed from resolution to attribution to
/// memory for every quote and every name mentioned; a `Speaker` copied each time retained
/// and released its Strings each time (names and roles are often too long to be held
/// inline), which cost more than reading the words.
enum SpeakerRef {
    case held(SpeakerMemory.ID)
    case new(Speaker)
}

/// (Equatable so that tests can compare what two readings of an article remembered.)
struct SpeakerMemory: Equatable {
    typealias ID = Int32

    /// Every speaker remembered, each stored once and never changed: everything below holds
    /// places in it. (A role filled in later is a new entry: what held the speaker before
    /// keeps the speaker as it was, as the copies it used to hold did.) A speaker is stored
    /// for every name read, a mention's as well as a quote's, so between paragraphs those
    /// nothing holds any more are let go (`compact`): memory stays as large as what it holds.
    private var speakers: [Speaker] = []
    /// Past this many stored speakers, the next paragraph starts with `compact`.
    private var compactionThreshold = 256
    /// People named so far, by lower-cased surname.
    private var bySurname = SurnameTable()
    /// The person most recently named or quoted: what `he`/`she` refers to.
    private var lastPersonID: ID?
    /// Whether `lastPerson` was named in the paragraph being read (`the official` only
    /// points back that far).
    private(set) var lastPersonIsInCurrentParagraph = false

    mutating func startParagraph() {
        lastPersonIsInCurrentParagraph = false
        paragraphsSinceQuotedOrganisation += 1
        if speakers.count > compactionThreshold { compact() }
    }

    /// Keeps only the speakers something in memory still holds, renumbered. Between
    /// paragraphs nothing outside memory holds a place (a quote's `previous` speaker is the
    /// paragraph's own), so the places can change there. The threshold doubles with what is
    /// kept, so the work stays in proportion to the speakers stored.
    private mutating func compact() {
        let stored = speakers
        var places = [ID](repeating: -1, count: stored.count)
        var kept: [Speaker] = []
        func keep(_ id: ID) -> ID {
            if places[Int(id)] < 0 {
                places[Int(id)] = ID(truncatingIfNeeded: kept.count)
                kept.append(stored[Int(id)])
            }
            return places[Int(id)]
        }
        bySurname.renumberSpeakers(keep)
        named = named.map(keep)
        lastPersonID = lastPersonID.map(keep)
        quotedOrganisation = quotedOrganisation.map(keep)
        speakers = kept
        compactionThreshold = max(256, 2 * kept.count)
    }

    /// How many speakers are stored (for tests: memory must not grow with every mention).
    var storedCount: Int { speakers.count }

    /// The organisation quoted last, and how many paragraphs ago: what `it said` refers to.
    private var quotedOrganisation: ID?
    private var paragraphsSinceQuotedOrganisation = 0
    /// People and organisations in order of mention, for `the minister` (the most recent
    /// person with that title) and `the ministry` (the most recent body so named): one list
    /// of both (one allocation an article, not two), each counted.
    private var named: [ID] = []
    private var peopleNamed = 0
    private var organisationsNamed = 0

    /// The people named, in order (the person entries of `named`).
    private var people: some BidirectionalCollection<ID> { named.lazy.filter { self.speakers[Int($0)].isPerson } }
    /// The organisations named, in order.
    private var organisations: some BidirectionalCollection<ID> { named.lazy.filter { !self.speakers[Int($0)].isPerson } }

    var lastPerson: ID? { lastPersonID }

    /// Records who a quote was attributed to.
    mutating func noteQuoted(_ speaker: ID) {
        guard !speakers[Int(speaker)].isPerson else { return }
        quotedOrganisation = speaker
        paragraphsSinceQuotedOrganisation = 0
    }

    /// `It said …`: the organisation quoted in this paragraph or the one before, if any;
    /// further back, `it` could be anything.
    var referentOfIt: ID? { paragraphsSinceQuotedOrganisation <= 1 ? quotedOrganisation : nil }

    // MARK: - What a speaker is

    /// What `body` reads of the speaker `ref` names, where it is held (no copy of its
    /// Strings: a copy retained and released them).
    @inline(__always)
    private func reading<R>(_ ref: SpeakerRef, _ body: (borrowing Speaker) -> R) -> R {
        switch ref {
        case .held(let id): return body(speakers[Int(id)])
        case .new(let speaker): return body(speaker)
        }
    }

    /// The speaker itself (a copy: for tests).
    func speaker(_ ref: SpeakerRef) -> Speaker { reading(ref) { copy $0 } }

    /// The speaker stored at `id` (a copy: for tests).
    func speaker(at id: ID) -> Speaker { speakers[Int(id)] }

    /// The name and role of the speaker stored at `id`, for a quote.
    func nameAndRole(_ id: ID) -> (String, String?) { (speakers[Int(id)].name, speakers[Int(id)].role) }

    func isPerson(_ ref: SpeakerRef) -> Bool { reading(ref) { $0.isPerson } }

    func hasRole(_ ref: SpeakerRef) -> Bool { reading(ref) { $0.role != nil } }

    /// Whether the name has a second word (see `NameText.hasSecondWord`).
    func hasSecondWord(_ ref: SpeakerRef) -> Bool { reading(ref) { NameText.hasSecondWord($0.name) } }

    private mutating func store(_ speaker: Speaker) -> ID {
        // (Room for the handful of speakers an article names, made once.)
        if speakers.capacity == 0 { speakers.reserveCapacity(16) }
        speakers.append(speaker)
        return ID(truncatingIfNeeded: speakers.count - 1)
    }

    // MARK: - Remembering

    /// Remembers `speaker` (a person by surname, and as the one `he` refers to; a body for
    /// `the ministry`). Returns its place in memory: a speaker new to memory is stored even
    /// when nothing else holds it (a name said again), so that the caller can hold on to it
    /// (a quote's `previous` speaker) by place.
    mutating func remember(_ speaker: consuming SpeakerRef) -> ID {
        let id: ID
        switch consume speaker {
        case .held(let held): id = held
        case .new(let new): id = store(new)
        }
        remember(id)
        return id
    }

    /// Forgets the first `count` people (or organisations) named.
    private mutating func forgetFirst(_ count: Int, people: Bool) {
        var forgotten = 0
        var kept: [ID] = []
        kept.reserveCapacity(named.capacity)
        for id in named {
            if forgotten < count && speakers[Int(id)].isPerson == people {
                forgotten += 1
            } else {
                kept.append(id)
            }
        }
        named = kept
        if people { peopleNamed -= forgotten } else { organisationsNamed -= forgotten }
    }

    /// Remembers the person stored at `id`, named again outside a quote (a known surname).
    mutating func remember(mention id: ID) { remember(id) }

    /// Remembers the speaker stored at `id`.
    private mutating func remember(_ id: ID) {
        // (Room for the handful of people and bodies an article names, made once.)
        if named.capacity == 0 { named.reserveCapacity(32) }
        defer {
            // Bounded memory: long documents must stay linear.
            if peopleNamed > 64 { forgetFirst(32, people: true) }
            if organisationsNamed > 64 { forgetFirst(32, people: false) }
        }
        guard speakers[Int(id)].isPerson else {
            named.append(id)
            organisationsNamed += 1
            return
        }
        if let last = lastPersonID, last == id || speakers[Int(last)].name == speakers[Int(id)].name,
            speakers[Int(last)].role != nil || speakers[Int(id)].role == nil {
            // The person just named again (most quotes), with no role to add: `lastPerson`
            // is what `bySurname` holds for that surname, so nothing there changes.
            lastPersonIsInCurrentParagraph = true
            named.append(last)
            peopleNamed += 1
            return
        }
        let words = NameWords(speakers[Int(id)].name)
        let surname = words.last(of: speakers[Int(id)].name)
        if let index = bySurname.index(of: surname), case let known = bySurname.speaker(at: index),
            known == id || speakers[Int(known)].name == speakers[Int(id)].name {
            var person = known
            if speakers[Int(known)].role == nil, let role = speakers[Int(id)].role {
                // The role it was named without, filled in: a new entry for the surname.
                person = store(Speaker(name: speakers[Int(known)].name, role: role, isPerson: speakers[Int(known)].isPerson))
                bySurname.setSpeaker(at: index, person)
            }
            lastPersonID = person
            lastPersonIsInCurrentParagraph = true
            named.append(person)
            peopleNamed += 1
            return
        }
        bySurname.set(surname, id)
        // Names written family name first (`Gao Lin`, later `Gao`): the first word
        // is a second key, unless someone already owns it.
        // (A key never stored is in no one's hands: no need to look further to know.)
        if words.count == 2, case let first = words.first(of: speakers[Int(id)].name),
            !bySurname.hasStored(first.key) || bySurname.index(of: first) == nil {
            bySurname.set(first, id)
        }
        lastPersonID = id
        lastPersonIsInCurrentParagraph = true
        named.append(id)
        peopleNamed += 1
    }

    /// (For tests: remembers a speaker given by value.)
    mutating func remember(_ speaker: Speaker) { _ = remember(.new(speaker)) }

    // MARK: - Looking up

    func person(surname: String) -> ID? {
        bySurname.index(of: SurnameTable.Word(surname.lowercased())).map { bySurname.speaker(at: $0) }
    }

    /// The person known by the surname `token` (a single capitalised word).
    func person(named token: ProseToken, in text: [UInt8]) -> ID? {
        guard bySurname.hasStored(token.lower) else { return nil }
        return bySurname.index(of: SurnameTable.Word(token.lowercased(in: text))).map { bySurname.speaker(at: $0) }
    }

    /// The most recent person whose role mentions every one of `words` (`the minister`,
    /// `the foreign minister`): the words' cores lower-cased (as `ProseToken.lowercased`),
    /// found in the role lower-cased.
    ///
    /// The answer of `person(withRoleWord:)` given those Strings, without making them: that
    /// made a String of each word and lower-cased every role into a new String at every
    /// call (an allocation each, for a role of more than fifteen bytes). A role and a word of
    /// printable ASCII, nearly all of them, are compared byte by byte (`NameText.mentions`);
    /// any other pair the String way.
    func person(withRoleWords words: some Collection<ProseToken>, in text: [UInt8]) -> ID? {
        text.withUnsafeBufferPointer { text in
            people.reversed().first { id in
                guard let role = speakers[Int(id)].role else { return false }
                return words.allSatisfy { NameText.mentions(role, word: $0, in: text) }
            }
        }
    }

    /// The plain reading `person(withRoleWords:in:)` answers as (tests compare the two).
    func person(withRoleWord words: [String]) -> ID? {
        for id in people.reversed() {
            guard let role = speakers[Int(id)].role?.lowercased() else { continue }
            if words.allSatisfy({ NameText.contains(role, $0) }) { return id }
        }
        return nil
    }

    /// The most recent organisation whose name, lower-cased, contains the core of `word`
    /// lower-cased (`the ministry`). As `organisation(containing:)` with that String, byte by
    /// byte as `person(withRoleWords:in:)` is.
    func organisation(containing word: ProseToken, in text: [UInt8]) -> ID? {
        text.withUnsafeBufferPointer { text in
            organisations.last { NameText.mentions(speakers[Int($0)].name, word: word, in: text) }
        }
    }

    /// The plain reading `organisation(containing:in:)` answers as (tests compare the two).
    func organisation(containing word: String) -> ID? {
        organisations.last { NameText.contains(speakers[Int($0)].name.lowercased(), word) }
    }

    // MARK: - Comparing

    /// Equal when both remember the same speakers in the same places (compared as speakers,
    /// not by where each memory stored them).
    static func == (a: SpeakerMemory, b: SpeakerMemory) -> Bool {
        func same(_ x: ID?, _ y: ID?) -> Bool {
            switch (x, y) {
            case (nil, nil): return true
            case let (x?, y?): return a.speakers[Int(x)] == b.speakers[Int(y)]
            default: return false
            }
        }
        return same(a.lastPersonID, b.lastPersonID) && a.lastPersonIsInCurrentParagraph == b.lastPersonIsInCurrentParagraph
            && same(a.quotedOrganisation, b.quotedOrganisation)
            && a.paragraphsSinceQuotedOrganisation == b.paragraphsSinceQuotedOrganisation
            && a.named.count == b.named.count && zip(a.named, b.named).allSatisfy { same($0, $1) }
            && a.bySurname.isSame(as: b.bySurname) { same($0, $1) }
    }
}

enum SpeakerResolution {
    /// Splits a capitalised run (`Deputy Assistant Secretary for Cyber Policy Warren Kessling`,
    /// `The German Interior Ministry`, `Kessling`) into a speaker.
    static func resolve(run: TokenRun, memory: SpeakerMemory, text: [UInt8]) -> SpeakerRef? {
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
            return .new(Speaker(name: joined(words), role: nil, isPerson: false))
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
            if name.count == 1, let known = memory.person(surname: written(name[0])) { return .held(known) }
            return .new(Speaker(name: joined(name), role: joined(first..<roleEnd), isPerson: true))
        }

        if words.contains(where: { run[$0].is(.organisation) }) {
            return .new(Speaker(name: joined(words), role: nil, isPerson: false))
        }
        if words.count == 1 {
            let word = written(first)
            if let known = memory.person(surname: word) { return .held(known) }
            // `Officials said`, `Analysts noted`: a crowd, not a speaker.
            if run[first].is(.genericGroup) { return nil }
            // A single capitalised word that names no one we know: a company, a capital
            // standing for its government (`Huawei said`, `Moscow said`).
            return .new(Speaker(name: word, role: nil, isPerson: false))
        }
        guard words.count <= 4 else { return nil }
        return .new(Speaker(name: joined(words), role: nil, isPerson: true))
    }

    /// A lower-case description after an article: `the state secretary`, `an embassy
    /// spokesperson`, `the ministry`, `The Chinese embassy`. Its last word decides: a body
    /// speaks for itself, a title points back to the person who holds it, anything else
    /// (`a fund manager`) stays anonymous.
    static func resolve(description: TokenRun, memory: SpeakerMemory, text: [UInt8]) -> SpeakerRef? {
        guard let head = description.last else { return nil }
        func name() -> String { NameText.joined(description.indices, of: description, text: text, commas: false) }
        if head.is(.spokesWord) {
            let speaksForBody = description.dropLast().contains { $0.is(.organisation) && !$0.is(.spokesWord) }
            if speaksForBody { return .new(Speaker(name: name(), role: nil, isPerson: false)) }
            return memory.person(withRoleWords: CollectionOfOne(head), in: text).map { .held($0) }
        }
        if head.is(.organisation) {
            // `the ministry` after `The Chinese Foreign Ministry` is that ministry.
            if description.count == 1, let known = memory.organisation(containing: head, in: text) { return .held(known) }
            return .new(Speaker(name: name(), role: nil, isPerson: false))
        }
        if head.is(.titleHead) {
            // (Filtered lazily: an array of the words was an allocation at every call.)
            let significant = description.lazy.filter { !Words.rank.contains($0.lower) }
            if let known = memory.person(withRoleWords: significant, in: text) { return .held(known) }
            if description.count == 1, let known = memory.person(withRoleWords: CollectionOfOne(head), in: text) { return .held(known) }
            // `the official told reporters`: the titled person just named.
            if description.count == 1, head.is(.genericTitle), let last = memory.lastPerson, memory.hasRole(.held(last)),
                memory.lastPersonIsInCurrentParagraph {
                return .held(last)
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
/// `lowercased()` itself. The words are read from the name they were measured in, given
/// again (holding a copy of the name retained and released its storage each time).
struct NameWords {
    private var firstWord = 0..<0
    private var lastWord = 0..<0
    private(set) var count = 0

    init(_ name: String) {
        var firstWord = 0..<0
        var lastWord = 0..<0
        var words = 0
        NameText.withBytes(of: name) { bytes in
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
        self.firstWord = firstWord
        self.lastWord = lastWord
        count = words
    }

    /// (For tests.)
    func lowercasedFirst(of name: String) -> String { first(of: name).text }
    func lowercasedLast(of name: String) -> String { last(of: name).text }

    /// The first and the last word of `name` (the name measured), lower-cased, as
    /// `SurnameTable` keeps them.
    func first(of name: String) -> SurnameTable.Word { word(firstWord, of: name) }
    func last(of name: String) -> SurnameTable.Word { word(lastWord, of: name) }

    private func word(_ range: Range<Int>, of name: String) -> SurnameTable.Word {
        let ascii: SurnameTable.Word? = NameText.withBytes(of: name) { bytes in
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
