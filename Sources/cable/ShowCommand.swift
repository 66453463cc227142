import ArgumentParser
import CableCore
import Foundation

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print one article (any unique prefix of its id).")

    @OptionGroup var options: LibraryOptions
    @Flag(help: "Print the parsed article as JSON.") var json = false
    @Argument(help: "The article's id or a unique prefix of it.") var id: String

    /// The article with the user's marks, as `show --json` prints it. Every key is written,
    /// with `null` for what the page lacks (a quote's role, say), like the other `--json` shapes.
    struct Shown: Encodable {
        var article: Article
        var unread: Bool
        var starred: Bool
        var userTags: [String]

        enum Keys: String, CodingKey {
            case id, file, title, titleDerived, published, source, paragraphs, quotes, readMore, related,
                 tags, userTags, warnings, unread, starred
        }

        struct ShownQuote: Encodable {
            var quote: Quote
            enum Keys: String, CodingKey { case text, speaker, role, paragraph }
            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                // As the screen shows it: without the comma that ran into the attribution.
                try container.encode(Quote.standalone(quote.text), forKey: .text)
                try container.encode(quote.speaker, forKey: .speaker)
                try container.encode(quote.role, forKey: .role)
                try container.encode(quote.paragraph, forKey: .paragraph)
            }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(article.id.rawValue, forKey: .id)
            try container.encode(article.file, forKey: .file)
            try container.encode(article.title, forKey: .title)
            try container.encode(article.titleDerived, forKey: .titleDerived)
            try container.encode(article.published.map(Console.iso8601), forKey: .published)
            try container.encode(article.source, forKey: .source)
            try container.encode(article.paragraphs, forKey: .paragraphs)
            try container.encode(article.quotes.map(ShownQuote.init), forKey: .quotes)
            try container.encode(article.readMore, forKey: .readMore)
            try container.encode(article.related, forKey: .related)
            try container.encode(article.tags, forKey: .tags)
            try container.encode(userTags, forKey: .userTags)
            try container.encode(article.warnings, forKey: .warnings)
            try container.encode(unread, forKey: .unread)
            try container.encode(starred, forKey: .starred)
        }
    }

    func run() throws {
        try Console.run {
            let library = try options.open()
            let resolved = try library.resolveID(id)
            guard let article = try library.article(resolved) else { throw LibraryError.unknownID(id) }
            let marks = try library.marks(resolved)
            if json {
                try Console.json(Shown(article: article, unread: !marks.read, starred: marks.starred,
                                       userTags: marks.tags))
                return
            }
            Console.out(article.title)
            var facts = [Console.short(article.id), article.published.map(Console.iso8601) ?? "undated", article.file]
            facts.append(marks.read ? "read" : "unread")
            if marks.starred { facts.append("starred") }
            Console.out(facts.joined(separator: "  ·  "))
            if !article.tags.isEmpty { Console.out("tags: " + article.tags.joined(separator: ", ")) }
            if !marks.tags.isEmpty { Console.out("your tags: " + marks.tags.joined(separator: ", ")) }
            for paragraph in article.paragraphs {
                Console.out("")
                Console.out(paragraph)
            }
            // The same list as `cable related` and the reader: one line per story however
            // the page wrote it (case, dashes), READ MORE lines marked, matches by id.
            let links = try library.related(resolved).explicit
            if !links.isEmpty {
                Console.out("")
                Console.out("Related (run `cable related \(Console.short(article.id))` for similar stories):")
                for link in links {
                    let target = link.match.map { Console.short($0.id) } ?? "--------"
                    let label = link.kind == .readMore ? "READ MORE: " : ""
                    Console.out("  \(target)  \(label)\(link.headline)")
                }
            }
        }
    }
}
