import Foundation

/// A headline reduced to what identifies the story, so that the related block of one page
/// finds the article another page saved: case, diacritics, curly or straight quotes,
/// dashes, NBSP, spacing, punctuation and a trailing ` - Reports`-style source all fold away.
public struct HeadlineKey: Hashable, Sendable {
    /// The folded words joined by single spaces.
    public var key: String
    /// The page cut the headline short with `…`: the key is a prefix of the story's key.
    public var truncated: Bool

    public var tokens: [Substring] { key.split(separator: " ") }

    /// A key computed earlier (the index stores link keys), without folding again.
    init(key: String, truncated: Bool) {
        self.key = key
        self.truncated = truncated
    }

    public init(_ headline: String) {
        self = HeadlineKey(simple: headline) ?? HeadlineKey(anyText: headline)
    }

    /// The same steps as `init(anyText:)` on bytes, for headlines that are ASCII apart from
    /// the typographic punctuation pages use (dashes, curly quotes, NBSP, `…`): sync computes
    /// a key for every title and link, and the scalar arrays and strings of the general path
    /// were a tenth of its time. Each such scalar becomes the ASCII byte that every step
    /// treats the same way. Nil for any other text.
    init?(simple headline: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(headline.utf8.count)
        for scalar in headline.unicodeScalars {
            switch scalar {
            // Stands for `…`; a real one in the text is left to the general path.
            case HeadlineKey.ellipsisByte: return nil
            case _ where scalar.isASCII: bytes.append(UInt8(scalar.value))
            case "\u{2013}", "\u{2014}", "\u{2212}": bytes.append(UInt8(ascii: "-"))
            case "\u{00A0}": bytes.append(UInt8(ascii: " "))
            case "\u{2019}", "\u{2018}", "\u{02BC}", "\u{2032}": bytes.append(UInt8(ascii: "'"))
            case "\u{201C}", "\u{201D}": bytes.append(UInt8(ascii: "\""))
            case "…": bytes.append(UInt8(HeadlineKey.ellipsisByte.value))
            default: return nil
            }
        }
        HeadlineKey.trimASCII(&bytes)
        if bytes.last == UInt8(HeadlineKey.ellipsisByte.value) {
            bytes.removeLast()
            truncated = true
        } else {
            truncated = bytes.count >= 3 && bytes.suffix(3).allSatisfy { $0 == UInt8(ascii: ".") }
            if truncated { bytes.removeLast(3) }
        }
        HeadlineKey.trimASCII(&bytes)
        if !truncated { bytes = HeadlineKey.droppingSourceSuffixASCII(bytes) }
        key = HeadlineKey.foldASCII(bytes)
    }

    /// A control character no headline has, standing for `…` on the byte path: like `…`,
    /// it is neither a space, a joiner nor a letter.
    private static let ellipsisByte: Unicode.Scalar = "\u{01}"

    /// Any text: works on Unicode scalars.
    init(anyText headline: String) {
        // Scalars, not Foundation's trimming: sync computes a key for every title and link.
        var scalars = Array(headline.unicodeScalars).map { $0 == "\u{00A0}" ? " " : $0 }
        HeadlineKey.trim(&scalars)
        truncated = false
        if scalars.last == "…" {
            scalars.removeLast()
            truncated = true
        } else if scalars.count >= 3, scalars.suffix(3).allSatisfy({ $0 == "." }) {
            scalars.removeLast(3)
            truncated = true
        }
        HeadlineKey.trim(&scalars)
        var text = String(String.UnicodeScalarView(scalars))
        if !truncated { text = HeadlineKey.droppingSourceSuffix(text) }
        key = HeadlineKey.fold(text)
    }

    /// The ASCII characters with Unicode's White_Space property.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func trimASCII(_ bytes: inout [UInt8]) {
        while let last = bytes.last, isASCIIWhitespace(last) { bytes.removeLast() }
        let lead = bytes.prefix { isASCIIWhitespace($0) }.count
        if lead > 0 { bytes.removeFirst(lead) }
    }

    private static func trim(_ scalars: inout [Unicode.Scalar]) {
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        let lead = scalars.prefix { $0.properties.isWhitespace }.count
        if lead > 0 { scalars.removeFirst(lead) }
    }

    /// Lower-cased, diacritics removed, every run of non-alphanumerics one space. Apostrophes
    /// and full stops join rather than split (`Won’t` → `wont`, `U.S.` → `us`).
    static func fold(_ text: String) -> String {
        // Sync folds every title and link, so plain-ASCII text (most headlines) takes a
        // byte loop; anything else goes through Foundation's diacritic folding.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return foldASCII(text.utf8) }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if joiners.contains(scalar) { continue }
            let props = scalar.properties
            if props.isAlphabetic || props.numericType != nil {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }

    static let joiners: Set<Unicode.Scalar> = [".", "'", "\u{2019}", "\u{2018}", "\u{02BC}", "\u{2032}"]

    private static func foldASCII(_ text: some Collection<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var pendingSpace = false
        for byte in text {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "'"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                if pendingSpace && !out.isEmpty { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                out.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            default:
                pendingSpace = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `droppingSourceSuffix` on ASCII bytes.
    static func droppingSourceSuffixASCII(_ bytes: [UInt8]) -> [UInt8] {
        let space = UInt8(ascii: " ")
        var cut: Int?
        var index = bytes.count - 2
        while index >= 1 {
            if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "|"),
               bytes[index - 1] == space, bytes[index + 1] == space {
                cut = index
                break
            }
            index -= 1
        }
        guard let cut, cut > 1 else { return bytes }
        let head = bytes[..<(cut - 1)]
        let tail = bytes[(cut + 2)...].split(separator: space)
        guard head.contains(where: { $0 != space && $0 != UInt8(ascii: "\t") }), (1...2).contains(tail.count),
              tail.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0[$0.startIndex]) })
        else { return bytes }
        return Array(head)
    }

    /// `… - Reports`, `… | BBC News`: one or two capitalised words after a spaced dash or bar
    /// at the end name the outlet, not the story.
    static func droppingSourceSuffix(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let separators: Set<Unicode.Scalar> = ["-", "\u{2013}", "\u{2014}", "\u{2212}", "|"]
        var cut: Int?
        var index = scalars.count - 2
        while index >= 1 {
            if separators.contains(scalars[index]), scalars[index - 1] == " ", scalars[index + 1] == " " {
                cut = index
                break
            }
            index -= 1
        }
        guard let cut, cut > 1 else { return text }
        let head = String(String.UnicodeScalarView(scalars[..<(cut - 1)]))
        let tail = String(String.UnicodeScalarView(scalars[(cut + 2)...])).split(separator: " ")
        guard !head.trimmingCharacters(in: .whitespaces).isEmpty, (1...2).contains(tail.count),
              tail.allSatisfy({ $0.first?.isUppercase ?? false }) else { return text }
        return head
    }
}
