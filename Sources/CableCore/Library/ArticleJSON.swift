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
        if let url = article.url {
            out.raw(",\"url\":")
            out.string(url)
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
        out.raw(",\"linkURLs\":{")
        for (index, (headline, url)) in article.linkURLs.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { out.raw(",") }
            out.string(headline)
            out.raw(":")
            out.string(url)
        }
        out.raw("}")
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

        /// A JSON string: UTF-8 as is, with only what JSON requires escaped. Runs of plain
        /// bytes (nearly all of an article) are copied whole.
        mutating func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            var text = text
            text.withUTF8 { utf8 in
                var plain = 0
                for (index, byte) in utf8.enumerated()
                where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    bytes.append(contentsOf: utf8[plain..<index])
                    escape(byte)
                    plain = index + 1
                }
                bytes.append(contentsOf: utf8[plain...])
            }
            bytes.append(UInt8(ascii: "\""))
        }

        private mutating func escape(_ byte: UInt8) {
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
            default:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("u00".utf8))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            }
        }
    }
}
