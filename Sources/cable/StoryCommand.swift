import ArgumentParser
import CableCore
import Foundation

extension ListOrder: ExpressibleByArgument {}

struct Story: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "story",
        abstract: "Show the whole story an article belongs to, by date.",
        discussion: """
            The articles joined to it by related headlines and READ MORE lines that resolve in \
            the library (either way, a few steps out), and its most similar articles, oldest \
            first, each with its outlet and its most telling quote. `S` shows the same in the reader.
            """)

    @OptionGroup var options: LibraryOptions
    @Flag(help: "Print {id, entries: [{id, title, published, source, relation, quote: {text, speaker, role}}]}.")
    var json = false
    @Argument(help: "The article's id or a unique prefix of it.") var id: String

    struct StoryJSON: Encodable {
        var story: CableCore.Story

        struct Entry: Encodable {
            var entry: StoryEntry
            enum Keys: String, CodingKey { case id, title, published, source, relation, quote }
            enum QuoteKeys: String, CodingKey { case text, speaker, role }
            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(entry.id.rawValue, forKey: .id)
                try container.encode(entry.title, forKey: .title)
                try container.encode(entry.published.map(Console.iso8601), forKey: .published)
                try container.encode(entry.source, forKey: .source)
                try container.encode(entry.relation.rawValue, forKey: .relation)
                if let quote = entry.quote {
                    var said = container.nestedContainer(keyedBy: QuoteKeys.self, forKey: .quote)
                    try said.encode(quote.text, forKey: .text)
                    try said.encode(quote.speaker, forKey: .speaker)
                    try said.encode(quote.role, forKey: .role)
                } else {
                    try container.encodeNil(forKey: .quote)
                }
            }
        }

        enum Keys: String, CodingKey { case id, entries }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(story.id.rawValue, forKey: .id)
            try container.encode(story.entries.map(Entry.init), forKey: .entries)
        }
    }

    func run() throws {
        try options.run {
            let library = try options.open()
            let story = try library.story(try library.resolveID(id))
            if json {
                try Console.json(StoryJSON(story: story))
                return
            }
            for entry in story.entries {
                let marker: String
                switch entry.relation {
                case .this: marker = ">"
                case .linked: marker = " "
                case .similar: marker = "~"
                }
                let source = Console.fit(entry.source ?? "(no source)", 20)
                Console.out("\(marker) \(Console.short(entry.id))  \(Console.day(entry.published))  "
                    + "\(Console.pad(source, 20))  \(entry.title)")
                if let quote = entry.quote {
                    let who = [quote.role, quote.speaker ?? Quote.unknownSpeaker].compactMap { $0 }.joined(separator: " ")
                    Console.out("             “\(quote.text)” — \(who)")
                }
            }
            if story.entries.count < 2 {
                Console.note("no other article joins this one (no resolved links either way, none similar enough)")
            }
        }
    }
}
