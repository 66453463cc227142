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

    /// The FNV-1a prime to the third power (mod 2^64).
    private static let primeCubed: UInt64 = 0x0000_0100_0000_01B3 &* 0x0000_0100_0000_01B3 &* 0x0000_0100_0000_01B3

    /// The id of a file whose decoded text is `text`.
    public static func forContent(_ text: String) -> ArticleID {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if value < 0x80 {
                // ASCII fast path (same answer as the properties below, much cheaper): only
                // letters and digits count.
                let folded = value | 0x20
                guard (folded >= 0x61 && folded <= 0x7A) || (value >= 0x30 && value <= 0x39) else { continue }
            } else {
                let properties = scalar.properties
                guard properties.isAlphabetic || properties.numericType != nil else { continue }
            }
            // Lower-case ASCII cheaply; other scripts keep their scalar (case is rare there).
            if value >= 0x41 && value <= 0x5A { value += 0x20 }
            if value < 0x100 {
                // The three high bytes are zero: XOR with zero changes nothing, so one step
                // and a multiplication by the prime cubed give the same hash, faster.
                hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
                hash = hash &* primeCubed
                continue
            }
            for shift in stride(from: 0, to: 32, by: 8) {
                hash ^= UInt64((value >> UInt32(shift)) & 0xFF)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return ArticleID(rawValue: String(repeating: "0", count: 16 - hex.count) + hex)
    }
}
