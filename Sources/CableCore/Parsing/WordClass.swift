/// What the vocabulary knows about a word, looked up once when a paragraph is tokenized.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt32

    static let speechVerb = WordClass(rawValue: 1 << 0)
    static let participle = WordClass(rawValue: 1 << 1)
    static let plainSpeechVerb = WordClass(rawValue: 1 << 2)
    static let titleHead = WordClass(rawValue: 1 << 3)
    static let determiner = WordClass(rawValue: 1 << 4)
    static let pronoun = WordClass(rawValue: 1 << 5)
    static let organisation = WordClass(rawValue: 1 << 6)
    static let preposition = WordClass(rawValue: 1 << 7)
    static let connector = WordClass(rawValue: 1 << 8)
    static let auxiliary = WordClass(rawValue: 1 << 9)
    static let clauseOpener = WordClass(rawValue: 1 << 10)
    static let honorific = WordClass(rawValue: 1 << 11)
    static let spokesWord = WordClass(rawValue: 1 << 12)
    static let genericGroup = WordClass(rawValue: 1 << 13)
    static let genericTitle = WordClass(rawValue: 1 << 14)
    static let abbreviation = WordClass(rawValue: 1 << 15)

    /// The classes of a lower-cased word.
    static func of(_ lower: String) -> WordClass { lexicon[lower] ?? [] }

    private static let lexicon: [String: WordClass] = {
        var lexicon: [String: WordClass] = [:]
        func add(_ words: Set<String>, _ kind: WordClass) {
            for word in words { lexicon[word, default: []].insert(kind) }
        }
        add(Vocabulary.speechVerbs, .speechVerb)
        add(Vocabulary.participles, .participle)
        add(Vocabulary.plainSpeechVerbs, .plainSpeechVerb)
        add(Vocabulary.titleHeads, .titleHead)
        add(Vocabulary.determiners, .determiner)
        add(Vocabulary.personalPronouns, .pronoun)
        add(Vocabulary.organisationWords, .organisation)
        add(Vocabulary.prepositions, .preposition)
        add(Vocabulary.nameConnectors, .connector)
        add(Vocabulary.auxiliaries, .auxiliary)
        add(Vocabulary.clauseOpeners, .clauseOpener)
        add(Vocabulary.honorifics, .honorific)
        add(Vocabulary.spokesWords, .spokesWord)
        add(Vocabulary.genericGroups, .genericGroup)
        add(Vocabulary.genericTitles, .genericTitle)
        add(Vocabulary.abbreviations, .abbreviation)
        return lexicon
    }()
}
