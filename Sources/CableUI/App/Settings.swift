import CableCore

/// What the user's configuration changes in the UI (see `CableConfig`); the defaults are
/// what Cable does without a config file.
public struct Settings: Hashable, Sendable {
    public var keymap = Keymap.defaults
    /// Seconds a preview stays on screen before its article counts as read: 0 marks it read
    /// at once, nil never (only opening with Enter reads it).
    public var markReadDelay: Double? = 3
    /// The list's width in columns beside the other panes; nil for the proportional default.
    public var listWidth: Int?
    /// The order the list starts in.
    public var order = ListOrder.newest
    /// Named queries, in the sidebar and behind `F`.
    public var savedSearches: [SavedSearch] = []

    public init() {}
}

public struct SavedSearch: Hashable, Sendable {
    public var name: String
    public var query: String

    public init(name: String, query: String) {
        self.name = name
        self.query = query
    }
}
