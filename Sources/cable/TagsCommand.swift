import ArgumentParser
import CableCore
import Foundation

struct Tags: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags",
        abstract: "List the tags of the articles matching a query (all by default), by count.")

    @OptionGroup var options: LibraryOptions
    @Flag(help: "Print a JSON array of {tag, count}.") var json = false
    @Argument(parsing: .allUnrecognized, help: "A query restricting the articles counted.") var query: [String] = []

    func run() throws {
        try options.run {
            let parsed = try Console.query(query)
            let tags = try options.open().tags(in: parsed)
            if json {
                try Console.json(tags)
                return
            }
            let width = tags.map { String($0.count).count }.max() ?? 1
            for tag in tags {
                let count = String(tag.count)
                Console.out(String(repeating: " ", count: width - count.count) + count + "  " + tag.tag)
            }
        }
    }
}
