/// A fixed set of short words (up to eight bytes), looked up by their lower-cased bytes packed
/// into an integer with the first byte lowest (as an unaligned little-endian load gives them,
/// and as `WordKey.low` holds them).
///
/// Each word sits in one of two neighbouring slots of its hash, and the multiplier is chosen
/// when the set is built so that every word finds room: a lookup reads both slots and compares,
/// with no loop and no branch on the answer. It runs on every word of every line.
struct PackedWords: Sendable {
    private let slots: [UInt64]
    private let multiplier: UInt64
    /// Every word of the list found a slot (a test holds the vocabulary to this).
    let isComplete: Bool

    private static let slotBits = 9

    init<S: Sequence>(_ words: S) where S.Element == String {
        let keys = words.compactMap { word -> UInt64? in
            let bytes = Array(word.utf8)
            return bytes.isEmpty || bytes.count > 8 ? nil : Self.pack(bytes)
        }
        var multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var best: [UInt64] = []
        var complete = false
        // Odd multipliers from a fixed sequence, so the table is the same on every run.
        for _ in 0..<1_000 {
            var slots = [UInt64](repeating: 0, count: 1 << Self.slotBits)
            var placed = 0
            for key in keys {
                let slot = Self.slot(key, multiplier)
                if slots[slot] == 0 || slots[slot] == key {
                    slots[slot] = key
                    placed += 1
                } else if slots[slot ^ 1] == 0 || slots[slot ^ 1] == key {
                    slots[slot ^ 1] = key
                    placed += 1
                }
            }
            best = slots
            if placed == keys.count {
                complete = true
                break
            }
            multiplier = (multiplier &* 0x5851_F42D_4C95_7F2D &+ 0x1405_7B7E_F767_814F) | 1
        }
        slots = best
        self.multiplier = multiplier
        isComplete = complete
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ multiplier: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* multiplier) >> UInt64(64 - slotBits))
    }

    /// Lower-cased (ASCII letters only, like `Bytes.lower`), first byte lowest.
    static func pack(_ bytes: [UInt8]) -> UInt64 {
        var value: UInt64 = 0
        for (k, byte) in bytes.prefix(8).enumerated() { value |= UInt64(Bytes.lower(byte)) << UInt64(8 * k) }
        return value
    }

    /// Whether `buffer[start..<end]` is one of the set's words when they are all five bytes
    /// or shorter, as `Vocabulary.smallWords` are (how `LineShape` counts significant words).
    @inline(__always)
    func isSmallWord(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        // A word key's low half is exactly such a packing for a word of up to eight bytes.
        end - start <= 5 && contains(WordKey(buffer, start, end).low)
    }

    /// Whether `key` (a packed word, never zero) is in the set.
    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        slots.withUnsafeBufferPointer { slots in
            let slot = Self.slot(key, multiplier)
            // Both compared at once (`min` compiles to a conditional move): whether a word
            // is small is different for nearly every word, so a branch on it mispredicts.
            return key != 0 && min(slots[slot] ^ key, slots[slot ^ 1] ^ key) == 0
        }
    }
}
