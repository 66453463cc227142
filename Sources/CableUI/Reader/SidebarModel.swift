import CableCore

/// The sidebar's content for the article on screen: related headlines (numbered like the
/// keys 1-9), similar articles, articles linking here, the article's tags, the saved
/// searches and the filter's tags. Shared by `reduce` (what Enter activates) and `render`
/// (what is drawn).
public struct SidebarModel {
    public enum Item: Hashable, Sendable {
        case link(number: Int, ExplicitLink)
        case article(ArticleRef)
        case tag(String)
        case search(SavedSearch)
    }

    public enum Row: Hashable, Sendable {
        case heading(String)
        case note(String)
        /// An item and its index among the selectable items.
        case item(Item, index: Int)
        case tagCount(TagCount, index: Int)
    }

    public var rows: [Row] = []
    public var selectable: [Item] = []

    public init(_ state: AppState) {
        if let open = state.reader.open {
            let related = open.related
            rows.append(.heading("Related"))
            if !open.relatedLoaded {
                rows.append(.note("loading…"))
            } else if related.explicit.isEmpty {
                rows.append(.note("none named on the page"))
            }
            for (index, link) in related.explicit.enumerated() {
                add(.link(number: index + 1, link))
            }
            if !related.similar.isEmpty {
                rows.append(.heading("Similar"))
                for similar in related.similar {
                    add(.article(ArticleRef(id: similar.id, title: similar.title)))
                }
            }
            if !related.linkedFrom.isEmpty {
                rows.append(.heading("Linked from"))
                for ref in related.linkedFrom { add(.article(ref)) }
            }
            rows.append(.heading("Tags"))
            if open.article.tags.isEmpty && open.userTags.isEmpty { rows.append(.note("no tags")) }
            for tag in open.article.tags { add(.tag(tag)) }
            for tag in open.userTags where !open.article.tags.contains(tag) { add(.tag(tag)) }
        }
        if !state.settings.savedSearches.isEmpty {
            rows.append(.heading("Saved searches"))
            for saved in state.settings.savedSearches { add(.search(saved)) }
        }
        let browse = state.browse
        if !browse.filterTags.isEmpty {
            rows.append(.heading(browse.tags.isEmpty && browse.search.isEmpty ? "All tags" : "Tags in filter"))
            for count in browse.filterTags.prefix(200) {
                rows.append(.tagCount(count, index: selectable.count))
                selectable.append(.tag(count.tag))
            }
        }
    }

    private mutating func add(_ item: Item) {
        rows.append(.item(item, index: selectable.count))
        selectable.append(item)
    }

    /// The row that holds selectable item `index`.
    public func rowIndex(ofItem index: Int) -> Int? {
        rows.firstIndex { row in
            switch row {
            case .item(_, let i), .tagCount(_, let i): return i == index
            default: return false
            }
        }
    }
}
