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

    /// The FNV-1a prime to the fourth power (mod 2^64): one FNV step on a byte followed by
    /// three on zero bytes (which XOR nothing in) is `(hash ^ byte) &* prime⁴`. Checked
    /// against the step-by-step form by a test.
    static let primeToTheFourth: UInt64 = 0x9FFA_AC08_5635_BC91

    /// For each ASCII byte, the value it adds to the hash (a letter lower-cased, a digit as
    /// is), or 0 when it does not count.
    private static let asciiValues: [UInt8] = (0..<128).map { value in
        let byte = UInt8(value)
        let folded = byte | 0x20
        if folded >= 0x61 && folded <= 0x7A { return folded }
        if byte >= 0x30 && byte <= 0x39 { return byte }
        return 0
    }

    /// For each ASCII byte, what the hash is multiplied by after XOR-ing in its value: the
    /// prime for a byte that counts, 1 for one that does not (which XORs in 0, so the hash
    /// stays as it was). Choosing the multiplier keeps the choice off the chain of
    /// multiplications, which is what bounds the speed of the hash.
    private static let asciiMultipliers: [UInt64] = asciiValues.map { $0 != 0 ? primeToTheFourth : 1 }

    /// Whether each scalar of two UTF-8 bytes (below U+0800: accented Latin, Greek,
    /// Cyrillic, Hebrew, Arabic) and of the punctuation block U+2000...U+20FF (curly quotes,
    /// dashes, spaces, currency) counts, one bit each: the non-ASCII scalars of most pages are
    /// looked up here instead of in the Unicode property tables, which cost hundreds of
    /// instructions a call. (Small on purpose: they are built on the first id of a run.)
    private static let twoByteScalars = bitmap(0..<0x800)
    private static let punctuationScalars = bitmap(0x2000..<0x2100)

    private static func bitmap(_ range: Range<UInt32>) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: (range.count + 63) / 64)
        for value in range where counts(value) {
            let offset = value - range.lowerBound
            bits[Int(offset / 64)] |= 1 << UInt64(offset % 64)
        }
        return bits
    }

    /// The rule itself: a scalar counts when it is alphabetic or has a numeric value.
    private static func counts(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    /// The id of a file whose decoded text is `text`.
    public static func forContent(_ text: String) -> ArticleID {
        var utf8 = text
        return utf8.withUTF8 { forContent(utf8: $0) }
    }

    /// The id of a file whose text is `bytes`, which must be valid UTF-8.
    static func forContent(utf8 bytes: UnsafeBufferPointer<UInt8>) -> ArticleID {
        // (Without validating, there is always a hash.)
        ArticleID(hash: hash(bytes, validating: false) ?? 0)
    }

    /// The id of a file whose text is `bytes` if they are well-formed UTF-8, or nil: the
    /// check rides along the hash, whose chain of multiplications leaves the processor
    /// time to spare, instead of being a pass of its own.
    static func forContent(validating bytes: UnsafeBufferPointer<UInt8>) -> ArticleID? {
        hash(bytes, validating: true).map(ArticleID.init(hash:))
    }

    /// The hash of `bytes`; nil when `validating` and a sequence is not well-formed UTF-8.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, validating: Bool) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var wellFormed = true
        // Walk the UTF-8 bytes rather than `unicodeScalars`: nearly every byte is ASCII and
        // needs no decoding; only a multi-byte sequence is decoded into its scalar, which
        // gives exactly the scalars the original loop saw (the sequence is well-formed:
        // checked here when `validating`, known by the caller otherwise).
        let twoByteScalars = ArticleID.twoByteScalars
        let punctuationScalars = ArticleID.punctuationScalars
        ArticleID.asciiValues.withUnsafeBufferPointer { asciiValues in
        ArticleID.asciiMultipliers.withUnsafeBufferPointer { asciiMultipliers in
            var i = 0
            let count = bytes.count
            while i < count {
                // ASCII: only letters and digits count, lower-cased. Eight bytes at a
                // time while all eight are ASCII, and without a branch on whether a byte
                // counts (letters and spaces alternate in no pattern a predictor learns).
                if let base = bytes.baseAddress, i + 8 <= count,
                    UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    for k in i..<(i + 8) {
                        let byte = Int(bytes[k])
                        hash = (hash ^ UInt64(asciiValues[byte])) &* asciiMultipliers[byte]
                    }
                    i += 8
                    continue
                }
                let lead = bytes[i]
                if lead < 0x80 {
                    i += 1
                    hash = (hash ^ UInt64(asciiValues[Int(lead)])) &* asciiMultipliers[Int(lead)]
                    continue
                }
                if validating && ArticleDecoding.wellFormedLength(bytes, at: i) == nil {
                    wellFormed = false
                    return
                }
                let (value, length) = decodeScalar(bytes, at: i)
                i += length
                if value < 0x800 {
                    guard twoByteScalars[Int(value / 64)] & (1 << UInt64(value % 64)) != 0 else { continue }
                } else if value >= 0x2000 && value < 0x2100 {
                    let offset = value - 0x2000
                    guard punctuationScalars[Int(offset / 64)] & (1 << UInt64(offset % 64)) != 0 else { continue }
                } else {
                    guard counts(value) else { continue }
                }
                // Other scripts keep their scalar (case is rare there).
                hash = mix(hash, value)
            }
        }
        }
        return wellFormed ? hash : nil
    }

    private init(hash: UInt64) {
        // Sixteen hex digits, zero-padded, written in one go.
        let hex = (0..<16).map { ArticleID.hexDigits[Int(truncatingIfNeeded: hash >> UInt64(60 - 4 * $0)) & 15] }
        rawValue = String(decoding: hex, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// One FNV-1a step per byte of the scalar's 32-bit value, low byte first.
    @inline(__always)
    private static func mix(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        if value < 0x100 {
            // The three high bytes are zero: XOR with zero changes nothing, so one step
            // and three on zero bytes are one multiplication by the prime to the fourth.
            return (hash ^ UInt64(value)) &* primeToTheFourth
        }
        var hash = hash
        for shift in stride(from: 0, to: 32, by: 8) {
            hash ^= UInt64((value >> UInt32(shift)) & 0xFF)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The scalar value and byte length of the multi-byte UTF-8 sequence starting at `i`
    /// (the buffer is a String's storage, so the sequence is complete and valid).
    @inline(__always)
    private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let lead = bytes[i]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
        var k = 1
        while k < length && i + k < bytes.count {
            value = value << 6 | UInt32(bytes[i + k] & 0x3F)
            k += 1
        }
        return (value, length)
    }
}
