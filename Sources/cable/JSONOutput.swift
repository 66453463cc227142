import CableCore
import Foundation

/// The JSON the commands print. Every shape is the model type's own `Codable` form (one
/// definition each: `Article`, `ArticleSummary`, `QuoteHit`, `RelatedStories`, `TagCount`),
/// written with sorted keys and ISO 8601 dates in UTC; optional fields are `null`, never left
/// out, so every object has every key.
enum JSONOutput {
    /// An array written element by element as the rows come, laid out exactly as a whole
    /// array is (each element indented one level), so output starts at once and memory holds
    /// one row. `pretty`: indented, one key a line (what `list` and `quotes` print);
    /// otherwise an element a line (`parse`, an object per file).
    final class ArrayStream {
        private let writer: JSONWriter
        private let output: BufferedOutput
        private var count = 0
        private var buffer: [UInt8] = []

        init(_ output: BufferedOutput, pretty: Bool = true) {
            writer = JSONWriter(pretty: pretty)
            self.output = output
            output.write("[\n")
        }

        func append(_ value: some Encodable) throws {
            buffer.removeAll(keepingCapacity: true)
            buffer += (count == 0 ? "  " : ",\n  ").utf8
            try writer.write(value, into: &buffer, indent: writer.pretty ? 1 : 0)
            output.write(buffer)
            count += 1
        }

        func finish() {
            output.write("\n]\n")
            output.flush()
        }
    }
}

/// Standard output in large writes: a row is a few hundred bytes, and a system call per row
/// would cost more than making it. `flush` at the end (and every 64 KB on the way).
final class BufferedOutput {
    private var buffer: [UInt8] = []
    private let limit = 1 << 16

    init() { buffer.reserveCapacity(limit) }

    func write(_ text: String) { write(text.utf8) }

    func write(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= limit { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        Console.stdout(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

/// One entry of `cable parse --json`: the article's JSON and `"error": null`, or for a file
/// that could not be read the same keys, empty, and the error.
struct ParsedFileJSON: Encodable {
    var file: String
    var outcome: Result<Article, ArticleReadError>

    private enum Keys: String, CodingKey { case error }

    func encode(to encoder: Encoder) throws {
        switch outcome {
        case .success(let article):
            try article.encode(to: encoder)
            var extra = encoder.container(keyedBy: Keys.self)
            try extra.encodeNil(forKey: .error)
        case .failure(let error):
            var container = encoder.container(keyedBy: Article.CodingKeys.self)
            for key in Article.CodingKeys.allCases {
                switch key {
                case .file: try container.encode(file, forKey: key)
                case .titleDerived: try container.encode(false, forKey: key)
                case .id, .title, .published, .source, .url: try container.encodeNil(forKey: key)
                case .paragraphs, .quotes, .readMore, .related, .tags, .warnings:
                    try container.encode([String](), forKey: key)
                case .linkURLs: try container.encode([String: String](), forKey: key)
                }
            }
            var extra = encoder.container(keyedBy: Keys.self)
            try extra.encode(error.description, forKey: .error)
        }
    }
}
