import ArgumentParser
import CableCore
import Foundation

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the articles matching a query, newest first.",
        discussion: """
            QUERY: bare words search the text, "quoted words" a phrase; tag:NAME, -tag:NAME, \
            speaker:NAME, after:YYYY[-MM[-DD]], before:..., is:unread|read|starred|unstarred. \
            Every clause must hold.
            """)

    @OptionGroup var options: LibraryOptions
    @Flag(help: "Print a JSON array of {id, title, published, tags, file, unread, starred}.")
    var json = false
    @Option(help: "Print at most this many articles.") var limit: Int?
    @Option(help: "Skip this many articles first.") var offset = 0
    @Flag(help: "Print only how many articles match.") var count = false
    @Argument(parsing: .allUnrecognized, help: "The query (several words are joined by spaces).") var query: [String] = []

    func run() throws {
        try Console.run {
            let parsed = try Console.query(query)
            let library = try options.open()
            if count {
                Console.out("\(try library.count(parsed))")
                return
            }
            let rows = try library.list(parsed, offset: max(0, offset), limit: limit.map { max(0, $0) } ?? Int(Int32.max))
            if json {
                try Console.json(rows.map(ArticleRowJSON.init))
                return
            }
            for row in rows {
                let marks = (row.unread ? "•" : " ") + (row.starred ? "★" : " ")
                let tags = row.tags.isEmpty ? "" : "  [" + row.tags.joined(separator: ", ") + "]"
                Console.out("\(Console.short(row.id))  \(Console.day(row.published))  \(marks)  \(Console.fit(row.title, 90))\(tags)")
            }
        }
    }
}
