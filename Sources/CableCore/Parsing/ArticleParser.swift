import Foundation

/// Parses a saved news page (see docs/article-format.md) into an `Article`, in stages, each in
/// a file of its own and each one direction:
///
/// 1. `ArticleDecoding`: bytes → text (UTF-8, lossily with a warning);
/// 2. `TextCleaning`: text → clean lines;
/// 3. `LogicalLines`: lines → logical lines (wrapped paragraphs joined, each line classified);
/// 4. `PageRegions`: logical lines → the page's parts (`MailForward`: a forwarded mail's
///    message; `PageTop`: headline and dateline; the body; `PageBottom`: related headlines,
///    tags, outlet);
/// 5. `QuoteAttribution`: body paragraphs → quotes (`QuoteSpans`, `ProseTokenizer`,
///    `AttributionSieve`, `SpeakerMemory`).
///
/// It never fails: what it cannot find becomes a warning on the article.
public enum ArticleParser {
    /// Bump whenever the parser's output for some input changes: an index made by another
    /// version is rebuilt from the files (see `Library.checkParserVersion`).
    public static let version = 11

    /// Parses a saved page's decoded text.
    public static func parse(text: String, file: String) -> Article {
        parse(text, file: file, warnings: [])
    }

    /// Decodes bytes (UTF-8, lossily with a warning when invalid) and parses them.
    public static func parse(data: Data, file: String) -> Article {
        let (text, warnings) = ArticleDecoding.decode(data)
        return parse(text, file: file, warnings: warnings)
    }

    private static func parse(_ text: String, file: String, warnings: [String]) -> Article {
        let lines = LogicalLines.lines(of: TextCleaning.lines(of: text))
        let parts = PageRegions.parts(of: lines)
        var article = Article(
            id: ArticleID.forContent(text), file: file, title: parts.headline ?? "",
            published: parts.published, source: parts.source, paragraphs: parts.paragraphs,
            quotes: QuoteAttribution.quotes(in: parts.paragraphs), readMore: parts.readMore,
            related: parts.related, tags: parts.tags, warnings: warnings, legacyID: ArticleID.legacy(forContent: text))
        if parts.headline == nil {
            article.titleDerived = true
            // A lead of nothing but stops derives no title: then the file name, as with no lead.
            if let lead = parts.paragraphs.first, case let derived = TitleDerivation.title(fromLead: lead), !derived.isEmpty {
                article.title = derived
                article.warnings.append("no headline; title derived from the lead")
            } else {
                article.title = fallbackTitle(for: file)
                article.warnings.append("no headline and no body; title is the file name")
            }
        }
        if parts.published == nil { article.warnings.append("no dateline found") }
        if parts.paragraphs.isEmpty { article.warnings.append("no body paragraphs found") }
        return article
    }

    /// A page with neither headline nor body is named after its file.
    static func fallbackTitle(for file: String) -> String {
        var name = file.split(separator: "/").last.map(String.init) ?? file
        if name.hasSuffix(".txt") { name.removeLast(4) }
        // A file name is as untrusted as the text: cleaned like a line of the page.
        name = TextCleaning.collapsed(name)
        return name.isEmpty ? "(untitled)" : name
    }
}

// The parser's pieces that other readers of pages (the HTML path) share, so that a quote, a
// dateline or a furniture line is read the same way whatever the page's format.
extension ArticleParser {
    /// The quotes of an article's body paragraphs (given in page order, lead first), each
    /// attributed as on a text page; `Quote.paragraph` indexes `paragraphs`.
    public static func quotes(inParagraphs paragraphs: [String]) -> [Quote] {
        QuoteAttribution.quotes(in: paragraphs)
    }

    /// A visible dateline (`12:29 GMT18 May 2021`, `Updated: 5 March 2023, 09:12 GMT`) as an
    /// instant in UTC, or nil when the line is not one.
    public static func dateline(in line: String) -> Date? {
        Dateline.date(in: line)
    }

    /// Whether one line of text is page furniture (share buttons, adverts, cookie and
    /// newsletter notices, captions, credits), as the text parser judges it.
    public static func isFurniture(_ line: String) -> Bool {
        let shape = LineShape(line)
        return Furniture.isFurniture(line, shape: shape) || Furniture.isByline(line, shape: shape)
    }
}
