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
    public static let version = 2

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
