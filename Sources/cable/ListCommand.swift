import ArgumentParser
import CableCore
import Foundation

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the articles matching a query, newest first (or --sort).",
        discussion: """
            QUERY: bare words search the text, "quoted words" a phrase; tag:NAME, -tag:NAME, \
            speaker:NAME, source:OUTLET (part of its name; quote names with spaces), after:YYYY[-MM[-DD]], \
            before:..., is:unread|read|starred|unstarred. OR between clauses makes them alternatives. \
            Every clause must hold.
            """)

    @OptionGroup var options: LibraryOptions
    @Flag(help: "Print a JSON array of {id, title, published, tags, userTags, file, unread, starred, source, url}.")
    var json = false
    // `.unconditional`: `--limit -1` is a value to refuse clearly, not an unknown option.
    @Option(parsing: .unconditional, help: "Print at most this many articles.") var limit: Int?
    @Option(parsing: .unconditional, help: "Skip this many articles first.") var offset = 0
    @Option(help: "The order: \(ListOrder.allCases.map(\.rawValue).joined(separator: ", ")).")
    var sort: ListOrder = .newest
    @Flag(help: "Print only how many articles match.") var count = false
    @Argument(parsing: .allUnrecognized, help: "The query (several words are joined by spaces).") var query: [String] = []

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more (it was \(limit))") }
        if offset < 0 { throw ValidationError("--offset must be 0 or more (it was \(offset))") }
    }

    func run() throws {
        try options.run {
            let parsed = try Console.query(query)
            let library = try options.open()
            if count {
                Console.out("\(try library.count(parsed))")
                return
            }
            let output = BufferedOutput()
            let limit = limit.map { max(0, $0) } ?? Int(Int32.max)
            if json {
                let stream = JSONOutput.ArrayStream(output)
                try library.forEachRow(parsed, order: sort, offset: max(0, offset), limit: limit) { try stream.append($0) }
                stream.finish()
                return
            }
            try library.forEachRow(parsed, order: sort, offset: max(0, offset), limit: limit) { row in
                let marks = (row.unread ? "•" : " ") + (row.starred ? "★" : " ")
                // The page's tags in brackets, the user's own in braces.
                var tags = row.tags.isEmpty ? "" : "  [" + row.tags.joined(separator: ", ") + "]"
                if !row.userTags.isEmpty { tags += "  {" + row.userTags.joined(separator: ", ") + "}" }
                output.write(Console.clean("\(Console.short(row.id))  \(Console.day(row.published))  \(marks)  "
                    + "\(Console.fit(row.title, 90))\(tags)") + "\n")
            }
            output.flush()
        }
    }
}
