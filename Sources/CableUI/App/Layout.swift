/// Where each pane goes for a terminal size. Pure arithmetic over the state, shared by
/// `reduce` (page sizes, scrolling) and `render`.
public struct Layout: Hashable, Sendable {
    /// Below this the UI draws only a "too small" message.
    public static let minimum = Size(width: 40, height: 10)
    /// From this width the list, reading pane and sidebar are all shown.
    public static let threePaneWidth = 110
    /// From this width the list and one other pane are shown side by side.
    public static let twoPaneWidth = 64
    /// The widest the reading pane gets (100 columns of text and its margins): longer lines
    /// are hard to read, and the columns are worth more to the list's titles.
    public static let readerMaxWidth = 102
    /// The narrowest the reading pane gets beside the list and the sidebar.
    static let readerMinWidth = 50
    /// The narrowest the list gets beside another pane, whatever the config asks.
    static let listMinWidth = 24

    public var list: Rect?
    public var reader: Rect?
    public var sidebar: Rect?
    /// The whole area above the status line (the quote view uses it all).
    public var main: Rect
    public var status: Rect
    public var tooSmall: Bool

    /// `listWidth`: the list's columns as the config asks (kept within what leaves the other
    /// panes readable); nil for the proportional default.
    public init(size: Size, focus: Pane, sidebarToggled: Bool, listWidth: Int? = nil) {
        tooSmall = size.width < Self.minimum.width || size.height < Self.minimum.height
        main = Rect(x: 0, y: 0, width: size.width, height: max(0, size.height - 1))
        status = Rect(x: 0, y: max(0, size.height - 1), width: size.width, height: 1)
        guard !tooSmall else { return }
        let h = main.height
        let w = size.width
        if w >= Self.threePaneWidth {
            // Three panes; the separators take one column each. The list gets about 40% (its
            // titles need it), the reading pane what is left up to a comfortable measure, and
            // the list any surplus beyond that.
            let side = min(44, max(26, w * 22 / 100))
            var left = max(36, w * 40 / 100)
            left -= max(0, min(left - 36, Self.readerMinWidth - (w - left - side - 2)))
            var text = min(Self.readerMaxWidth, w - left - side - 2)
            left = w - side - text - 2
            if let listWidth {
                left = max(Self.listMinWidth, min(listWidth, w - side - Self.readerMinWidth - 2))
                text = w - side - left - 2
            }
            if sidebarToggled {
                // The sidebar hidden: the reading pane takes its room up to the measure, the
                // list the rest (never less than with the sidebar shown).
                let wide = listWidth == nil ? min(Self.readerMaxWidth, text + side + 1) : text + side + 1
                left = w - wide - 1
                list = Rect(x: 0, y: 0, width: left, height: h)
                let right = Rect(x: left + 1, y: 0, width: wide, height: h)
                if focus == .sidebar { sidebar = right } else { reader = right }
            } else {
                list = Rect(x: 0, y: 0, width: left, height: h)
                reader = Rect(x: left + 1, y: 0, width: text, height: h)
                sidebar = Rect(x: w - side, y: 0, width: side, height: h)
            }
        } else if w >= Self.twoPaneWidth {
            // The sidebar takes the reading pane's place when focused or toggled on.
            let left = listWidth.map { max(Self.listMinWidth, min($0, w - Self.listMinWidth - 1)) }
                ?? min(60, max(30, w * 44 / 100))
            list = Rect(x: 0, y: 0, width: left, height: h)
            let right = Rect(x: left + 1, y: 0, width: w - left - 1, height: h)
            // The focused pane is always the one shown: focusing the reading pane brings it
            // back even with the sidebar toggled on.
            let sidebarInstead = focus == .sidebar || (sidebarToggled && focus == .list)
            if sidebarInstead { sidebar = right } else { reader = right }
        } else {
            // One pane: the focused one.
            switch focus {
            case .list: list = main
            case .reader: reader = main
            case .sidebar: sidebar = main
            }
        }
    }

    public init(_ state: AppState) {
        self.init(size: state.size, focus: state.focus, sidebarToggled: state.sidebarToggled,
                  listWidth: state.settings.listWidth)
    }

    /// Rows of content under a pane's title bar.
    public static func contentHeight(_ rect: Rect?) -> Int { max(1, (rect?.height ?? 2) - 1) }
}
