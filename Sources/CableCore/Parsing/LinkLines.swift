import Foundation

/// Lines that name other stories or topics: `READ MORE: Headline` links and tag lines.
enum LinkLines {
    /// The headline of a `READ MORE: Headline` line (or `Also read - …`, `See also | …`), or nil
    /// for anything else (a bare `Read more` button is furniture).
    static func readMoreHeadline(_ line: String) -> String? {
        // A messaging post marks the link with a pictograph: `➡️ Read also: …`.
        if let first = line.unicodeScalars.first, Text.isPictograph(first) {
            return readMoreHeadline(String(Text.afterPictographs(line)))
        }
        let lower = line.prefix(20).lowercased()
        for label in Vocabulary.readMoreLabels where lower.hasPrefix(label) {
            // `Read moreNiger's junta orders …`: a link's label and headline saved without a space.
            let glued = Substring(line).dropFirst(label.count)
            if label.contains(" "), let first = glued.unicodeScalars.first, Text.letterCase(first) == .upper, Text.words(glued).count >= 3 {
                return String(glued)
            }
            var rest = glued.drop(while: { $0 == " " })
            // The separator: `:`, `-`, `|`, `»`, or a dash.
            // (A longer label may follow: `Related story: …` is not `Related` and a separator.)
            guard let separator = rest.first, ":-|\u{BB}\u{2013}\u{2014}".contains(separator) else { continue }
            rest = rest.dropFirst().drop(while: { $0 == " " })
            guard Text.words(rest).count >= 2 else { return nil }
            return String(rest)
        }
        return nil
    }

    /// The topics of a line that says it lists them (`Tags: Arctic, Russia`), or nil.
    static func labelledTags(_ line: String) -> [String]? {
        let lower = line.prefix(20).lowercased()
        for prefix in Vocabulary.tagPrefixes where lower.hasPrefix(prefix) {
            var rest = Substring(line).dropFirst(prefix.count).drop(while: { $0 == " " })
            if Vocabulary.tagListNouns.contains(prefix) { rest = withoutQualifier(rest) }
            guard let separator = rest.first, separator == ":" || separator == "-" else { continue }
            let list = rest.dropFirst().drop(while: { $0 == " " })
            let items = hashtags(String(list)) ?? tagItems(list)
            return items.isEmpty ? nil : items
        }
        return nil
    }

    /// A tag label's few words in lower case before its colon (`Tags in this thread: …`,
    /// `Topics for this story: …`) left out: what follows the colon.
    static func withoutQualifier(_ rest: Substring) -> Substring {
        guard let colon = rest.prefix(24).firstIndex(of: ":"), rest.first != ":" else { return rest }
        let words = Text.words(rest[..<colon])
        guard (1...3).contains(words.count), words.allSatisfy({ $0.allSatisfy { $0.isLowercase } }) else { return rest }
        return rest[colon...]
    }

    /// The topics of a line that reads as a tag list without saying so (`Arctic, Russia,
    /// shipping` or `Arctic | Russia`), or nil: short items, none a sentence or a site link.
    static func unlabelledTags(_ line: String, shape: LineShape) -> [String]? {
        if let tags = hashtags(line) { return tags }
        guard shape.commaCount >= 1 || Furniture.isSeparatorTrail(line), !shape.endsWithSentencePunctuation else { return nil }
        let items = tagItems(Substring(line))
        guard items.count >= 2 else { return nil }
        for item in items {
            // A tag has letters: `26.11.2024` or `41 min` beside it make a list of facts.
            guard item.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return nil }
            let words = Text.words(item).count
            if item.utf8.count > 48 || item.contains(":") || words > 4 { return nil }
            // `Terms | Privacy | Cookie settings` is the site's, not the article's.
            if Vocabulary.siteLinks.contains(item.lowercased()) { return nil }
            // `Rue Belliard 40, 1040 Brussels, Belgium` is an address.
            if Text.containsAny(item.lowercased(), Vocabulary.addressWords) { return nil }
        }
        // `Rue Belliard 40, 1040 Brussels, Belgium`: a postcode opens an item of an address;
        // `2-2-1 Kasumigaseki, Chiyoda-ku, Tokyo 100-8919`: numbers joined by a hyphen are one.
        if items.contains(where: { Text.words($0).first.map { $0.count >= 3 && $0.allSatisfy(\.isNumber) } ?? false }) { return nil }
        if items.contains(where: { Text.words($0).contains(where: isNumberRange) }) { return nil }
        // `Share · Save · Gift this article`: a bar of buttons.
        if items.allSatisfy(Furniture.isKnownLabel) { return nil }
        let longest = items.map { Text.words($0).count }.max() ?? 0
        return items.count >= 3 || longest <= 2 ? items : nil
    }

    /// A messaging post's hashtags (`#Kazakhstan #CPC #oil`): the tags without their marks.
    static func hashtags(_ line: String) -> [String]? {
        guard line.hasPrefix("#") else { return nil }
        let words = Text.words(line)
        guard words.count >= 2, words.allSatisfy({ $0.hasPrefix("#") && $0.count > 1 && !$0.dropFirst().hasPrefix("#") }) else { return nil }
        return words.map { String($0.dropFirst()) }
    }

    /// A house number or postcode written with hyphens (`2-2-1`, `100-8919`), not a year's span.
    static func isNumberRange(_ word: Substring) -> Bool {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
            && !(parts.count == 2 && parts.allSatisfy { $0.count == 4 || $0.count == 2 })
    }

    /// The items of a tag line, split at `,` `|` `;` `•` `·`, trimmed, empty ones left out.
    static func tagItems(_ text: Substring) -> [String] {
        // A slash between spaces separates too (`Teesta / water sharing`); one inside a word does not.
        var text = String(text)
        if Text.contains(text, " / ") { text = text.replacingOccurrences(of: " / ", with: " | ") }
        return text.unicodeScalars.split(whereSeparator: tagSeparators.contains)
            .map { String(String.UnicodeScalarView($0)).trimmingSpaces }
            .filter { !$0.isEmpty }
    }

    private static let tagSeparators: ScalarSet = [",", "|", ";", "\u{2022}", "\u{B7}"]

    /// The outlet a copyright line names: `© 2024 The Ledger Post. All rights reserved.` gives
    /// `The Ledger Post` (years and the word "copyright" stand on either side of the name).
    static func outletName(_ line: String) -> String? {
        let lower = line.lowercased()
        guard lower.unicodeScalars.contains("©") || Text.contains(lower, "(c)") || lower.hasPrefix("copyright ") else { return nil }
        // (`Copyright Information` is a link; a notice has the sign or a year.)
        let hasYear = line.unicodeScalars.filter(Text.isDigit).count >= 4
        guard let mark = line.range(of: "©") ?? line.range(of: "(c)", options: .caseInsensitive)
            ?? (line.lowercased().hasPrefix("copyright ") && hasYear ? line.range(of: " ") : nil) else { return nil }
        var rest = line[mark.upperBound...]
        // `Carbon & Customs © 2025`, `Longitude Media, Inc. © 2024. All rights reserved.`: the
        // holder before the sign, when only a year (and the notice) follows it.
        let afterNotice = rest.range(of: "all rights reserved", options: .caseInsensitive).map { rest[..<$0.lowerBound] } ?? rest
        if !afterNotice.contains(where: \.isLetter), line[..<mark.lowerBound].contains(where: \.isLetter) { rest = line[..<mark.lowerBound] }
        if let notice = rest.range(of: "all rights reserved", options: .caseInsensitive) { rest = rest[..<notice.lowerBound] }
        var words = Text.words(rest)
        func isYearOrFiller(_ word: Substring) -> Bool {
            word.lowercased() == "copyright" || word.allSatisfy { $0.isNumber || "-–.,".contains($0) }
        }
        while let first = words.first, isYearOrFiller(first) { words.removeFirst() }
        while let last = words.last, isYearOrFiller(last) { words.removeLast() }
        let name = Text.trimmed(Substring(words.joined(separator: " ")), where: { ".,;| ".unicodeScalars.contains($0) })
        return name.isEmpty ? nil : String(name)
    }
}
