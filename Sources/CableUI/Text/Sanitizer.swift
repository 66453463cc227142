/// Makes text from article files safe to draw.
///
/// A saved page is untrusted: an escape sequence in it could move the cursor, change the
/// title, or rewrite the screen. Everything that reaches a `Screen` goes through here first:
/// escape sequences (CSI, OSC, DCS and friends, in 7- and 8-bit forms) are removed whole, other
/// control characters are dropped, tabs and line breaks (U+2028 and U+2029 too) become spaces
/// (the UI does its own wrapping), and bidi overrides that could reorder the line on screen are dropped.
public enum Sanitizer {
    public static func clean(_ text: String) -> String {
        if isPlain(text) { return text }
        var out = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x1B:
                skipEscape(&scalars)
            case 0x9B:
                skipControlSequence(&scalars)
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F:
                skipString(&scalars)
            case 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x2028, 0x2029:
                out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F:
                continue
            case 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Printable ASCII only: nothing to do (the common case, checked cheaply).
    static func isPlain(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// After ESC: a CSI or string introducer takes its whole sequence; otherwise one character.
    static func skipEscape(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        guard let next = scalars.popFirst() else { return }
        switch next {
        case "[": skipControlSequence(&scalars)
        case "]", "P", "X", "^", "_": skipString(&scalars)
        default:
            // Two-character escapes with intermediates (ESC ( B) end at the first final byte.
            var current = next
            while (0x20...0x2F).contains(current.value), let following = scalars.popFirst() {
                current = following
            }
        }
    }

    /// Parameters and intermediates up to a final byte in 0x40...0x7E.
    static func skipControlSequence(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        while let scalar = scalars.popFirst() {
            if (0x40...0x7E).contains(scalar.value) { return }
            // A sequence cut short by text: stop at anything that cannot be inside one.
            if scalar.value >= 0x80 || scalar.value < 0x20 { return }
        }
    }

    /// A string (OSC, DCS, ...) up to BEL or ST (ESC \ or 0x9C).
    static func skipString(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x07, 0x9C: return
            case 0x1B:
                if scalars.first == "\\" { scalars.removeFirst() }
                return
            default: continue
            }
        }
    }
}
