import Foundation

/// The parts of a saved page, found by position and shape.
struct PageParts {
    var headline: String?
    var published: Date?
    var source: String?
    var paragraphs: [String] = []
    var readMore: [String] = []
    var related: [String] = []
    var tags: [String] = []
}

/// Stage 3 of parsing: logical lines → the page's parts. The body runs from the first line
/// that is plainly a paragraph to the last prose line that is not part of a list of
/// headlines; above it are the headline and dateline (`PageTop`), below it the related block,
/// the tags and the outlet (`PageBottom`).
enum PageRegions {
    static func parts(of page: [LogicalLine]) -> PageParts {
        var parts = PageParts()
        let lines = MailForward.forwardedPart(of: page)
        guard !lines.isEmpty else { return parts }
        let sections = PageBottom.sections(of: lines[...])
        let body = bodyRange(lines, sections: sections)
        PageBottom.read(lines[body.upperBound...], of: lines, sections: sections, into: &parts)
        parts.source = parts.source ?? Outlet.masthead(in: lines[..<body.lowerBound])
        PageTop.read(lines[..<body.lowerBound], outlet: parts.source, into: &parts)
        PageBody.read(lines, body, sections: sections, into: &parts)
        let topWasUpdate = lines[..<body.lowerBound].contains { $0.date != nil && PageTop.isUpdate($0.text.lowercased()) }
        if parts.published == nil || topWasUpdate, let first = PageTop.firstPublicationBelow(lines[body.lowerBound...]) {
            parts.published = first
        }
        if parts.published == nil {
            // Some pages put `Published …` at the foot; a date is never read out of prose.
            parts.published = lines.lazy.filter { $0.kind != .prose }.compactMap { $0.date }.first
        }
        if parts.published == nil, let lead = parts.paragraphs.first { parts.published = leadDateline(lead) }
        return parts
    }

    /// The date a lead opens with, as a press release or a wire story writes it (`NAIROBI, 9
    /// October 2024 – The Alliance today called …`): the place, a comma, the date, then a dash.
    /// Only the words before the dash are read, never the sentence.
    static func leadDateline(_ lead: String) -> Date? {
        let head = lead.prefix(80)
        guard let dash = [" – ", " — ", " - "].compactMap({ head.range(of: $0)?.lowerBound }).min(),
            let comma = head[..<dash].firstIndex(of: ","),
            head[..<comma].unicodeScalars.first.map({ Text.letterCase($0) == .upper }) ?? false else { return nil }
        return Dateline.date(in: String(head[..<dash]))
    }

    /// Where the body is. It starts at a line that is plainly a paragraph (a long line without
    /// final punctuation above it is a sentence-case headline or a standfirst, not the lead);
    /// it ends at the last prose line (or an obituary's closing line of life dates) that is not in a list of headlines (the related block) nor
    /// under a heading of the bottom's lists (`Most read`, `Classifieds`).
    static func bodyRange(_ lines: [LogicalLine], sections: [Int: PageBottom.Section] = [:]) -> Range<Int> {
        var start = lines.indices.first { isLead(lines[$0]) && !isSloganInMenu($0, lines) } ?? lines.count
        while start < lines.count, let next = lines[(start + 1)...].firstIndex(where: isLead),
            isStandfirstOrCaption(start, before: next, in: lines) {
            start = next
        }
        // A tag list ends the article (`Topics: …`, `Tags` over the tags).
        let tagLine = lines.indices.first { $0 > start && (LinkLines.labelledTags(lines[$0].text) != nil || sections[$0] == .tags) }
        let last = lines.indices.last {
            (lines[$0].kind == .prose || PageBody.isLifeDates(lines[$0])) && !isInHeadlineList($0, lines) && sections[$0] == nil
                && $0 < tagLine ?? lines.count
        }
        return start..<max(start, (last ?? -1) + 1)
    }

    /// A standfirst, a caption or a box, not the lead: a prose line above the byline or dateline
    /// (a short one anywhere above the first paragraph of length); or a question headline with
    /// its standfirst under it, above the byline or dateline.
    static func isStandfirstOrCaption(_ index: Int, before next: Int, in lines: [LogicalLine]) -> Bool {
        if lines[(index + 1)..<next].contains(where: PageTop.isAnchor) { return true }
        // Short prose above the byline and dateline, before the first paragraph of length: a
        // box (`"China controls 90 percent…"`, `Half True: …`), not the lead.
        if lines[index].shape.wordCount < 25 {
            let firstLong = lines[(index + 1)...].firstIndex { isLead($0) && $0.shape.wordCount >= 25 } ?? lines.count
            if lines[(index + 1)..<firstLong].contains(where: PageTop.isAnchor) { return true }
        }
        guard LineKinds.isHeadlineCandidate(lines[index]), let after = lines[(next + 1)...].firstIndex(where: isLead) else {
            return false
        }
        return lines[(next + 1)..<after].contains(where: PageTop.isAnchor)
            && lines[(index + 1)..<next].allSatisfy { $0.kind != .prose }
            && lines[index].block == lines[next].block
    }

    /// A line that can open the body: prose that ends a sentence, is long, or opens with a quote.
    static func isLead(_ line: LogicalLine) -> Bool {
        line.kind == .prose && (line.shape.endsWithSentencePunctuation || line.shape.wordCount >= 25 || line.shape.startsWithQuote)
    }

    /// A site's slogan in its menu (`Made for minds.` between `Westfunk` and `Topics`): a short
    /// sentence whose neighbours in its block are both labels, not prose. It cannot open the body.
    static func isSloganInMenu(_ index: Int, _ lines: [LogicalLine]) -> Bool {
        guard lines[index].shape.wordCount <= 5, index > 0, index + 1 < lines.count else { return false }
        return [lines[index - 1], lines[index + 1]].allSatisfy { $0.block == lines[index].block && $0.kind != .prose }
    }

    /// Whether the line at `index` sits in a list of headlines: in a block of several lines,
    /// it reads as a headline itself, or it is a short sentence whose neighbours in the block
    /// all read as headlines.
    static func isInHeadlineList(_ index: Int, _ lines: [LogicalLine]) -> Bool {
        let line = lines[index]
        let previous = index > 0 && lines[index - 1].block == line.block ? lines[index - 1] : nil
        let next = index + 1 < lines.count && lines[index + 1].block == line.block ? lines[index + 1] : nil
        guard previous != nil || next != nil else { return false }
        if !line.shape.endsWithPeriod || line.shape.isTitleCase { return true }
        guard line.shape.wordCount <= 20 else { return false }
        func readsAsHeadline(_ other: LogicalLine) -> Bool {
            other.kind != .prose || !other.shape.endsWithPeriod || other.shape.isTitleCase
        }
        return (previous.map(readsAsHeadline) ?? true) && (next.map(readsAsHeadline) ?? true)
    }
}
