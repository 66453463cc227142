import CLibXML2

/// HTML's character references, named (libxml2's table of HTML's entities) and numeric, for
/// text no HTML parser sees: JSON-LD strings, and feeds that borrow HTML's entities. Page text
/// itself is decoded by libxml2's HTML parser.
public enum HTMLEntities {
    /// The character `name` stands for in HTML (`nbsp`, `mdash`, `eacute`), or nil.
    static func scalar(named name: Substring) -> Unicode.Scalar? {
        guard let entity = htmlEntityLookup(String(name)) else { return nil }
        return Unicode.Scalar(entity.pointee.value)
    }

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(12).firstIndex(of: ";"), let value = character(after[..<semicolon]) {
                out.unicodeScalars.append(value)
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    private static func character(_ name: Substring) -> Unicode.Scalar? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return value.flatMap(Unicode.Scalar.init)
        }
        return scalar(named: name)
    }

    /// `xml` with every reference to an HTML entity that XML does not define itself written as
    /// a numeric reference (`&nbsp;` becomes `&#160;`), so that an XML parser reads a feed that
    /// borrowed HTML's entities. Other references, and everything else, are left as they are.
    public static func numbered(_ xml: [UInt8]) -> [UInt8] {
        let predefined: Set<Substring> = ["amp", "lt", "gt", "quot", "apos"]
        var out: [UInt8] = []
        out.reserveCapacity(xml.count)
        var index = 0
        while index < xml.count {
            let byte = xml[index]
            out.append(byte)
            index += 1
            guard byte == UInt8(ascii: "&") else { continue }
            var end = index
            while end < xml.count, end - index < 32, isNameByte(xml[end]) { end += 1 }
            guard end > index, end < xml.count, xml[end] == UInt8(ascii: ";") else { continue }
            let name = Substring(String(decoding: xml[index..<end], as: UTF8.self))
            guard !predefined.contains(name), let scalar = scalar(named: name) else { continue }
            out += Array("#\(scalar.value);".utf8)
            index = end + 1
        }
        return out
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
