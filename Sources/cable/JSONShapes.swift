import CableCore
import Foundation

// The `--json` shapes issue #3 promises to scripts. Optional fields are written as `null`
// rather than left out, so every object has every key.

struct ArticleRowJSON: Encodable {
    var row: ArticleSummary

    enum Keys: String, CodingKey { case id, title, published, source, tags, userTags, file, unread, starred }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(row.id.rawValue, forKey: .id)
        try container.encode(row.title, forKey: .title)
        try container.encode(row.published.map(Console.iso8601), forKey: .published)
        try container.encode(row.source, forKey: .source)
        try container.encode(row.tags, forKey: .tags)
        try container.encode(row.userTags, forKey: .userTags)
        try container.encode(row.file, forKey: .file)
        try container.encode(row.unread, forKey: .unread)
        try container.encode(row.starred, forKey: .starred)
    }
}

struct QuoteJSON: Encodable {
    var hit: QuoteHit

    enum Keys: String, CodingKey { case text, speaker, role, id, title, published, paragraph }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        // As the screen shows it: without the comma that ran into the attribution.
        try container.encode(Quote.standalone(hit.text), forKey: .text)
        try container.encode(hit.speaker, forKey: .speaker)
        try container.encode(hit.role, forKey: .role)
        try container.encode(hit.id.rawValue, forKey: .id)
        try container.encode(hit.title, forKey: .title)
        try container.encode(hit.published.map(Console.iso8601), forKey: .published)
        try container.encode(hit.paragraph, forKey: .paragraph)
    }
}

struct RelatedJSON: Encodable {
    var stories: RelatedStories

    struct Explicit: Encodable {
        var link: ExplicitLink
        enum Keys: String, CodingKey { case headline, kind, id, title }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(link.headline, forKey: .headline)
            try container.encode(link.kind.rawValue, forKey: .kind)
            try container.encode(link.match?.id.rawValue, forKey: .id)
            try container.encode(link.match?.title, forKey: .title)
        }
    }

    struct Similar: Encodable {
        var id: String
        var title: String
        var score: Double
    }

    struct Ref: Encodable {
        var id: String
        var title: String
    }

    enum Keys: String, CodingKey { case id, explicit, similar, linkedFrom }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(stories.id.rawValue, forKey: .id)
        try container.encode(stories.explicit.map(Explicit.init), forKey: .explicit)
        try container.encode(stories.similar.map { Similar(id: $0.id.rawValue, title: $0.title, score: $0.score) },
                             forKey: .similar)
        try container.encode(stories.linkedFrom.map { Ref(id: $0.id.rawValue, title: $0.title) },
                             forKey: .linkedFrom)
    }
}
