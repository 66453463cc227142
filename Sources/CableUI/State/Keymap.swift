/// What a key means. The same table drives `reduce` and the help overlay, so the help can
/// not drift from what the keys do.
public enum Command: Hashable, Sendable {
    case down, up, top, bottom
    case pageDown, pageUp, listPageDown, listPageUp
    case focusNext, focusPrevious, toggleSidebar
    case open, openRelated(Int), back, forward, nextUnread
    case tagFilter, clearTags, search, clearSearch
    case toggleRead, toggleStar
    case quotes, speakerFilter, help, quit, dismiss
}

public enum Keymap {
    public struct Binding: Sendable {
        public var keys: [Key]
        public var label: String
        public var command: Command
        public var help: String
    }

    /// Keys of the main screen (list, reading pane, sidebar).
    public static let browse: [Binding] = [
        Binding(keys: [.character("j"), .down], label: "j ↓", command: .down,
                help: "down (or scroll text)"),
        Binding(keys: [.character("k"), .up], label: "k ↑", command: .up, help: "move up"),
        Binding(keys: [.character("g"), .home], label: "g Home", command: .top, help: "go to the top"),
        Binding(keys: [.character("G"), .end], label: "G End", command: .bottom, help: "go to the bottom"),
        Binding(keys: [.character(" "), .pageDown], label: "Space PgDn", command: .pageDown,
                help: "page down in the text"),
        Binding(keys: [.pageUp, .character("b")], label: "PgUp b", command: .pageUp,
                help: "page up in the text"),
        Binding(keys: [.control("f")], label: "^F", command: .listPageDown, help: "list: page down"),
        Binding(keys: [.control("b")], label: "^B", command: .listPageUp, help: "list: page up"),
        Binding(keys: [.tab, .right, .character("l")], label: "Tab → l", command: .focusNext,
                help: "next pane"),
        Binding(keys: [.backTab, .left, .character("h")], label: "S-Tab ← h", command: .focusPrevious,
                help: "previous pane"),
        Binding(keys: [.character("i")], label: "i", command: .toggleSidebar,
                help: "toggle the sidebar"),
        Binding(keys: [.enter], label: "Enter", command: .open,
                help: "open what is selected"),
        Binding(keys: (1...9).map { .character(Character("\($0)")) }, label: "1-9",
                command: .openRelated(0), help: "open related headline N"),
        Binding(keys: [.character("[")], label: "[", command: .back, help: "back (history)"),
        Binding(keys: [.character("]")], label: "]", command: .forward, help: "forward (history)"),
        Binding(keys: [.character("n")], label: "n", command: .nextUnread, help: "next unread article"),
        Binding(keys: [.character("t")], label: "t", command: .tagFilter,
                help: "add a tag filter"),
        Binding(keys: [.character("T")], label: "T", command: .clearTags, help: "clear tag filters"),
        Binding(keys: [.character("/")], label: "/", command: .search,
                help: "search (query language)"),
        Binding(keys: [.character("\\")], label: "\\", command: .clearSearch, help: "clear the search"),
        Binding(keys: [.character("r")], label: "r", command: .toggleRead, help: "toggle read"),
        Binding(keys: [.character("s")], label: "s", command: .toggleStar, help: "toggle star"),
        Binding(keys: [.character("\"")], label: "\"", command: .quotes, help: "quote view"),
        Binding(keys: [.character("?")], label: "?", command: .help, help: "this help"),
        Binding(keys: [.escape], label: "Esc", command: .dismiss, help: "cancel, clear message"),
        Binding(keys: [.character("q"), .control("c")], label: "q ^C", command: .quit, help: "quit"),
    ]

    /// Keys of the quote view.
    public static let quotes: [Binding] = [
        Binding(keys: [.character("j"), .down], label: "j k ↓ ↑", command: .down, help: "move"),
        Binding(keys: [.character("k"), .up], label: "", command: .up, help: ""),
        Binding(keys: [.character("g"), .home], label: "g G", command: .top, help: "top, bottom"),
        Binding(keys: [.character("G"), .end], label: "", command: .bottom, help: ""),
        Binding(keys: [.pageDown, .character(" ")], label: "PgDn PgUp", command: .pageDown, help: "page"),
        Binding(keys: [.pageUp, .character("b")], label: "", command: .pageUp, help: ""),
        Binding(keys: [.enter], label: "Enter", command: .open,
                help: "open the article at the quote"),
        Binding(keys: [.character("/"), .character("s")], label: "/ s", command: .speakerFilter,
                help: "filter by speaker"),
        Binding(keys: [.character("\""), .character("q"), .escape], label: "\" q Esc", command: .quotes,
                help: "close the quote view"),
        Binding(keys: [.character("?")], label: "?", command: .help, help: "this help"),
        Binding(keys: [.control("c")], label: "^C", command: .quit, help: "quit"),
    ]

    public static func command(for key: Key, in bindings: [Binding]) -> Command? {
        guard let binding = bindings.first(where: { $0.keys.contains(key) }) else { return nil }
        if case .openRelated = binding.command, case .character(let c) = key, let n = c.wholeNumberValue {
            return .openRelated(n)
        }
        return binding.command
    }
}
