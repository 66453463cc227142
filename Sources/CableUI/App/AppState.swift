import CableCore

public enum Pane: Int, Hashable, Sendable, CaseIterable {
    case list, reader, sidebar
}

/// What fills the screen above the status line: the three panes, or one full-screen view.
public enum View: Hashable, Sendable {
    case panes, quotes, story

    /// Where keys are read on this view.
    public var keyContext: KeyContext {
        switch self {
        case .panes: return .browse
        case .quotes: return .quotes
        case .story: return .story
        }
    }
}

/// Read and starred marks seen in list rows or set here, so `r` and `s` know what they toggle.
public struct Marks: Hashable, Sendable {
    public var read: Bool
    public var starred: Bool
}

/// The bottom line's content: a message for the user, or background progress.
public struct StatusLine: Hashable, Sendable {
    public var message: String?
    public var isError = false
    public var progress: String?
    /// A feed fetch running in the background, and how far it has got.
    public var fetching: String?
    /// How the last feed fetch went, until the next key.
    public var fetchOutcome: String?
    public var fetchFailed = false
}

/// A change the user made that `u` can take back: the effects that restore what was.
public struct UndoEntry: Hashable, Sendable {
    /// What was done, as "Undone: …" says it.
    public var description: String
    public var effects: [Effect]
}

/// The whole state of the UI. A value: `reduce` makes the next one, `render` draws it.
/// Each feature keeps its own part (its state, actions and reducer live together in its
/// folder); what is left here is the frame around them.
public struct AppState: Hashable, Sendable {
    public var size: Size
    public var settings: Settings
    public var view = View.panes
    public var focus: Pane = .list
    /// Whether the sidebar is hidden (wide layouts) or replaces the reading pane (medium ones).
    public var sidebarToggled = false
    /// The pane `i` brought the sidebar over, to go back to when `i` hides it again.
    public var focusBeforeSidebar: Pane?
    public var showHelp = false

    /// The filter, the order and the article list (`Browse/`).
    public var browse = BrowseState()
    /// The article on screen, its related stories and the history of jumps (`Reader/`).
    public var reader = ReaderState()
    /// The quote view (`Quotes/`).
    public var quotes = QuotesState()
    /// The story timeline view (`Story/`).
    public var story = StoryState()
    /// The line being typed at the bottom or in a box, if any (`Prompt/`).
    public var prompt: Prompt?

    public var status = StatusLine()
    /// The last changes `u` can undo, most recent last.
    public var undo: [UndoEntry] = []
    public var quitting = false
    /// A query or the sync met a damaged index (`LibraryEvent.indexDamaged`).
    public var indexDamaged = false

    static let indexDamagedMessage = "The index is damaged: quit (q) and start Cable again to rebuild it from your files"

    public init(size: Size, settings: Settings = Settings()) {
        self.size = size
        self.settings = settings
        browse.order = settings.order
    }
}
