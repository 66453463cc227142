import ArgumentParser
import CableCore
import Foundation

struct Related: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "related",
        abstract: "Show the stories an article links to, similar articles, and articles linking to it.")

    @OptionGroup var options: LibraryOptions
    @Flag(help: "Print {id, explicit: [{headline, id, title}], similar: [{id, title, score}], linkedFrom: [{id, title}]}.")
    var json = false
    @Argument(help: "The article's id or a unique prefix of it.") var id: String

    func run() throws {
        try options.run {
            let library = try options.open()
            let stories = try library.related(try library.resolveID(id))
            if json {
                try Console.json(stories)
                return
            }
            Console.out("Links on this page:")
            if stories.explicit.isEmpty { Console.out("  (none)") }
            for link in stories.explicit {
                let target = link.match.map { Console.short($0.id) } ?? "--------"
                Console.out("  \(target)  \(link.headline)")
            }
            Console.out("Similar:")
            if stories.similar.isEmpty { Console.out("  (none)") }
            for similar in stories.similar {
                Console.out("  \(Console.short(similar.id))  \(String(format: "%5.2f", similar.score))  \(similar.title)")
            }
            Console.out("Linking here:")
            if stories.linkedFrom.isEmpty { Console.out("  (none)") }
            for ref in stories.linkedFrom {
                Console.out("  \(Console.short(ref.id))  \(ref.title)")
            }
        }
    }
}
