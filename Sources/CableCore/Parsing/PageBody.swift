/// The body: its paragraphs in page order, lead first, and the READ MORE links among them.
///
/// Between the first and the last paragraph, what is not a paragraph: list items and summary
/// bullets, the lines under a `Key points` or `Summary` heading, subheadings, a live blog's
/// entry headings, newsletter boxes, boxes under a list's heading (`Most read`, `Sponsored`),
/// a box's labelled lines (`Claim: …`), repeats of the body's own words (pull quotes),
/// anything after a press release's end mark (`###`,
/// `-ENDS-`), and the credits and biographies that close an article.
enum PageBody {
    /// Reads the body at `range` of the page's lines (the summary heading that the first lines
    /// stand under may be above it).
    static func read(_ page: [LogicalLine], _ range: Range<Int>, sections: [Int: PageBottom.Section], into parts: inout PageParts) {
        let lines = page[range]
        let summaries = summarySections(page[...])
        var paragraphs: [(index: Int, text: String)] = []
        var linkedHeadline: Int?
        for index in lines.indices where index != linkedHeadline {
            let line = lines[index]
            if isEndMark(line) { break }
            if line.kind == .readMore, let link = line.link {
                parts.readMore.append(link)
            } else if let headline = readMoreOnNextLine(index, in: lines), sections[headline] == nil {
                parts.readMore.append(lines[headline].text)
                linkedHeadline = headline
            } else if !summaries.contains(index), sections[index] == nil, isParagraph(index, in: lines, page: page[...]) {
                paragraphs.append((index, line.kind == .prose ? Bullets.withoutBullet(line.text, dashes: false) : line.text))
            } else if line.kind != .prose, parts.published == nil {
                parts.published = line.date
            }
        }
        paragraphs = withoutReaderAddress(paragraphs, in: page[...])
        while let last = paragraphs.last, !isLifeDates(lines[last.index]),
            Furniture.isCreditOrBiography(lines[last.index].text, shape: lines[last.index].shape) {
            paragraphs.removeLast()
        }
        paragraphs = withoutRepeats(paragraphs)
        parts.paragraphs = paragraphs.map(\.text)
    }

    /// Whether the line at `index` of the body `lines` is a paragraph of the article (a sign-up
    /// box is looked at on the whole `page`: the body may end inside one).
    static func isParagraph(_ index: Int, in lines: ArraySlice<LogicalLine>, page: ArraySlice<LogicalLine>) -> Bool {
        let line = lines[index]
        // (A dateline with its comma, `This content was published on Apr 2, 2024`, is no paragraph.)
        if isLifeDates(line) { return true }
        guard line.kind == .prose || line.kind == .other && line.date == nil && LineKinds.isUnpunctuatedParagraph(line.shape)
            && !isNumberedHeading(line) else {
            return false
        }
        return !isListItem(line) && !isLinkWithArrow(line) && !isSubheading(line) && !isLabel(line) && !Furniture.isBoxLine(line.text)
            && !isEntryHeading(index, in: lines) && !isNewsletterPromotion(index, in: page) && !isCaptionAboveCredit(index, in: lines)
            && !isTeaser(index, in: lines) && !isNumberedNote(index, in: lines) && !isUnderBoxHeading(index, in: lines)
    }

    /// An obituary's closing line (`Ada Marie Holm, engineer, born 2 May 1941; died 9 March
    /// 2025`): the person's name, what they were, and the dates of birth and death. The paper
    /// prints it as the article's last paragraph, though it is no sentence, carries dates and
    /// reads like an author's biography.
    static func isLifeDates(_ line: LogicalLine) -> Bool {
        guard line.shape.wordCount <= 30, let born = line.text.range(of: "born "),
            let died = line.text.range(of: "died ", range: born.upperBound..<line.text.endIndex) else { return false }
        let years = Text.words(line.text).filter { word in
            word.unicodeScalars.filter(Text.isDigit).count == 4 && word.unicodeScalars.prefix(4).allSatisfy(Text.isDigit)
        }
        let separator = line.text[born.upperBound..<died.lowerBound]
        return years.count >= 2 && (separator.hasSuffix("; ") || separator.hasSuffix(", ")) && line.text.contains(", ")
    }

    /// Without the lines that speak to the reader (see `ReaderAddress`): calls to action, and
    /// lines in the second person or the site's `we` unless the page's own voice is personal or
    /// the line opens a live blog's entry (`page` is every line of the page).
    static func withoutReaderAddress(_ paragraphs: [(index: Int, text: String)], in page: ArraySlice<LogicalLine>) -> [(index: Int, text: String)] {
        let calls = Set(paragraphs.map(\.index).filter { ReaderAddress.isCallToAction(page[$0]) })
        let addressing = Set(paragraphs.map(\.index).filter { !calls.contains($0) && ReaderAddress.addressesReader(page[$0]) })
        guard !calls.isEmpty || !addressing.isEmpty else { return paragraphs }
        let personal = ReaderAddress.speaksPersonally(paragraphs.lazy.map { page[$0.index] })
        let notices = personal ? [] : addressing.filter { !opensEntry($0, in: page) }
        return paragraphs.filter { !calls.contains($0.index) && !notices.contains($0.index) }
    }

    /// The first line of a live blog's entry, under its heading (`Good morning and welcome to
    /// our live coverage …`): the blog's own words.
    static func opensEntry(_ index: Int, in page: ArraySlice<LogicalLine>) -> Bool {
        index > page.startIndex && isEntryHeading(index - 1, in: page)
    }

    /// A numbered section heading (`1. The "best efforts" obligation (Article 8a)`): numbering
    /// and no sentence after it, whatever quotation marks or commas it holds.
    static func isNumberedHeading(_ line: LogicalLine) -> Bool {
        !line.shape.endsWithSentencePunctuation && Bullets.withoutNumbering(line.text) != line.text
    }

    /// A photo's caption: the line right above the photographer's credit (`… last September.` /
    /// `Ingrid Solheim for The Dominion Review`).
    static func isCaptionAboveCredit(_ index: Int, in lines: ArraySlice<LogicalLine>) -> Bool {
        index + 1 < lines.endIndex && lines[index + 1].block == lines[index].block
            && Furniture.isPhotographersCredit(lines[index + 1].text)
    }

    /// A link or a button drawn with an arrow after it (`Try it free for 14 days →`, `Open on
    /// Bluesky ↗`): no paragraph or headline of an article ends in one.
    static func isLinkWithArrow(_ line: LogicalLine) -> Bool {
        line.text.unicodeScalars.last.map(linkArrows.contains) ?? false
    }

    private static let linkArrows: ScalarSet = ["\u{2192}", "\u{2197}", "\u{21D7}", "\u{2794}", "\u{279C}", "\u{27F6}"]

    /// A short line that introduces what follows (`Mentioned in this episode:`).
    static func isLabel(_ line: LogicalLine) -> Bool {
        line.shape.endsWithColon && line.shape.wordCount <= 4
    }

    /// Without the paragraphs a page repeats from its own body (a pull quote, a claim card, a
    /// standfirst repeating the lead): a shorter paragraph found word for word inside another.
    static func withoutRepeats(_ paragraphs: [(index: Int, text: String)]) -> [(index: Int, text: String)] {
        // Only a quotation standing alone (nothing after its closing mark), a box line, or a bare
        // sentence near the paragraph it repeats (see `opensNearbyParagraph`) can be a repeat.
        func mayRepeat(_ text: String) -> Bool {
            let scalars = text.unicodeScalars
            let quotation = scalars.first.map(QuoteMarks.opening.contains) ?? false
                && scalars.last.map { QuoteMarks.all.contains($0) || ".!?".unicodeScalars.contains($0) } ?? false
            return (quotation || Furniture.isBoxLine(text)) && Text.words(text).count <= 40
                && !Text.containsAny(text, [" said", " says", " told"])
        }
        let quoted = Set(paragraphs.indices.filter { mayRepeat(paragraphs[$0].text) })
        let short = paragraphs.indices.filter { !quoted.contains($0) && isOneShortSentence(paragraphs[$0].text) }
        let bytes = short.isEmpty ? [] : paragraphs.map { Array($0.text.utf8) }
        let lone = Set(short.filter { opensNearbyParagraph($0, in: bytes) })
        let candidates = quoted.union(lone)
        guard !candidates.isEmpty else { return paragraphs }
        var keys: [Int: [UInt8]] = [:]
        func key(_ i: Int) -> [UInt8] {
            if let known = keys[i] { return known }
            let made = repeatKey(paragraphs[i].text)
            keys[i] = made
            return made
        }
        let repeats = Set(candidates.filter { i in
            let own = key(i)
            let searched = lone.contains(i) ? max(0, i - 2)..<min(paragraphs.count, i + 3) : paragraphs.indices
            return own.count >= 20 && searched.contains { j in
                j != i && paragraphs[j].text.utf8.count > paragraphs[i].text.utf8.count && Text.contains(key(j), own)
            }
        })
        return paragraphs.indices.filter { !repeats.contains($0) }.map { paragraphs[$0] }
    }

    /// What a pull quote without quotation marks around it is: one sentence (or a fragment) of
    /// up to about thirty words.
    static func isOneShortSentence(_ text: String) -> Bool {
        text.utf8.count <= 200 && Furniture.lastSentenceStart(text) == nil
    }

    /// Whether a longer paragraph within two of the one at `index` has its first twenty bytes
    /// (`paragraphs` as UTF-8): only then is a short sentence compared word for word, since
    /// most are no pull quote.
    static func opensNearbyParagraph(_ index: Int, in paragraphs: [[UInt8]]) -> Bool {
        let opening = Array(paragraphs[index].prefix(20))
        return (max(0, index - 2)..<min(paragraphs.count, index + 3)).contains { j in
            j != index && paragraphs[j].count > paragraphs[index].count && Text.contains(paragraphs[j], opening)
        }
    }

    /// A paragraph's words as compared for repeats: its letters, digits and spaces, lower-cased
    /// (a box label, quotation marks and punctuation aside), as UTF-8.
    static func repeatKey(_ text: String) -> [UInt8] {
        var body = Substring(text)
        if Furniture.isBoxLine(text), let colon = body.firstIndex(of: ":") { body = body[body.index(after: colon)...] }
        var key = String.UnicodeScalarView()
        for scalar in body.unicodeScalars where scalar == " " || Text.isLetterOrDigit(scalar) {
            key.append(Text.letterCase(scalar) == .upper ? Character(scalar).lowercased().unicodeScalars.first ?? scalar : scalar)
        }
        return Array(String(key).trimmingSpaces.utf8)
    }

    /// A bulleted line (`•`, `*`, `-`, `>`, `→`): a list item or a summary point. A dash that
    /// opens a turn of an interview (`— Why now?`) is not a bullet.
    static func isListItem(_ line: LogicalLine) -> Bool {
        Bullets.length(line.text, dashes: false) > 0 || line.text.hasPrefix("- ") || line.text.hasPrefix("> ")
    }

    /// A subheading inside the article: a short question standing for the section it opens
    /// (`What is in the package?`), not a turn of an interview.
    static func isSubheading(_ line: LogicalLine) -> Bool {
        line.shape.wordCount <= 8 && line.text.hasSuffix("?") && !line.shape.hasQuoteMark
            && SpeakerLabels.label(of: line.text) == nil && Bullets.length(line.text) == 0
    }

    /// A live blog's entry heading: a line without a full stop right after the entry's time,
    /// or right before the entry's byline (`From NBN's Amara Obi`).
    static func isEntryHeading(_ index: Int, in lines: ArraySlice<LogicalLine>) -> Bool {
        let line = lines[index]
        guard !line.shape.endsWithPeriod, line.shape.wordCount <= 20 else { return false }
        let previous = index > lines.startIndex ? lines[index - 1] : nil
        let next = index + 1 < lines.endIndex ? lines[index + 1] : nil
        let afterTime = previous.map { $0.kind != .prose && $0.shape.wordCount <= 10 && ($0.date != nil || Dateline.isTimeOfDay($0.text)) } ?? false
        let beforeByline = next.map { $0.isByline } ?? false
        return afterTime || beforeByline
    }

    /// The text of a newsletter sign-up box: a short line that speaks of news or a newsletter,
    /// beside a sign-up notice in the same block; or any short line between two lines of the box
    /// (`Free weekly newsletter` / `The most pressing stories for Europeans` / `Privacy Notice: …`).
    static func isNewsletterPromotion(_ index: Int, in lines: ArraySlice<LogicalLine>) -> Bool {
        let line = lines[index]
        guard line.shape.wordCount <= 30 else { return false }
        func isSignUp(_ neighbour: Int, notice: Bool) -> Bool {
            guard lines.indices.contains(neighbour), lines[neighbour].block == line.block,
                notice ? lines[neighbour].kind == .furniture : lines[neighbour].kind != .prose || lines[neighbour].shape.wordCount <= 5 else {
                return false
            }
            return Text.containsAny(lines[neighbour].text.lowercased(), Vocabulary.newsletterWords)
        }
        if isSignUp(index - 1, notice: false) && isSignUp(index + 1, notice: false) { return true }
        let besideSignUp = isSignUp(index - 1, notice: true) || isSignUp(index + 1, notice: true)
        return besideSignUp && Text.containsAny(line.text.lowercased(), Vocabulary.newsletterWords)
    }

    /// A sponsor's message or a chart's caption: the line under a sponsor's heading (`A word from
    /// this week's sponsor`) or a chart's placeholder (`Stock chart icon`) in the same block.
    static func isUnderBoxHeading(_ index: Int, in lines: ArraySlice<LogicalLine>) -> Bool {
        guard index > lines.startIndex, lines[index - 1].block == lines[index].block else { return false }
        let above = lines[index - 1].text.lowercased()
        if lines[index - 1].shape.wordCount <= 8, Text.containsAny(above, Vocabulary.sponsorHeadings) { return true }
        return lines[index - 1].kind != .prose && lines[index].shape.wordCount <= 12 && Text.containsAny(above, Vocabulary.chartPlaceholders)
    }

    /// A note under the article, its number on the line above (`1` / `The special budgets …`):
    /// the first note, or the next after the note two lines up; the text above refers to it
    /// (`… special budgets1, or …`). A list numbered on lines of their own is not notes.
    static func isNumberedNote(_ index: Int, in lines: ArraySlice<LogicalLine>) -> Bool {
        func number(_ k: Int) -> Int? {
            guard lines.indices.contains(k), lines[k].block == lines[index].block, lines[k].text.utf8.count <= 2 else { return nil }
            return Int(lines[k].text)
        }
        guard let note = number(index - 1), note == 1 || number(index - 3) == note - 1 else { return false }
        return lines[..<(index - 1)].contains { refersToNote(note, $0.text) }
    }

    /// Whether a line carries a note's number glued to a word (`budgets1,`, `budgets1`).
    static func refersToNote(_ note: Int, _ text: String) -> Bool {
        let mark = String(note)
        return Text.words(text).contains { word in
            var bare = word
            while let last = bare.last, !last.isLetter, !last.isNumber { bare = bare.dropLast() }
            guard bare.hasSuffix(mark), bare.count > mark.count else { return false }
            return bare.dropLast(mark.count).last?.isLetter ?? false
        }
    }

    /// A teaser for another story inside the body: its standfirst, between the story's headline
    /// (or its date) and the `Read more` link, in one block.
    static func isTeaser(_ index: Int, in lines: ArraySlice<LogicalLine>) -> Bool {
        let line = lines[index]
        guard line.shape.wordCount <= 40, index > lines.startIndex, index + 1 < lines.endIndex else { return false }
        let above = lines[index - 1], below = lines[index + 1]
        guard above.block == line.block, below.block == line.block else { return false }
        let linkBelow = below.kind == .readMore || Vocabulary.readMoreLabels.contains(below.label)
        return linkBelow && (above.kind != .prose && above.shape.letterWords >= 3 || above.date != nil)
    }

    /// The mark that ends a press release (`###`, `-ENDS-`, `- 30 -`): what follows is the
    /// issuer's boilerplate and contacts.
    static func isEndMark(_ line: LogicalLine) -> Bool {
        let label = line.label
        return line.text.hasPrefix("###") || label == "ends" || label == "30" || label == "end"
    }

    /// `Read also` alone on a line, and on the next line the headline it links to.
    static func readMoreOnNextLine(_ index: Int, in lines: ArraySlice<LogicalLine>) -> Int? {
        let label = lines[index].label
        guard Vocabulary.readMoreLabels.contains(label), index + 1 < lines.endIndex else { return nil }
        let next = lines[index + 1]
        guard next.kind != .prose || !next.shape.endsWithPeriod, next.shape.letterWords >= 3, next.kind != .furniture else { return nil }
        return index + 1
    }

    /// The lines under a summary heading (`Key points`, `Summary`, `What we're covering`): the
    /// lines after it in its block (or in the next block, when the heading ends its own) up to
    /// the first line of furniture or of paragraph length (over 30 words).
    static func summarySections(_ lines: ArraySlice<LogicalLine>) -> Set<Int> {
        var result: Set<Int> = []
        var block: Int?
        for index in lines.indices {
            let line = lines[index]
            if line.shape.wordCount <= 5, Vocabulary.summaryHeadings.contains(line.label) {
                let endsBlock = index + 1 == lines.endIndex || lines[index + 1].block != line.block
                block = endsBlock ? (index + 1 < lines.endIndex ? lines[index + 1].block : nil) : line.block
            } else if let current = block, line.block == current, line.kind != .furniture, line.shape.wordCount <= 30 {
                result.insert(index)
            } else {
                block = nil
            }
        }
        return result
    }
}
