import Foundation

/// Parses a saved news page (see docs/article-format.md) into an `Article`.
///
/// The pipeline, one direction: decode and clean the text into lines (`TextCleaning`), find the
/// page's parts by position and shape (`PageSegmenter`, `DatelineParser`, `Furniture`), then
/// the quotes and who said them (`QuoteScanner`, `QuoteAttribution`). It never fails: what it
/// cannot find becomes a warning on the article.
public enum ArticleParser {
    /// Bump whenever the parser's output for some input changes: an index made by another
    /// version is rebuilt from the files (see `Library.checkParserVersion`).
    public static let version = 3

    /// Parses a saved page's decoded text.
    public static func parse(text: String, file: String) -> Article {
        parse(decoded: text, file: file, warnings: [])
    }

    /// Decodes bytes (UTF-8, lossily with a warning when invalid) and parses them.
    public static func parse(data: Data, file: String) -> Article {
        // Valid UTF-8, nearly every file, is parsed where it lies: cleaning checks it as it
        // reads it.
        let parsed = data.withUnsafeBytes { raw -> Article? in
            guard let (lines, hash) = TextCleaning.read(raw.bindMemory(to: UInt8.self), validating: true) else { return nil }
            return parse(lines, id: ArticleID(hash), file: file, warnings: [])
        }
        if let parsed { return parsed }
        let (text, warnings) = ArticleDecoding.decode(data)
        return parse(decoded: text, file: file, warnings: warnings)
    }

    private static func parse(decoded text: String, file: String, warnings: [String]) -> Article {
        var utf8 = text
        return utf8.withUTF8 { buffer in
            // (A String's bytes are valid UTF-8: reading them cannot fail.)
            let (lines, hash) = TextCleaning.read(buffer, validating: false) ?? ([], ContentHash())
            return parse(lines, id: ArticleID(hash), file: file, warnings: warnings)
        }
    }

    static func parse(_ lines: [PageLine], id: ArticleID, file: String, warnings: [String]) -> Article {
        var warnings = warnings
        let segments = PageSegmenter.segment(lines)
        let quotes = QuoteAttribution.quotes(in: segments.paragraphBytes)

        var title = segments.headline ?? ""
        var titleDerived = false
        if segments.headline == nil {
            titleDerived = true
            if let lead = segments.paragraphs.first {
                title = TitleDerivation.title(fromLead: lead)
                warnings.append("no headline; title derived from the lead")
            } else {
                title = fallbackTitle(for: file)
                warnings.append("no headline and no body; title is the file name")
            }
        }
        if segments.published == nil { warnings.append("no dateline found") }
        if segments.paragraphs.isEmpty { warnings.append("no body paragraphs found") }

        return Article(
            id: id, file: file, title: title, titleDerived: titleDerived,
            published: segments.published, source: segments.source,
            paragraphs: segments.paragraphs, quotes: quotes, readMore: segments.readMore,
            related: segments.related, tags: segments.tags, warnings: warnings)
    }

    static func fallbackTitle(for file: String) -> String {
        var name = file.split(separator: "/").last.map(String.init) ?? file
        if name.hasSuffix(".txt") { name.removeLast(4) }
        // A file name is as untrusted as the text: clean it like a line of the page (control
        // characters out), so no title can carry an escape sequence.
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
        QuoteAttribution.quotes(in: paragraphs.map { Array($0.utf8) })
    }

    /// A visible dateline (`12:29 GMT18 May 2021`, `Updated: 5 March 2023, 09:12 GMT`) as an
    /// instant in UTC, or nil when the line is not one.
    public static func dateline(in line: String) -> Date? {
        DatelineParser.parse(Array(line.utf8))
    }

    /// Whether one line of text is page furniture (share buttons, adverts, cookie and
    /// newsletter notices, captions, credits), as the text parser judges it.
    public static func isFurniture(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        let shape = LineShape(bytes)
        return Furniture.isKnown(bytes, shape: shape) || Furniture.isByline(bytes, shape: shape)
    }
}
