/// Finds any of a fixed set of lower-case ASCII phrases in a line, case-insensitively, in
/// one pass: phrases are indexed by their first two bytes, so each position of the line
/// costs one table lookup. Furniture checks run on every line of every page, and a naive
/// search for dozens of phrases was the parser's hottest loop.
struct PhraseMatcher: Sendable {
    private let phrases: [[UInt8]]
    /// For each two-byte prefix, the range of `phrases` (sorted by prefix) that start with it.
    private let table: [UInt32]
    /// One bit per two-byte prefix that starts some phrase: 8 KB that stay in cache, where
    /// the 256 KB `table` is touched only on a hit.
    private let present: [UInt64]
    private let singles: [[UInt8]]

    init(_ list: [String]) {
        var long: [[UInt8]] = []
        var short: [[UInt8]] = []
        for phrase in list {
            let bytes = Array(phrase.utf8)
            if bytes.count >= 2 { long.append(bytes) } else if !bytes.isEmpty { short.append(bytes) }
        }
        long.sort { Self.key($0[0], $0[1]) < Self.key($1[0], $1[1]) }
        var table = [UInt32](repeating: 0, count: 65_536)
        var present = [UInt64](repeating: 0, count: 1_024)
        var index = 0
        while index < long.count {
            let key = Self.key(long[index][0], long[index][1])
            var end = index
            while end < long.count && Self.key(long[end][0], long[end][1]) == key { end += 1 }
            // Packed as start (20 bits) and count (12 bits); start + 1 so zero means none.
            table[Int(key)] = UInt32(index + 1) << 12 | UInt32(end - index)
            present[Int(key) >> 6] |= 1 << UInt64(key & 63)
            index = end
        }
        phrases = long
        self.table = table
        self.present = present
        singles = short
    }

    private static func key(_ a: UInt8, _ b: UInt8) -> UInt16 { UInt16(a) << 8 | UInt16(b) }

    /// Whether any phrase occurs in `bytes[start..<end]`, comparing ASCII case-insensitively.
    func matches(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) -> Bool {
        let end = min(end ?? bytes.count, bytes.count)
        guard start >= 0, end - start >= 1 else { return false }
        let found = bytes.withUnsafeBufferPointer { buffer in
            var i = start
            var current = Bytes.lower(buffer[i])
            while i + 1 < end {
                let next = Bytes.lower(buffer[i + 1])
                let key = Int(Self.key(current, next))
                if present[key >> 6] & (1 << UInt64(key & 63)) != 0 {
                    let entry = table[key]
                    let first = Int(entry >> 12) - 1
                    for p in first..<(first + Int(entry & 0xFFF)) {
                        let phrase = phrases[p]
                        guard i + phrase.count <= end else { continue }
                        var j = 2
                        while j < phrase.count && Bytes.lower(buffer[i + j]) == phrase[j] { j += 1 }
                        if j == phrase.count { return true }
                    }
                }
                current = next
                i += 1
            }
            return false
        }
        if found { return true }
        for single in singles {
            for k in start..<end where Bytes.lower(bytes[k]) == single[0] { return true }
        }
        return false
    }

    /// Whether `bytes` starts with one of the phrases (after `start`).
    func matchesPrefix(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2 else { return false }
        let entry = table[Int(Self.key(Bytes.lower(bytes[0]), Bytes.lower(bytes[1])))]
        guard entry != 0 else { return false }
        let first = Int(entry >> 12) - 1
        for p in first..<(first + Int(entry & 0xFFF)) {
            let phrase = phrases[p]
            guard phrase.count <= bytes.count else { continue }
            var j = 2
            while j < phrase.count && Bytes.lower(bytes[j]) == phrase[j] { j += 1 }
            if j == phrase.count { return true }
        }
        return false
    }
}
