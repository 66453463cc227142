import Foundation

/// Which reader a saved page goes through, by its file name: `.html`/`.htm` pages through
/// the HTML reader, everything else that is text through the text parser. Binary files,
/// empty and oversized ones are refused with their reason, as before.
public enum PageReader {
    public enum Format: Equatable, Sendable {
        case text, html
    }

    static let htmlExtensions: Set<String> = ["html", "htm", "xhtml", "shtml"]

    public static func format(of file: String) -> Format {
        htmlExtensions.contains((file as NSString).pathExtension.lowercased()) ? .html : .text
    }

    /// Both readers' versions in one number: an index made by either older reader is stale.
    public static let version = ArticleParser.version * 1_000 + HTMLArticleReader.version

    /// Parses a file's bytes by its name's format.
    public static func parse(data: Data, file: String) -> Article {
        switch format(of: file) {
        case .html: return HTMLArticleReader.parse(data: data, file: file)
        case .text: return ArticleParser.parse(data: data, file: file)
        }
    }

    /// Reads and parses the file at `url`, refusing what is not a readable page;
    /// `displayPath` names it in the article and in errors.
    public static func read(fileAt url: URL, as displayPath: String) throws -> Article {
        parse(data: try ArticleDecoding.pageBytes(at: url, as: displayPath), file: displayPath)
    }

    /// The same for bytes already read, as if they were the whole file named `displayPath`:
    /// refused when too large or binary, else parsed by the name's format.
    public static func read(data: Data, as displayPath: String) throws -> Article {
        parse(data: try ArticleDecoding.checkedPageBytes(data, as: displayPath), file: displayPath)
    }
}
