/// Below the body: READ MORE lines, the related-headline block, the tag line, the outlet's
/// copyright line and other furniture.
enum PageBottom {
    static func read(_ lines: ArraySlice<LogicalLine>, of page: [LogicalLine], into parts: inout PageParts) {
        let tagLine = labelledTagLine(lines) ?? unlabelledTagLine(lines)
        if let tagLine { parts.tags = tagLine.tags }
        for index in lines.indices {
            if let tagLine, index >= tagLine.index { break }
            let line = lines[index]
            switch line.kind {
            case .readMore:
                if let link = line.link { parts.readMore.append(link) }
            case .furniture:
                continue
            case .prose, .other:
                if Furniture.isByline(line.text, shape: line.shape) { continue }
                if isRelatedHeadline(index, in: page) {
                    if Dateline.date(in: line.text) == nil {
                        parts.related.append(Bullets.withoutNumbering(Bullets.withoutBullet(line.text)))
                    }
                } else if parts.source == nil {
                    parts.source = LinkLines.outletName(line.text)
                }
            }
        }
        if parts.source == nil {
            parts.source = lines.lazy.filter { $0.kind == .furniture }.compactMap { LinkLines.outletName($0.text) }.first
        }
    }

    /// A line that says it lists the tags (`Tags:`, `Topics:`), the last one on the page, wherever
    /// notices and links follow it.
    static func labelledTagLine(_ lines: ArraySlice<LogicalLine>) -> (index: Int, tags: [String])? {
        for index in lines.indices.reversed() where lines[index].kind != .readMore {
            if let tags = LinkLines.labelledTags(lines[index].text) { return (index, tags) }
        }
        return nil
    }

    /// Otherwise the last content line that reads as a tag list; only bottom furniture and
    /// notices may follow it (`Leave a comment`, `Back to top`, a disclaimer): a headline after
    /// it means there is no tag line.
    static func unlabelledTagLine(_ lines: ArraySlice<LogicalLine>) -> (index: Int, tags: [String])? {
        for index in lines.indices.reversed() {
            let line = lines[index]
            if line.kind == .readMore { continue }
            // Furniture, unless it is a tag line written with separators (`Arctic | Russia`).
            if line.kind == .furniture && (line.shape.commaCount > 0 || !Furniture.isSeparatorTrail(line.text)) { continue }
            if let tags = LinkLines.unlabelledTags(line.text, shape: line.shape) { return (index, tags) }
            if line.kind == .furniture || line.shape.endsWithSentencePunctuation { continue }
            if line.shape.wordCount >= 6 || line.shape.isTitleCase && line.shape.wordCount >= 4 { return nil }
        }
        return nil
    }

    /// A headline of the related block: a few words (four, or three in Title Case; `Elsewhere
    /// this week` over a list of them is its heading), not a sentence unless it sits in a
    /// list of headlines.
    static func isRelatedHeadline(_ index: Int, in page: [LogicalLine]) -> Bool {
        let shape = page[index].shape
        let headlineLength = shape.letterWords >= 4 || shape.letterWords >= 3 && shape.isTitleCase
        return headlineLength && (!shape.endsWithPeriod || shape.isTitleCase || PageRegions.isInHeadlineList(index, page))
    }
}
