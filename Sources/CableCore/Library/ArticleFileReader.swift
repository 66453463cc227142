import Foundation

/// Reads one library file into an `Article`, or says why the file is not an article. Not
/// `ArticleParser.read(fileAt:as:)`: sync has already stat-ed the file, and tests swap the
/// parser for a fixture one; the size and binary rules are the parser's own.
enum ArticleFileReader {
    /// The parser's limit, so `cable parse` and the library agree on what is too large.
    static let maximumSize = ArticleParser.maximumFileSize

    enum Outcome: Sendable {
        case article(Article)
        case skipped(String)
    }

    static func read(_ url: URL, relativePath: String, parse: ArticleParse) -> Outcome {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            return .skipped("unreadable: \(error.localizedDescription)")
        }
        return read(data, relativePath: relativePath, parse: parse)
    }

    /// The same for bytes already read (`cable import` reads them without following links).
    static func read(_ data: Data, relativePath: String, parse: ArticleParse) -> Outcome {
        if data.count > maximumSize {
            return .skipped("too large (\(data.count / 1024 / 1024) MB)")
        }
        // The parser's test, so the library and `cable parse` agree on what is binary.
        if ArticleDecoding.looksBinary(data) { return .skipped("binary") }
        // Only whitespace (or a byte-order mark) is an empty file, not an untitled article.
        let blank: Set<UInt8> = [0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF]
        if data.allSatisfy({ blank.contains($0) }) { return .skipped("empty") }
        return .article(parse(data, relativePath))
    }
}
