import ArgumentParser

@main
struct Cable: ParsableCommand {
    /// `cable --library DIR list` as well as `cable list --library DIR`: options given before
    /// the command are handed to it (see `LibraryOptions`).
    @OptionGroup var options: LibraryOptions

    static let version = "0.15.0"

    static let configuration = CommandConfiguration(
        commandName: "cable",
        abstract: "A terminal reader for geopolitical news.",
        discussion: """
            Run without a command to open the library in the terminal UI. \
            The library is --library DIR, else $CABLE_LIBRARY, else the config file's library, else the default library \
            under $XDG_DATA_HOME/cable/library, else the bundled sample library. Options such \
            as --library go before or after the command. `cable man` prints the manual page; \
            `cable --generate-completion-script bash|zsh|fish` prints shell completions.
            """,
        version: Cable.version,
        subcommands: [
            Browse.self, Parse.self,
            Import.self, Add.self, Sync.self, List.self, Show.self, Tags.self, Quotes.self,
            Related.self, Story.self, Mark.self, Tag.self, State.self, Feeds.self, Fetch.self, ConfigCheck.self,
            Manual.self,
        ],
        defaultSubcommand: Browse.self
    )
}
