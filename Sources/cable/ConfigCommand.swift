import ArgumentParser
import CableConfig
import CableUI
import Foundation

/// `cable config`: where the config file is, and what is wrong with it.
struct ConfigCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the config file ($XDG_CONFIG_HOME/cable/config.toml) and say what is wrong.",
        discussion: """
            Settings: library = "DIR", list-width = N, mark-read-delay = SECONDS (0 at once, -1 \
            never), sort = newest|oldest|title|source|unread, theme = "default"|"no-colour"; \
            [colours] ROLE = "COLOUR" (roles: \(Style.Role.allCases.filter { $0 != .plain }.map(\.rawValue).joined(separator: ", ")); \
            colours: \(Theme.Colour.allCases.map(\.rawValue).joined(separator: ", "))); \
            [keys] ACTION = "KEY" or ["KEY", ...] (actions: \(Command.allCases.map(\.rawValue).joined(separator: ", "))); \
            [searches] "NAME" = "QUERY". A wrong setting is reported and its default used.
            """)

    func run() throws {
        try Console.run {
            let file = ConfigFile.url()
            guard FileManager.default.fileExists(atPath: file.path) else {
                Console.out("\(file.path): no config file (the defaults are in force)")
                return
            }
            let (_, problems) = ConfigFile.load()
            if problems.isEmpty {
                Console.out("\(file.path): fine")
                return
            }
            for problem in problems { Console.out("\(file.path): \(problem)") }
            throw ExitCode.failure
        }
    }
}
