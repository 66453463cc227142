import ArgumentParser

@main
struct Cable: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cable",
        abstract: "A terminal reader for geopolitical news.",
        discussion: """
            Run without a command to open the library in the terminal UI. \
            The library is --library DIR, else $CABLE_LIBRARY, else the default library \
            under $XDG_DATA_HOME/cable/library, else the bundled sample library.
            """,
        subcommands: [
            Browse.self, Parse.self,
            Import.self, Add.self, Sync.self, List.self, Show.self, Tags.self, Quotes.self,
            Related.self, Mark.self, Tag.self, State.self,
        ],
        defaultSubcommand: Browse.self
    )
}
