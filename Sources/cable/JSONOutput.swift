import CableCore
import Foundation

/// The JSON the commands print. Every shape is the model type's own `Codable` form (one
/// definition each: `Article`, `ArticleSummary`, `QuoteHit`, `RelatedStories`, `TagCount`),
/// written with sorted keys and ISO 8601 dates in UTC; optional fields are `null`, never left
/// out, so every object has every key.
enum JSONOutput {
    /// `pretty`: indented, one key a line (what `show`, `list`, `tags`, `quotes`, `related`
    /// print); otherwise one object on one line (`parse`, an object per file).
    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Console.iso8601(date))
        }
        return encoder
    }

    /// An array written element by element as the rows come, laid out exactly as the
    /// encoder lays out a whole array (each element indented by two spaces), so output starts
    /// at once and memory holds one row.
    final class ArrayStream {
        private let encoder: JSONEncoder
        private let output: BufferedOutput
        private var count = 0

        init(_ output: BufferedOutput, pretty: Bool = true) {
            encoder = JSONOutput.encoder(pretty: pretty)
            self.output = output
            output.write("[\n")
        }

        func append(_ value: some Encodable) throws {
            let bytes = try encoder.encode(value)
            output.write(count == 0 ? "  " : ",\n  ")
            // Indent the element's own lines as the encoder does inside an array.
            var start = bytes.startIndex
            while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
                output.write(bytes[start...newline])
                output.write("  ")
                start = newline + 1
            }
            output.write(bytes[start...])
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
        FileHandle.standardOutput.write(Data(buffer))
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
