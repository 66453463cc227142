import Foundation

// PLACEHOLDER: a minimal splitter so the library can be built in parallel; the parser work
// replaces this file (and adds the real anatomy: dateline, furniture, quotes, related, tags).
public enum ArticleParser {
    /// Parses a saved page's decoded text. Never fails: what it cannot find becomes a warning.
    public static func parse(text: String, file: String) -> Article {
        let blocks = text.components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        return Article(id: ArticleID.forContent(text), file: file, title: blocks.first ?? file,
                       paragraphs: Array(blocks.dropFirst()))
    }

    /// Decodes bytes (UTF-8, lossily with a warning when invalid) and parses them.
    public static func parse(data: Data, file: String) -> Article {
        parse(text: String(decoding: data, as: UTF8.self), file: file)
    }
}
