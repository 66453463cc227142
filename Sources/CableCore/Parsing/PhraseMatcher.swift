/// Finds any of a fixed set of lower-case phrases in a line, case-insensitively (ASCII).
/// Furniture checks run on every line of every page, and a naive search for dozens of phrases
/// was once the parser's hottest loop.
///
/// Phrases of four bytes or more are found by a Wu–Manber search: a window as long as the
/// shortest of them slides along the line by a shift looked up from its last two bytes, often
/// several bytes at a time, and only where the shift is zero could a phrase start at the
/// window's first byte; those are indexed by their first two bytes. The few shorter phrases
/// (`©`, `a-a`) are looked for one by one.
///
/// A class, not a struct: matchers live in static constants, and a call on a struct constant
/// retains and releases each of its arrays, which cost more than searching a short line.
final class PhraseMatcher: Sendable {
    /// Phrases of two bytes or more, sorted by their first two bytes.
    private let phrases: [[UInt8]]
    /// For each two-byte prefix, the range of `phrases` that start with it.
    private let table: [UInt32]
    /// One bit per two-byte prefix that starts some phrase: 8 KB that stay in cache, where
    /// the 256 KB `table` is touched only on a hit.
    private let present: [UInt64]
    /// Phrases shorter than `shortestForSkipping`, searched for directly.
    private let shortPhrases: [[UInt8]]
    /// The shortest phrase searched for by skipping (0 when there is none), and for each pair
    /// of bytes (hashed to 12 bits) how far the window may move when that pair ends it.
    private let shortest: Int
    private let shifts: [UInt8]

    /// Below this, shifts are too small to pay for themselves.
    private static let shortestForSkipping = 4

    init(_ list: [String]) {
        var long: [[UInt8]] = []
        var short: [[UInt8]] = []
        for phrase in list {
            let bytes = Array(phrase.utf8)
            if bytes.count >= 2 { long.append(bytes) }
            if !bytes.isEmpty && bytes.count < Self.shortestForSkipping { short.append(bytes) }
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
        // Wu–Manber shifts: a pair that ends at place q of some phrase's first `shortest`
        // bytes lets the window move by no more than `shortest - 1 - q`; any other pair by
        // `shortest - 1`. Pairs that share a hash share the smaller shift, which is safe.
        let skipped = long.filter { $0.count >= Self.shortestForSkipping }
        let shortest = skipped.map(\.count).min() ?? 0
        var shifts = [UInt8](repeating: UInt8(clamping: max(shortest - 1, 0)), count: 4_096)
        for phrase in skipped {
            for q in 1..<shortest {
                let hash = Self.pairHash(phrase[q - 1], phrase[q])
                shifts[hash] = min(shifts[hash], UInt8(shortest - 1 - q))
            }
        }
        phrases = long
        self.table = table
        self.present = present
        shortPhrases = short
        self.shortest = shortest
        self.shifts = shifts
    }

    private static func key(_ a: UInt8, _ b: UInt8) -> UInt16 { UInt16(a) << 8 | UInt16(b) }

    private static func pairHash(_ a: UInt8, _ b: UInt8) -> Int { Int(a & 0x3F) << 6 | Int(b & 0x3F) }

    /// Whether any phrase occurs in `bytes[start..<end]`, comparing ASCII case-insensitively.
    func matches(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) -> Bool {
        let end = min(end ?? bytes.count, bytes.count)
        guard start >= 0, end - start >= 1 else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            if shortest > 0 && skippingSearch(buffer, start, end) { return true }
            for phrase in shortPhrases where occurs(phrase, in: buffer, start, end) { return true }
            return false
        }
    }

    /// Whether a phrase of `shortest` bytes or more occurs: the window slides by its shift,
    /// and where the shift is zero the phrases that start with the window's first two bytes
    /// are compared there.
    private func skippingSearch(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var windowEnd = start + shortest - 1
        while windowEnd < end {
            let shift = Int(shifts[Self.pairHash(Bytes.lower(buffer[windowEnd - 1]), Bytes.lower(buffer[windowEnd]))])
            if shift > 0 {
                windowEnd += shift
                continue
            }
            if startsWithPhrase(buffer, at: windowEnd - shortest + 1, end: end) { return true }
            windowEnd += 1
        }
        return false
    }

    /// Whether one of `phrases` starts at `i` and ends by `end`.
    @inline(__always)
    private func startsWithPhrase(_ buffer: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Bool {
        guard i + 1 < end else { return false }
        let key = Int(Self.key(Bytes.lower(buffer[i]), Bytes.lower(buffer[i + 1])))
        guard present[key >> 6] & (1 << UInt64(key & 63)) != 0 else { return false }
        let entry = table[key]
        let first = Int(entry >> 12) - 1
        for p in first..<(first + Int(entry & 0xFFF)) {
            let phrase = phrases[p]
            guard i + phrase.count <= end else { continue }
            var j = 2
            while j < phrase.count && Bytes.lower(buffer[i + j]) == phrase[j] { j += 1 }
            if j == phrase.count { return true }
        }
        return false
    }

    private func occurs(_ phrase: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i + phrase.count <= end {
            var j = 0
            while j < phrase.count && Bytes.lower(buffer[i + j]) == phrase[j] { j += 1 }
            if j == phrase.count { return true }
            i += 1
        }
        return false
    }

    /// Whether `bytes` starts with one of the phrases.
    func matchesPrefix(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            if startsWithPhrase(buffer, at: 0, end: buffer.count) { return true }
            // One-byte phrases are in no two-byte table.
            return shortPhrases.contains { $0.count == 1 && buffer.first.map(Bytes.lower) == $0[0] }
        }
    }
}
