/// A key press as the UI sees it, independent of curses.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, escape, delete
    /// Ctrl plus a letter (lower case), other than those with their own case.
    case control(Character)

    /// Keys from a string, for tests and scripts: each character is a key, with `\n` as
    /// Enter, `\t` as Tab and `\u{1B}` as Escape.
    public static func sequence(_ text: String) -> [Key] {
        text.map { character in
            switch character {
            case "\n", "\r": return .enter
            case "\t": return .tab
            case "\u{1B}": return .escape
            case "\u{7F}": return .backspace
            default: return .character(character)
            }
        }
    }
}
