import Foundation

/// Writes an article as the JSON that `JSONDecoder` reads back into the same `Article` (the
/// keys of its synthesized `Codable`, the date as seconds since the reference date, absent
/// optionals left out). Sync stores one per article, and `JSONEncoder`'s generic machinery
/// was a tenth of an initial sync's CPU; this writes the bytes directly.
enum ArticleJSON {
    /// Nil only for a date `JSONEncoder` could not write either (not finite).
    static func encode(_ article: Article) -> Data? {
        var out = Writer()
        out.bytes.reserveCapacity(article.paragraphs.reduce(1024) { $0 + $1.utf8.count + 4 })
        out.raw("{\"id\":")
        out.string(article.id.rawValue)
        out.raw(",\"file\":")
        out.string(article.file)
        out.raw(",\"title\":")
        out.string(article.title)
        out.raw(article.titleDerived ? ",\"titleDerived\":true" : ",\"titleDerived\":false")
        if let published = article.published {
            let seconds = published.timeIntervalSinceReferenceDate
            guard seconds.isFinite else { return nil }
            out.raw(",\"published\":")
            // `description` is the shortest text that reads back as the same Double.
            out.raw(seconds.description)
        }
        if let source = article.source {
            out.raw(",\"source\":")
            out.string(source)
        }
        out.raw(",\"paragraphs\":")
        out.strings(article.paragraphs)
        out.raw(",\"quotes\":[")
        for (index, quote) in article.quotes.enumerated() {
            out.raw(index == 0 ? "{\"text\":" : ",{\"text\":")
            out.string(quote.text)
            if let speaker = quote.speaker {
                out.raw(",\"speaker\":")
                out.string(speaker)
            }
            if let role = quote.role {
                out.raw(",\"role\":")
                out.string(role)
            }
            out.raw(",\"paragraph\":")
            out.raw(String(quote.paragraph))
            out.raw("}")
        }
        out.raw("],\"readMore\":")
        out.strings(article.readMore)
        out.raw(",\"related\":")
        out.strings(article.related)
        out.raw(",\"tags\":")
        out.strings(article.tags)
        out.raw(",\"warnings\":")
        out.strings(article.warnings)
        out.raw("}")
        return Data(out.bytes)
    }

    /// A list of strings as a JSON array.
    static func encode(_ strings: [String]) -> String {
        var out = Writer()
        out.strings(strings)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    private struct Writer {
        var bytes: [UInt8] = []

        mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

        mutating func strings(_ list: [String]) {
            bytes.append(UInt8(ascii: "["))
            for (index, text) in list.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                string(text)
            }
            bytes.append(UInt8(ascii: "]"))
        }

        /// A JSON string: UTF-8 as is, with only what JSON requires escaped.
        mutating func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: Array("\\u00".utf8))
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
