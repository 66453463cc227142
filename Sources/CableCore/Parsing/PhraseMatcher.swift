import Foundation

/// Finds any of a fixed set of lower-case phrases in a line, case-insensitively (ASCII).
/// Furniture checks run on every short line of every page, so this is one of the parser's hot
/// loops: what counts is the cost of one call on a line of 20 to 60 bytes.
///
/// Phrases of four bytes or more are found by trying every place of the line: the place's four
/// bytes, hashed, look up one bit that says whether some phrase may start with them (few do),
/// and only there are the phrases whose first four bytes hash alike compared, four bytes at
/// once. Each place is tried on its own, so the processor works on several at a time (a
/// Wu–Manber search skipped ahead further, but each of its steps waited for the one before: it
/// was slower on these short lines). The few shorter phrases (`©`, `a-a`) are found through a
/// byte of theirs that has no case, with memchr, or place by place when they have none.
///
/// A class holding raw buffers rather than arrays: matchers live in static constants, and a
/// call on an array field costs a retain and release or a bounds check each time, which on a
/// short line cost as much as the search itself. The buffers are copied from arrays in `init`,
/// never written afterwards, and freed in `deinit`, which is why sharing a matcher between
/// threads is safe (`@unchecked Sendable`).
final class PhraseMatcher: @unchecked Sendable {
    /// One phrase: where its bytes are in `text` and how many. Phrases of four bytes or more
    /// keep their first four as one little-endian word (`head`), compared in one step with
    /// four lower-cased bytes of the line. Shorter ones keep where their first byte with no
    /// case is (`anchor`, -1 when every byte is a letter) and that byte, which memchr can look
    /// for exactly.
    private struct Entry {
        var start: Int32
        var count: Int32
        var head: UInt32 = 0
        var anchor: Int16 = -1
        var anchorByte: UInt8 = 0
    }

    /// Every phrase's bytes, end to end.
    private let text: UnsafeMutableBufferPointer<UInt8>
    /// Phrases of four bytes or more, sorted by `headHash` of their first four bytes, which
    /// leaves few phrases to compare where one could start (the first two bytes left a dozen,
    /// `co` and `re` being common).
    private let entries: UnsafeMutableBufferPointer<Entry>
    /// For each head hash h, the phrases with it are `entries[buckets[h]..<buckets[h + 1]]`.
    private let buckets: UnsafeMutableBufferPointer<Int32>
    /// Phrases under four bytes, searched for one by one, and the bytes they may start with
    /// in the line (in either case): most lines start with none, and `matchesPrefix` need not
    /// look at them.
    private let shortPhrases: UnsafeMutableBufferPointer<Entry>
    private let shortFirstBytes: ByteSet
    /// The shortest of `entries` (0 when there is none).
    private let shortest: Int
    /// One bit per `startHash` of a phrase's first four bytes: where a phrase may start.
    private let mayStart: UnsafeMutableBufferPointer<UInt64>

    /// Below this, a phrase is searched for by itself: the search hashes four bytes.
    private static let shortestForHashing = 4
    private static let headHashBits = 10
    private static let startHashBits = 14

    init(_ list: [String]) {
        let phrases = list.map { Array($0.utf8) }.filter { !$0.isEmpty }
        let long = phrases.filter { $0.count >= Self.shortestForHashing }
            .sorted { Self.headHash(Self.head($0)) < Self.headHash(Self.head($1)) }
        let short = phrases.filter { $0.count < Self.shortestForHashing }

        // Every phrase's bytes end to end, long ones first, and where each starts.
        let ordered = long + short
        var starts: [Int32] = []
        var used = 0
        for phrase in ordered {
            starts.append(Int32(used))
            used += phrase.count
        }
        let longEntries = long.indices.map { p in
            Entry(start: starts[p], count: Int32(long[p].count), head: Self.head(long[p]))
        }
        let shortEntries = short.indices.map { p in
            let phrase = short[p]
            let anchor = phrase.firstIndex { !Bytes.isASCIILetter($0) }
            return Entry(start: starts[long.count + p], count: Int32(phrase.count),
                         anchor: Int16(anchor ?? -1), anchorByte: anchor.map { phrase[$0] } ?? 0)
        }
        var buckets: [Int32] = []
        var p = 0
        for hash in 0...(1 << Self.headHashBits) {
            while p < long.count && Self.headHash(Self.head(long[p])) < hash { p += 1 }
            buckets.append(Int32(p))
        }

        let shortest = long.map(\.count).min() ?? 0
        var mayStart = [UInt64](repeating: 0, count: (1 << Self.startHashBits) / 64)
        for phrase in long {
            let hash = Self.startHash(Self.head(phrase))
            mayStart[hash / 64] |= 1 << UInt64(hash % 64)
        }
        self.mayStart = Self.buffer(mayStart)
        text = Self.buffer(Array(ordered.joined()))
        entries = Self.buffer(longEntries)
        self.buckets = Self.buffer(buckets)
        shortPhrases = Self.buffer(shortEntries)
        shortFirstBytes = ByteSet(short.flatMap { Bytes.isLower($0[0]) ? [$0[0], $0[0] - 0x20] : [$0[0]] })
        self.shortest = shortest
    }

    /// A phrase's first four bytes as one little-endian word.
    private static func head(_ phrase: [UInt8]) -> UInt32 {
        UInt32(phrase[0]) | UInt32(phrase[1]) << 8 | UInt32(phrase[2]) << 16 | UInt32(phrase[3]) << 24
    }

    /// A copy of `array` that the searches read without retain, release or bounds checks.
    private static func buffer<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: array.count)
        _ = buffer.initialize(from: array)
        return buffer
    }

    deinit {
        text.deallocate()
        entries.deallocate()
        buckets.deallocate()
        shortPhrases.deallocate()
        mayStart.deallocate()
    }

    /// A finer hash of four bytes of the line, or of a phrase's first four, from the same
    /// five low bits of each.
    @inline(__always)
    private static func startHash(_ head: UInt32) -> Int {
        Int(((head & 0x1F1F_1F1F) &* 0x9E37_79B1) >> UInt32(32 - startHashBits))
    }

    /// The bucket of a phrase's first four bytes, or of four bytes of the line: from their
    /// five low bits, which an ASCII letter shares with its capital, so that the line is
    /// lower-cased only where some phrase could start.
    @inline(__always)
    private static func headHash(_ head: UInt32) -> Int {
        Int(((head & 0x1F1F_1F1F) &* 0x9E37_79B1) >> UInt32(32 - headHashBits))
    }

    /// Four bytes lower-cased at once, as word keys lower-case eight (zero bytes stay zero).
    @inline(__always)
    private static func lowercased(_ x: UInt32) -> UInt32 {
        UInt32(truncatingIfNeeded: WordKey.lowercased(UInt64(x)))
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
    func matches(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) -> Bool {
        let end = min(end ?? bytes.count, bytes.count)
        guard start >= 0, end - start >= 1 else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let line = buffer.baseAddress else { return false }
            if shortest > 0 && scanningSearch(line, start, end) { return true }
            return shortPhrases.count > 0 && shortSearch(line, start, end)
        }
    }

    /// Whether a phrase of four bytes or more occurs: every place is tried, each on its own
    /// (no step waits for the one before), by one bit looked up from its four bytes.
    private func scanningSearch(_ line: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        let lastStart = end &- shortest
        while i <= lastStart {
            let word = Self.word(line, at: i)
            let hash = Self.startHash(word)
            if mayStart[hash &>> 6] &>> UInt64(hash & 63) & 1 != 0 && startsWithPhrase(word, line, at: i, end: end) { return true }
            i &+= 1
        }
        return false
    }

    /// Whether one of the phrases of four bytes or more starts at `i` and ends by `end`;
    /// `word` is the line's four bytes from `i`.
    @inline(__always)
    private func startsWithPhrase(_ word: UInt32, _ line: UnsafePointer<UInt8>, at i: Int, end: Int) -> Bool {
        let hash = Self.headHash(word)
        var p = Int(buckets[hash])
        let last = Int(buckets[hash &+ 1])
        guard p < last else { return false }
        let head = Self.lowercased(word)
        while p < last {
            let entry = entries[p]
            if entry.head == head && occurs(entry, in: line, at: i, end: end, from: 4) { return true }
            p &+= 1
        }
        return false
    }

    /// Whether the phrase `entry` occurs at `i`, ending by `end`, given that its bytes before
    /// `from` do.
    @inline(__always)
    private func occurs(_ entry: Entry, in line: UnsafePointer<UInt8>, at i: Int, end: Int, from: Int) -> Bool {
        let count = Int(entry.count)
        guard end &- i >= count else { return false }
        let phrase = Int(entry.start)
        var j = from
        while j < count && Bytes.lower(line[i &+ j]) == text[phrase &+ j] { j &+= 1 }
        return j == count
    }

    /// Whether a phrase under four bytes occurs anywhere in `line[start..<end]`.
    private func shortSearch(_ line: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for k in 0..<shortPhrases.count {
            let entry = shortPhrases[k]
            let anchor = Int(entry.anchor)
            // Where the phrase may start: `start` to `lastStart`.
            let lastStart = end &- Int(entry.count)
            if anchor < 0 {
                var i = start
                while i <= lastStart {
                    if occurs(entry, in: line, at: i, end: end, from: 0) { return true }
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
                if occurs(entry, in: line, at: at &- anchor, end: end, from: 0) { return true }
                from = at &+ 1
            }
        }
        return false
    }

    /// Whether `bytes` starts with one of the phrases.
    func matchesPrefix(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let line = buffer.baseAddress, !buffer.isEmpty else { return false }
            if buffer.count >= 4 && startsWithPhrase(Self.word(line, at: 0), line, at: 0, end: buffer.count) { return true }
            guard shortFirstBytes.contains(line[0]) else { return false }
            for k in 0..<shortPhrases.count where occurs(shortPhrases[k], in: line, at: 0, end: buffer.count, from: 0) {
                return true
            }
            return false
        }
    }
}
