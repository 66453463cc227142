/// Page furniture: the buttons, labels, notices, captions and bylines a saved page carries
/// around the article. Each rule is one small function; `isFurniture` applies them in order.
/// (Short lines that are not sentences are also kept out of the body by their shape; see
/// `LineKind`.)
enum Furniture {
    /// Whether the line is furniture wherever it stands.
    static func isFurniture(_ line: String, shape: LineShape) -> Bool {
        if announcesCaptionOrCredit(Array(Text.afterPictographs(line).prefix(20).lowercased().utf8)) || isFootnote(line) || isAside(line)
            || isPrintMargin(line) || isNoteAboutItself(line) {
            return true
        }
        // Long lines are text, whatever words they contain, unless they are a cookie or
        // newsletter notice (phrases no article uses).
        guard shape.wordCount <= 40 else { return longNotices.contains(foldingCaseIn: line) }
        let lowered = line.lowercased()
        if isCaption(lowered) || endsWithCreditedPhoto(line) || shape.wordCount <= 30 && hasAddress(lowered) || isSeparatorTrail(line) {
            return true
        }
        if isSectionMenu(lowered, shape: shape) { return true }
        let lower = Array(lowered.utf8)
        if notices.contains(in: lower) { return true }
        guard shape.wordCount <= 14 else { return false }
        let label = trimmedLabel(line)
        if label.isEmpty || isKnownLabel(label) { return true }
        if shape.wordCount <= 5 && isGluedLabels(label) { return true }
        if isSeparatorTrail(line) { return true }
        // (Notices were looked for above, on every line.)
        if shape.wordCount <= 12 && !shape.endsWithSentencePunctuation || shape.wordCount <= 8,
            phrases.contains(in: lower) { return true }
        // Generic words (`comment`, `share`, `video`) only mark very short lines.
        if shape.wordCount <= 4 && !shape.endsWithSentencePunctuation && shortLineWords.contains(in: lower) { return true }
        return false
    }

    /// The desk's note about the article itself: an amendment, a translation, a licence or an
    /// archive notice (`This article was amended on …`, `This page is archived …`), told by
    /// how it goes on (`Vocabulary.deskNoteOpenings`).
    static func isNoteAboutItself(_ line: String) -> Bool {
        let words = Text.words(line, first: 3)
        guard words.count == 3, words[0] == "This", Vocabulary.articleNouns.contains(String(words[1])) else { return false }
        return deskNotes.isPrefix(of: Array(line[words[2].startIndex...].prefix(40).lowercased().utf8))
    }

    /// A button that does something to the page itself (`License this article`, `Report this
    /// story`, `Print this page`): a short line ending in `this article`. Never a tag or a
    /// headline.
    static func isActionOnItself(_ line: String) -> Bool {
        let words = Text.words(line).map { $0.lowercased() }
        guard (2...5).contains(words.count), words[words.count - 2] == "this" else { return false }
        return Vocabulary.articleNouns.contains(words[words.count - 1])
    }

    /// A browser's header or footer on a printed page: the time of printing, not of
    /// publication. Firefox's footer is the page count and the time (`1 of 3 14/03/2024, 10:22`);
    /// Chrome's header is the time and the page's title (`3/20/25, 8:47 AM Beijing signals …`).
    static func isPrintMargin(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first, Text.isDigit(first) else { return false }
        let words = Text.words(line, first: 4)
        guard words.count >= 3 else { return false }
        if words[0].allSatisfy(\.isNumber), words[1] == "of", words[2].allSatisfy(\.isNumber) {
            let rest = Text.words(line).dropFirst(3)
            return rest.count <= 3 && Dateline.date(in: rest.joined(separator: " ")) != nil
        }
        // `M/D/YY, H:MM AM`, then the title.
        let numericDate = words[0].hasSuffix(",") && words[0].split(separator: "/").count == 3
            && words[0].dropLast().allSatisfy { $0.isNumber || $0 == "/" }
        let clock = words[1].contains(":") && words[1].allSatisfy { $0.isNumber || $0 == ":" }
        return numericDate && clock && ["am", "pm"].contains(words[2].lowercased()) && words.count > 3
    }

    /// `Image caption: …`, `Photo: Reuters`, `© 2024 …`.
    static func announcesCaptionOrCredit(_ lower: [UInt8]) -> Bool { prefixes.isPrefix(of: lower) }

    /// One of the labels pages use for buttons and sections (`Share`, `Most read`).
    static func isKnownLabel(_ label: String) -> Bool {
        label.utf8.count <= 64 && Vocabulary.furnitureLines.contains(label.lowercased())
    }

    /// The line lower-cased without surrounding spaces, bullets and punctuation: what a label
    /// list is compared with.
    static func trimmedLabel(_ line: String) -> String {
        String(Text.trimmed(Substring(line), where: labelEdges.contains))
    }

    private static let labelEdges: ScalarSet = [" ", "-", "|", "*", ">", ":", ".", "/"]

    /// Labels glued together without a space (`Community standardsDiscussion`): a lower-case
    /// letter followed by a capital, and the whole line splits into known labels.
    static func isGluedLabels(_ label: String) -> Bool {
        let scalars = label.unicodeScalars
        let hasGlue = zip(scalars, scalars.dropFirst()).contains {
            Text.letterCase($0) == .lower && Text.letterCase($1) == .upper
        }
        return hasGlue && splitsIntoLabels(label.lowercased())
    }

    /// Whether `key` splits, longest piece first, into two or more known labels.
    static func splitsIntoLabels(_ key: String) -> Bool {
        let scalars = Array(key.unicodeScalars)
        var start = 0
        var pieces = 0
        while start < scalars.count {
            let longest = min(scalars.count - start, 40)
            guard let length = stride(from: longest, through: 2, by: -1).first(where: { length in
                let piece = String(String.UnicodeScalarView(scalars[start..<(start + length)]))
                return Vocabulary.furnitureLines.contains(piece.trimmingSpaces)
            }) else { return false }
            start += length
            pieces += 1
        }
        return pieces >= 2
    }

    /// Breadcrumbs and share bars: `Home | World | Europe`, `Home > World`, `Arctic • Russia`.
    static func isSeparatorTrail(_ line: String) -> Bool {
        guard line.utf8.count <= 120 else { return false }
        let scalars = Array(line.unicodeScalars)
        var separators = 0
        for (k, scalar) in scalars.enumerated() {
            let spaced = k > 0 && scalars[k - 1] == " " && k + 1 < scalars.count && scalars[k + 1] == " "
            switch scalar {
            case "|", ">", "/": if spaced { separators += 1 }
            case "\u{2022}", "\u{203A}": separators += 1  // • ›
            case "\u{BB}", "\u{B7}": if k > 0 && scalars[k - 1] == " " { separators += 1 }  // » ·
            default: break
            }
        }
        // `Politics | Security`: one separator is enough on a short line.
        return separators >= 2 || separators == 1 && line.utf8.count <= 40
    }

    /// A site's section menu saved as one line (`News Opinion Sport Culture Lifestyle`, `HOME
    /// POLITICS ECONOMY SOCIETY`): four or more words, no punctuation, and most of the words the
    /// names of a news site's sections. Long enough to pass for a Title Case headline, but a
    /// headline has a verb and function words.
    static func isSectionMenu(_ lower: String, shape: LineShape) -> Bool {
        guard shape.wordCount >= 4, shape.commaCount == 0, !shape.endsWithSentencePunctuation, !shape.endsWithColon,
            shape.significantWords == shape.letterWords, shape.lowercaseWords <= 1 else { return false }
        let sections = Text.words(lower).filter { Vocabulary.sectionNames.contains(String($0)) }.count
        return sections >= 4 && sections * 5 >= shape.wordCount * 3
    }

    /// A row of links or buttons saved with wide gaps between its items (`About   Contact   Code of
    /// Ethics   Privacy Policy`, `Facebook   X   YouTube`): four items or more, each a few words,
    /// and no sentence. Prose is never typeset with such gaps.
    static func isLinkRow(_ line: PageLine) -> Bool {
        guard line.gaps >= 3, line.text.utf8.count <= 160 else { return false }
        let shape = LineShape(line.text)
        return !shape.endsWithSentencePunctuation && shape.wordCount <= 4 * (line.gaps + 1)
    }

    /// A byline or credit line: `By Jane Doe`, `By Jane Doe, Defence Correspondent`, `Words by
    /// …`, `Edited by …`, `-- Reporting by …`, `From Reuters`.
    static func isByline(_ line: String, shape: LineShape) -> Bool {
        guard shape.wordCount <= 30 else { return false }
        let lower = String(Text.trimmed(Substring(line.lowercased()), where: { "-–—|• ".unicodeScalars.contains($0) }))
        // A credit may end with a full stop (`Translated from the French by Jane Doe.`) when it is
        // short or labelled (`Reporting: …`); a long sentence that opens `Produced by …` is text.
        if let credit = Vocabulary.creditPrefixes.first(where: { lower.hasPrefix($0) }) {
            // A gallery's headline (`Photos: In Tavush, villagers watch the border move`) goes
            // on in ordinary words; a photo credit names photographers and agencies.
            if credit.hasPrefix("photo"), credit.hasSuffix(": "), shape.lowercaseWords >= 3 { return false }
            return !shape.endsWithPeriod || shape.wordCount <= 12 || credit.hasSuffix(": ")
        }
        guard !shape.endsWithPeriod || shape.wordCount <= 6 else { return false }
        guard shape.wordCount <= 14 else { return isNameList(after: "by ", in: line) }
        return Vocabulary.bylinePrefixes.contains { lower.hasPrefix($0) } || lower.hasPrefix("from ") && shape.wordCount <= 4
    }

    /// A long byline of several authors with their outlets (`by Jane Doe and John Roe, The Keel
    /// Project, and Ann Poe, Baltic Network`): after the prefix, only capitalised words and the
    /// words that join names, and no sentence's full stop.
    static func isNameList(after prefix: String, in line: String) -> Bool {
        guard line.lowercased().hasPrefix(prefix), !LineShape(line).endsWithSentencePunctuation else { return false }
        return Text.words(line.dropFirst(prefix.count)).allSatisfy { word in
            Text.initialCase(word) == .upper || Vocabulary.nameListJoiners.contains(word.lowercased())
        }
    }

    /// A photo caption (given lower-cased): `Item 1 of 2 …`, `[1/2] …`, `FILE - …`, or a sentence
    /// that ends with its credit (`… Photograph: US Navy/AFP/Getty Images`, `… (Atlas
    /// Photo/Samuel Kabeya, File)`).
    static func isCaption(_ lower: String) -> Bool {
        if lower.hasPrefix("file -") || lower.hasPrefix("file photo") || lower.hasPrefix("file:") { return true }
        // `… a sentence.”Credit...Jane Doe for The Ledger`: the credit glued to the caption.
        if Text.containsAny(lower, Vocabulary.gluedCreditMarks) { return true }
        let words = Text.words(lower, first: 4)
        if words.count > 3, words[0] == "item", words[1].allSatisfy(\.isNumber), words[2] == "of" { return true }
        if let first = words.first, first.hasPrefix("["), first.contains("/"), first.dropFirst().first?.isNumber == true { return true }
        return endsWithPhotoCredit(lower)
    }

    /// The end of a caption: after its last sentence, a credit that names a photo source.
    static func endsWithPhotoCredit(_ lower: String) -> Bool {
        if Text.contains(lower, " pictured ") { return true }
        let tail: Substring
        if lower.hasSuffix(")"), let open = lower.lastIndex(of: "(") {
            tail = lower[open...]
        } else if let stop = lastSentenceStart(lower) {
            tail = lower[stop...]
        } else {
            return false
        }
        guard Text.words(tail).count <= 8 else { return false }
        if isNamedPhoto(tail) { return true }
        let creditWords = Vocabulary.photoCreditWords
        let inBrackets = tail.hasPrefix("(")
        return (tail.contains("/") || inBrackets) && Text.containsAny(tail, creditWords)
            || Vocabulary.furniturePrefixes.contains { tail.dropFirst(inBrackets ? 1 : 0).hasPrefix($0) && $0.hasSuffix(":") }
    }

    /// A caption's last words naming whose picture it is, with no full stop (`Times-Herald file
    /// photo`, `Staff photo`): at most four words ending in `photo`; a sentence that mentions
    /// a photo goes on or stops with a full stop.
    static func isNamedPhoto(_ tail: Substring) -> Bool {
        let words = Text.words(tail)
        return (2...4).contains(words.count) && ["photo", "photograph"].contains(words.last.map(String.init) ?? "")
    }

    /// A caption whose last sentence is the photographer's credit, in brackets or after the
    /// sentence (`… last month. (Ana Rivas for The Tribune)`, `… in Ankara. ( Emre Sahin - Anadolu
    /// Agency )`, `… of the corridor. Victor Besa / Gulf Horizon`): names only, after a full stop.
    /// Without brackets the caption must be a sentence in sentence case: a headline in Title Case
    /// may end `… It Is Waiting for Us to Stop`.
    static func endsWithCreditedPhoto(_ line: String) -> Bool {
        guard line.utf8.count <= 400, let stop = lastSentenceStart(line) else { return false }
        var credit = Substring(line[stop...])
        let inBrackets = credit.hasPrefix("(") && credit.hasSuffix(")")
        if inBrackets { credit = credit.dropFirst().dropLast() }
        // The credit is looked at first: few lines end in one, and the caption's shape is the
        // costly part (every line of up to 40 words with two sentences is asked).
        guard isCredit(credit) else { return false }
        let caption = LineShape(String(line[..<stop]))
        return caption.wordCount >= 6 && (inBrackets || caption.lowercaseWords >= 2)
    }

    /// `Name - Agency` (each side one to five capitalised words, the first a person's name), or a
    /// photographer's credit.
    private static func isCredit(_ credit: Substring) -> Bool {
        let words = Text.words(credit)
        let dashes = words.indices.filter { words[$0] == "-" || words[$0] == "–" }
        if dashes.count == 1, let dash = dashes.first {
            let sides = [words[..<dash], words[(dash + 1)...]]
            return sides.allSatisfy { side in
                (1...5).contains(side.count) && side.allSatisfy { Text.initialCase($0) == .upper }
            } && isPersonName(words[..<dash].joined(separator: " "))
        }
        // A photographer's credit has two to nine words once `A / B` is read as one.
        let slashes = words.filter { $0 == "/" }.count
        guard (2...9).contains(words.count - 2 * slashes) else { return false }
        let joined = slashes == 0 ? String(credit) : String(credit).replacingOccurrences(of: " / ", with: "/")
        return isPhotographersCredit(joined.trimmingSpaces)
    }

    /// Two to four capitalised words: a person's name as a credit gives it.
    private static func isPersonName(_ text: String) -> Bool {
        let words = Text.words(text)
        return (2...4).contains(words.count) && words.allSatisfy { Text.initialCase($0) == .upper }
            && !words.contains { Vocabulary.titleHeads.contains($0.lowercased()) }
    }

    /// A photographer's credit on a line of its own under a caption (`Ingrid Solheim for The
    /// Dominion Review`, `Anya Lindgren/National Airwaves`, `hide caption`): names only, joined by
    /// `for` or a slash.
    static func isPhotographersCredit(_ line: String) -> Bool {
        let words = Text.words(line)
        guard (2...9).contains(words.count), !LineShape(line).endsWithSentencePunctuation else { return false }
        if Vocabulary.captionToggles.contains(line.lowercased()) { return true }
        func isName(_ word: Substring) -> Bool {
            Text.initialCase(word) == .upper || Vocabulary.smallWords.contains(word.lowercased()) && word.lowercased() != "for"
        }
        let lower = words.map { $0.lowercased() }
        if let forIndex = lower.firstIndex(of: "for") {
            let person = words[..<forIndex]
            return person.count >= 2 && forIndex + 1 < words.count && person.allSatisfy { Text.initialCase($0) == .upper }
                && !person.contains { Vocabulary.titleHeads.contains($0.lowercased()) } && words[(forIndex + 1)...].allSatisfy(isName)
        }
        return words.contains { $0.contains("/") && !$0.hasPrefix("/") && !$0.hasSuffix("/") }
            && !line.contains("://") && words.allSatisfy { Text.initialCase($0) == .upper }
    }

    /// Where the last sentence of a line starts (after its last `. `), if it has two.
    static func lastSentenceStart(_ line: String) -> String.Index? {
        let utf8 = line.utf8
        var index = utf8.endIndex
        while index > utf8.startIndex {
            let space = utf8.index(before: index)
            if utf8[space] == 0x20, space > utf8.startIndex, utf8[utf8.index(before: space)] == 0x2E { return index }
            index = space
        }
        return nil
    }

    /// A line wholly in brackets: a stage direction (`(Laughter.)`, `(The briefing was concluded
    /// at 2:41 p.m.)`) or a credit (`(Reporting by …)`).
    static func isAside(_ line: String) -> Bool {
        line.hasPrefix("(") && line.hasSuffix(")") || line.hasPrefix("[") && line.hasSuffix("]")
    }

    /// A fact-check's or a report's box line (`Claim: …`, `Verdict: Misleading`, `Half True: …`).
    static func isBoxLine(_ line: String) -> Bool {
        // The label is at most 20 characters: the colon is looked for there only, not along a
        // whole paragraph (every body paragraph is asked).
        guard let colon = line.prefix(21).firstIndex(of: ":") else { return false }
        return Vocabulary.boxLabels.contains(line[..<colon].lowercased())
    }

    /// A footnote: `[1] …`, `¹ …`.
    static func isFootnote(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first else { return false }
        if "¹²³⁴⁵⁶⁷⁸⁹⁰".unicodeScalars.contains(first) { return true }
        guard first == "[", let close = line.firstIndex(of: "]") else { return false }
        let label = line[line.index(after: line.startIndex)..<close]
        return !label.isEmpty && label.allSatisfy(\.isNumber) && line[close...].hasPrefix("] ")
    }

    /// A web or mail address (`https://…`, `www.…`, `press@…`) in a lower-cased line: on a short
    /// line, a link or a contact, not prose.
    static func hasAddress(_ lower: String) -> Bool {
        guard lower.utf8.contains(where: { $0 == 0x40 || $0 == 0x2F || $0 == 0x77 }) else { return false }  // @ / w
        if Text.containsAny(lower, ["http://", "https://", "www."]) { return true }
        guard lower.utf8.contains(0x40) else { return false }  // @
        return Text.words(lower).contains { word in
            guard let at = word.firstIndex(of: "@"), at != word.startIndex else { return false }
            return word[at...].contains(".")
        }
    }

    /// Lines that close an article without being part of it: a credit (`Hannah Greer reported
    /// from Washington.`, `… contributed to this report.`) or the author's biography (`Jane Doe
    /// is a senior fellow at …`, `Doe covers energy for …`).
    static func isCreditOrBiography(_ line: String, shape: LineShape) -> Bool {
        guard shape.wordCount <= 60 else { return false }
        // `The Treaty Room is produced by …`
        if shape.endsWithPeriod, Text.containsAny(line, [" is produced by ", " is presented by ", " is edited by ", " is hosted by "]) {
            return true
        }
        let words = Text.words(line)
        // A name (two to four capitalised words), then a verb a biography or credit opens with,
        // perhaps after a description between commas (`Jane Doe, a former Treasury official, is …`).
        guard var verb = words.prefix(6).firstIndex(where: { Text.initialCase($0) != .upper }), verb >= 2,
            words[..<verb].allSatisfy({ ProseToken(String($0)).isCapitalised && !$0.unicodeScalars.contains(where: QuoteMarks.all.contains) }),
            !Vocabulary.determiners.contains(words[0].lowercased()) else { return false }
        if words[verb - 1].hasSuffix(","), Vocabulary.indefiniteArticles.contains(words[verb].lowercased()),
            let close = words[verb...].prefix(12).firstIndex(where: { $0.hasSuffix(",") }), close + 1 < words.count {
            verb = close + 1
        }
        let next = words[verb].lowercased()
        if Vocabulary.biographyVerbs.contains(next) { return shape.endsWithPeriod }
        // (The first line of a wrapped biography has no full stop yet: a long one need not.)
        if Vocabulary.biographyLinks.contains(next) {
            return (shape.endsWithPeriod || shape.wordCount >= 10) && Text.containsAny(line.lowercased(), Vocabulary.biographyNouns)
        }
        return next == "reported" && verb + 1 < words.count && words[verb + 1] == "from" && shape.wordCount <= 15
    }

    private static let prefixes = PhraseSet(Vocabulary.furniturePrefixes)
    private static let deskNotes = PhraseSet(Vocabulary.deskNoteOpenings)
    private static let notices = PhraseSet(Vocabulary.noticePhrases + Vocabulary.longNoticePhrases)
    private static let longNotices = PhraseSet(Vocabulary.longNoticePhrases)
    private static let phrases = PhraseSet(Vocabulary.furniturePhrases)
    private static let shortLineWords = PhraseSet(Vocabulary.shortLineWords)
}

extension String {
    /// Without leading and trailing spaces.
    var trimmingSpaces: String { String(Text.trimmed(Substring(self), where: { $0 == " " })) }
}
