/// The one vocabulary of key names: how the config file writes a key (`x`, `Enter`, `C-f`)
/// and how the help screen and the status line show it (`x`, `Enter`, `^F`).
extension Key {
    /// Named keys, config name first; matched case-insensitively.
    static let names: [(name: String, key: Key, label: String)] = [
        ("Enter", .enter, "Enter"), ("Tab", .tab, "Tab"), ("S-Tab", .backTab, "S-Tab"),
        ("Esc", .escape, "Esc"), ("Backspace", .backspace, "Bksp"), ("Delete", .delete, "Del"),
        ("Up", .up, "↑"), ("Down", .down, "↓"), ("Left", .left, "←"), ("Right", .right, "→"),
        ("PageUp", .pageUp, "PgUp"), ("PageDown", .pageDown, "PgDn"), ("Home", .home, "Home"),
        ("End", .end, "End"), ("Space", .character(" "), "Space"),
    ]

    /// Other spellings people write.
    static let aliases: [String: Key] = [
        "return": .enter, "escape": .escape, "backtab": .backTab, "shift-tab": .backTab,
        "pgup": .pageUp, "pgdn": .pageDown, "pgdown": .pageDown, "del": .delete, "bs": .backspace,
    ]

    /// A key from its config name: one character, a name above, or Ctrl plus a letter
    /// (`C-f`, `Ctrl-f`, `^f`). Nil when it names no key.
    public init?(name: String) {
        if name.count == 1, let character = name.first, !character.isWhitespace || character == " " {
            self = .character(character)
            return
        }
        let lower = name.lowercased()
        if let named = Key.names.first(where: { $0.name.lowercased() == lower }) {
            self = named.key
            return
        }
        if let alias = Key.aliases[lower] {
            self = alias
            return
        }
        for prefix in ["c-", "ctrl-", "ctrl+", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            if rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter {
                self = .control(letter)
                return
            }
        }
        return nil
    }

    /// How the help and the status line show the key.
    public var label: String {
        if let named = Key.names.first(where: { $0.key == self }) { return named.label }
        switch self {
        case .character(let c): return String(c)
        case .control(let c): return "^" + c.uppercased()
        default: return "\(self)"
        }
    }
}
