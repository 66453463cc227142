/// An article's stable identity: 16 hex digits of a 64-bit FNV-1a hash of the file's text as
/// `ContentFold` folds it, in UTF-8.
///
/// Why the content and not the path: renaming or moving a file must keep its read/starred
/// state. Why folded: re-saving with other line endings, a BOM, NBSPs, curly instead of
/// straight quotes, en dashes for hyphens or re-indented paragraphs is the same article.
/// Why only that: every other character can change the meaning, so pages that differ only
/// in punctuation ("$1.5bn" and "$15bn") are two articles, with their own state. Why not
/// parser output (title, date): a better parser must not change every id and orphan the
/// user's state. An edited file gets a new id; the library carries state across when the
/// same path changes content. Ids made by older Cable hashed letters and digits only
/// (`legacy(forContent:)`); state kept under them is carried to these (`LegacyState`).
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

    /// The id of a file whose decoded text is `text`: 64-bit FNV-1a over the UTF-8 bytes of
    /// the folded text (`ContentFold`).
    public static func forContent(_ text: String) -> ArticleID {
        var hash = FNV1a()
        ContentFold.forEachScalar(of: text) { scalar in
            UTF8.encode(scalar) { hash.add($0) }
        }
        return ArticleID(hash: hash.value)
    }

    init(hash: UInt64) {
        let hex = String(hash, radix: 16)
        rawValue = String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// The 64-bit FNV-1a hash, fed a byte at a time.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
    }
}
