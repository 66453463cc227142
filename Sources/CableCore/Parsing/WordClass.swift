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

    /// Every known word and its classes.
    static let lexicon: [String: WordClass] = {
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
        return lexicon
    }()

    /// The classes of a lower-cased word. Most words of a paragraph are in no class, and
    /// hashing a String costs far more than looking at its length and first byte, so words
    /// no entry could match are answered without the dictionary.
    static func of(_ lower: String) -> WordClass {
        let utf8 = lower.utf8
        guard let first = utf8.first, utf8.count <= longestEntry, entryInitials[Int(first)] else { return [] }
        return lexicon[lower] ?? []
    }

    /// The byte length of the longest lexicon entry.
    private static let longestEntry = lexicon.keys.map(\.utf8.count).max() ?? 0

    /// Which first bytes any lexicon entry starts with (indexed by byte).
    private static let entryInitials: [Bool] = {
        var initials = [Bool](repeating: false, count: 256)
        for word in lexicon.keys { if let first = word.utf8.first { initials[Int(first)] = true } }
        return initials
    }()
}

extension ProseToken {
    /// Whether the word belongs to the vocabulary class `kind`.
    func `is`(_ kind: WordClass) -> Bool { classes.contains(kind) }
}
