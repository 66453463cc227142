/// What the vocabulary knows about a word, as bits: looked up once per word when a paragraph
/// is tokenized, so that attribution tests a bit instead of hashing the word into a dozen sets.
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

    /// Every known word and its classes.
    static let lexicon: WordTable<WordClass> = {
        var lexicon: [String: WordClass] = [:]
        func add(_ words: Set<String>, _ kind: WordClass) {
            for word in words { lexicon[word, default: []].insert(kind) }
        }
        add(Vocabulary.speechVerbs, .speechVerb)
        add(Vocabulary.participles, .participle)
        add(QuoteAttribution.plainSpeechVerbs, .plainSpeechVerb)
        add(Vocabulary.titleHeads, .titleHead)
        add(Vocabulary.determiners, .determiner)
        add(Vocabulary.personalPronouns, .pronoun)
        add(Vocabulary.organisationWords, .organisation)
        add(QuoteAttribution.prepositions, .preposition)
        add(QuoteAttribution.connectors, .connector)
        add(QuoteAttribution.auxiliaries, .auxiliary)
        add(QuoteAttribution.clauseOpeners, .clauseOpener)
        add(Vocabulary.honorifics, .honorific)
        add(SpeakerResolution.spokesWords, .spokesWord)
        add(SpeakerResolution.genericGroups, .genericGroup)
        add(SpeakerResolution.genericTitles, .genericTitle)
        add(ProseToken.abbreviations, .abbreviation)
        return WordTable(lexicon.map { ($0.key, $0.value) })
    }()
}

extension ProseToken {
    /// Whether the word belongs to the vocabulary class `kind`.
    func `is`(_ kind: WordClass) -> Bool { classes.contains(kind) }
}
