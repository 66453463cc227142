/// The outlet that published a text page: the holder its copyright line names, without the
/// company's legal form and the notices around it, and in the masthead's own words when the
/// top of the page names the same outlet (`© 2024 Sentinel News & Media Limited` under a
/// `The Sentinel` masthead is The Sentinel).
enum Outlet {
    static func name(bottom: ArraySlice<LogicalLine>, page: [LogicalLine]) -> String? {
        guard let holder = bottom.lazy.compactMap({ LinkLines.outletName($0.text) }).first else { return nil }
        let name = withoutLegalForm(holder)
        guard !name.isEmpty else { return nil }
        guard let line = page.prefix(40).first(where: { isMastheadOrLongerForm(mastheadPart($0.text), naming: name) && LinkLines.outletName($0.text) == nil }) else {
            return paperOfGroup(name, page: page) ?? name
        }
        let masthead = LogicalLine(mastheadPart(line.text), block: line.block)
        // `AOP - Agence Ouest-Africaine de Presse`: the long form the masthead spells out.
        for dash in [" - ", " \u{2013} "] where masthead.text.lowercased().hasPrefix(name.lowercased() + dash) {
            return String(masthead.text.dropFirst(name.count + dash.count))
        }
        // A masthead in capitals is the name as the copyright line cases it.
        guard masthead.shape.lowercaseLetters == 0 else { return masthead.text }
        let article = masthead.text.hasPrefix("THE ") && !name.hasPrefix("The ") ? "The " : ""
        let mastheadWords = Text.words(masthead.text).filter { $0 != "THE" }.count
        let nameWords = Text.words(name).drop { $0 == "The" }
        return (name.hasPrefix("The ") || !article.isEmpty ? "The " : "") + nameWords.prefix(mastheadWords).joined(separator: " ")
    }

    /// A copyright line that names the group owning the paper (`© 2025 Lodestar News & Media`,
    /// `© Weekly Digest Media Ltd`) under the paper's own masthead (`The Sunday Lodestar`, `The
    /// Compass`): the masthead, when the page names it again below its top (a photo credit
    /// `…/The Sunday Lodestar`, `By The Compass staff`). A group's name ends in a word such as
    /// `Media` or `Group`.
    static func paperOfGroup(_ group: String, page: [LogicalLine]) -> String? {
        guard let last = Text.words(group).last, Vocabulary.groupWords.contains(last.lowercased()) else { return nil }
        let top = page.prefix(12)
        return top.indices.lazy.filter { isShortName(top[$0]) }.first { index in
            page[(index + 1)...].contains { Text.contains($0.text, top[index].text) }
        }.map { top[$0].text }
    }

    /// A line that only names something: one to five capitalised words (small words aside), not
    /// a label, a byline or a date.
    static func isShortName(_ line: LogicalLine) -> Bool {
        let shape = line.shape
        return line.kind == .other && !line.isByline && line.date == nil && (1...5).contains(shape.wordCount)
            && shape.letterWords == shape.wordCount && shape.capitalisedWords == shape.significantWords && shape.significantWords >= 1
            && !shape.endsWithSentencePunctuation && !shape.endsWithColon && !Furniture.isKnownLabel(line.label)
            && !Vocabulary.nonMastheadOpeners.contains(Text.words(line.label, first: 1).first.map(String.init) ?? "")
    }

    /// A masthead with its edition after a bar (`WBC News | text-only edition`): the name before it.
    static func mastheadPart(_ text: String) -> String {
        guard Text.contains(text, " | "), let bar = text.range(of: " | ") else { return text }
        return String(text[..<bar.lowerBound])
    }

    /// A masthead of the outlet's name, or of the name and a word or two more that the copyright
    /// line leaves out (`WBC News` over `© 2024 WBC`).
    static func isMastheadOrLongerForm(_ text: String, naming name: String) -> Bool {
        if isMasthead(text, naming: name) { return true }
        let words = Text.words(text)
        return words.count <= 4 && words.count > Text.words(name).count && words.allSatisfy { Text.initialCase($0) != .lower }
            && text.lowercased().hasPrefix(name.lowercased() + " ")
    }

    /// A messaging channel's page names the channel over its profile and again over the post:
    /// the first short line of capitalised words that the top gives twice, in two blocks.
    static func repeatedName(in top: ArraySlice<LogicalLine>) -> String? {
        let names = top.prefix(30).filter { line in
            let shape = line.shape
            // (A channel's name may read as a label: `Barrel Watch`.)
            return line.kind != .prose && !line.isByline && line.date == nil && (2...4).contains(shape.wordCount)
                && !Furniture.isKnownLabel(line.label)
                && shape.letterWords == shape.wordCount && shape.capitalisedWords == shape.significantWords
                && !shape.endsWithSentencePunctuation && !shape.endsWithColon
        }
        return names.first { line in names.contains { $0.text == line.text && $0.block != line.block } }?.text
    }

    /// A page without a copyright line may still name its publisher in a masthead: the first
    /// short line of the top (two to six words, each capitalised, no punctuation of a sentence
    /// or a menu, above the headline) that is in capitals (`HANBIT ILBO`) or carries a
    /// publisher's word (`Press Information Bureau`, `THE GRANITE CITY EVENING POST`). A
    /// masthead in capitals is written in Title Case (`U.S. DEPARTMENT OF THE TREASURY` →
    /// `U.S. Department of the Treasury`).
    static func masthead(in top: ArraySlice<LogicalLine>) -> String? {
        if let name = repeatedName(in: top) { return name }
        guard let line = top.prefix(12).first(where: isMastheadLine) else { return nil }
        return line.shape.lowercaseLetters == 0 ? titleCased(line.text) : line.text
    }

    static func isMastheadLine(_ line: LogicalLine) -> Bool {
        let shape = line.shape
        guard line.kind == .other, !line.isByline, line.date == nil, (2...6).contains(shape.wordCount),
            shape.letterWords == shape.wordCount, shape.capitalisedWords == shape.significantWords,
            shape.commaCount == 0, !shape.endsWithSentencePunctuation, !shape.endsWithColon,
            !line.text.unicodeScalars.contains(where: { "|:>/•·()\"“”‘’".unicodeScalars.contains($0) }) else { return false }
        let words = Text.words(line.text.lowercased()).map(String.init)
        guard let first = words.first, !Vocabulary.nonMastheadOpeners.contains(first),
            !words.allSatisfy({ Vocabulary.sectionNames.contains($0) || Vocabulary.smallWords.contains($0) }) else { return false }
        // (A line of four words or more in capitals is an old paper's headline, `TRADE PACT WITH
        // JAPAN SIGNED`, unless it names a publisher or ends in a body's noun.)
        let namesPublisher = words.contains(where: Vocabulary.publisherWords.contains)
        let namesBody = shape.significantWords < 4 || LineKinds.endsWithOrganisationNoun(line.text)
        return shape.lowercaseLetters == 0 && namesBody || namesPublisher
    }

    /// Words in capitals written in Title Case: small words in lower case after the first,
    /// abbreviations with stops (`U.S.`) and two-letter words (`UN`) kept.
    static func titleCased(_ text: String) -> String {
        Text.words(text).enumerated().map { index, word in
            let lower = word.lowercased()
            if word.contains(".") || word.count <= 2 && !Vocabulary.smallWords.contains(lower) { return String(word) }
            if index > 0, Vocabulary.smallWords.contains(lower) { return lower }
            return lower.prefix(1).uppercased() + lower.dropFirst()
        }.joined(separator: " ")
    }

    /// The holder cut at its first sentence or separator, without corporate suffixes
    /// (`Chronicle Media Group Limited 2025. Registered in England` → `Chronicle`).
    static func withoutLegalForm(_ holder: String) -> String {
        var name = Substring(holder)
        for separator in [". ", " | ", " - ", ", ", " or its ", " and its "] {
            if let range = name.range(of: separator) { name = name[..<range.lowerBound] }
        }
        func isLegalForm(_ word: Substring) -> Bool {
            Vocabulary.legalForms.contains(word.lowercased().trimmingCharacters(in: [".", ","])) || word.allSatisfy(\.isNumber)
        }
        var words = Text.words(name)
        while let last = words.last, isLegalForm(last) { words.removeLast() }
        while let first = words.first, words.count > 1, isLegalForm(first) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// A short line near the top that names the outlet: the name itself, the name with or
    /// without `The`, the start of a longer name (`NBN` for `NBN News Network`), or a longer
    /// form that ends with it (`Council of the European Union` for `European Union`), or the name
    /// with its long form after a dash (`AOP - Agence Ouest-Africaine de Presse` for `AOP`).
    static func isMasthead(_ line: String, naming name: String) -> Bool {
        let words = Text.words(line)
        guard (1...6).contains(words.count) else { return false }
        let lower = line.lowercased()
        let target = name.lowercased()
        let core = lower.hasPrefix("the ") ? String(lower.dropFirst(4)) : lower
        let targetCore = target.hasPrefix("the ") ? String(target.dropFirst(4)) : target
        return core == targetCore || targetCore.hasPrefix(core + " ") || lower.hasSuffix(" " + targetCore) && words.count <= 6
            || core.hasPrefix(targetCore + " - ") || core.hasPrefix(targetCore + " \u{2013} ")
    }
}
