/// A word lower-cased (ASCII letters only, like `Bytes.lower`) and packed into two integers.
///
/// Exact for words of up to 16 bytes, which covers every word the vocabulary knows; a longer
/// word keeps a hash of its bytes and is marked long, so it can never equal a vocabulary word.
/// Attribution compares and looks up every word of every paragraph: with a key that is two
/// integers, a comparison or a table lookup is a few instructions and copying a token never
/// touches a reference count, where a String per word cost more than the rest of tokenizing.
struct WordKey: Hashable, Sendable, ExpressibleByStringLiteral {
    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0
    /// The byte count, or `WordKey.long` for a word of more than 16 bytes.
    private(set) var count: UInt8 = 0

    private static let long: UInt8 = 255

    /// A word of more than 16 bytes, whose key is a hash: equal keys may be different words.
    var isLong: Bool { count == Self.long }

    /// The empty word.
    init() {}

    init(_ bytes: [UInt8], _ start: Int, _ end: Int) {
        self = bytes.withUnsafeBufferPointer { WordKey($0, start, end) }
    }

    /// (Inlined, with the common case first: a word of up to eight bytes with eight bytes
    /// readable from its start is one load, a mask and the lower-casing, and the call and
    /// branches of the general path cost more than that.)
    @inline(__always)
    init(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        let length = end - start
        if length > 0, length <= 8, start + 8 <= bytes.count, let base = bytes.baseAddress {
            let value = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: start, as: UInt64.self)
            self.init(low: Self.lowercased(value & (UInt64.max >> UInt64(64 - 8 * length))), count: UInt8(length))
        } else if length > 8, length <= 16, start + 16 <= bytes.count, let base = bytes.baseAddress {
            // (The next most common: two loads, the second masked, as `init(anyLength:)` does it.)
            let raw = UnsafeRawPointer(base)
            let first = raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)
            let second = raw.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self)
            self.init(low: Self.lowercased(first), count: UInt8(length))
            high = Self.lowercased(second & (UInt64.max >> UInt64(64 - 8 * (length - 8))))
        } else {
            self.init(anyLength: bytes, start, end)
        }
    }

    private init(low: UInt64, count: UInt8) {
        self.low = low
        self.count = count
    }

    /// Every length and place in the buffer (see `init(_:_:_:)` for the common one).
    private init(anyLength bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        let length = end - start
        guard length > 0 else { return }
        if length > 16 {
            // FNV-1a over the lower-cased bytes.
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for k in start..<end { hash = (hash ^ UInt64(Bytes.lower(bytes[k]))) &* 0x0000_0100_0000_01B3 }
            low = hash
            count = Self.long
            return
        }
        count = UInt8(length)
        guard let base = bytes.baseAddress, end >= 8 else {
            // A word in a buffer of under eight bytes: one byte at a time.
            for k in start..<end { low |= UInt64(Bytes.lower(bytes[k])) << UInt64(8 * (k - start)) }
            return
        }
        // Eight bytes at a time by unaligned loads (little-endian, so the first byte is the
        // lowest), reading forward from the word's start where the buffer allows and else
        // backward from its end and shifting; bytes past the word are masked or shifted out.
        let raw = UnsafeRawPointer(base)
        @inline(__always)
        func eight(endingAt stop: Int, keeping kept: Int) -> UInt64 {
            raw.loadUnaligned(fromByteOffset: stop - 8, as: UInt64.self) >> UInt64(8 * (8 - kept))
        }
        @inline(__always)
        func eight(from first: Int, keeping kept: Int) -> UInt64 {
            let value = raw.loadUnaligned(fromByteOffset: first, as: UInt64.self)
            return kept == 8 ? value : value & ((1 << UInt64(8 * kept)) &- 1)
        }
        if length <= 8 {
            low = start + 8 <= bytes.count ? eight(from: start, keeping: length) : eight(endingAt: end, keeping: length)
        } else {
            low = eight(from: start, keeping: 8)
            let rest = length - 8
            high = start + 16 <= bytes.count ? eight(from: start + 8, keeping: rest) : eight(endingAt: end, keeping: rest)
        }
        low = Self.lowercased(low)
        high = Self.lowercased(high)
    }

    /// `Bytes.lower` on eight bytes at once: a byte from `A` to `Z` gains 0x20. For each
    /// byte's low seven bits, adding 0x3F sets the top bit from `A` (0x41) up and adding
    /// 0x25 sets it from `[` (0x5B) up, with no carry into the next byte; bytes with their
    /// own top bit set (not ASCII) are left alone.
    @inline(__always)
    static func lowercased(_ x: UInt64) -> UInt64 {
        let sevenBits = x & 0x7F7F_7F7F_7F7F_7F7F
        let fromA = sevenBits &+ 0x3F3F_3F3F_3F3F_3F3F
        let pastZ = sevenBits &+ 0x2525_2525_2525_2525
        let upper = fromA & ~pastZ & ~x & 0x8080_8080_8080_8080
        return x | (upper >> 2)
    }

    init(_ word: String) {
        // (No array copy: word literals are compared with tokens in attribution's checks.)
        var word = word
        self = word.withUTF8 { WordKey($0, 0, $0.count) }
    }

    init(stringLiteral value: String) { self.init(value) }

    /// A well-mixed value for open-addressing tables.
    var mixed: UInt64 {
        (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)
    }
}

/// A fixed table from words to values: open addressing over `WordKey.mixed`, built once from
/// a word list. What `Set<String>` and `[String: …]` were for the vocabulary, without hashing
/// a String per lookup.
///
/// Beside the slots, a byte per slot (a tag: eight bits of the key's hash other than those of
/// the slot's index, or 0 for a free slot) is what a probe reads first. Most words of prose
/// are in no table, and their probe then reads only the tags, a few kilobytes that stay in the
/// nearest cache; it read the slots themselves (32 bytes each: the lexicon's are 256
/// kilobytes), which missed the cache at word after word.
struct WordTable<Value: Sendable>: Sendable {
    /// A key and its value side by side, so that a probe that finds its tag reads one place.
    private struct Slot: Sendable {
        var key = WordKey()
        var value: Value?
    }
    private var slots: [Slot]
    private var tags: [UInt8]
    private let mask: Int

    init(_ entries: [(String, Value)]) {
        var capacity = 16
        // Seven slots in eight free at least: a word in no table (most words) whose home slot
        // is taken goes on to the next, a branch that the processor guesses badly; with a
        // third taken, the lexicon's probes went round again for one word in three.
        while capacity < entries.count * 8 { capacity *= 2 }
        slots = [Slot](repeating: Slot(), count: capacity)
        tags = [UInt8](repeating: 0, count: capacity)
        mask = capacity - 1
        for (word, value) in entries {
            let key = WordKey(word)
            guard key != WordKey() else { continue }
            var slot = Self.home(key, mask)
            while tags[slot] != 0 && slots[slot].key != key { slot = (slot + 1) & mask }
            slots[slot] = Slot(key: key, value: value)
            tags[slot] = Self.tag(key)
        }
    }

    /// Where a key's probe starts: the top bits of its hash, the best mixed of a product.
    @inline(__always)
    private static func home(_ key: WordKey, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: key.mixed &>> 40) & mask
    }

    /// A key's tag: eight bits of its hash below those of the index (no table has 2^24
    /// slots), never 0.
    @inline(__always)
    private static func tag(_ key: WordKey) -> UInt8 {
        max(UInt8(truncatingIfNeeded: key.mixed &>> 32), 1)
    }

    /// (Inlined and without bounds checks: every word of every paragraph is looked up.
    /// `mask` keeps every slot index inside both arrays, and most slots are free, so a probe
    /// always ends.)
    @inline(__always)
    subscript(_ key: WordKey) -> Value? {
        guard key.count != 0 else { return nil }
        let tag = Self.tag(key)
        return tags.withUnsafeBufferPointer { tags in
            slots.withUnsafeBufferPointer { slots in
                var slot = Self.home(key, mask)
                while true {
                    let found = tags[slot]
                    if found == tag && slots[slot].key == key { return slots[slot].value }
                    if found == 0 { return nil }
                    slot = (slot &+ 1) & mask
                }
            }
        }
    }
}

/// Words attribution compares tokens with, as keys made once (a key made from a literal at
/// each comparison cost more than the comparison). Lists are short: a scan beats hashing.
enum Words {
    static let according: WordKey = "according"
    static let to: WordKey = "to"
    static let `in`: WordKey = "in"
    static let the: WordKey = "the"
    static let words: WordKey = "words"
    static let of: WordKey = "of"
    static let it: WordKey = "it"
    static let they: WordKey = "they"
    static let i: WordKey = "i"
    static let we: WordKey = "we"
    static let and: WordKey = "and"
    static let their: WordKey = "their"
    /// After a quote that closed its sentence, words that start a new clause about something else.
    static let openClause: [WordKey] = ["that", "when", "whether", "what", "how", "if", "it", "they"]
    /// `was described as`: the subject is not the speaker.
    static let passive: [WordKey] = ["was", "were", "is", "are", "been", "being"]
    /// `… and said`: the verb belongs to the sentence's subject.
    static let joinClauses: [WordKey] = ["and", "but", "then", "who", "which"]
    /// `a spokesperson for the embassy`.
    static let speaksFor: [WordKey] = ["for", "of", "at"]
    /// Where a lower-case description of a speaker ends.
    static let endDescription: [WordKey] = ["who", "which", "that", "and", "involved", "based"]
    /// `Benedikt Sauer of the Kiel Network Observatory`.
    static let affiliation: [WordKey] = ["of", "at", "from"]
    /// `Secretary for Cyber Policy`.
    static let officeOf: [WordKey] = ["for", "of"]
    /// Words of rank that do not name an office (`the senior official`).
    static let rank: [WordKey] = ["senior", "former", "top"]
}
