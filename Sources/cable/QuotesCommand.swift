import ArgumentParser
import CableCore
import Foundation

struct Quotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "List who said what in the articles matching a query, newest article first.")

    @OptionGroup var options: LibraryOptions
    @Flag(help: "Print a JSON array of {text, speaker, role, id, title, published}.") var json = false
    @Option(help: "Only quotes whose speaker's normalised name contains this (case-insensitive; see `cable speakers`).") var speaker: String?
    @Option(help: "Print at most this many quotes.") var limit: Int?
    @Argument(parsing: .allUnrecognized, help: "A query restricting the articles (speaker:NAME restricts articles, not quotes).")
    var query: [String] = []

    func run() throws {
        try options.run {
            let parsed = try Console.query(query)
            let library = try options.open()
            let limit = limit.map { max(0, $0) } ?? Int(Int32.max)
            let output = BufferedOutput()
            if json {
                let stream = JSONOutput.ArrayStream(output)
                try library.forEachQuote(parsed, speaker: speaker, offset: 0, limit: limit) { try stream.append($0) }
                stream.finish()
                return
            }
            try library.forEachQuote(parsed, speaker: speaker, offset: 0, limit: limit) { hit in
                let who = [hit.role, hit.speaker ?? Quote.unknownSpeaker].compactMap { $0 }.joined(separator: " ")
                output.write(Console.clean("\(Console.short(hit.id))  \(Console.day(hit.published))  \(who): “\(hit.text)”") + "\n")
            }
            output.flush()
        }
    }
}
