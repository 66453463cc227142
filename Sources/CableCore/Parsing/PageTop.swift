/// Above the body: the dateline, the headline (if the page kept one), furniture.
enum PageTop {
    /// The headline is a line of a few words that is not furniture: Title Case in most outlets,
    /// sentence case in some. Outlet names, kickers and bylines sit around it, so the best
    /// candidate above the dateline and the first below it compete: a Title Case line beats
    /// one that is not, then the longer wins (above on a tie). Without a dateline, the first
    /// candidate.
    static func read(_ lines: ArraySlice<LogicalLine>, into parts: inout PageParts) {
        var above: LogicalLine?
        var below: LogicalLine?
        var sawDateline = false
        for line in lines where line.kind != .readMore {
            // (A dateline may look like furniture: `Issue 142 · 10 August 2023 · 06:00 UTC`.)
            if let date = Dateline.date(in: line.text) {
                // The first date is the dateline; a later one (`Print edition: …`) is
                // furniture, never the headline.
                if !sawDateline { parts.published = date }
                sawDateline = true
                continue
            }
            guard line.kind != .furniture, LineKinds.isHeadlineCandidate(line) else { continue }
            if sawDateline {
                if below == nil { below = line }
            } else if above.map({ line.shape.letterWords > $0.shape.letterWords }) ?? true {
                above = line
            }
        }
        if let above, let below {
            parts.headline = preferred(below, over: above) ? below.text : above.text
        } else if !sawDateline, above != nil {
            parts.headline = lines.first { $0.kind != .readMore && $0.kind != .furniture && LineKinds.isHeadlineCandidate($0) }?.text
        } else {
            parts.headline = above?.text ?? below?.text
        }
    }

    /// Whether `line` makes a better headline than `other`: Title Case first, then length.
    static func preferred(_ line: LogicalLine, over other: LogicalLine) -> Bool {
        if line.shape.isTitleCase != other.shape.isTitleCase { return line.shape.isTitleCase }
        return line.shape.letterWords > other.shape.letterWords
    }
}
