import ArgumentParser
import CableCore
import Foundation

struct Quotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "List who said what in the articles matching a query, newest article first.")

    @OptionGroup var options: LibraryOptions
    @Flag(help: "Print a JSON array of {text, speaker, role, id, title, published}.") var json = false
    @Option(help: "Only quotes whose speaker's name contains this (case-insensitive).") var speaker: String?
    @Option(help: "Print at most this many quotes.") var limit: Int?
    @Argument(parsing: .allUnrecognized, help: "A query restricting the articles (speaker:NAME restricts articles, not quotes).")
    var query: [String] = []

    func run() throws {
        try Console.run {
            let parsed = try Console.query(query)
            let hits = try options.open().quotes(parsed, speaker: speaker, offset: 0,
                                                 limit: limit.map { max(0, $0) } ?? Int(Int32.max))
            if json {
                try Console.json(hits)
                return
            }
            for hit in hits {
                let who = [hit.role, hit.speaker ?? "(no speaker)"].compactMap { $0 }.joined(separator: " ")
                Console.out("\(Console.short(hit.id))  \(Console.day(hit.published))  \(who): “\(Quote.standalone(hit.text))”")
            }
        }
    }
}
