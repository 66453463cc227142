import Foundation

/// Above the body: the headline (if the page kept one), the dateline, and furniture.
enum PageTop {
    /// `outlet` is the outlet's name as the bottom of the page gives it: the masthead that
    /// repeats it is not the headline.
    static func read(_ lines: ArraySlice<LogicalLine>, outlet: String?, into parts: inout PageParts) {
        parts.published = firstPublication(in: lines)
        parts.headline = headline(in: lines, outlet: outlet)?.text
    }

    // MARK: - The headline

    /// The headline sits just above the byline and dateline (the anchor), under navigation,
    /// kickers and captions: the nearest headline-like line above the anchor, or the first of
    /// two together (a headline, then its standfirst). A page that gives neither byline nor
    /// dateline above its headline has the first headline-like line.
    static func headline(in lines: ArraySlice<LogicalLine>, outlet: String? = nil) -> LogicalLine? {
        let candidates = lines.indices.filter { index in
            isCandidate(lines[index]) && !isAuthorsNames(lines[index]) && !isPinnedMessage(index, in: lines) && !isBookTitle(index, in: lines)
                && !DataBox.contains(index, in: lines)
                && !(outlet.map { Outlet.isMasthead(lines[index].text, naming: $0) } ?? false)
        }
        let strong = candidates.filter { isStrong(lines[$0]) }
        if let anchor = anchor(in: lines, strong: strong) {
            // (Under the dateline, a line of sentences is a newsletter's greeting or a standfirst;
            // a tabloid's headline may be long, but it is one sentence.)
            let below = strong.first { $0 > anchor && !Text.contains(lines[$0].text, ". ") }
            if var above = strong.last(where: { $0 < anchor }) {
                // A headline and its standfirst, perhaps with the author's name between them: the
                // first of them (a label in capitals, such as a `BREAKING:` ticker, is not a headline).
                while let previous = headlineBefore(above, in: lines, strong: strong) { above = previous }
                // A long standfirst under a short title (`The Nickel Road`): the title.
                if isStandfirstLike(lines[above]), let title = headlineBefore(above, in: lines, strong: candidates) { above = title }
                // A Title Case headline under a dateline beats a sentence-case tagline over it (a
                // newsletter's masthead, then its issue line, then the day's headline); a byline
                // under a line makes it the headline. A line of data under the dateline (a
                // scorecard's `Player of the match: …`) is no headline however it is capitalised.
                if let below, lines[below].shape.isTitleCase, !lines[above].shape.isTitleCase,
                    !lines[anchor].isByline, !DataBox.isDataLine(lines[below].text) {
                    return lines[below]
                }
                return lines[above]
            }
            if let below { return lines[below] }
        } else if let first = strong.first {
            return lines[first]
        }
        return weakHeadline(lines, candidates: candidates)
    }

    /// The line the headline stands above: the first byline or dateline; but a date above a
    /// headline and its byline (a masthead's or an archive's `Tuesday, December 2, 1975`)
    /// gives way to that byline, unless a line of sentences stands between them.
    static func anchor(in lines: ArraySlice<LogicalLine>, strong: [Int]) -> Int? {
        guard let first = lines.indices.first(where: { isAnchor(lines[$0]) }) else { return nil }
        guard !lines[first].isByline, let byline = lines[(first + 1)...].firstIndex(where: \.isByline) else { return first }
        // (Under a newsletter's date, its greeting of sentences comes before the day's headline:
        // the date stays the anchor there.)
        let between = strong.filter { $0 > first && $0 < byline }
        return !between.isEmpty && !between.contains(where: { isStandfirstLike(lines[$0]) }) ? byline : first
    }

    /// Without a strong candidate, the shorter lines compete as they always did: the best above
    /// the first dateline (Title Case first, then length) against the first below it.
    static func weakHeadline(_ lines: ArraySlice<LogicalLine>, candidates: [Int]) -> LogicalLine? {
        guard let dateline = lines.indices.first(where: { lines[$0].date != nil }) else {
            return candidates.first.map { lines[$0] }
        }
        let above = candidates.filter { $0 < dateline }.max { lines[$0].shape.letterWords < lines[$1].shape.letterWords }
        let below = candidates.first { $0 > dateline }
        switch (above, below) {
        case let (above?, below?): return preferred(lines[below], over: lines[above]) ? lines[below] : lines[above]
        case let (above?, nil): return lines[above]
        case let (nil, below?): return lines[below]
        case (nil, nil): return nil
        }
    }

    /// Whether `line` makes a better headline than `other`: Title Case first, then length.
    static func preferred(_ line: LogicalLine, over other: LogicalLine) -> Bool {
        if line.shape.isTitleCase != other.shape.isTitleCase { return line.shape.isTitleCase }
        return line.shape.letterWords > other.shape.letterWords
    }

    /// A line that could be a headline: not furniture, a dateline, a READ MORE line, a call to
    /// action (`Paste a post's link…`) or a link with an arrow, and headline-shaped (see
    /// `LineKinds.isHeadlineCandidate`).
    static func isCandidate(_ line: LogicalLine) -> Bool {
        line.kind != .readMore && line.kind != .furniture && line.date == nil
            && LineKinds.isHeadlineCandidate(line) && !hasHandle(line.text) && !isCounterLine(line.text)
            && !ReaderAddress.isCallToAction(line) && !PageBody.isLinkWithArrow(line) && !isTimedEntry(line.text)
            && !DataBox.isFigures(line.text)
    }

    /// A line stamped with the time of day it went out (`13:58 *PORT REOPENS: MINISTRY`, `09:40
    /// Talks resume in Geneva`): a wire's flash or a live page's entry above the story, never
    /// the page's headline, which carries no clock.
    static func isTimedEntry(_ text: String) -> Bool {
        let words = Text.words(text, first: 2)
        guard let first = text.unicodeScalars.first, Text.isDigit(first), words.count == 2, words[0].contains(":") else { return false }
        return Dateline.isTimeOfDay(String(words[0]))
    }

    /// A channel's or a profile's description (`Tips: @ss_tips`): a headline names no @handle.
    static func hasHandle(_ text: String) -> Bool {
        guard text.utf8.contains(0x40) else { return false }  // @
        return Text.words(text).contains { $0.hasPrefix("@") && $0.count > 1 }
    }

    /// A channel's counters (`112K subscribers  4.3K photos`, `23 904 subscribers`): numbers and
    /// the things they count, nothing else.
    static func isCounterLine(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, Text.isDigit(first) else { return false }
        return Text.words(text).allSatisfy { word in
            word.unicodeScalars.first.map(Text.isDigit) ?? false || Vocabulary.counterWords.contains(word.lowercased())
        }
    }

    /// A review's line for the book (`THE DOLLAR WALL: How Sanctions …, by Corinne Adebayo-Marsh`),
    /// not the review's headline: the line over the book's details in its block (`Halyard House |
    /// 352 pp. | $32`, `… 412 pages. £30. ISBN …`).
    static func isBookTitle(_ index: Int, in lines: ArraySlice<LogicalLine>) -> Bool {
        guard index + 1 < lines.endIndex, case let details = lines[index + 1], details.block == lines[index].block,
            details.text.utf8.count <= 160 else { return false }
        return Text.containsAny(details.text.lowercased(), Vocabulary.bookDetailMarks)
    }

    /// A messaging channel's pinned message: the line under its bar (`📌 Pinned message`).
    static func isPinnedMessage(_ index: Int, in lines: ArraySlice<LogicalLine>) -> Bool {
        guard index > lines.startIndex, case let bar = lines[index - 1], bar.kind == .furniture, bar.block == lines[index].block else {
            return false
        }
        let label = Text.afterPictographs(bar.text).lowercased()
        return Vocabulary.pinnedBars.contains { label.hasPrefix($0) }
    }

    /// A headline's length: five words or more. Mastheads, section names, kickers and names
    /// are shorter (an obituary's headline is a name and the word `obituary`).
    static func isStrong(_ line: LogicalLine) -> Bool {
        line.shape.letterWords >= 5 || LineKinds.isObituaryHeadline(line.text)
    }

    /// The strong candidate just before `index` (or before an author's name just before it), if
    /// it is not opened by a label in capitals (`BREAKING: …`; `Revealed: how …` is a headline).
    static func headlineBefore(_ index: Int, in lines: ArraySlice<LogicalLine>, strong: [Int]) -> Int? {
        var previous = index - 1
        if previous > lines.startIndex, isAuthorName(lines[previous]) { previous -= 1 }
        guard previous >= lines.startIndex, strong.contains(previous), !Furniture.isBoxLine(lines[previous].text),
            !isBanner(lines[previous].text) else { return nil }
        if let label = SpeakerLabels.label(of: lines[previous].text), !label.unicodeScalars.contains(where: { Text.letterCase($0) == .lower }) {
            return nil
        }
        return previous
    }

    /// A page's banner over its headline (`● LIVE RESULTS  This story is being updated`, `LIVE
    /// UPDATES Follow the count here`): opened by a mark or a symbol, or by a label of two words
    /// in capitals that the line's own words in lower case go on from. A headline opens with a
    /// word, and one in capitals stays in capitals; acronyms (`US, EU Agree …`, `NATO`) are
    /// short, a banner's words are not.
    static func isBanner(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if Text.isPictograph(first) || (0x25A0...0x25FF).contains(first.value) { return true }
        let words = Text.words(text)
        let capitals = words.prefix { word in
            word.unicodeScalars.filter { Text.letterCase($0) != nil }.count >= 4
                && !word.unicodeScalars.contains { Text.letterCase($0) == .lower }
        }
        return capitals.count >= 2 && capitals.count < words.count
            && words[capitals.count...].contains { word in word.unicodeScalars.contains { Text.letterCase($0) == .lower } }
            && Text.initialCase(words[capitals.count]) == .upper && words.count - capitals.count >= 3
    }

    /// A standfirst rather than a headline: long, or more than one sentence.
    static func isStandfirstLike(_ line: LogicalLine) -> Bool {
        line.shape.wordCount > 22 || Text.contains(line.text, ". ")
    }

    /// A byline without `By`: a person's name or several (`Magdalena Strzelecka`).
    static func isAuthorName(_ line: LogicalLine) -> Bool {
        let names = authorNames(line.text)
        return names.count <= 4 && names.allSatisfy(isPersonName)
    }

    /// Several authors' names (`Bianca Moretti and Jack Tuhiwai`, `Ana Ruiz, Li Wei & Tom Odell`):
    /// never a headline. (One name alone could be a short Title Case headline.)
    static func isAuthorsNames(_ line: LogicalLine) -> Bool {
        authorNames(line.text).count >= 2 && isAuthorName(line)
    }

    static func authorNames(_ text: String) -> [String] {
        text.replacingOccurrences(of: " and ", with: ", ").replacingOccurrences(of: " & ", with: ", ").components(separatedBy: ", ")
    }

    /// Two to four capitalised words and nothing else, none of them a title, a body's noun or a
    /// function word.
    static func isPersonName(_ text: String) -> Bool {
        let words = Text.words(text)
        guard (2...4).contains(words.count) else { return false }
        return words.allSatisfy { word in
            let token = ProseToken(String(word))
            // (`TODAY'S LEAD STORY` is a label: a name is no possessive.)
            return token.isCapitalised && token.trailing == nil && !token.isPossessive
                && token.classes.isDisjoint(with: [.titleHead, .organisation, .determiner])
                && !Vocabulary.smallWords.contains(token.lower) && word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || "-'’.".unicodeScalars.contains($0) }
        }
    }

    /// What stands right under a headline: a byline or a dateline.
    static func isAnchor(_ line: LogicalLine) -> Bool {
        line.isByline || line.shape.wordCount <= 20 && line.date != nil
    }

    // MARK: - The dateline

    /// The first publication: a dateline that says it is the publication (`Published …`,
    /// `First published …`) wins over one that says it is an update; otherwise the first.
    static func firstPublication(in lines: ArraySlice<LogicalLine>) -> Date? {
        let dated = lines.compactMap { line in line.date.map { (line.text.lowercased(), $0) } }
        if let published = dated.first(where: { isPublication($0.0) }) { return published.1 }
        guard let first = (dated.first { !isUpdate($0.0) } ?? dated.first)?.1 else { return nil }
        return timedByDay(first, in: dated.filter { !isUpdate($0.0) }.map(\.1)) ?? first
    }

    /// A masthead's date of the day (`Tuesday, April 29, 2025`: the day the page was read) over
    /// the article's own dateline with its time (`April 27, 2025, 5:00 a.m. ET`): the dateline
    /// with the time, when one follows that is not after that day (an article is never
    /// published after the day it is read).
    static func timedByDay(_ day: Date, in dates: [Date]) -> Date? {
        let seconds = day.timeIntervalSince1970
        guard seconds.truncatingRemainder(dividingBy: 86_400) == 0 else { return nil }
        // A local time on that day is up to fourteen hours after its UTC span.
        return dates.first { date in
            let t = date.timeIntervalSince1970
            return t != seconds && t < seconds + 38 * 3600 && t.truncatingRemainder(dividingBy: 86_400) != 0
        }
    }

    /// A dateline further down that says outright it is the first publication (`First uploaded
    /// on: 10-12-2024 at 09:15 IST`), which beats an `Updated` one at the top.
    static func firstPublicationBelow(_ lines: ArraySlice<LogicalLine>) -> Date? {
        lines.lazy.filter { $0.kind != .prose }.compactMap { line -> Date? in
            let lower = line.text.lowercased()
            guard Text.containsAny(lower, Vocabulary.firstPublicationLabels) else { return nil }
            return line.date
        }.first
    }

    static func isPublication(_ lower: String) -> Bool {
        Text.containsAny(lower, ["published", "posted", "uploaded"])
    }

    /// A dateline of an update (`Updated …`, `New Delhi | Updated: …`, `Last modified …`) that
    /// does not also give the publication.
    static func isUpdate(_ lower: String) -> Bool {
        guard !Text.contains(lower, "published") else { return false }
        // `Started 3 Nov 2024, 21:00 · Last update 4 Nov …`: a label after the first date is the
        // update's; the line opens with the publication.
        let head = lower.prefix { !("0"..."9").contains($0) }
        return Text.containsAny(String(head), ["updated", "last update", "modified"])
    }
}
