import CableCore
import Foundation

/// An article laid out for the reading pane at one width: the lines, where each body
/// paragraph starts (so a quote can scroll the pane to its paragraph), and the lines where
/// the search matched (for `>` and `<`).
public struct ReaderDocument: Hashable, Sendable {
    public var lines: [StyledLine] = []
    public var paragraphStarts: [Int] = []
    public var matchLines: [Int] = []

    public init(_ open: OpenArticle, width: Int, terms: SearchTerms = SearchTerms(.all)) {
        guard width > 0 else { return }
        let article = open.article
        let title = Sanitizer.clean(article.title)
        lines += TextLayout.wrap(Self.styled(title, base: .bold, quotes: [], terms: terms), width: width)
        var meta: [String] = []
        if let published = article.published { meta.append(DateText.long(published)) }
        if let source = article.source, !source.isEmpty { meta.append(source) }
        if !meta.isEmpty {
            lines += TextLayout.wrap([Span(Sanitizer.clean(meta.joined(separator: " · ")), .dim)], width: width)
        }
        if !article.tags.isEmpty {
            let tags = article.tags.map(Sanitizer.clean).joined(separator: ", ")
            lines += TextLayout.wrap([Span("Tags: ", .dim), Span(tags, .tag)], width: width)
        }
        if !open.userTags.isEmpty {
            let tags = open.userTags.map(Sanitizer.clean).joined(separator: ", ")
            lines += TextLayout.wrap([Span("Your tags: ", .dim), Span(tags, .userTag)], width: width)
        }
        for (index, paragraph) in article.paragraphs.enumerated() {
            lines.append([])
            paragraphStarts.append(lines.count)
            let quotes = article.quotes.filter { $0.paragraph == index }.map(\.text)
            let (text, note) = ReaderLimits.splitNote(paragraph)
            var spans = Self.styled(Sanitizer.clean(String(text)), base: .plain, quotes: quotes, terms: terms)
            if let note { spans.append(Span((text.isEmpty ? "" : " ") + Sanitizer.clean(note), .dim)) }
            lines += TextLayout.wrap(spans, width: width)
        }
        let readMore = open.related.explicit.enumerated().filter { $0.element.kind == .readMore }
        if !readMore.isEmpty {
            lines.append([])
            for (index, link) in readMore {
                let style: Style = link.match == nil ? .dim : .link
                lines += TextLayout.wrap([Span("READ MORE [\(index + 1)]: ", .dim),
                                          Span(Sanitizer.clean(link.headline), style)],
                                         width: width)
            }
        }
        if !terms.isEmpty {
            matchLines = lines.indices.filter { index in lines[index].contains { $0.style.role == .match } }
        }
    }

    /// A paragraph (or the title) split into spans: the quoted words (with their quote marks)
    /// and the search's matches stand out, a match over a quote.
    static func styled(_ text: String, base: Style, quotes: [String], terms: SearchTerms) -> [Span] {
        let quoted = quoteRanges(text, quotes: quotes)
        let matched = terms.ranges(in: text)
        guard !quoted.isEmpty || !matched.isEmpty else { return [Span(text, base)] }
        var cuts = Set([text.startIndex, text.endIndex])
        for range in quoted + matched {
            cuts.insert(range.lowerBound)
            cuts.insert(range.upperBound)
        }
        let sorted = cuts.sorted()
        var spans: [Span] = []
        for (lower, upper) in zip(sorted, sorted.dropFirst()) where lower < upper {
            let style: Style
            if matched.contains(where: { $0.contains(lower) }) {
                style = base.bold ? .matchBold : .match
            } else if quoted.contains(where: { $0.contains(lower) }) {
                style = .quote
            } else {
                style = base
            }
            if let last = spans.last, last.style == style {
                spans[spans.count - 1].text += text[lower..<upper]
            } else {
                spans.append(Span(String(text[lower..<upper]), style))
            }
        }
        return spans
    }

    /// Where the quoted words (and their quote marks) are. Quotes come in the order they
    /// appear, so each is looked for after the previous one: the search does not start over
    /// for every quote, and a quote said twice is found twice.
    static func quoteRanges(_ paragraph: String, quotes: [String]) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var searchFrom = paragraph.startIndex
        for quote in quotes where !quote.isEmpty {
            let cleaned = Sanitizer.clean(quote)
            // Out of order (rare): look from the start, and skip it if it is already taken.
            guard let found = paragraph.range(of: cleaned, range: searchFrom..<paragraph.endIndex)
                ?? paragraph.range(of: cleaned) else { continue }
            if found.lowerBound >= searchFrom { searchFrom = found.upperBound }
            var lower = found.lowerBound
            var upper = found.upperBound
            // Take the surrounding quote marks along when they are there.
            if lower > paragraph.startIndex {
                let before = paragraph.index(before: lower)
                if "\"“‘«'".contains(paragraph[before]) { lower = before }
            }
            if upper < paragraph.endIndex, "\"”’»'".contains(paragraph[upper]) {
                upper = paragraph.index(after: upper)
            }
            if !ranges.contains(where: { $0.overlaps(lower..<upper) }) { ranges.append(lower..<upper) }
        }
        return ranges
    }
}

/// The open article laid out for the reading pane, kept in the state: laying out a long
/// article on every key (to clamp the scroll, then again to draw) was the costly part of a
/// key press. It is valid for one article with its related stories (the READ MORE lines)
/// and the user's tags, at one width, for one search, and laid out again only when one of
/// those changes.
public struct ReaderLayout: Hashable, Sendable {
    public let id: ArticleID
    public let width: Int
    public let related: RelatedStories
    public let userTags: [String]
    public let terms: SearchTerms
    public let document: ReaderDocument

    public init(_ open: OpenArticle, width: Int, terms: SearchTerms = SearchTerms(.all)) {
        id = open.article.id
        self.width = width
        related = open.related
        userTags = open.userTags
        self.terms = terms
        document = ReaderDocument(open, width: width, terms: terms)
    }

    public func fits(_ open: OpenArticle, width: Int, terms: SearchTerms) -> Bool {
        id == open.article.id && self.width == width && related == open.related
            && userTags == open.userTags && self.terms == terms
    }
}

/// Dates as the UI shows them, always in UTC (datelines are instants in UTC).
public enum DateText {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()

    /// `18 May 21`, nine columns.
    public static func short(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        let day = c.day ?? 1
        let month = months[((c.month ?? 1) - 1 + 12) % 12]
        let year = (c.year ?? 0) % 100
        return (day < 10 ? "0" : "") + "\(day) \(month) " + (year < 10 ? "0" : "") + "\(year)"
    }

    /// `18 May 2021 12:29 UTC`.
    public static func long(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let month = months[((c.month ?? 1) - 1 + 12) % 12]
        let hour = c.hour ?? 0
        let minute = c.minute ?? 0
        let time = (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
        return "\(c.day ?? 1) \(month) \(c.year ?? 0) \(time) UTC"
    }
}

/// Numbers with thousands separators (`1,204`), independent of the locale.
public enum NumberText {
    public static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }
}
