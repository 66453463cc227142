/// Below the body: READ MORE lines, the related-stories block, the tag list, the outlet's
/// copyright line, and other lists and furniture.
///
/// Headings divide the bottom into sections (`Related stories`, `Most read`, `Topics`): the
/// lines after a heading in its block (or, for a heading that ends its block, the next block),
/// up to a tag line or a line as long as a paragraph.
/// Under a related heading the headlines are the page's related stories, under any other list
/// heading they are not, under a tag heading the lines are tags. A page with no related heading
/// has its related stories as a bare list of headlines, above its tag line.
enum PageBottom {
    enum Section: Equatable { case related, unrelated, tags }

    /// Reads the bottom `lines` of `page`; `sections` are the whole page's, so that a related box
    /// in the middle of the body counts too.
    static func read(_ lines: ArraySlice<LogicalLine>, of page: [LogicalLine], sections: [Int: Section], into parts: inout PageParts) {
        var tagged = tags(in: lines, sections: sections)
        // The masthead repeated over the footer (`Atlas News | Lite`) is no tag line.
        if let found = tagged, page.first?.text == lines[found.index].text { tagged = nil }
        parts.tags = tagged?.tags ?? []
        if sections.values.contains(.related) {
            let items = page.indices.filter { sections[$0] == .related && isRelatedItem(page[$0]) }
            parts.related = withoutStandfirsts(items.map { page[$0] }).map { relatedHeadline($0.text) }
        }
        var items = BareListItems(page)
        for index in lines.indices {
            let line = lines[index]
            if line.kind == .readMore, let link = line.link {
                // Below the article, a bare `More:` names the site's other pages (`More: Swissline
                // certified by …`), not a story the article links to.
                if !line.text.lowercased().hasPrefix("more") { parts.readMore.append(link) }
            } else if !sections.values.contains(.related), sections[index] == nil, index < tagged?.index ?? lines.endIndex,
                isInBareList(index, of: page, items: &items) {
                parts.related.append(relatedHeadline(line.text))
            }
        }
        parts.source = parts.source ?? Outlet.name(bottom: lines, page: page)
    }

    // MARK: - Sections

    /// The section each line after a heading is in (headings themselves are in none).
    static func sections(of lines: ArraySlice<LogicalLine>) -> [Int: Section] {
        var result: [Int: Section] = [:]
        var current: (section: Section, block: Int, lines: [Int], isReadMoreLabel: Bool)?
        var footerLines = 0  // lines in a row under a related list's items that are none
        // (An author's name stands alone over the dateline on many pages: `Hester Vane`.)
        let bylines = lines.filter { $0.isByline || PageTop.isAuthorName($0) }.map { $0.text.lowercased() }
        func close() {
            // `Read also` over one headline in the body is a READ MORE link, not a related block.
            if let finished = current, !(finished.isReadMoreLabel && finished.lines.count == 1) {
                for index in finished.lines { result[index] = finished.section }
            }
            current = nil
        }
        for index in lines.indices {
            let line = lines[index]
            let isAuthorsList = isAuthorsList(line.label, bylines: bylines)
            if let found = isAuthorsList ? .unrelated : heading(of: line),
                !(current.map { $0.section == .tags && $0.block == line.block } ?? false && isTagNamedLikeAHeading(index, lines)) {
                close()
                // (The heading of the author's list names a person, so it reads like an item of a
                // bare list of headlines: it is in its own section.)
                if isAuthorsList { result[index] = .unrelated }
                let endsBlock = index + 1 == lines.endIndex || lines[index + 1].block != line.block
                let block = endsBlock ? (index + 1 < lines.endIndex ? lines[index + 1].block : -1) : line.block
                let label = line.label
                current = (found, block, [], Vocabulary.readMoreLabels.contains(label))
                footerLines = 0
                continue
            }
            // A tag line ends a list (`Related` headlines, then `Tags: …` in the same block), and
            // so does a line as long as a paragraph.
            guard let section = current, section.block == line.block, !isTagLine(line) || section.section == .tags,
                line.shape.wordCount < 25 else {
                close()
                continue
            }
            // After a related list's items, a copyright line or two lines in a row that are
            // neither items nor what goes with them are the site's footer (`SKIP ADVERTISEMENT`,
            // `Site Index`): the list ends there, and what follows in its block is not the article's.
            if section.section == .related, section.lines.contains(where: { isRelatedItem(lines[$0]) }) {
                let isCopyright = LinkLines.outletName(line.text) != nil
                footerLines = isBesideRelatedItems(line) && !isCopyright ? 0 : footerLines + (isCopyright ? 2 : 1)
                if footerLines >= 2 {
                    let footer = isCopyright ? [] : current?.lines.popLast().map { [$0] } ?? []
                    close()
                    current = (.unrelated, section.block, footer, false)
                }
            }
            current?.lines.append(index)
        }
        close()
        return result
    }

    /// Under a tag heading, a tag that is the name of a site's section (`Obituaries`): it would
    /// open a list of its own, but no headline follows it in its block.
    static func isTagNamedLikeAHeading(_ index: Int, _ lines: ArraySlice<LogicalLine>) -> Bool {
        guard Vocabulary.sectionNames.contains(lines[index].label) else { return false }
        let next = index + 1
        return next == lines.endIndex || lines[next].block != lines[index].block || !isRelatedItem(lines[next])
    }

    /// A line of a related list: a headline, or what a list sets around one (its date, its
    /// author, a `Read more` link, a one-word label such as `Published`, a number).
    static func isBesideRelatedItems(_ line: LogicalLine) -> Bool {
        isRelatedItem(line) || line.date != nil || line.isByline || line.kind == .readMore
            || Vocabulary.readMoreLabels.contains(line.label) || line.shape.wordCount <= 1
            || line.text.unicodeScalars.contains(where: Text.isDigit)
    }

    /// A list whose headlines each carry a standfirst (a sentence in sentence case with a full
    /// stop, under a headline without one): the headlines alone.
    static func withoutStandfirsts(_ items: [LogicalLine]) -> [LogicalLine] {
        func isStandfirst(_ k: Int) -> Bool {
            k > 0 && items[k].shape.endsWithPeriod && !items[k].shape.isTitleCase && !items[k - 1].shape.endsWithPeriod
        }
        let standfirsts = items.indices.filter(isStandfirst)
        guard standfirsts.count >= 2 else { return items }
        return items.indices.filter { !standfirsts.contains($0) }.map { items[$0] }
    }

    static func isTagLine(_ line: LogicalLine) -> Bool {
        LinkLines.labelledTags(line.text) != nil || LinkLines.unlabelledTags(line.text, shape: line.shape) != nil
    }

    /// What kind of section a heading line opens, or nil when the line is not a heading.
    static func heading(of line: LogicalLine) -> Section? {
        guard line.shape.wordCount <= 7, !line.shape.endsWithSentencePunctuation, line.kind != .readMore else { return nil }
        let label = line.label
        if Vocabulary.tagHeadings.contains(label) { return .tags }
        if Vocabulary.unrelatedHeadingStarts.contains(where: { label.hasPrefix($0) }) { return .unrelated }
        // `More from Reuters` is a heading; `More from the summit as it happened` is not.
        if line.shape.wordCount <= 5, Vocabulary.relatedHeadingStarts.contains(where: { label.hasPrefix($0) }) { return .related }
        return nil
    }

    /// `More from Jane Doe`, `More articles by Jane Doe` on a page whose byline (or author's
    /// name on a line of its own) names Jane Doe: the author's other work, not the page's
    /// related stories (`More from Europe` still is).
    static func isAuthorsList(_ label: String, bylines: [String]) -> Bool {
        guard let start = Vocabulary.authorsListStarts.first(where: { label.hasPrefix($0) }) else { return false }
        let name = label.dropFirst(start.count)
        return name.count >= 5 && bylines.contains { Text.contains($0, String(name)) }
    }

    // MARK: - Related stories

    /// A headline in a list: a few words (four, or three in Title Case), not furniture, a
    /// byline, a credit, a biography or a name in capitals (a headline in capitals has five
    /// words or more).
    static func isRelatedItem(_ line: LogicalLine) -> Bool {
        guard line.kind == .prose || line.kind == .other, line.date == nil || Dateline.date(in: relatedHeadline(line.text)) == nil else {
            return false
        }
        let shape = line.shape
        guard !line.isByline, !Furniture.isCreditOrBiography(line.text, shape: shape),
            shape.lowercaseLetters > 0 || shape.wordCount >= 5 else { return false }
        return shape.letterWords >= 4 || shape.letterWords >= 3 && shape.isTitleCase
    }

    /// A headline of a bare list at the bottom (no heading): two or more headlines together in
    /// one block, five words or more (or cut short with `…`) or after such a headline, not
    /// sentences unless among headlines.
    static func isInBareList(_ index: Int, of page: [LogicalLine], items: inout BareListItems) -> Bool {
        guard items.contains(index) else { return false }
        var run = index...index
        while run.lowerBound > 0, page[run.lowerBound - 1].block == page[index].block, items.contains(run.lowerBound - 1) {
            run = (run.lowerBound - 1)...run.upperBound
        }
        while run.upperBound + 1 < page.count, page[run.upperBound + 1].block == page[index].block,
            items.contains(run.upperBound + 1) {
            run = run.lowerBound...(run.upperBound + 1)
        }
        // A short line that opens the list is its heading (`In the same series`), not a headline.
        func isLong(_ k: Int) -> Bool { page[k].shape.letterWords >= 5 || page[k].shape.endsWithEllipsis }
        return run.count >= 2 && (isLong(index) || (run.lowerBound..<index).contains(where: isLong))
    }

    private static func isBareListItem(_ index: Int, of page: [LogicalLine]) -> Bool {
        let line = page[index]
        return isRelatedItem(line) && (!line.shape.endsWithPeriod || line.shape.isTitleCase || PageRegions.isInHeadlineList(index, page))
    }

    /// Which lines of a page are items of a bare list (`isBareListItem`), each line judged once:
    /// every line of a list is asked about again by each of its neighbours.
    struct BareListItems {
        let page: [LogicalLine]
        private var judged: [Int: Bool] = [:]

        init(_ page: [LogicalLine]) { self.page = page }

        mutating func contains(_ index: Int) -> Bool {
            if let known = judged[index] { return known }
            let item = PageBottom.isBareListItem(index, of: page)
            judged[index] = item
            return item
        }
    }

    /// A related item without its bullet, numbering or trailing date (`… · June 10, 2024`).
    static func relatedHeadline(_ text: String) -> String {
        let headline = withoutLeadingDate(Bullets.withoutNumbering(Bullets.withoutBullet(text)))
        // The last separator between spaces (`·`, `|`, a dash), and what follows it.
        let scalars = Array(headline.unicodeScalars)
        guard let separator = scalars.indices.dropFirst().dropLast().last(where: { k in
            "·|-–—".unicodeScalars.contains(scalars[k]) && scalars[k - 1] == " " && scalars[k + 1] == " "
        }) else { return headline }
        let tail = String(String.UnicodeScalarView(scalars[(separator + 2)...]))
        guard Dateline.date(in: tail) != nil || Dateline.isTimeOfDay(tail) || tail.lowercased().hasSuffix(" ago") else { return headline }
        return String(String.UnicodeScalarView(scalars[..<(separator - 1)]))
    }

    /// A related item without the date a list (a wiki's `Related news`) writes before it and a
    /// colon (`1 December 2023: Court orders …`); a label that is no date (`Explainer: …`) stays.
    static func withoutLeadingDate(_ headline: String) -> String {
        guard let colon = headline.prefix(32).range(of: ": "), case let head = String(headline[..<colon.lowerBound]),
            head.unicodeScalars.contains(where: Text.isDigit), Dateline.date(in: head) != nil else { return headline }
        let rest = String(headline[colon.upperBound...])
        return rest.isEmpty ? headline : rest
    }

    // MARK: - Tags

    /// The page's tags and the line they end on: the last tag list given under a tag heading or
    /// by a label (`Tags: …`); else a bare tag line near the end.
    static func tags(in lines: ArraySlice<LogicalLine>, sections: [Int: Section]) -> (index: Int, tags: [String])? {
        var found: (index: Int, tags: [String])?
        var previousIndex: Int?
        for index in lines.indices {
            if let tags = LinkLines.labelledTags(lines[index].text) {
                found = (index, tags)
            } else if sections[index] == .tags, let tags = tagsUnderHeading(lines[index]) {
                // One tag per line: the lines of one heading make one list (`Follow` buttons between them).
                if let previous = found, let previousIndex, sections[previousIndex] == .tags,
                    (previousIndex..<index).allSatisfy({ sections[$0] == .tags }) {
                    found = (index, previous.tags + tags)
                } else {
                    found = (index, tags)
                }
            } else {
                continue
            }
            previousIndex = index
        }
        return found ?? unlabelledTagLine(lines, sections: sections) ?? tagsOnePerLineUnderArticle(lines)
    }

    /// A note's number on a line of its own (`1`).
    static func isNoteNumber(_ line: LogicalLine) -> Bool {
        line.text.utf8.count <= 2 && Int(line.text) != nil
    }

    /// Tags one per line right under the article with no heading (a blogging platform's):
    /// three or more short capitalised lines in a row, after nothing but furniture, notes (`¹ …`,
    /// or `1` over the note) and one-word labels, and ended by a line that is no tag (a count of likes) or the block's end.
    static func tagsOnePerLineUnderArticle(_ lines: ArraySlice<LogicalLine>) -> (index: Int, tags: [String])? {
        func isTag(_ line: LogicalLine) -> Bool {
            line.kind == .other && (1...3).contains(line.shape.wordCount) && line.shape.letterWords == line.shape.wordCount
                && Text.words(line.text).allSatisfy { Text.initialCase($0) == .upper } && !line.isByline && line.date == nil
        }
        guard let start = lines.indices.first(where: { k in
            k + 2 < lines.endIndex && (k...(k + 2)).allSatisfy { isTag(lines[$0]) && lines[$0].block == lines[k].block }
        }) else { return nil }
        guard lines.indices.prefix(while: { $0 < start }).allSatisfy({ k in
            lines[k].kind == .furniture || lines[k].shape.wordCount <= 1 || k > lines.startIndex && isNoteNumber(lines[k - 1])
        }) else { return nil }
        let end = lines[start...].firstIndex { !isTag($0) || $0.block != lines[start].block } ?? lines.endIndex
        // A footer's links (`Contact`, then `Copyright`) are the site's.
        guard end == lines.endIndex || lines[end].kind != .furniture,
            !lines[start..<end].contains(where: { Vocabulary.siteLinks.contains($0.label) }) else { return nil }
        return (end - 1, lines[start..<end].map(\.text))
    }

    /// Tags under a heading: a line of separated tags, or one short tag per line (up to eight
    /// words in Title Case: `Bureau of South and Central Asian Affairs`). A section's name is a
    /// tag there too (`news`, though a label elsewhere).
    static func tagsUnderHeading(_ line: LogicalLine) -> [String]? {
        // (A line of tags with separators reads as a breadcrumb trail: that furniture is allowed.)
        let isSection = Vocabulary.sectionNames.contains(line.label)
        guard line.kind != .furniture || Furniture.isSeparatorTrail(line.text) || isSection, !line.shape.endsWithSentencePunctuation,
            !Furniture.isActionOnItself(line.text) else {
            return nil
        }
        let items = LinkLines.tagItems(Substring(line.text))
        if items.count >= 2, items.allSatisfy({ Text.words($0).count <= 5 }) { return items }
        let words = line.shape.wordCount
        guard line.kind != .furniture || isSection, words <= 5 || words <= 8 && line.shape.isTitleCase, line.shape.letterWords >= 1 else {
            return nil
        }
        return [line.text]
    }

    /// Without a heading or label, the last content line that reads as a tag list; only bottom
    /// furniture and notices may follow it (`Leave a comment`, `Back to top`): a headline after
    /// it means there is no tag line. The lists under other headings (`Most popular`) and the
    /// headings themselves are not the article's and are passed over.
    static func unlabelledTagLine(_ lines: ArraySlice<LogicalLine>, sections: [Int: Section] = [:]) -> (index: Int, tags: [String])? {
        for index in lines.indices.reversed() {
            let line = lines[index]
            if line.kind == .readMore || sections[index] == .unrelated || heading(of: line) == .unrelated { continue }
            // Furniture, unless it is a tag line written with separators (`Arctic | Russia`).
            if line.kind == .furniture && (line.shape.commaCount > 0 || !Furniture.isSeparatorTrail(line.text)) { continue }
            if let tags = LinkLines.unlabelledTags(line.text, shape: line.shape) { return (index, tags) }
            if line.kind == .furniture || line.shape.endsWithSentencePunctuation { continue }
            if line.shape.wordCount >= 6 || line.shape.isTitleCase && line.shape.wordCount >= 4 { return nil }
        }
        return nil
    }
}
