import Foundation

/// A line of the page as the segmenter reads it: a clean line, or the lines of a hard-wrapped
/// paragraph joined, with its shape and what kind of line it is.
struct LogicalLine {
    enum Kind { case prose, readMore, furniture, other }

    var text: String
    var shape: LineShape
    /// Which block (run of lines between blank lines) it came from.
    var block: Int
    var kind: Kind
    /// For a READ MORE line, the headline it links to.
    var link: String?
    /// The instant the line gives when it is a dateline.
    var date: Date?
    /// A byline or a credit line (`By Jane Doe`, `Edited by …`).
    var isByline: Bool
    /// A short line as a label, lower-cased without the punctuation around it (`related
    /// stories`), for comparing with headings and labels; empty for a line over eight words.
    var label: String

    init(_ text: String, shape: LineShape? = nil, block: Int, isFurniture: Bool? = nil) {
        self.text = text
        let shape = shape ?? LineShape(text)
        self.shape = shape
        self.block = block
        date = Furniture.isPrintMargin(text) ? nil : Dateline.date(in: text)
        isByline = Furniture.isByline(text, shape: shape)
        label = shape.wordCount <= 8 ? Furniture.trimmedLabel(text).lowercased() : ""
        link = LinkLines.readMoreHeadline(text)
        if link != nil {
            kind = .readMore
        } else if isFurniture ?? Furniture.isFurniture(text, shape: shape) {
            kind = .furniture
        } else if LineKinds.isProse(shape) && !isByline && !(date != nil && LineKinds.opensWithDatelineLabel(text))
            && !LineKinds.isHeadlineOfSentences(text, shape: shape) {
            kind = .prose
        } else {
            kind = .other
        }
    }
}

/// Stage 2 of parsing: clean lines → logical lines. Lines are grouped into blocks at blank
/// lines; on a page whose text was hard-wrapped, the lines of each paragraph are joined again.
enum LogicalLines {
    static func lines(of page: [PageLine]) -> [LogicalLine] {
        let lengths = page.map { $0.text.unicodeScalars.count }
        let wrapped = isHardWrapped(lengths: lengths)
        // The width the page was wrapped at: its widest line of up to 120 characters, indent
        // included (as `MeasuredLine.length` counts it).
        let setLengths = page.map { $0.indent + $0.text.unicodeScalars.count }
        let width = setLengths.filter { $0 <= 120 }.max() ?? 0
        let overlong = overlongLength(lengths: setLengths)
        var result: [LogicalLine] = []
        var blocks = page.split(whereSeparator: \.isBlank).map(Array.init)
        if isIndentLed(page) { blocks = blocks.flatMap(splitAtIndents) }
        for (index, block) in blocks.enumerated() {
            if wrapped && block.count > 1 {
                result += unwrapped(block, block: index, width: width, overlong: overlong)
            } else {
                result += block.map { LogicalLine($0.text, block: index, isFurniture: Furniture.isLinkRow($0) ? true : nil) }
            }
        }
        return result
    }

    /// Whether the page marks its paragraphs by indenting their first line instead of with blank
    /// lines (a terminal's story screen, a typed manuscript): three times or more, an indented
    /// line of text runs on into a line flush left. A page that indents every line of its body,
    /// or sets its paragraphs apart with blank lines, has no such pair.
    static func isIndentLed(_ page: [PageLine]) -> Bool {
        let pairs = zip(page, page.dropFirst()).filter { line, next in
            line.indent >= 2 && next.indent == 0 && !next.isBlank && line.text.unicodeScalars.count >= 40
                && !LineShape(line.text).endsWithSentencePunctuation
        }
        return pairs.count >= 3
    }

    /// A block of an indent-led page cut before each indented line: each paragraph (and each
    /// indented label or list item) becomes a block of its own, as blank lines would have made it.
    static func splitAtIndents(_ block: [PageLine]) -> [[PageLine]] {
        var pieces: [[PageLine]] = []
        for line in block {
            if line.indent >= 2 || pieces.isEmpty { pieces.append([line]) } else { pieces[pieces.count - 1].append(line) }
        }
        return pieces
    }

    /// Whether the page's text was hard-wrapped (saved from an email, a terminal, a text
    /// export), given the length in characters of each of its lines: most of its lines of 40
    /// characters or more are no longer than 120. A page that was not has its paragraphs on
    /// lines of their own, nearly all longer than that; only on a wrapped page are lines joined,
    /// so that a list of headlines is never taken for a paragraph.
    static func isHardWrapped(lengths: [Int]) -> Bool {
        let long = lengths.filter { $0 >= 40 }
        let short = long.filter { $0 <= 120 }.count
        return short >= 3 && short * 5 >= long.count * 3 || isInPrintColumns(lengths: lengths)
    }

    /// Whether the page's text is a printed column's (copied from a scan or a PDF): most of its
    /// lines of 20 characters or more are no wider than a column, and there are many of them.
    static func isInPrintColumns(lengths: [Int]) -> Bool {
        let text = lengths.filter { $0 >= 20 }
        let column = text.filter { $0 <= printColumnWidth }.count
        return column >= 20 && column * 5 >= text.count * 4
    }

    /// On a wrapped page, the length from which a line is longer than the page was wrapped at
    /// (most of its lines of 40 characters or more are no longer than a fifth above it): a
    /// headline or a caption the wrapping left whole, not a piece of a paragraph.
    static func overlongLength(lengths: [Int]) -> Int {
        let text = lengths.filter { (40...120).contains($0) }.sorted()
        guard !text.isEmpty else { return .max }
        return text[text.count * 4 / 5] * 23 / 20
    }

    /// The logical lines of a block of two or more lines on a wrapped page: usually a paragraph
    /// broken at a fixed width, to be joined; but a block can also be a list of short lines
    /// (headlines, furniture), one logical line each. A line longer than `overlong` is joined to
    /// none.
    static func unwrapped(_ lines: [PageLine], block: Int, width: Int, overlong: Int = .max) -> [LogicalLine] {
        let measured = lines.map(MeasuredLine.init)
        // A printed page's header and footer (`… about:reader?url=…`, `1 of 3 14/03/2024, 10:22`)
        // stand alone inside the block; the text around them sets its width.
        let text = measured.filter { !$0.standsAlone }
        guard let widest = text.map(\.shape.byteCount).max(), isWrapped(measured, widest: widest) else {
            return measured.map { LogicalLine($0.text, shape: $0.shape, block: block, isFurniture: $0.isFurniture) }
        }
        let blockWidth = text.map(\.length).max() ?? width
        let printColumn = blockWidth <= printColumnWidth
        var result: [LogicalLine] = []
        var i = 0
        while i < measured.count {
            var shape = measured[i].shape
            var end = i + 1
            while end < measured.count, !measured[end].startsAnew || measured[end].continuesQuotation(of: measured[end - 1]),
                !measured[end - 1].standsAlone, measured[end - 1].length <= overlong, measured[end].length <= overlong,
                continues(shape, with: measured[end].shape, wide: isWide(measured[end - 1].shape, widest: widest))
                    || measured[end - 1].isFull(before: measured[end], width: width)
                    || isWide(measured[end - 1].shape, widest: widest) && !shape.isTitleCase && !shape.looksLikeTagList
                    || brokenAtBlockWidth(measured[end - 1], before: measured[end], blockWidth: blockWidth, widest: widest)
                    || printColumn && runsOnInColumn(measured[end - 1].shape, measured[end].shape) {
                shape = shape.joined(with: measured[end].shape)
                end += 1
            }
            if end == i + 1 {
                result.append(LogicalLine(measured[i].text, shape: shape, block: block, isFurniture: measured[i].isFurniture))
            } else {
                let text = joinedWrapped(measured[i..<end].map(\.text), printColumn: printColumn)
                result.append(LogicalLine(text, shape: shape, block: block))
            }
            i = end
        }
        return result
    }

    /// In a printed column a line holds a few words only: any line that does not end a sentence
    /// runs on into a next line that carries on in lower case (`LONDON, Monday.—Iceland` /
    /// `tonight rejected a British offer`).
    static func runsOnInColumn(_ line: LineShape, _ next: LineShape) -> Bool {
        next.startsWithLowercase && !line.endsWithSentencePunctuation && !line.endsWithColon
    }

    /// The widest a newspaper's printed column is (in characters): text copied from a scan or
    /// a PDF of one is wrapped this narrow, and its words are split at syllables.
    static let printColumnWidth = 45

    /// The lines of a wrapped paragraph joined with spaces, except where a line ends in a word
    /// broken with a hyphen (`retalia-` / `tion`, `so-` / `called`): the word is rejoined. A
    /// printed column splits words at syllables and adds the hyphen, which goes; a wider text
    /// breaks only at a hyphen the word already had, which stays (as it does before a capital:
    /// `Franco-` / `German`).
    static func joinedWrapped(_ lines: [String], printColumn: Bool) -> String {
        var text = ""
        for line in lines {
            guard !text.isEmpty else {
                text = line
                continue
            }
            guard let next = line.unicodeScalars.first, endsInBrokenWord(text), Text.letterCase(next) != nil else {
                text += " " + line
                continue
            }
            if printColumn && Text.letterCase(next) == .lower { text.removeLast() }
            text += line
        }
        return text
    }

    /// Whether `text` ends with a hyphen right after a letter (`negotia-`), not a dash between
    /// words (`the deal -`).
    static func endsInBrokenWord(_ text: String) -> Bool {
        let tail = text.unicodeScalars.suffix(2)
        return tail.count == 2 && tail.last == "-" && Text.letterCase(tail[tail.startIndex]) != nil
    }

    /// A block is wrapped text when its lines are no wider than a terminal (and at least as wide
    /// as a printed column), at least two reach near the widest, most pairs of neighbours run on
    /// from one to the next, and at least one plainly does (the next line carries on in lower
    /// case, or this one stops after `of`, a comma or inside a quotation): each line of a list of
    /// headlines or tags starts anew.
    static func isWrapped(_ lines: [MeasuredLine], widest: Int) -> Bool {
        guard (24...110).contains(widest) else { return false }
        let wide = lines.filter { !$0.standsAlone && isWide($0.shape, widest: widest) }.count
        let pairs = zip(lines, lines.dropFirst()).filter { !$0.standsAlone && !$1.startsAnew }
        let carried = pairs.filter { continues($0.shape, with: $1.shape) }.count
        let plainlyRunsOn = pairs.contains { $1.shape.startsWithLowercase || $0.shape.endsMidPhrase }
        return carried > 0 && carried * 2 >= pairs.count && wide >= min(2, lines.count - 1) && plainlyRunsOn
    }

    static func isWide(_ shape: LineShape, widest: Int) -> Bool { shape.byteCount * 10 >= widest * 7 }

    /// A wide line, even one in Title Case (`Parliamentary Under-Secretary of State for Trade
    /// Bronwen` above `Ellis-Hart told MPs …`), whose next word would not have fitted within the
    /// block's own width: the wrapping broke a sentence there. A headline above its first
    /// paragraph leaves room for that word.
    static func brokenAtBlockWidth(_ line: MeasuredLine, before next: MeasuredLine, blockWidth: Int, widest: Int) -> Bool {
        isWide(line.shape, widest: widest) && !line.shape.looksLikeTagList && line.isFull(before: next, width: blockWidth)
    }

    /// A wrapped paragraph: the previous line stops mid-sentence (no final punctuation, not a
    /// Title Case headline) and this one carries on, typically in lower case. When the next line
    /// starts with a capital, the previous one must reach near the block's width (`wide`): a
    /// sentence-case headline stops short of it above its standfirst.
    static func continues(_ previous: LineShape, with next: LineShape, wide: Bool = true) -> Bool {
        if previous.endsInsideQuotation && !next.startsWithQuote { return true }
        guard !previous.endsWithSentencePunctuation, !previous.endsWithColon else { return false }
        if next.startsWithLowercase && previous.wordCount >= 4 || previous.endsMidPhrase { return true }
        return wide && !previous.isTitleCase && !previous.looksLikeTagList && previous.wordCount >= 6 && previous.lowercaseWords >= 3
    }

    /// A line of a block with what joining needs to know about it.
    struct MeasuredLine {
        var text: String
        var shape: LineShape
        var isFurniture: Bool
        /// Furniture, datelines and READ MORE lines are never part of a wrapped paragraph.
        var standsAlone: Bool
        /// Those, list items and speakers' turns (`Q:`) start a logical line of their own (and
        /// may carry on into the next lines).
        var startsAnew: Bool

        /// The length in characters, with the indent the line was set at (the wrapping counted
        /// it: a paragraph's indented first line is full sooner).
        var length: Int { indent + text.unicodeScalars.count }

        /// A line that only looks like a speaker's turn (`Committee: Zamzam Camp”.`) under a line
        /// that ended inside a quotation it opened: the quotation goes on.
        func continuesQuotation(of previous: MeasuredLine) -> Bool {
            !standsAlone && previous.shape.endsInsideQuotation && !previous.standsAlone && SpeakerLabels.label(of: text) != nil
        }

        /// Too full to have taken the next line's first word within the block's width, and not
        /// the end of a sentence: the wrapping broke it there.
        func isFull(before next: MeasuredLine, width: Int) -> Bool {
            !shape.endsWithSentencePunctuation && length + 1 + next.text.unicodeScalars.prefix { $0 != " " }.count > width
        }

        /// The spaces the line was set in by (its length counts them).
        var indent = 0

        init(_ line: PageLine) {
            text = line.text
            indent = line.indent
            shape = LineShape(text)
            isFurniture = Furniture.isLinkRow(line) || Furniture.isFurniture(text, shape: shape)
            standsAlone = isFurniture || LinkLines.readMoreHeadline(text) != nil
                || shape.wordCount <= 16 && Dateline.date(in: text) != nil
            // (A `By Jane Doe` byline starts anew, even under a standfirst ending `ended up`.)
            startsAnew = standsAlone || Bullets.length(text, dashes: false) > 0 || text.hasPrefix("> ")
                || SpeakerLabels.label(of: text) != nil || text.hasPrefix("By ") && Furniture.isByline(text, shape: shape)
        }
    }
}

/// What kinds of line look like.
enum LineKinds {
    /// A sentence or more: what a body paragraph looks like.
    static func isProse(_ shape: LineShape) -> Bool {
        if shape.wordCount >= 25 && !shape.looksLikeTagList { return true }
        if shape.endsWithPeriod && shape.wordCount >= 3 && !(shape.endsWithEllipsis && shape.isTitleCase) { return true }
        if shape.endsWithSentencePunctuation && shape.wordCount >= 3 && !shape.isTitleCase { return true }
        if shape.endsWithColon && shape.wordCount >= 4 && !shape.isTitleCase { return true }
        if shape.wordCount >= 16 && shape.lowercaseWords * 2 >= shape.significantWords && !shape.looksLikeTagList { return true }
        return shape.startsWithQuote && shape.wordCount >= 4 && !isQuotedHeadline(shape)
    }

    /// A headline of two short sentences, each word capitalised (`Rice Stocks Are Holding. The
    /// Harvest Is Not.`): not prose, though it ends with a period.
    static func isHeadlineOfSentences(_ text: String, shape: LineShape) -> Bool {
        shape.isTitleCase && shape.endsWithPeriod && !shape.endsWithEllipsis && shape.significantWords >= 4
            && shape.wordCount <= 20 && shape.commaCount == 0 && !shape.hasQuoteMark && Text.contains(text, ". ")
    }

    /// A dateline that says what it is (`Published on 14 May 2024 at 8:30 a.m.`): a label, not a
    /// sentence, though it may end with the period of `a.m.`.
    static func opensWithDatelineLabel(_ text: String) -> Bool {
        let lower = text.prefix(16).lowercased()
        return ["published", "updated", "posted", "first published", "last updated", "last modified"].contains { lower.hasPrefix($0) }
    }

    /// A headline that opens with a quotation (`“Every convoy is a negotiation”: an aid chief on
    /// getting food into Darfur`): short, no sentence ends it, and its quotation closes (one that
    /// runs on into the next paragraph is speech).
    static func isQuotedHeadline(_ shape: LineShape) -> Bool {
        shape.startsWithQuote && !shape.endsWithSentencePunctuation && shape.wordCount <= 20 && !shape.endsMidPhrase
    }

    /// An obituary's headline: the person's name and the word (`Alasdair Penhallow obituary`,
    /// `Obituary: Lena Berg`). Short, and not in Title Case, but the page's headline.
    static func isObituaryHeadline(_ text: String) -> Bool {
        let words = Text.words(text)
        guard let first = words.first, let last = words.last, words.count <= 6 else { return false }
        if Vocabulary.obituaryWords.contains(last.lowercased()) { return PageTop.isPersonName(words.dropLast().joined(separator: " ")) }
        let label = first.lowercased()
        return label.hasSuffix(":") && Vocabulary.obituaryWords.contains(String(label.dropLast()))
            && PageTop.isPersonName(words.dropFirst().joined(separator: " "))
    }

    /// Between paragraphs, a line of eight ordinary words or more with a comma or a quote mark is
    /// text even without a final full stop (`The minister called the offer "not acceptable"`);
    /// furniture has neither, and a subheading with a comma (`A question of who, not whether`) is
    /// shorter.
    static func isUnpunctuatedParagraph(_ shape: LineShape) -> Bool {
        shape.wordCount >= 8 && !shape.isTitleCase && shape.lowercaseWords >= 3
            && (shape.commaCount >= 1 || shape.hasQuoteMark) && !shape.looksLikeTagList
    }

    /// A line that could be a headline: a few words (four, or three in Title Case), not a
    /// sentence, not a byline, a list item, a masthead in capitals or the middle of a sentence.
    static func isHeadlineCandidate(_ line: LogicalLine) -> Bool {
        let shape = line.shape
        guard !line.isByline, !opensInLowerCase(line.text) else { return false }
        guard !shape.endsWithPeriod || shape.endsWithEllipsis || isHeadlineOfSentences(line.text, shape: shape) else { return false }
        guard shape.letterWords >= 4 || shape.isTitleCase && shape.letterWords >= 3 || isObituaryHeadline(line.text) else { return false }
        // Shouting lines (`STEPPE & SEA`) are mastheads and section labels; a headline in
        // capitals (an old paper's `TRADE PACT WITH JAPAN SIGNED`) says more, and does not end
        // in a body's noun as an issuer's name does (`EAST AFRICAN FREIGHT FORWARDERS’ ALLIANCE`).
        guard shape.lowercaseLetters > 0 || shape.wordCount >= 6
            || shape.significantWords >= 4 && shape.letterWords >= 5 && !endsWithOrganisationNoun(line.text) else { return false }
        return Bullets.length(line.text) == 0
    }

    /// Whether the line's last word names a kind of body (`ALLIANCE`, `Ministry`).
    static func endsWithOrganisationNoun(_ text: String) -> Bool {
        guard let last = Text.words(text).last else { return false }
        return WordClass.of(last.lowercased()).contains(.organisation)
    }

    /// A line that opens with a word in lower case (`or just paste the link`): a sentence's
    /// continuation or a site's instruction. A brand written so (`iPhone`, `eBay`) has a capital
    /// inside.
    static func opensInLowerCase(_ text: String) -> Bool {
        guard let first = Text.words(text, first: 1).first, let initial = first.unicodeScalars.first,
            Text.letterCase(initial) == .lower else { return false }
        return !first.unicodeScalars.contains { Text.letterCase($0) == .upper }
    }
}

/// List bullets and numbering at the start of a line.
enum Bullets {
    /// How many characters the bullet at the start of `line` takes with its space: `• `, `· `,
    /// `* `, `▪ `, `→ `, and with `dashes` also `- `, `– `, `— ` (in a body a leading dash marks
    /// a turn in an interview and stays). 0 for none.
    static func length(_ line: String, dashes: Bool = true) -> Int {
        let scalars = Array(line.unicodeScalars.prefix(3))
        guard scalars.count >= 3, scalars[1] == " " else { return 0 }
        let bullet = scalars[0]
        let isBullet = "*\u{B7}\u{2022}\u{2192}".unicodeScalars.contains(bullet) || (0x2580...0x25BF).contains(bullet.value)
            || dashes && "-\u{2013}\u{2014}".unicodeScalars.contains(bullet)
        return isBullet ? 2 : 0
    }

    static func withoutBullet(_ line: String, dashes: Bool = true) -> String {
        let length = length(line, dashes: dashes)
        return length == 0 ? line : String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(length)))
    }

    /// Without list numbering (`1. `, `2) `).
    static func withoutNumbering(_ line: String) -> String {
        let digits = line.unicodeScalars.prefix(while: Text.isDigit).count
        let rest = line.unicodeScalars.dropFirst(digits)
        guard (1...3).contains(digits), rest.count > 2, rest.first == "." || rest.first == ")",
            rest.dropFirst().first == " " else { return line }
        return String(String.UnicodeScalarView(rest.dropFirst(2)))
    }
}

/// The speaker's label that opens a turn in an interview or a transcript: `Q:`, `A:`, `T.B.:`,
/// `MR. PRICE:`, `QUESTION:`.
enum SpeakerLabels {
    /// The label (without its colon), or nil when the line does not open with one: up to three
    /// words before a colon and text after it, in capitals (`MR. PRICE:`) or each word
    /// capitalised (`Mireille Fontaine:`).
    static func label(of line: String) -> Substring? {
        // A label is at most 25 characters: the colon is looked for there only.
        guard let colon = line.prefix(26).firstIndex(of: ":"), line.index(after: colon) < line.endIndex,
            line[line.index(after: colon)] == " " else { return nil }
        let label = line[..<colon]
        let words = Text.words(label)
        guard !label.isEmpty, label.count <= 25, words.count <= 3, !label.unicodeScalars.contains(where: Text.isDigit) else { return nil }
        let inCapitals = label.unicodeScalars.contains { Text.letterCase($0) == .upper }
            && !label.unicodeScalars.contains { Text.letterCase($0) == .lower }
        return inCapitals || words.allSatisfy({ Text.initialCase($0) == .upper }) ? label : nil
    }
}
