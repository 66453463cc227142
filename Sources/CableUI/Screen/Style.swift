/// How a cell looks: what it is (its role, which the terminal's theme turns into a colour)
/// and its attributes. Colours are the terminal's palette over its default background.
public struct Style: Hashable, Sendable {
    /// What a coloured cell is; the theme (config `[colours]`) picks each role's colour.
    public enum Role: String, Hashable, Sendable, CaseIterable {
        case plain, title, quote, link, tag, userTag = "user-tag", error, unread, star, match
    }

    public var role: Role
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(role: Role = .plain, bold: Bool = false, dim: Bool = false,
                reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let dim = Style(dim: true)
    public static let reverse = Style(reverse: true)
    /// The bar at the top of each pane.
    public static let title = Style(role: .title, bold: true)
    /// The focused pane's title bar.
    public static let titleFocused = Style(bold: true, reverse: true)
    public static let quote = Style(role: .quote)
    public static let link = Style(role: .link, underline: true)
    /// The page's own tags.
    public static let tag = Style(role: .tag, dim: true)
    /// The user's own tags, apart from the page's.
    public static let userTag = Style(role: .userTag)
    public static let error = Style(role: .error, bold: true)
    public static let unread = Style(role: .unread, bold: true)
    public static let star = Style(role: .star)
    /// A search match in the reading pane (reverse, so it shows without colour too).
    public static let match = Style(role: .match, reverse: true)
    public static let matchBold = Style(role: .match, bold: true, reverse: true)
}

/// A run of text in one style.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// One screen line of styled text.
public typealias StyledLine = [Span]

/// The colours the terminal gives each role: the default theme, the config's `[colours]`,
/// or none at all (`theme = "no-colour"`, or `NO_COLOR`), where attributes alone remain.
public struct Theme: Hashable, Sendable {
    /// The terminal's eight colours, and its own foreground.
    public enum Colour: String, Hashable, Sendable, CaseIterable {
        case `default`, black, red, green, yellow, blue, magenta, cyan, white
    }

    public var colours: [Style.Role: Colour]
    public var usesColour: Bool

    public init(colours: [Style.Role: Colour] = Theme.standard.colours, usesColour: Bool = true) {
        self.colours = colours
        self.usesColour = usesColour
    }

    public static let standard = Theme(colours: [
        .title: .cyan, .quote: .yellow, .link: .blue, .tag: .green, .userTag: .magenta,
        .error: .red, .unread: .cyan, .star: .yellow, .match: .yellow,
    ], usesColour: true)

    public static let noColour = Theme(colours: [:], usesColour: false)

    public func colour(for role: Style.Role) -> Colour { usesColour ? colours[role] ?? .default : .default }
}
