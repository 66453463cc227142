/// Someone an article quotes or names: a person (with the title given before their name) or
/// a body (a ministry, an embassy, a company).
struct Speaker: Equatable {
    var name: String
    var role: String?
    var isPerson: Bool

    /// The last word of the name, lower-cased: what a later bare surname is matched on.
    var surnameKey: String { Text.words(name).last.map { $0.lowercased() } ?? "" }
    var hasSecondWord: Bool { name.contains(" ") }

    enum Gender { case female, male, unknown }

    /// What the first name or the role says of a person's sex (`she` and `he` agree with it).
    var gender: Gender {
        let roleWords = Text.words(role?.lowercased() ?? "")
        if roleWords.contains(where: { $0.hasSuffix("woman") }) { return .female }
        guard let first = Text.words(name).first?.lowercased() else { return .unknown }
        if Vocabulary.femaleFirstNames.contains(first) { return .female }
        if Vocabulary.maleFirstNames.contains(first) { return .male }
        return roleWords.contains(where: { $0.hasSuffix("man") && !$0.hasSuffix("woman") }) ? .male : .unknown
    }
    var isPlace: Bool { !isPerson && Vocabulary.placeNames.contains(name.lowercased()) }
}

/// What an article has named so far, for resolving later references: `he`/`she` (the person
/// last named as a subject, of a sex that agrees, in this paragraph or the two before), a bare
/// surname (`Laakso` → `Aino Laakso`), a title (`the minister`), a body's noun (`the ministry`,
/// `the company`) and `it` (the body quoted just before or named in the paragraph).
struct SpeakerMemory {
    /// People and bodies in order of mention, most recent last (bounded: long pages stay linear).
    private var named: [Speaker] = []
    /// People by lower-cased surname (and by first word for two-word names written family name
    /// first: `Gao Lin`, later `Gao`).
    private var bySurname: [String: Speaker] = [:]
    /// Surnames that two different people named so far share.
    private var ambiguousSurnames: Set<String> = []
    /// How often each person has been named, by lower-cased full name.
    private var mentions: [String: (person: Speaker, count: Int)] = [:]
    private(set) var lastPerson: Speaker?
    /// People last named as a clause's subject, most recent last, with the paragraph they were
    /// named in and where in it: `he` and `she` are the most recent named before them whose sex
    /// does not disagree, in this paragraph or the two before.
    private var recentPeople: [(person: Speaker, paragraph: Int, position: Int)] = []
    /// The sex a `he` or `she` gave a person whose name did not say it, by name.
    private var pronounGenders: [String: Speaker.Gender] = [:]
    /// Full names of two words that ended a capitalised run no rule read as a person (`…
    /// at the Economy Ministry Henrike Albers`), by lower-cased surname; nil where two differ.
    private var nameCandidates: [String: String?] = [:]
    /// Paragraphs read so far.
    private var paragraph = 0
    /// Whether `lastPerson` was named in the paragraph being read (`the official` only points
    /// back that far).
    private(set) var lastPersonIsInCurrentParagraph = false
    private var quotedOrganisation: Speaker?
    private var paragraphsSinceQuotedOrganisation = 0
    private static let limit = 64

    /// People introduced in the paragraph being read other than as a clause's subject
    /// (`noteIntroducedOther`), with where: a `he` or `she` after them may mean them rather than
    /// someone of an earlier paragraph.
    private var othersInParagraph: [(person: Speaker, position: Int)] = []

    mutating func startParagraph() {
        paragraph += 1
        othersInParagraph.removeAll()
        lastPersonIsInCurrentParagraph = false
        bodyInParagraph = nil
        itInParagraph = nil
        paragraphsSinceQuotedOrganisation += 1
    }

    /// The body last named in the paragraph being read (not a place).
    private var bodyInParagraph: Speaker?

    /// The body last quoted, or named as a clause's subject, in the paragraph being read.
    private var itInParagraph: Speaker?

    /// `It said …`: the body last quoted or made a clause's subject in this paragraph (`the
    /// China Coast Guard joined the drills, carrying out what it called …`), else the body quoted
    /// in the paragraph before, else one named in this paragraph; further back, `it` could be
    /// anything.
    var referentOfIt: Speaker? {
        itInParagraph ?? (paragraphsSinceQuotedOrganisation <= 1 ? quotedOrganisation : bodyInParagraph)
    }

    /// Records who a quote was attributed to.
    mutating func noteQuoted(_ speaker: Speaker) {
        guard !speaker.isPerson else { return }
        quotedOrganisation = speaker
        itInParagraph = speaker
        paragraphsSinceQuotedOrganisation = 0
    }

    /// Remembers a person (by surname, and, named as a clause's subject, as the one `he` refers
    /// to) or a body (for `the ministry`). A person named again with a role they were first
    /// named without gains it. A person named as an object (`… said Hillary Clinton was …`) is
    /// known by surname but does not become `he` or `she`.
    mutating func remember(_ speaker: Speaker, asSubject: Bool = true, at position: Int = 0) {
        defer { if named.count > 2 * Self.limit { named.removeFirst(Self.limit) } }
        guard speaker.isPerson else {
            named.append(speaker)
            if !speaker.isPlace { bodyInParagraph = speaker }
            if !speaker.isPlace && asSubject { itInParagraph = speaker }
            return
        }
        if let last = lastPerson, last.name == speaker.name, last.role != nil || speaker.role == nil {
            named.append(last)
            mentions[last.name.lowercased(), default: (last, 0)].count += 1
            if asSubject { becomeSubject(last, at: position) }
            return
        }
        let surname = speaker.surnameKey
        var person = speaker
        if var known = bySurname[surname], known.name == speaker.name || Self.isOtherSpelling(of: known, speaker) {
            if known.role == nil, let role = speaker.role {
                known.role = role
                bySurname[surname] = known
            }
            person = known
        } else {
            // Two people of one family name (`Lusia Faleolo` and her father `Tavita Faleolo`):
            // a bare `Faleolo` could be either, so it names no one.
            if let known = bySurname[surname], known.isPerson, !Self.maySamePerson(known, speaker) {
                ambiguousSurnames.insert(surname)
            }
            bySurname[surname] = speaker
            let words = Text.words(speaker.name)
            if words.count == 2, case let first = words[0].lowercased(), bySurname[first] == nil {
                bySurname[first] = speaker
            }
        }
        named.append(person)
        mentions[person.name.lowercased(), default: (person, 0)].count += 1
        if asSubject { becomeSubject(person, at: position) }
    }

    /// A person introduced with a title, an appositive or a courtesy title in the paragraph
    /// being read, not as a clause's subject (`It fell to Dr Jane Doe, member for Eastmere, to
    /// …`): a `he` or `she` after them may be them.
    mutating func noteIntroducedOther(_ person: Speaker, at position: Int) {
        guard person.isPerson else { return }
        othersInParagraph.append((person, position))
        if othersInParagraph.count > 8 { othersInParagraph.removeFirst() }
    }

    // MARK: - Looking up

    /// The person known by this surname (or first word), compared lower-cased; nil when two
    /// people of the article share it.
    func person(surname: String) -> Speaker? {
        let key = surname.lowercased()
        return ambiguousSurnames.contains(key) ? dominant(surname: key) : bySurname[key]
    }

    /// Of the people who share a surname, the one the article is about: named at least three
    /// times and more than twice as often as any other (`Donald Trump` in an article that names
    /// `Ivanka Trump` once). A bare surname is theirs; nil when no one stands out so.
    private func dominant(surname key: String) -> Speaker? {
        let bearers = mentions.values.filter { $0.person.surnameKey == key }.sorted { $0.count > $1.count }
        guard let first = bearers.first, first.count >= 3 else { return nil }
        return bearers.count < 2 || first.count > 2 * bearers[1].count ? first.person : nil
    }

    /// The person known by a family name written with its particles (`Al Marzouqi`, `van der
    /// Berg`, `bin Salem`) or by a double family name (`Plaza Cruz` after `Sara Plaza Cruz`): the
    /// known person whose full name ends with those words. After a courtesy title (`Mr.
    /// Albuquerque Lins` after `Renato Albuquerque Lins`) the words are a family name whatever
    /// the first name is.
    func person(familyName: String, afterCourtesyTitle: Bool = false) -> Speaker? {
        let words = Text.words(familyName.lowercased()).map(String.init)
        guard words.count >= 2, let surname = words.last, let known = person(surname: surname), known.isPerson,
            Text.words(known.name.lowercased()).map(String.init).suffix(words.count).elementsEqual(words),
            known.name.count > familyName.count
        else { return nil }
        let hasParticles = words.dropLast().allSatisfy { Vocabulary.surnameParticles.contains($0) }
        return hasParticles || afterCourtesyTitle || Self.isDoubleFamilyName(words, of: known) ? known : nil
    }

    /// `Plaza Cruz` of `Sara Plaza Cruz`: two words ending a name that starts with a given name,
    /// the first of them no given name itself (`Maria Cruz` is a full name, maybe a relative's).
    static func isDoubleFamilyName(_ words: [String], of known: Speaker) -> Bool {
        guard words.count == 2, let first = Text.words(known.name.lowercased()).first.map(String.init) else { return false }
        return isGivenName(first) && !isGivenName(words[0])
    }

    static func isGivenName(_ word: String) -> Bool {
        Vocabulary.femaleFirstNames.contains(word) || Vocabulary.maleFirstNames.contains(word)
    }

    /// `Henrike Albers` at the end of a longer capitalised run: a later bare `Albers` may be
    /// her, even when the words before the name were no title the parser reads.
    mutating func noteNameCandidate(_ run: [ProseToken]) {
        guard run.count >= 2, case let name = Array(run.suffix(2)), Mentions.looksLikeName(name) else { return }
        let full = name.map(\.text).joined(separator: " ")
        let key = name[1].lower
        if let known = nameCandidates[key], known != full { nameCandidates[key] = .some(nil) } else { nameCandidates[key] = full }
    }

    /// The one full name noted as a candidate (`noteNameCandidate`) whose surname this is.
    func candidate(surname: String) -> Speaker? {
        let key = surname.lowercased()
        guard !ambiguousSurnames.contains(key), let found = nameCandidates[key], let name = found else { return nil }
        return Speaker(name: name, role: nil, isPerson: true)
    }

    /// Whether two people named so far share this surname, so that it alone names no one.
    func isAmbiguous(surname: String) -> Bool {
        let key = surname.lowercased()
        return ambiguousSurnames.contains(key) && dominant(surname: key) == nil
    }

    /// Whether two names may be one person: one's words all in the other's (`Lusia Faleolo`,
    /// `Lusia Tauiliili Faleolo`), compared lower-cased.
    /// `Lusia Tauiliili Faleolo` after `Lusia Faleolo`: the same first and family names, one
    /// with a middle name the other leaves out. The article's first spelling stays the name.
    static func isOtherSpelling(of known: Speaker, _ other: Speaker) -> Bool {
        let a = Text.words(known.name.lowercased()), b = Text.words(other.name.lowercased())
        return known.isPerson && a.count >= 2 && b.count >= 2 && a.first == b.first && maySamePerson(known, other)
    }

    static func maySamePerson(_ a: Speaker, _ b: Speaker) -> Bool {
        let x = nameWords(a.name), y = nameWords(b.name)
        return x.isSubset(of: y) || y.isSubset(of: x)
    }

    /// The lower-cased words of a name, split at dashes too: `Exclusive–Maria Espinoza` (a
    /// headline's label glued to the name) may be `Maria Espinoza`.
    static func nameWords(_ name: String) -> Set<String> {
        Set(name.lowercased().split { $0 == " " || $0 == "\u{2013}" || $0 == "\u{2014}" }.map(String.init))
    }

    /// The most recent person whose role mentions every one of `words` (lower-cased):
    /// `the minister`, `the foreign minister`.
    func person(withRoleWords words: [String]) -> Speaker? {
        named.last { person in
            guard person.isPerson, let role = person.role?.lowercased() else { return false }
            return words.allSatisfy { !$0.isEmpty && role.contains($0) }
        }
    }

    /// `The company said`: the body last named, when it is a company (its name has no word of
    /// an organisation other than a company's: `Orano`, `Kolwezi Copper Cobalt Holdings`).
    var lastCompany: Speaker? {
        guard let body = named.last(where: { !$0.isPerson }), !body.isPlace else { return nil }
        let words = Text.words(body.name.lowercased()).map { String($0) }
        let isCompany = words.allSatisfy { !WordClass.of($0).contains(.organisation) || Vocabulary.companyNameWords.contains($0) }
        return isCompany ? body : nil
    }

    /// An unnamed person spoke (`a cobalt trader said`): a later `he` is them, not the person
    /// named before.
    mutating func noteUnnamedPerson() {
        lastPerson = nil
        lastPersonIsInCurrentParagraph = false
        recentPeople.removeAll()
    }

    /// The person `he` or `she` at `position` in the paragraph being read refers to: someone
    /// named before it (`He adds that Bush is "…"` is not Bush's).
    func person(for pronoun: String, at position: Int = .max) -> Speaker? {
        let opposite: Speaker.Gender = pronoun == "she" ? .male : .female
        // Further back than the paragraph before last, `he` is more likely someone else.
        guard let found = recentPeople.last(where: { entry in
            gender(of: entry.person) != opposite && (entry.paragraph < paragraph || entry.position < position)
        }), paragraph - found.paragraph <= 2 else { return nil }
        // `It fell to Dr Jane Doe, member for Eastmere, to remind the House … "…," she said`:
        // someone else of that sex named in this paragraph before the pronoun, when the person
        // found was named in an earlier one, makes it unsure whom it means.
        if found.paragraph < paragraph, othersInParagraph.contains(where: { other in
            other.position < position && other.person.name != found.person.name && gender(of: other.person) != opposite
                && !Self.maySamePerson(other.person, found.person)
        }) {
            return nil
        }
        return found.person
    }

    /// A person's sex, from their name or role, else from a `he` or `she` that referred to them.
    func gender(of person: Speaker) -> Speaker.Gender {
        let given = person.gender
        return given == .unknown ? pronounGenders[person.name] ?? .unknown : given
    }

    /// A `he` or `she` at `position`: the person it refers to is of that sex from now on (`she
    /// added` after `Eleni Charalambous said`, so a later `he` is someone else).
    mutating func notePronoun(_ pronoun: String, at position: Int) {
        guard let person = person(for: pronoun, at: position), gender(of: person) == .unknown else { return }
        pronounGenders[person.name] = pronoun == "she" ? .female : .male
    }

    /// `Mrs. Okafor`, `Mr. Lindqvist`: the courtesy title tells the person's sex.
    mutating func noteCourtesyTitle(_ title: String, of person: Speaker) {
        guard gender(of: person) == .unknown else { return }
        if Vocabulary.femaleCourtesyTitles.contains(title) { pronounGenders[person.name] = .female }
        if Vocabulary.maleCourtesyTitles.contains(title) { pronounGenders[person.name] = .male }
    }

    /// Whether a person became a clause's subject at or after `position` in the paragraph
    /// being read (`Trump also took swipes at …`: the sentence already has its subject).
    func hasSubject(since position: Int) -> Bool {
        guard let last = recentPeople.last else { return false }
        return last.paragraph == paragraph && last.position >= position
    }

    private mutating func becomeSubject(_ person: Speaker, at position: Int) {
        lastPerson = person
        lastPersonIsInCurrentParagraph = true
        recentPeople.removeAll { $0.person.name == person.name }
        recentPeople.append((person, paragraph, position))
        if recentPeople.count > 8 { recentPeople.removeFirst() }
    }

    /// The newspaper last named (`Chuo Shimbun`): whom `the paper` means.
    private(set) var lastNewspaper: Speaker?

    mutating func noteNewspaper(_ paper: Speaker) { lastNewspaper = paper }

    /// The most recent body whose name mentions `word` (lower-cased): `the ministry`.
    func organisation(containing word: String) -> Speaker? {
        named.last { !$0.isPerson && !word.isEmpty && $0.name.lowercased().contains(word) }
    }
}
