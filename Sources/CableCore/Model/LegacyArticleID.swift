extension ArticleID {
    /// The id older Cable gave a text (up to index schema `index-6` and state export format
    /// 2): FNV-1a over its letters and digits only (scalars that are alphabetic or have a
    /// numeric value), ASCII capitals lower-cased, each scalar's value fed as four bytes,
    /// lowest first. Pages differing only in punctuation shared it.
    ///
    /// Kept only as the key to what older Cable stored under it, never as an article's id:
    /// state and backups keyed by it are carried to the article's id (`LegacyState`), and a
    /// feed item with neither GUID nor link is still known by it (`FeedItem.key`).
    public static func legacy(forContent text: String) -> ArticleID {
        var hash = FNV1a()
        for scalar in text.unicodeScalars where countedByLegacyID(scalar) {
            var value = scalar.value
            if (0x41...0x5A).contains(value) { value += 0x20 }
            for shift in stride(from: UInt32(0), to: 32, by: 8) {
                hash.add(UInt8((value >> shift) & 0xFF))
            }
        }
        return ArticleID(hash: hash.value)
    }

    private static func countedByLegacyID(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
