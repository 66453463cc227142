import ArgumentParser
import CableCore
import Foundation

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print one article (any unique prefix of its id).")

    @OptionGroup var options: LibraryOptions
    @Flag(help: "Print the parsed article as JSON.") var json = false
    @Argument(help: "The article's id or a unique prefix of it.") var id: String

    /// The article's JSON (its `Codable` form) with the user's marks beside its keys.
    struct Shown: Encodable {
        var article: Article
        var unread: Bool
        var starred: Bool
        var userTags: [String]

        private enum Keys: String, CodingKey { case userTags, unread, starred }

        func encode(to encoder: Encoder) throws {
            try article.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(userTags, forKey: .userTags)
            try container.encode(unread, forKey: .unread)
            try container.encode(starred, forKey: .starred)
        }
    }

    func run() throws {
        try options.run {
            let library = try options.open()
            let resolved = try library.resolveID(id)
            guard let article = try library.article(resolved) else { throw LibraryError.unknownID(id) }
            let marks = try library.marks(resolved)
            // Everything is read before anything is printed: a damaged index met half-way
            // is then healed and the command run again (`IndexHealing`).
            let links = try library.related(resolved).explicit
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
            // The outlet and the page's address, when the page gives them.
            let origin = [article.source, article.url].compactMap { $0 }.filter { !$0.isEmpty }
            if !origin.isEmpty { Console.out(origin.joined(separator: "  ·  ")) }
            if !article.tags.isEmpty { Console.out("tags: " + article.tags.joined(separator: ", ")) }
            if !marks.tags.isEmpty { Console.out("your tags: " + marks.tags.joined(separator: ", ")) }
            for paragraph in article.paragraphs {
                Console.out("")
                Console.out(paragraph)
            }
            // The same list as `cable related` and the reader: one line per story however
            // the page wrote it (case, dashes), READ MORE lines marked, matches by id.
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
