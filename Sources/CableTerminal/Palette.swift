import CableUI
import CNcursesw

/// Styles as curses attributes and colour pairs: pair n+1 is role n's colour (from the
/// theme) on the terminal's own background.
struct Palette {
    let theme: Theme
    private static let roles = Style.Role.allCases

    /// Sets up one colour pair per role (curses must have started colour).
    func install() {
        for (index, role) in Self.roles.enumerated() {
            _ = init_pair(Int16(index + 1), Self.curses(theme.colour(for: role)), -1)
        }
    }

    static func curses(_ colour: Theme.Colour) -> Int16 {
        switch colour {
        case .default: return -1
        case .black: return Int16(COLOR_BLACK)
        case .red: return Int16(COLOR_RED)
        case .green: return Int16(COLOR_GREEN)
        case .yellow: return Int16(COLOR_YELLOW)
        case .blue: return Int16(COLOR_BLUE)
        case .magenta: return Int16(COLOR_MAGENTA)
        case .cyan: return Int16(COLOR_CYAN)
        case .white: return Int16(COLOR_WHITE)
        }
    }

    func attributes(for style: Style) -> (attr_t, Int16) {
        var attributes = cable_a_normal()
        if style.bold { attributes |= cable_a_bold() }
        if style.dim { attributes |= cable_a_dim() }
        if style.reverse { attributes |= cable_a_reverse() }
        if style.underline { attributes |= cable_a_underline() }
        guard theme.usesColour, style.role != .plain,
              let index = Self.roles.firstIndex(of: style.role) else { return (attributes, 0) }
        return (attributes, Int16(index + 1))
    }
}
