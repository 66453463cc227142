import Foundation

/// HTML that came from somewhere untrusted (a feed's item content), made fit to save as a
/// page: parsed with libxml2's forgiving parser, then written out again with only the
/// elements that carry an article's text and structure (paragraphs, headings, quotations,
/// lists, emphasis, links). Scripts, styles, frames, forms, images and every attribute but a
/// link's http(s) address are gone, so the saved file is as harmless in a browser as in Cable.
public enum SafeHTML {
    /// Elements kept as they are (without attributes, but for `a href` and `time datetime`).
    static let keptElements: Set<String> = [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "cite", "q", "ul", "ol",
        "li", "dl", "dt", "dd", "em", "strong", "b", "i", "u", "s", "small", "sub", "sup", "abbr",
        "a", "pre", "code", "figure", "figcaption", "table", "thead", "tbody", "tr", "td", "th",
        "div", "section", "time",
    ]
    static let voidElements: Set<String> = ["br", "hr"]

    /// `html` (a fragment or a page) rewritten with the kept elements only; relative link
    /// addresses resolved against `base`.
    public static func fragment(_ html: String, base: URL?) -> String {
        let document = HTMLDocument.parse(Array(html.utf8))
        var out = ""
        var open: [(name: String, end: Int)] = []
        for index in document.nodes.indices {
            while let last = open.last, last.end <= index {
                out += "</\(last.name)>"
                open.removeLast()
            }
            let node = document.nodes[index]
            if node.isText {
                out += escaped(node.text)
                continue
            }
            guard keptElements.contains(node.name) else { continue }
            out += "<" + node.name + attributes(of: node, base: base) + ">"
            if !voidElements.contains(node.name) { open.append((node.name, node.end)) }
        }
        for element in open.reversed() { out += "</\(element.name)>" }
        return out
    }

    /// The text of an HTML fragment (a title given as HTML), entities decoded, tags gone,
    /// whitespace folded, control characters removed.
    public static func text(_ html: String) -> String {
        let document = HTMLDocument.parse(Array(html.utf8))
        guard !document.nodes.isEmpty else { return "" }
        return document.text(of: 0)
    }

    /// Text made safe inside an element or a double-quoted attribute (of HTML or XML): markup
    /// characters escaped, control characters (but tab and newline) and the noncharacters
    /// U+FFFE and U+FFFF left out.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value >= 0xFFFE && scalar.value <= 0xFFFF {
                    continue
                }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func attributes(of node: HTMLDocument.Node, base: URL?) -> String {
        switch node.name {
        case "a":
            guard let href = node.attribute("href"),
                  let resolved = WebAddress.absolute(href, base: base?.absoluteString) else { return "" }
            return " href=\"\(escaped(resolved))\""
        case "time":
            return node.attribute("datetime").map { " datetime=\"\(escaped(HTMLText.clean($0)))\"" } ?? ""
        default:
            return ""
        }
    }
}
