import ArgumentParser
import CableCore
import Foundation

struct Mark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark", abstract: "Mark articles read or unread, starred or not.")

    enum Change: String, ExpressibleByArgument, CaseIterable {
        case read, unread, star, unstar
    }

    @OptionGroup var options: LibraryOptions
    @Argument(help: "read, unread, star or unstar.") var change: Change
    @Argument(help: "Article ids or unique prefixes.") var ids: [String]

    func validate() throws {
        if ids.isEmpty { throw ValidationError("give at least one article id") }
    }

    func run() throws {
        try options.run {
            let library = try options.open()
            let resolved = try ids.map(library.resolveID)
            switch change {
            case .read: try library.setRead(resolved, true)
            case .unread: try library.setRead(resolved, false)
            case .star: try library.setStarred(resolved, true)
            case .unstar: try library.setStarred(resolved, false)
            }
        }
    }
}
