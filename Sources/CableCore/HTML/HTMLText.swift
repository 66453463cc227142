/// Page text as Cable shows it: whitespace of every kind folded to single spaces, control
/// and invisible format characters (escape sequences, bidi overrides, zero-width marks) gone,
/// so nothing a page carries can drive the terminal. A C1 control (U+0080–U+009F) is read as
/// the Windows-1252 character of that byte, as HTML5 reads `&#147;`: old pages write curly
/// quotes and dashes that way, and no page means the control.
enum HTMLText {
    static func clean(_ raw: String) -> String {
        // Written as UTF-8 bytes: a scalar kept is copied as its bytes (most text is ASCII).
        var out: [UInt8] = []
        out.reserveCapacity(raw.utf8.count)
        var pendingSpace = false
        for var scalar in raw.unicodeScalars {
            if (0x80...0x9F).contains(scalar.value) {
                scalar = PageEncoding.windows1252High[Int(scalar.value - 0x80)]
                if scalar == "\u{FFFD}" { continue }
            }
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if isInvisible(scalar) { continue }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            if scalar.isASCII {
                out.append(UInt8(scalar.value))
            } else if let encoded = UTF8.encode(scalar) {
                out.append(contentsOf: encoded)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value < 0x20 || scalar.value == 0x7F }
        if scalar.value == 0x200D { return false }  // joins emoji sequences
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .unassigned: return true
        default: return false
        }
    }
}

extension HTMLDocument {
    /// Elements that start a new line of text in a browser: text on either side of one is
    /// joined with a space, never glued (`<td>Kyiv</td><td>Odesa</td>`).
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
        "body", "html", "head", "title",
    ]

    /// The cleaned text under `index`, leaving out the subtrees `skip` names.
    func text(of index: Int, skipping skip: (Int) -> Bool = { _ in false }) -> String {
        HTMLText.clean(rawText(of: index, skipping: skip))
    }

    /// The text under `index` before cleaning, block boundaries as spaces.
    func rawText(of index: Int, skipping skip: (Int) -> Bool = { _ in false }) -> String {
        var out = ""
        var blockEnds: [Int] = []  // where the blocks entered end: a space there too
        var i = index
        let end = nodes[index].end
        while i < end {
            while let last = blockEnds.last, last <= i {
                out += " "
                blockEnds.removeLast()
            }
            if i != index, skip(i) {
                i = nodes[i].end
                continue
            }
            if nodes[i].isText {
                out += nodes[i].text
            } else if Self.blockElements.contains(nodes[i].name) {
                out += " "
                blockEnds.append(nodes[i].end)
            }
            i += 1
        }
        return out
    }
}
