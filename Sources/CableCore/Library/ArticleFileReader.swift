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
        var work = SyncWork()
        return read(url, relativePath: relativePath, parse: parse, work: &work)
    }

    /// Also adds the seconds spent reading and parsing to `work`.
    static func read(_ url: URL, relativePath: String, parse: ArticleParse, work: inout SyncWork) -> Outcome {
        var clock = Stopwatch()
        let data: Data
        do {
            // Read, not mapped: articles are small, and the time spent reading is then counted here.
            data = try Data(contentsOf: url)
        } catch {
            return .skipped("unreadable: \(error.localizedDescription)")
        }
        work.read += clock.lap()
        return read(data, relativePath: relativePath, parse: parse, work: &work)
    }

    /// The same for bytes already read (`cable import` reads them without following links).
    static func read(_ data: Data, relativePath: String, parse: ArticleParse) -> Outcome {
        var work = SyncWork()
        return read(data, relativePath: relativePath, parse: parse, work: &work)
    }

    /// Also adds the seconds spent parsing to `work`.
    static func read(_ data: Data, relativePath: String, parse: ArticleParse, work: inout SyncWork) -> Outcome {
        var clock = Stopwatch()
        if data.count > maximumSize {
            return .skipped("too large (\(data.count / 1024 / 1024) MB)")
        }
        // The parser's test, so the library and `cable parse` agree on what is binary.
        if ArticleDecoding.looksBinary(data) { return .skipped("binary") }
        // Only whitespace (or a byte-order mark) is an empty file, not an untitled article.
        let blank: Set<UInt8> = [0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF]
        if data.allSatisfy({ blank.contains($0) }) { return .skipped("empty") }
        let article = parse(data, relativePath)
        work.parse += clock.lap()
        return .article(article)
    }
}
