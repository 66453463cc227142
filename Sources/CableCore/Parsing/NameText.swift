/// The text work speaker resolution does on names and roles, done on UTF-8 bytes: joining
/// the words of a name, and the "does this role mention that word" test. Both ran for
/// every quote and every name mentioned, and the String versions (an array of Strings to
/// join, Foundation's string search) cost more than the rest of resolving a speaker.
enum NameText {
    /// The words `indices` of `tokens` as written in a name, separated by single spaces; a
    /// word followed by a comma keeps it when `commas` says so and it is not the last of
    /// `tokens` (`Ministry of Economy, Trade and Industry`).
    ///
    /// The same String as `indices.map { word($0) }.joined(separator: " ")`: the bytes are
    /// decoded once instead of word by word, and since words are joined by ASCII bytes,
    /// decoding the whole gives what decoding each part and joining gives.
    static func joined(_ indices: some Collection<Int>, of tokens: TokenRun, text: [UInt8], commas: Bool) -> String {
        func hasComma(_ index: Int) -> Bool { commas && index < tokens.count - 1 && tokens[index].hasComma }
        // Measured first, then written straight into the String's storage (a name of up to
        // fifteen bytes needs no allocation at all), rather than gathered in an array first.
        var length = max(indices.count - 1, 0)
        for index in indices {
            length += tokens[index].nameEnd - tokens[index].start + (hasComma(index) ? 1 : 0)
        }
        return text.withUnsafeBufferPointer { text in
            String(unsafeUninitializedCapacity: length) { buffer in
                var count = 0
                var isFirst = true
                for index in indices {
                    if !isFirst {
                        buffer[count] = 0x20
                        count += 1
                    }
                    isFirst = false
                    let token = tokens[index]
                    for k in token.start..<token.nameEnd {
                        buffer[count] = text[k]
                        count += 1
                    }
                    if hasComma(index) {
                        buffer[count] = 0x2C
                        count += 1
                    }
                }
                return count
            }
        }
    }

    /// Whether a name has a space in it, that is a second word (`name.utf8.contains(0x20)`,
    /// searched in the contiguous bytes rather than through the UTF-8 view's iterator).
    static func hasSecondWord(_ name: String) -> Bool {
        name.utf8.withContiguousStorageIfAvailable { $0.contains(0x20) } ?? name.utf8.contains(0x20)
    }

    /// Whether `text` contains `word`, exactly as Foundation's `text.contains(word)` answers
    /// (which is never for an empty word). Printable ASCII on both sides, the common case, is
    /// a plain byte search; anything else goes to Foundation, whose comparison treats
    /// canonically equivalent characters as equal (`é` written as `e` and an accent).
    static func contains(_ text: String, _ word: String) -> Bool {
        guard !word.isEmpty else { return false }
        var text = text
        var word = word
        let ascii: Bool? = text.withUTF8 { haystack in
            word.withUTF8 { needle in
                guard isPrintableASCII(haystack), isPrintableASCII(needle) else { return nil }
                return find(needle, in: haystack)
            }
        }
        return ascii ?? foundationContains(text, word)
    }

    /// `contains(text.lowercased(), word.lowercased(in: paragraph))`, without making either
    /// String where both are printable ASCII: then lower-casing is `Bytes.lower` on each
    /// byte (as `lowercased()` does to ASCII), and the search is a plain byte search done
    /// on the lower-cased bytes as it goes.
    static func mentions(_ text: String, word: ProseToken, in paragraph: UnsafeBufferPointer<UInt8>) -> Bool {
        let needle = UnsafeBufferPointer(rebasing: paragraph[word.start..<word.end])
        let found: Bool? = withBytes(of: text) { haystack in
            guard isPrintableASCII(haystack), isPrintableASCII(needle) else { return nil }
            // (An empty word is never contained, as `contains` answers.)
            guard !needle.isEmpty, needle.count <= haystack.count else { return false }
            for k in 0...(haystack.count - needle.count) {
                var j = 0
                while j < needle.count && Bytes.lower(haystack[k + j]) == Bytes.lower(needle[j]) { j += 1 }
                if j == needle.count { return true }
            }
            return false
        }
        if let found { return found }
        // (As `ProseToken.lowercased(in:)` makes the word.)
        let lowered = String(unsafeUninitializedCapacity: needle.count) { out in
            for k in needle.indices { out[k] = Bytes.lower(needle[k]) }
            return needle.count
        }
        return contains(text.lowercased(), lowered)
    }

    /// The UTF-8 bytes of `string`, read in place (a native String's always are; any other
    /// is copied first).
    static func withBytes<R>(of string: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(string.utf8).withUnsafeBufferPointer(body)
    }

    private static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// A plain search: roles and names are a few dozen bytes.
    private static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for k in 0...(haystack.count - needle.count) where haystack[k] == needle[0] {
            var j = 1
            while j < needle.count && haystack[k + j] == needle[j] { j += 1 }
            if j == needle.count { return true }
        }
        return false
    }
}
