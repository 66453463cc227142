import ArgumentParser
import CableCore
import Foundation

struct Tag: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Add (+name) or remove (-name) your own tags on articles.",
        discussion: "Example: cable tag 3fa2 9c01 +\"Five Eyes\" -todo. Page tags cannot be removed.")

    @OptionGroup var options: LibraryOptions
    @Argument(parsing: .allUnrecognized, help: "Article ids (or prefixes), then +tag / -tag changes.") var words: [String]

    func run() throws {
        try Console.run {
            let ids = words.filter { !$0.hasPrefix("+") && !$0.hasPrefix("-") }
            let adding = words.filter { $0.hasPrefix("+") }.map { String($0.dropFirst()) }.filter { !$0.isEmpty }
            let removing = words.filter { $0.hasPrefix("-") }.map { String($0.dropFirst()) }.filter { !$0.isEmpty }
            guard !ids.isEmpty, !(adding.isEmpty && removing.isEmpty) else {
                throw ValidationError("usage: cable tag ID... +name -name")
            }
            let library = try options.open()
            try library.changeUserTags(try ids.map(library.resolveID), adding: adding, removing: removing)
        }
    }
}
