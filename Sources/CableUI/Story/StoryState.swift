import CableCore

/// The story timeline view: every article of the story the seed belongs to, by date.
public struct StoryState: Hashable, Sendable {
    /// The article the story was asked for.
    public var seed: ArticleID?
    /// The story, once it arrived (for `seed`).
    public var story: Story?
    public var cursor = 0
    public var top = 0

    public init() {}
}

public enum StoryAction: Sendable {
    case storyLoaded(Story)
}
