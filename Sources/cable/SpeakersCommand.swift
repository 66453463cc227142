import ArgumentParser
import CableCore
import Foundation

struct Speakers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speakers",
        abstract: "List who is quoted in the articles matching a query (all by default), most quoted first.",
        discussion: """
            A speaker is one entity however the pages spell it: names differing only in case, \
            apostrophes or spacing are one, shown as most often written, and a lone surname \
            ("Strayer", "Mr Strayer") is the full name given in the same article, or else the \
            one full name in the library ending in it, when there is exactly one.
            """)

    @OptionGroup var options: LibraryOptions
    @Flag(help: "Print a JSON array of {name, role, roles, quotes, articles} (role: the most common, or null).")
    var json = false
    @Argument(parsing: .allUnrecognized, help: "A query restricting the articles counted (e.g. tag:NATO).")
    var query: [String] = []

    /// The widest a name column grows before names are cut with `…`.
    static let nameWidth = 32

    func run() throws {
        try options.run {
            let parsed = try Console.query(query)
            let speakers = try options.open().speakers(in: parsed)
            if json {
                try Console.json(speakers)
                return
            }
            // Fields are cleaned before they are measured, so the columns line up as shown.
            let names = speakers.map { Console.fit(Console.clean($0.name), Self.nameWidth) }
            let quoteWidth = max(6, speakers.map { String($0.quotes).count }.max() ?? 0)
            let articleWidth = max(8, speakers.map { String($0.articles).count }.max() ?? 0)
            let nameWidth = max(7, names.map(\.count).max() ?? 0)
            func right(_ text: String, _ width: Int) -> String {
                String(repeating: " ", count: max(0, width - text.count)) + text
            }
            guard !speakers.isEmpty else { return }
            Console.out(right("QUOTES", quoteWidth) + "  " + right("ARTICLES", articleWidth) + "  "
                        + Console.pad("SPEAKER", nameWidth) + "  ROLES")
            for (speaker, name) in zip(speakers, names) {
                let roles = Console.clean(speaker.roles.joined(separator: "; "))
                let line = right(String(speaker.quotes), quoteWidth) + "  " + right(String(speaker.articles), articleWidth)
                    + "  " + Console.pad(name, nameWidth) + "  " + roles
                // No trailing spaces for a speaker without roles.
                Console.out(String(line.reversed().drop { $0 == " " }.reversed()))
            }
        }
    }
}
