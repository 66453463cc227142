import CableCore

/// The quote view: who said what in the filter, optionally narrowed to one speaker.
public struct QuotesState: Hashable, Sendable {
    public var list = Window<QuoteHit>()
    public var speaker = ""
    /// What `list` holds, so the view reloads only when the filter or speaker changed.
    public var loadedFor: QuoteSource?

    public init() {}
}

public struct QuoteSource: Hashable, Sendable {
    public var query: Query
    public var speaker: String
}

public enum QuotesAction: Sendable {
    case quotesLoaded(QuoteSource, offset: Int, rows: [QuoteHit])
    case quotesCounted(QuoteSource, total: Int)
}
