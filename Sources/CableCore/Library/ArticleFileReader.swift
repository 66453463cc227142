import Foundation

/// Reads one library file into an `Article`, or says why the file is not an article.
enum ArticleFileReader {
    /// Saved pages are tens of kilobytes; anything this large is something else.
    static let maximumSize = 8 * 1024 * 1024

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
        if data.count > maximumSize {
            return .skipped("too large (\(data.count / 1024 / 1024) MB)")
        }
        // A NUL byte in the first few kilobytes means a binary file (text never has one).
        if data.prefix(8192).contains(0) { return .skipped("binary") }
        // Only whitespace (or a byte-order mark) is an empty file, not an untitled article.
        let blank: Set<UInt8> = [0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF]
        if data.allSatisfy({ blank.contains($0) }) { return .skipped("empty") }
        return .article(parse(data, relativePath))
    }
}
