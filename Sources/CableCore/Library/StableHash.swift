/// 64-bit FNV-1a over bytes: the same in every process and on every machine (Swift's
/// `Hasher` is seeded per process), for names and keys the index keeps.
enum StableHash {
    static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
