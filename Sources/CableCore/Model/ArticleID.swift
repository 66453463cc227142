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

    /// The id of a file whose decoded text is `text`: 64-bit FNV-1a over the letters and digits
    /// (scalars that are alphabetic or have a numeric value), ASCII capitals lower-cased, each
    /// scalar's value fed as four bytes, lowest first.
    public static func forContent(_ text: String) -> ArticleID {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in text.unicodeScalars where countsTowardsID(scalar) {
            var value = scalar.value
            if (0x41...0x5A).contains(value) { value += 0x20 }
            for shift in stride(from: UInt32(0), to: 32, by: 8) {
                hash ^= UInt64((value >> shift) & 0xFF)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        return ArticleID(hash: hash)
    }

    private static func countsTowardsID(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private init(hash: UInt64) {
        let hex = String(hash, radix: 16)
        rawValue = String(repeating: "0", count: 16 - hex.count) + hex
    }
}
