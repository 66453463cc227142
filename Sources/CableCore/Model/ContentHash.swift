/// The hash behind `ArticleID`, fed a piece of text at a time: 64-bit FNV-1a over the scalar
/// values of the letters and digits of the text, each lower-cased when ASCII.
///
/// Why pieces: the parser feeds it as it cleans the lines (`TextCleaning.read`), in the same
/// pass. The hash is a chain of multiplications, each waiting for the one before, which
/// leaves the processor idle between them; the cleaning's own work fills that time, where
/// a pass of its own paid for the whole chain.
struct ContentHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The tables, held for the life of one hash (a global's lazy initialiser would be checked
    /// at every call). The ASCII ones, read at every byte, as bare pointers: no bounds check
    /// or reference counting per read.
    private let asciiValues = ContentHash.asciiValueTable.baseAddress
    private let asciiMultipliers = ContentHash.asciiMultiplierTable.baseAddress
    private let twoByteScalars = ContentHash.twoByteScalarTable
    private let punctuationScalars = ContentHash.punctuationScalarTable

    /// Adds `bytes[start..<end]`, which are all ASCII: only letters and digits count,
    /// lower-cased, and without a branch on whether a byte counts (letters and spaces
    /// alternate in no pattern a predictor learns).
    @inline(__always)
    mutating func addASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        guard let asciiValues, let asciiMultipliers else { return }
        var hash = value
        var k = start
        while k < end {
            let byte = Int(bytes[k])
            hash = (hash ^ UInt64(asciiValues[byte])) &* asciiMultipliers[byte]
            k += 1
        }
        value = hash
    }

    /// Adds the eight ASCII bytes of `word`, first byte lowest.
    @inline(__always)
    mutating func addASCII(_ word: UInt64) {
        guard let asciiValues, let asciiMultipliers else { return }
        var hash = value
        for k in 0..<8 {
            let byte = Int(truncatingIfNeeded: (word >> UInt64(8 * k)) & 0x7F)
            hash = (hash ^ UInt64(asciiValues[byte])) &* asciiMultipliers[byte]
        }
        value = hash
    }

    /// Adds a scalar of a multi-byte sequence, if it counts (it is alphabetic or has a
    /// numeric value). Other scripts keep their scalar (case is rare there).
    @inline(__always)
    mutating func add(scalar: UInt32) {
        if scalar < 0x800 {
            guard twoByteScalars[Int(scalar / 64)] & (1 << UInt64(scalar % 64)) != 0 else { return }
        } else if scalar >= 0x2000 && scalar < 0x2100 {
            let offset = scalar - 0x2000
            guard punctuationScalars[Int(offset / 64)] & (1 << UInt64(offset % 64)) != 0 else { return }
        } else {
            guard ContentHash.counts(scalar) else { return }
        }
        value = ContentHash.mix(value, scalar)
    }

    /// The scalar value and byte length of the multi-byte UTF-8 sequence starting at `i`,
    /// which must be well-formed.
    @inline(__always)
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
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

    /// The FNV-1a prime to the fourth power (mod 2^64): one FNV step on a byte followed by
    /// three on zero bytes (which XOR nothing in) is `(hash ^ byte) &* prime⁴`. Checked
    /// against the step-by-step form by a test.
    static let primeToTheFourth: UInt64 = 0x9FFA_AC08_5635_BC91

    /// One FNV-1a step per byte of the scalar's 32-bit value, low byte first.
    @inline(__always)
    static func mix(_ hash: UInt64, _ value: UInt32) -> UInt64 {
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

    /// The rule itself: a scalar counts when it is alphabetic or has a numeric value.
    static func counts(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    /// For each ASCII byte, the value it adds to the hash (a letter lower-cased, a digit as
    /// is), or 0 when it does not count. (Like the next table, made once, kept for the life of
    /// the program so that a hash can hold it without reference counting, and never written
    /// after it is made: safe to share between threads.)
    nonisolated(unsafe) private static let asciiValueTable = UnsafeBufferPointer(immortalCopyOf: (0..<128).map { value -> UInt8 in
        let byte = UInt8(value)
        let folded = byte | 0x20
        if folded >= 0x61 && folded <= 0x7A { return folded }
        if byte >= 0x30 && byte <= 0x39 { return byte }
        return 0
    })

    /// For each ASCII byte, what the hash is multiplied by after XOR-ing in its value: the
    /// prime for a byte that counts, 1 for one that does not (which XORs in 0, so the hash
    /// stays as it was). Choosing the multiplier keeps the choice off the chain of
    /// multiplications, which is what bounds the speed of the hash.
    nonisolated(unsafe) private static let asciiMultiplierTable = UnsafeBufferPointer(immortalCopyOf: asciiValueTable.map {
        $0 != 0 ? primeToTheFourth : 1
    })

    /// Whether each scalar of two UTF-8 bytes (below U+0800: accented Latin, Greek,
    /// Cyrillic, Hebrew, Arabic) and of the punctuation block U+2000...U+20FF (curly quotes,
    /// dashes, spaces, currency) counts, one bit each: the non-ASCII scalars of most pages are
    /// looked up here instead of in the Unicode property tables, which cost hundreds of
    /// instructions a call. (Small on purpose: they are built on the first id of a run.)
    private static let twoByteScalarTable = bitmap(0..<0x800)
    private static let punctuationScalarTable = bitmap(0x2000..<0x2100)

    private static func bitmap(_ range: Range<UInt32>) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: (range.count + 63) / 64)
        for value in range where counts(value) {
            let offset = value - range.lowerBound
            bits[Int(offset / 64)] |= 1 << UInt64(offset % 64)
        }
        return bits
    }
}

extension UnsafeBufferPointer {
    /// A copy of `elements` that is never freed: for tables made once per run.
    init(immortalCopyOf elements: [Element]) {
        let storage = UnsafeMutableBufferPointer<Element>.allocate(capacity: elements.count)
        _ = storage.initialize(from: elements)
        self.init(storage)
    }
}
