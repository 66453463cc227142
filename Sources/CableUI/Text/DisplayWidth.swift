/// How many terminal columns a grapheme cluster takes.
///
/// Swift's `Character` is already a grapheme cluster, so a base letter and its combining marks
/// arrive together and take the base's width. East Asian wide and fullwidth characters and
/// emoji shown as pictures take two columns; marks and format characters alone take none.
/// The table is ours rather than `wcwidth` so that layout and tests do not depend on the locale.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        // Printable ASCII is the common case: answer it without looking at properties.
        if let ascii = character.asciiValue {
            return (ascii >= 0x20 && ascii < 0x7F) ? 1 : 0
        }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if isZeroWidth(first) {
            // A cluster made only of marks or format characters draws nothing of its own.
            guard let base = scalars.first(where: { !isZeroWidth($0) }) else { return 0 }
            return scalarWidth(base)
        }
        if first.properties.isEmojiPresentation { return 2 }
        // U+FE0F asks for the emoji (picture) presentation of a text-default symbol.
        if first.properties.isEmoji, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return scalarWidth(first)
    }

    public static func of(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return true
        default: return false
        }
    }

    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(scalar.value) ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
