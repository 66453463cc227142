import ArgumentParser
import CableCore
import Foundation

struct Tag: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Add (+name) or remove (-name) your own tags on articles.",
        discussion: """
            Example: cable tag 3fa2 9c01 +"Five Eyes" -todo. A comma separates tags (+a,b adds a \
            and b). Page tags cannot be removed; removing a tag that is not there says so.
            """)

    @OptionGroup var options: LibraryOptions
    @Argument(parsing: .allUnrecognized, help: "Article ids (or prefixes), then +tag / -tag changes.") var words: [String]

    func run() throws {
        try options.run {
            // The sign is the first code point: `+` and a tag starting with a combining mark
            // are one character.
            func sign(_ word: String) -> Unicode.Scalar? { word.unicodeScalars.first }
            let ids = words.filter { sign($0) != "+" && sign($0) != "-" }
            // `+a,b` is two tags, as on a page's tag line (a comma inside one tag would not
            // survive being listed with others).
            func names(_ wanted: Unicode.Scalar) -> [String] {
                words.filter { sign($0) == wanted }
                    .flatMap { String(String.UnicodeScalarView($0.unicodeScalars.dropFirst())).split(separator: ",") }
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            let adding = names("+")
            let removing = names("-")
            guard !ids.isEmpty, !(adding.isEmpty && removing.isEmpty) else {
                throw ValidationError("usage: cable tag ID... +name -name")
            }
            let library = try options.open()
            let unchanged = try library.changeUserTags(try ids.map(library.resolveID), adding: adding, removing: removing)
            for note in unchanged { Console.note(note) }
        }
    }
}
