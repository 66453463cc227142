import CableCore

/// What a key can mean: the action names of the config file's `[keys]` table. The same
/// vocabulary drives `reduce`, the help screen and the status line's hints, so none of them
/// can drift from what the keys do.
public enum Command: String, CaseIterable, Hashable, Sendable {
    case down, up, top, bottom
    case pageDown = "page-down", pageUp = "page-up"
    case listPageDown = "list-page-down", listPageUp = "list-page-up"
    case nextPane = "next-pane", previousPane = "previous-pane", toggleSidebar = "toggle-sidebar"
    case open, back, forward
    case nextUnread = "next-unread", nextMatch = "next-match", previousMatch = "previous-match"
    case tagFilter = "tag-filter", clearTags = "clear-tags", search, clearSearch = "clear-search"
    case savedSearches = "saved-searches", sort
    case toggleRead = "toggle-read", toggleStar = "toggle-star", markAllRead = "mark-all-read", undo
    case addTag = "add-tag", removeTag = "remove-tag"
    case story, quotes, speakerFilter = "speaker-filter", close
    case fetchFeeds = "fetch-feeds"
    case help, cancel, suspend, quit

    /// One line of the help screen.
    public var help: String {
        switch self {
        case .down: return "down, or scroll text"
        case .up: return "up, or scroll text"
        case .top: return "go to the top"
        case .bottom: return "go to the bottom"
        case .pageDown: return "page down in the text"
        case .pageUp: return "page up in the text"
        case .listPageDown: return "list: page down"
        case .listPageUp: return "list: page up"
        case .nextPane: return "next pane"
        case .previousPane: return "previous pane"
        case .toggleSidebar: return "toggle the sidebar"
        case .open: return "open what is selected"
        case .back: return "back (history)"
        case .forward: return "forward (history)"
        case .nextUnread: return "next unread article"
        case .nextMatch: return "next search match"
        case .previousMatch: return "previous search match"
        case .tagFilter: return "add a tag filter"
        case .clearTags: return "clear tag filters"
        case .search: return "search (query language)"
        case .clearSearch: return "clear the search"
        case .savedSearches: return "choose a saved search"
        case .sort: return "next sort order"
        case .toggleRead: return "toggle read"
        case .toggleStar: return "toggle star"
        case .markAllRead: return "mark all shown read"
        case .undo: return "undo the last change"
        case .addTag: return "add one of your tags"
        case .removeTag: return "remove a tag of yours"
        case .story: return "story timeline"
        case .quotes: return "quote view"
        case .speakerFilter: return "filter by speaker"
        case .close: return "close this view"
        case .fetchFeeds: return "fetch the feeds"
        case .help: return "this help"
        case .cancel: return "back to the list"
        case .suspend: return "suspend (fg resumes)"
        case .quit: return "quit"
        }
    }
}

/// Where keys are read: each screen has the commands that make sense there, in help order.
/// A key means the first of the screen's commands it is bound to.
public enum KeyContext: Hashable, Sendable, CaseIterable {
    case browse, quotes, story

    public var commands: [Command] {
        switch self {
        case .browse:
            return [.down, .up, .top, .bottom, .pageDown, .pageUp, .listPageDown, .listPageUp,
                    .nextPane, .previousPane, .toggleSidebar, .open, .back, .forward, .nextUnread,
                    .nextMatch, .previousMatch, .tagFilter, .clearTags, .search, .clearSearch,
                    .savedSearches, .sort, .toggleRead, .toggleStar, .markAllRead, .undo, .addTag,
                    .removeTag, .story, .quotes, .fetchFeeds, .help, .cancel, .suspend, .quit]
        case .quotes:
            return [.down, .up, .top, .bottom, .pageDown, .pageUp, .open, .speakerFilter, .close,
                    .quotes, .help, .suspend, .quit]
        case .story:
            return [.down, .up, .top, .bottom, .pageDown, .pageUp, .open, .close, .story, .help,
                    .suspend, .quit]
        }
    }
}

/// The keys bound to each command: the defaults, changed by the config's `[keys]`.
public struct Keymap: Hashable, Sendable {
    public private(set) var keys: [Command: [Key]]

    public static let defaults = Keymap(keys: [
        .down: [.character("j"), .down], .up: [.character("k"), .up],
        .top: [.character("g"), .home], .bottom: [.character("G"), .end],
        .pageDown: [.character(" "), .pageDown], .pageUp: [.pageUp, .character("b")],
        .listPageDown: [.control("f")], .listPageUp: [.control("b")],
        .nextPane: [.tab, .right, .character("l")], .previousPane: [.backTab, .left, .character("h")],
        .toggleSidebar: [.character("i")], .open: [.enter],
        .back: [.character("[")], .forward: [.character("]")],
        .nextUnread: [.character("n")], .nextMatch: [.character(">")], .previousMatch: [.character("<")],
        .tagFilter: [.character("t")], .clearTags: [.character("T")],
        .search: [.character("/")], .clearSearch: [.character("\\")],
        .savedSearches: [.character("F")], .sort: [.character("o")],
        .toggleRead: [.character("r")], .toggleStar: [.character("s")],
        .markAllRead: [.character("A")], .undo: [.character("u")],
        .addTag: [.character("+")], .removeTag: [.character("-")],
        .story: [.character("S")], .quotes: [.character("\"")],
        // `R` as newsboat's reload-all (`F` is taken by the saved searches).
        .fetchFeeds: [.character("R")],
        .speakerFilter: [.character("/"), .character("s")], .close: [.character("q"), .escape],
        .help: [.character("?")], .cancel: [.escape], .suspend: [.control("z")],
        .quit: [.character("q"), .control("c")],
    ])

    /// The command a key means on a screen. Ctrl-C always quits, whatever the bindings.
    public func command(for key: Key, in context: KeyContext) -> Command? {
        if key == .control("c") { return .quit }
        return context.commands.first { keys[$0]?.contains(key) ?? false }
    }

    public func keys(for command: Command) -> [Key] { keys[command] ?? [] }

    /// The keys of a command as the help shows them (`j ↓`).
    public func label(for command: Command) -> String {
        keys(for: command).map(\.label).joined(separator: " ")
    }

    /// Binds `keys` to `command` in place of its defaults; the keys leave every command
    /// that shares a screen with it. Returns the commands that lost a key, for a warning.
    @discardableResult
    public mutating func bind(_ command: Command, to newKeys: [Key]) -> [Command] {
        let neighbours = Set(KeyContext.allCases.filter { $0.commands.contains(command) }.flatMap(\.commands))
        var losers: [Command] = []
        for other in neighbours where other != command {
            let before = keys[other] ?? []
            let after = before.filter { !newKeys.contains($0) }
            if after.count != before.count {
                keys[other] = after
                losers.append(other)
            }
        }
        keys[command] = newKeys
        return losers.sorted { $0.rawValue < $1.rawValue }
    }
}
