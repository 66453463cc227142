import CableCore

/// A line being typed: the tag filter and user-tag boxes, the search and speaker lines at
/// the bottom, and the saved-search picker.
public enum Prompt: Hashable, Sendable {
    case tag(TagPrompt)
    case search(SearchPrompt)
    case speaker(SpeakerPrompt)
    case userTag(UserTagPrompt)
    case savedSearch(PickerPrompt)
}

/// Typing to narrow a list of choices, one of them selected.
public struct PickerPrompt: Hashable, Sendable {
    public var input = ""
    public var selection = 0
}

public typealias TagPrompt = PickerPrompt

public struct SearchPrompt: Hashable, Sendable {
    public var input: String
    /// What to go back to on Esc.
    public var previous: String
    /// The parse error of `input`, when it does not parse.
    public var error: String?
    /// The old search is shown selected: typing replaces it, → or End keeps it to edit.
    public var replacing: Bool

    public init(input: String, previous: String, error: String? = nil, replacing: Bool = false) {
        self.input = input
        self.previous = previous
        self.error = error
        self.replacing = replacing
    }
}

public struct SpeakerPrompt: Hashable, Sendable {
    public var input: String
    public var previous: String
}

/// Adding one of the user's own tags to an article (completing from the library's tags) or
/// removing one.
public struct UserTagPrompt: Hashable, Sendable {
    public var adding: Bool
    public var article: ArticleID
    public var title: String
    /// The article's tags: the page's (never removed) and the user's own.
    public var pageTags: [String]
    public var userTags: [String]
    public var input = ""
    /// The candidate chosen with the arrows; nil means exactly what was typed.
    public var selection: Int?
}
