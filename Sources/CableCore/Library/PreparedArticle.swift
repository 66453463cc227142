import Foundation

/// The headlines a page names, each story once: its READ MORE lines, then its related block,
/// in page order; a headline whose key an earlier one had is left out. The index stores them
/// by key and place (`link`); the related view reads the headlines from the page again.
enum ExplicitLinks {
    struct Entry: Sendable {
        var headline: String
        var key: HeadlineKey
        var kind: ExplicitLink.Kind
    }

    static func of(_ article: Article) -> [Entry] {
        var entries: [Entry] = []
        var seen = Set<String>()
        for (headline, kind) in article.readMore.map({ ($0, ExplicitLink.Kind.readMore) })
            + article.related.map({ ($0, ExplicitLink.Kind.related) }) {
            let key = HeadlineKey(headline)
            if seen.insert(key.key).inserted { entries.append(Entry(headline: headline, key: key, kind: kind)) }
        }
        return entries
    }
}

/// An article with everything the index stores computed off the writer thread (keys, groups,
/// search text), because the writer is the one part of sync that cannot run in parallel.
struct PreparedArticle: Sendable {
    var article: Article
    var titleKey: String
    var matchGroup: Int64
    var prefixGroup: Int64?
    /// The page tags as the article row keeps them (`TagList`).
    var tagList: String
    /// What the full-text index gets as the body.
    var body: String
    /// (tag key, tag as written), each key once.
    var tags: [(key: String, tag: String)]
    /// The explicit links as stored: key, cut short or not, group.
    var links: [(key: String, truncated: Bool, grp: Int64?)]

    init(_ article: Article) {
        self.article = article
        titleKey = HeadlineKey(article.title).key
        matchGroup = HeadlineMatcher.matchGroup(ofKey: titleKey)
        prefixGroup = HeadlineMatcher.prefixGroup(ofKey: titleKey)
        tagList = TagList.encode(article.tags)
        body = Library.searchBody(article)
        var seen = Set<String>()
        tags = article.tags.compactMap { tag in
            let key = Library.tagKey(tag)
            return !key.isEmpty && seen.insert(key).inserted ? (key, tag) : nil
        }
        links = ExplicitLinks.of(article).map { entry in
            (entry.key.key, entry.key.truncated,
             HeadlineMatcher.group(ofKey: entry.key.key, truncated: entry.key.truncated))
        }
    }
}

extension Library {
    /// The text the full-text index holds as an article's body.
    static func searchBody(_ article: Article) -> String {
        article.paragraphs.joined(separator: "\n")
    }
}
