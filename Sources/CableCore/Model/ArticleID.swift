/// An article's stable identity: 16 hex digits of a 64-bit FNV-1a hash over the letters and
/// digits of the file's text, lower-cased.
///
/// Why the content and not the path: renaming or moving a file must keep its read/starred
/// state. Why only letters and digits: re-saving with other line endings, a BOM, NBSPs,
/// curly instead of straight quotes or re-indented paragraphs is the same article. Why not
/// parser output (title, date): a better parser must not change every id and orphan the
/// user's state. An edited file gets a new id; the library carries state across when the
/// same path changes content.
public struct ArticleID: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: ArticleID, rhs: ArticleID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The id of a file whose decoded text is `text`.
    public static func forContent(_ text: String) -> ArticleID {
        var utf8 = text
        return utf8.withUTF8 { forContent(utf8: $0) }
    }

    /// The id of a file whose text is `bytes`, which must be valid UTF-8. (The parser makes
    /// the same hash as it cleans the lines, in the same pass, and faster: see
    /// `TextCleaning.read`. This plain walk is the public way to an id without parsing, and
    /// the tests' reference for the parser's.)
    static func forContent(utf8 bytes: UnsafeBufferPointer<UInt8>) -> ArticleID {
        var hash = ContentHash()
        var i = 0
        let count = bytes.count
        while i < count {
            if bytes[i] < 0x80 {
                hash.addASCII(bytes, from: i, to: i + 1)
                i += 1
                continue
            }
            let (value, length) = ContentHash.decodeScalar(bytes, at: i)
            hash.add(scalar: value)
            i += length
        }
        return ArticleID(hash)
    }

    init(_ hash: ContentHash) { self.init(hash: hash.value) }

    private init(hash: UInt64) {
        // Sixteen hex digits, zero-padded, written in one go.
        let hex = (0..<16).map { ArticleID.hexDigits[Int(truncatingIfNeeded: hash >> UInt64(60 - 4 * $0)) & 15] }
        rawValue = String(decoding: hex, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
