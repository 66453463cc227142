/// Text written so that it prints as plain characters and reads back exactly: every character
/// that does not print (controls such as ESC and BEL, line and paragraph separators, format
/// characters such as bidi overrides and zero-width joiners, unusual spaces, private-use and
/// unassigned code points) is written as an escape, `\n`, `\r`, `\t` or `\u{1B}`, and a
/// backslash as `\\`. Used by the state export and by messages that quote user text.
public enum PrintableText {
    /// `text` with escapes; `also` lists more characters to escape with a backslash (a `"`
    /// inside a quoted string).
    public static func escaped(_ text: String, also: Set<Unicode.Scalar> = []) -> String {
        var out = ""
        // A combining mark prints on the character before it: written plain only after a
        // plain, visible character, never after an escape, a space or a quote it could
        // merge with.
        var afterVisible = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"; afterVisible = false
            case "\n": out += "\\n"; afterVisible = false
            case "\r": out += "\\r"; afterVisible = false
            case "\t": out += "\\t"; afterVisible = false
            case _ where also.contains(scalar):
                out += "\\"
                out.unicodeScalars.append(scalar)
                afterVisible = false
            case _ where isCombiningMark(scalar):
                if afterVisible {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += unicodeEscape(scalar)
                }
            case _ where isPrintable(scalar):
                out.unicodeScalars.append(scalar)
                afterVisible = scalar != " "
            default:
                out += unicodeEscape(scalar)
                afterVisible = false
            }
        }
        return out
    }

    /// Whether the character prints as itself (a combining mark prints only on another).
    public static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            return false
        case .spaceSeparator:
            return scalar == " "
        default:
            return true
        }
    }

    public static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// `\u{1B}`: upper-case hex digits, no leading zeros.
    static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// The text as a short double-quoted, escaped string for a message (a tag in an error
    /// could be megabytes long or hold escape sequences).
    public static func quotedForMessage(_ text: String, limit: Int = 60) -> String {
        let scalars = text.unicodeScalars
        let shown = scalars.count > limit ? String(String.UnicodeScalarView(scalars.prefix(limit))) + "…" : text
        return "\"" + escaped(shown, also: ["\""]) + "\""
    }
}
