/// Which charset a saved page's bytes are in, and the bytes as libxml2 should read them.
///
/// Pages declare their charset (`<meta charset>`, `http-equiv` Content-Type), and the
/// declaration is often wrong: a page re-saved as UTF-8 keeps its old `iso-8859-1` line, a
/// legacy page says `utf-8` over Windows-1252 bytes. The bytes decide where they can: valid
/// UTF-8 with any non-ASCII byte is UTF-8 whatever the page says, since legacy text almost
/// never happens to be valid UTF-8. Latin-1 is read as Windows-1252 (as browsers do), by the
/// table below; other declared charsets are decoded by `LegacyCharset`. Either way libxml2 is
/// given UTF-8, so a byte that does not fit a charset never stops it part-way through a page.
struct PageEncoding: Equatable {
    /// The bytes to parse, in UTF-8.
    var bytes: [UInt8]
    var warning: String?

    static func decide(_ data: [UInt8]) -> PageEncoding {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let declared = declaredCharset(in: bytes)
        if isValidUTF8(bytes) {
            var warning: String?
            if let declared, !utf8Names.contains(declared), bytes.contains(where: { $0 >= 0x80 }) {
                warning = "the page declares charset \(declared) but its bytes are UTF-8; read as UTF-8"
            }
            return PageEncoding(bytes: bytes, warning: warning)
        }
        if let declared, latin1Names.contains(declared) {
            return PageEncoding(bytes: windows1252ToUTF8(bytes), warning: nil)
        }
        if let declared, !utf8Names.contains(declared), let decoded = LegacyCharset.decode(bytes, from: declared) {
            let unfit = decoded.unfit == 1 ? "1 byte does" : "\(decoded.unfit) bytes do"
            let warning = decoded.unfit == 0 ? nil
                : "the page declares charset \(declared) but \(unfit) not fit it; read as U+FFFD"
            return PageEncoding(bytes: decoded.utf8, warning: warning)
        }
        let said = declared.map { "declares charset \($0)" } ?? "declares no charset"
        return PageEncoding(bytes: windows1252ToUTF8(bytes),
                            warning: "the page \(said) but is not valid UTF-8; read as windows-1252")
    }

    static let utf8Names: Set<String> = ["utf-8", "utf8", "unicode-1-1-utf-8"]
    /// The names the HTML standard reads as Windows-1252.
    static let latin1Names: Set<String> = [
        "iso-8859-1", "iso8859-1", "latin1", "l1", "windows-1252", "cp1252", "x-cp1252", "us-ascii",
        "ascii", "iso_8859-1", "cp819", "ibm819", "iso-ir-100", "csisolatin1",
    ]

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// The charset a `<meta>` in the page's first 4 KB declares, lower-cased (the HTML
    /// standard's prescan, simplified: `charset=` inside a meta tag, quoted or not).
    static func declaredCharset(in bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(4096)).map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }
        var position = 0
        while let meta = find(Array("<meta".utf8), in: head, from: position) {
            let close = head[meta...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            let tag = Array(head[meta..<close])
            if let at = find(Array("charset".utf8), in: tag, from: 0) {
                var i = at + 7
                while i < tag.count, tag[i] == 0x20 { i += 1 }
                if i < tag.count, tag[i] == UInt8(ascii: "=") {
                    i += 1
                    while i < tag.count, tag[i] == 0x20 || tag[i] == 0x22 || tag[i] == 0x27 { i += 1 }
                    var name: [UInt8] = []
                    while i < tag.count, isCharsetByte(tag[i]) {
                        name.append(tag[i])
                        i += 1
                    }
                    if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
                }
            }
            position = close
        }
        return nil
    }

    private static func isCharsetByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: ":")
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        var i = start
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0], Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    /// Windows-1252's characters for 0x80-0x9F (the rest of its bytes are Latin-1, the same
    /// numbers as Unicode). Its five unassigned bytes become U+FFFD.
    static let windows1252High: [Unicode.Scalar] = [
        "\u{20AC}", "\u{FFFD}", "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", "\u{FFFD}", "\u{017D}", "\u{FFFD}",
        "\u{FFFD}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", "\u{FFFD}", "\u{017E}", "\u{0178}",
    ]

    static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else {
                let scalar = byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : Unicode.Scalar(byte)
                out.append(contentsOf: String(Character(scalar)).utf8)
            }
        }
        return out
    }
}
