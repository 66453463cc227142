import CableUI
import CNcursesw

/// Styles as curses attributes and colour pairs.
enum Palette {
    /// Pair n+1 is `colors[n]` on the default background.
    static let colors: [Int16] = [
        Int16(COLOR_RED), Int16(COLOR_GREEN), Int16(COLOR_YELLOW), Int16(COLOR_BLUE),
        Int16(COLOR_MAGENTA), Int16(COLOR_CYAN),
    ]

    static func pair(for color: Style.Color) -> Int16 {
        switch color {
        case .default: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        }
    }

    static func attributes(for style: Style, colors: Bool) -> (attr_t, Int16) {
        var attributes = cable_a_normal()
        if style.bold { attributes |= cable_a_bold() }
        if style.dim { attributes |= cable_a_dim() }
        if style.reverse { attributes |= cable_a_reverse() }
        if style.underline { attributes |= cable_a_underline() }
        return (attributes, colors ? pair(for: style.color) : 0)
    }
}
