import Foundation

/// Finds any of a fixed set of lower-case phrases in a line, case-insensitively (ASCII).
/// Furniture checks run on every short line of every page, so this is one of the parser's hot
/// loops: what counts is the cost of one call on a line of 20 to 60 bytes.
///
/// Phrases of four bytes or more are found by a Wu–Manber search on three-byte blocks: a window
/// as long as the shortest of them slides along the line by a shift looked up from its last
/// three bytes. Most three-byte blocks of English text occur in no phrase, so the window
/// usually moves by `shortest - 2` bytes at once (two-byte blocks such as "th" or "in" occur in
/// many phrases and let it move by one or two). Only where the shift is zero could a phrase
/// start at the window's first byte; the phrases that start with those two bytes are compared
/// there. The few shorter phrases (`©`, `a-a`) are found through a byte of theirs that has no
/// case, with memchr, or place by place when they have none.
///
/// A class holding raw buffers rather than arrays: matchers live in static constants, and a
/// call on an array field costs a retain and release or a bounds check each time, which on a
/// short line cost as much as the search itself. The buffers are filled in `init`, never
/// written afterwards, and freed in `deinit`, which is why sharing a matcher between threads
/// is safe (`@unchecked Sendable`).
final class PhraseMatcher: @unchecked Sendable {
    /// One phrase: where its bytes are in `text`, how many, and (for phrases of four bytes or
    /// more) its first four bytes as one little-endian word, compared in one step with four
    /// lower-cased bytes of the line before any byte-by-byte comparison.
    private struct Entry {
        var start: Int32
        var count: Int32
        var head: UInt32
        /// For phrases under four bytes: where the first byte with no case is (memchr can
        /// look for it exactly), or -1 when every byte is a letter; and that byte.
        var anchor: Int16
        var anchorByte: UInt8
    }

    /// Every phrase's bytes, end to end.
    private let text: UnsafeMutableBufferPointer<UInt8>
    /// Phrases of two bytes or more, sorted by `pairKey` of their first two bytes.
    private let entries: UnsafeMutableBufferPointer<Entry>
    /// For each pair key k, the phrases that start with such a pair are
    /// `entries[buckets[k]..<buckets[k + 1]]`.
    private let buckets: UnsafeMutableBufferPointer<Int32>
    /// Phrases under four bytes, searched for one by one.
    private let shortPhrases: UnsafeMutableBufferPointer<Entry>
    /// One-byte phrases are in no pair bucket; `matchesPrefix` looks at `shortPhrases` only
    /// when there is one.
    private let hasOneBytePhrase: Bool
    /// The shortest phrase searched for by skipping (0 when there is none), and for each
    /// hash of three bytes how far the window may move when they end it.
    private let shortest: Int
    private let shifts: UnsafeMutableBufferPointer<UInt8>

    /// Below this, shifts are too small to pay for themselves (and the window must hold the
    /// four bytes loaded to hash its last three).
    private static let shortestForSkipping = 4
    private static let pairKeys = 1 << 10
    private static let trigramHashBits = 12

    init(_ list: [String]) {
        let phrases = list.map { Array($0.utf8) }.filter { !$0.isEmpty }
        // Entries in bucket order, each phrase's bytes copied to `text` in the same order.
        let long = phrases.filter { $0.count >= 2 }
            .sorted { Self.pairKey($0[0], $0[1]) < Self.pairKey($1[0], $1[1]) }
        let short = phrases.filter { $0.count < Self.shortestForSkipping }
        let text = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: (long + short).reduce(0) { $0 + $1.count })
        var used = 0
        func entry(_ bytes: [UInt8]) -> Entry {
            let start = used
            for b in bytes {
                text[used] = b
                used += 1
            }
            var head: UInt32 = 0
            if bytes.count >= 4 {
                for k in 0..<4 { head |= UInt32(bytes[k]) << UInt32(8 * k) }
            }
            let anchor = bytes.count < Self.shortestForSkipping ? bytes.firstIndex { !Bytes.isASCIILetter($0) } : nil
            return Entry(start: Int32(start), count: Int32(bytes.count), head: head,
                         anchor: Int16(anchor ?? -1), anchorByte: anchor.map { bytes[$0] } ?? 0)
        }
        let entries = UnsafeMutableBufferPointer<Entry>.allocate(capacity: long.count)
        for (p, phrase) in long.enumerated() { entries[p] = entry(phrase) }
        let shortPhrases = UnsafeMutableBufferPointer<Entry>.allocate(capacity: short.count)
        for (p, phrase) in short.enumerated() { shortPhrases[p] = entry(phrase) }

        let buckets = UnsafeMutableBufferPointer<Int32>.allocate(capacity: Self.pairKeys + 1)
        var p = 0
        for key in 0...Self.pairKeys {
            while p < long.count && Self.pairKey(long[p][0], long[p][1]) < key { p += 1 }
            buckets[key] = Int32(p)
        }

        // Wu–Manber shifts: three bytes that end at place q of some phrase's first `shortest`
        // bytes let the window move by no more than `shortest - 1 - q`; any others by
        // `shortest - 2`. Blocks that share a hash share the smaller shift, which is safe.
        let skipped = long.filter { $0.count >= Self.shortestForSkipping }
        let shortest = skipped.map(\.count).min() ?? 0
        let shifts = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << Self.trigramHashBits)
        shifts.initialize(repeating: UInt8(clamping: max(shortest - 2, 0)))
        for phrase in skipped {
            for q in 2..<shortest {
                let word = UInt32(phrase[q - 2]) << 8 | UInt32(phrase[q - 1]) << 16 | UInt32(phrase[q]) << 24
                let hash = Self.trigramHash(word)
                shifts[hash] = min(shifts[hash], UInt8(clamping: shortest - 1 - q))
            }
        }
        self.text = text
        self.entries = entries
        self.buckets = buckets
        self.shortPhrases = shortPhrases
        hasOneBytePhrase = short.contains { $0.count == 1 }
        self.shortest = shortest
        self.shifts = shifts
    }

    deinit {
        text.deallocate()
        entries.deallocate()
        buckets.deallocate()
        shortPhrases.deallocate()
        shifts.deallocate()
    }

    /// The bucket of a phrase or of a place in the line: five low bits of each of two bytes,
    /// which an ASCII letter shares with its capital, so the line needs no lower-casing here.
    @inline(__always)
    private static func pairKey(_ a: UInt8, _ b: UInt8) -> Int { Int(a & 0x1F) << 5 | Int(b & 0x1F) }

    /// A hash of the top three bytes of a little-endian word, from their five low bits (case
    /// does not change them): multiplying spreads the fifteen bits over the top of the word.
    @inline(__always)
    private static func trigramHash(_ word: UInt32) -> Int {
        Int(((word & 0x1F1F_1F00) &* 0x9E37_79B1) >> UInt32(32 - trigramHashBits))
    }

    /// Four bytes lower-cased at once: 0x20 is added to each byte from `A` to `Z` and to no
    /// other (bytes of 0x80 and above are left alone).
    @inline(__always)
    private static func lowercased(_ x: UInt32) -> UInt32 {
        let sevenBits = x & 0x7F7F_7F7F
        let fromA = sevenBits &+ 0x3F3F_3F3F
        let pastZ = sevenBits &+ 0x2525_2525
        let upper = fromA & ~pastZ & ~x & 0x8080_8080
        return x | (upper >> 2)
    }

    /// Four bytes of the line from `i`, the first in the low byte.
    @inline(__always)
    private static func word(_ line: UnsafePointer<UInt8>, at i: Int) -> UInt32 {
        UInt32(littleEndian: UnsafeRawPointer(line).loadUnaligned(fromByteOffset: i, as: UInt32.self))
    }

    // The searches below take the line as a bare pointer and use wrapping arithmetic: every
    // index stays between `start` and `end` of a line already in memory, and the overflow
    // checks and optional base address of a buffer were a third of each step of the loop.

    /// Whether any phrase occurs in `bytes[start..<end]`, comparing ASCII case-insensitively.
    /// Kept out of line so that profiles show its cost apart (a call costs a few instructions).
    @inline(never)
    func matches(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) -> Bool {
        let end = min(end ?? bytes.count, bytes.count)
        guard start >= 0, end - start >= 1 else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let line = buffer.baseAddress else { return false }
            if shortest > 0 && skippingSearch(line, start, end) { return true }
            return shortPhrases.count > 0 && shortSearch(line, start, end)
        }
    }

    /// Whether a phrase of `shortest` bytes or more occurs: the window slides by its shift,
    /// and where the shift is zero the phrases that start with the window's first two bytes
    /// are compared there.
    private func skippingSearch(_ line: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        // The four bytes loaded for the hash start at `block` and end the window
        // (`shortest` >= 4 keeps them inside it).
        var block = start &+ shortest &- 4
        let lastBlock = end &- 4
        while block <= lastBlock {
            let shift = Int(shifts[Self.trigramHash(Self.word(line, at: block))])
            if shift != 0 {
                block &+= shift
                continue
            }
            if startsWithPhrase(line, at: block &+ 4 &- shortest, end: end) { return true }
            block &+= 1
        }
        return false
    }

    /// Whether one of the phrases of two bytes or more starts at `i` and ends by `end`.
    @inline(__always)
    private func startsWithPhrase(_ line: UnsafePointer<UInt8>, at i: Int, end: Int) -> Bool {
        guard i &+ 1 < end else { return false }
        let key = Self.pairKey(line[i], line[i &+ 1])
        var p = Int(buckets[key])
        let last = Int(buckets[key &+ 1])
        while p < last {
            if occurs(entries[p], in: line, at: i, end: end) { return true }
            p &+= 1
        }
        return false
    }

    /// Whether the phrase `entry` occurs at `i`, ending by `end`.
    @inline(__always)
    private func occurs(_ entry: Entry, in line: UnsafePointer<UInt8>, at i: Int, end: Int) -> Bool {
        let count = Int(entry.count)
        guard end &- i >= count else { return false }
        var j = 0
        if count >= 4 {
            guard Self.lowercased(Self.word(line, at: i)) == entry.head else { return false }
            j = 4
        }
        let phrase = Int(entry.start)
        while j < count && Bytes.lower(line[i &+ j]) == text[phrase &+ j] { j &+= 1 }
        return j == count
    }

    /// Whether a phrase under four bytes occurs anywhere in `line[start..<end]`.
    private func shortSearch(_ line: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for k in 0..<shortPhrases.count {
            let entry = shortPhrases[k]
            let count = Int(entry.count)
            let anchor = Int(entry.anchor)
            // Where the phrase may start: `start` to `lastStart`.
            let lastStart = end &- count
            if anchor < 0 {
                var i = start
                while i <= lastStart {
                    if occurs(entry, in: line, at: i, end: end) { return true }
                    i &+= 1
                }
                continue
            }
            // A byte with no case matches only itself: memchr finds the candidates, and the
            // phrase can start only `anchor` bytes before each.
            var from = start &+ anchor
            let stop = lastStart &+ anchor &+ 1
            while from < stop, let found = memchr(line + from, Int32(entry.anchorByte), stop &- from) {
                let at = UnsafeRawPointer(line).distance(to: UnsafeRawPointer(found))
                if occurs(entry, in: line, at: at &- anchor, end: end) { return true }
                from = at &+ 1
            }
        }
        return false
    }

    /// Whether `bytes` starts with one of the phrases.
    func matchesPrefix(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let line = buffer.baseAddress, !buffer.isEmpty else { return false }
            if startsWithPhrase(line, at: 0, end: buffer.count) { return true }
            guard hasOneBytePhrase else { return false }
            for k in 0..<shortPhrases.count where shortPhrases[k].count == 1 {
                if occurs(shortPhrases[k], in: line, at: 0, end: buffer.count) { return true }
            }
            return false
        }
    }
}
