/// The orders the article list can be read in. The query decides which articles; the order
/// decides how they are listed (ties are broken newest first, so the order is total).
public enum ListOrder: String, CaseIterable, Hashable, Codable, Sendable {
    case newest, oldest, title, source, unread

    /// As the list's title bar and the help say it.
    public var label: String {
        switch self {
        case .newest: return "newest first"
        case .oldest: return "oldest first"
        case .title: return "by title"
        case .source: return "by source"
        case .unread: return "unread first"
        }
    }

    /// The order after this one, for the key that cycles through them.
    public var next: ListOrder {
        let all = Self.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[(index + 1) % all.count]
    }
}
