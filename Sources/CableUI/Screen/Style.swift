/// How a cell looks. Colours are the terminal's palette over its default background.
public struct Style: Hashable, Sendable {
    public enum Color: UInt8, Hashable, Sendable {
        case `default`, red, green, yellow, blue, magenta, cyan
    }

    public var color: Color
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(color: Color = .default, bold: Bool = false, dim: Bool = false,
                reverse: Bool = false, underline: Bool = false) {
        self.color = color
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
    public static let title = Style(color: .cyan, bold: true)
    /// The focused pane's title bar.
    public static let titleFocused = Style(bold: true, reverse: true)
    public static let quote = Style(color: .yellow)
    public static let link = Style(color: .blue, underline: true)
    public static let tag = Style(color: .green, dim: true)
    public static let error = Style(color: .red, bold: true)
    public static let unread = Style(color: .cyan, bold: true)
    public static let star = Style(color: .yellow)
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
