/// Text that speaks to the reader instead of reporting: a site's calls to action (`Sign up for
/// …`, `Join our channel`, `Listen to this article`) and short lines in the second person or in
/// the site's own `we` (`You are receiving this because …`, `We value your privacy`). A report
/// speaks of others; such lines are the page around the article. Quoted words are someone
/// else's and never count, nor are an interview's labelled turns.
enum ReaderAddress {
    /// The longest call to action: a pitch, not a paragraph of length.
    static let longestCall = 30

    /// The longest line that can address the reader; a longer one is a paragraph whose voice
    /// is the page's (see `speaksPersonally`).
    static let longestAddress = 20

    /// A short line with a call to action opening one of its sentences: a verb of
    /// `Vocabulary.callsToAction` in the imperative, then one of the words such a call goes on
    /// with (`Sign up for …`, `Thanks for reading! Follow us on …`, `Download the app`);
    /// `Support for the deal` and `Share prices` are a sentence's subject.
    static func isCallToAction(_ line: LogicalLine) -> Bool {
        guard mayAddressReader(line) else { return false }
        let words = Text.words(line.text)
        return words.indices.dropLast().contains { k in
            (k == 0 || endsSentence(words[k - 1])) && opensCall(words[k], then: words[k + 1])
        }
    }

    /// A word that ends a sentence (`reading!`, `week.`), not an initial (`J.`).
    static func endsSentence(_ word: Substring) -> Bool {
        guard word.utf8.count > 2, let last = word.unicodeScalars.last else { return false }
        return ".!?".unicodeScalars.contains(last)
    }

    /// A capitalised verb of a call to action, then a word such a call goes on with.
    static func opensCall(_ verb: Substring, then next: Substring) -> Bool {
        Text.initialCase(verb) == .upper && Vocabulary.callsToAction.contains(bare(verb).lowercased())
            && Vocabulary.callObjects.contains(bare(next).lowercased())
    }

    /// A line of up to twenty words in the second person or the site's first person plural
    /// (`Your email address will not be published`, `Our live coverage has moved here`). Only
    /// furniture on a page whose own voice is impersonal (see `speaksPersonally`).
    static func addressesReader(_ line: LogicalLine) -> Bool {
        guard line.shape.wordCount <= longestAddress, mayAddressReader(line) else { return false }
        var found = false
        Text.forEachWord(in: line.text) { word in
            if !found, isPersonal(word, countingI: false) { found = true }
        }
        return found
    }

    /// Whether the page's own paragraphs speak in the first or second person outside quotation
    /// marks (an op-ed, an interview, a newsletter, a firm's client alert): a paragraph longer
    /// than a line that can address the reader says `I`, `we` or `you` in the author's voice.
    /// There a short line in that voice is the article's.
    static func speaksPersonally(_ lines: some Sequence<LogicalLine>) -> Bool {
        lines.contains { line in
            line.kind == .prose && line.shape.wordCount > longestAddress && usesPersonalVoice(line.text)
        }
    }

    /// Whether `text` says `I`, `we` or `you` outside quotation marks. A word that opens with a
    /// quotation mark starts a quotation; one that ends with the matching closing mark (before
    /// its punctuation) ends it, so an apostrophe (`members’`) ends only a single-quoted one.
    static func usesPersonalVoice(_ text: String) -> Bool {
        var single: Bool?
        var found = false
        Text.forEachWord(in: text) { word in
            guard !found else { return }
            if single == nil, let first = word.unicodeScalars.first, QuoteMarks.opening.contains(first) || first == "'" {
                single = first == "\u{2018}" || first == "'"
            }
            if single == nil, isPersonal(word, countingI: true) { found = true }
            guard let quotation = single, let end = word.unicodeScalars.reversed().drop(while: closing.contains).first else { return }
            if quotation ? end == "\u{2019}" || end == "'" : "\"\u{201D}\u{BB}".unicodeScalars.contains(end) { single = nil }
        }
        return found
    }

    /// Punctuation after a quotation's closing mark (`"never".`), passed over to find the mark.
    private static let closing: ScalarSet = [".", ",", ";", ":", "!", "?", ")"]

    /// What both rules require of a line: two to thirty words, no quotation in it (the words
    /// would be a speaker's), no speaker's label (`Q:`, `HOST:`, a colon in its first six
    /// words), no box label (`What we're watching:`), no interview's dash.
    static func mayAddressReader(_ line: LogicalLine) -> Bool {
        let shape = line.shape
        guard shape.wordCount >= 2, shape.wordCount <= longestCall, !shape.hasQuoteMark, !shape.startsWithQuote else { return false }
        let text = line.text
        if Text.contains(text, " \u{2018}") || Text.contains(text, " '") { return false }
        if let first = text.unicodeScalars.first, "-\u{2013}\u{2014}'".unicodeScalars.contains(first) { return false }
        if SpeakerLabels.label(of: text) != nil { return false }
        return !Text.words(text, first: 6).contains { $0.hasSuffix(":") }
    }

    /// Whether a word is `you`, `your`, `we`, `our`, `us` and their forms (`US` is a country),
    /// or, when `countingI`, `I`, `me`, `my`. Only short words starting with one of their initials
    /// are compared (every word of a long paragraph may be asked).
    static func isPersonal(_ word: Substring, countingI: Bool) -> Bool {
        guard word.utf8.count <= 11, let first = word.utf8.first(where: { $0 >= 0x41 }), personalInitials.contains(first) else { return false }
        let bareWord = bare(word)
        guard bareWord.utf8.count <= 9, bareWord != "US" else { return false }
        let lower = bareWord.lowercased()
        return Vocabulary.readerAddressWords.contains(lower) || countingI && Vocabulary.firstPersonSingular.contains(lower)
    }

    /// `y`, `w`, `o`, `u`, `i`, `m` in either case, as UTF-8.
    private static let personalInitials: Set<UInt8> = Set("yYwWoOuUiImM".utf8)

    /// A word without the punctuation and quotation marks around it.
    static func bare(_ word: Substring) -> Substring {
        Text.trimmed(word, where: { !Text.isLetterOrDigit($0) })
    }
}
