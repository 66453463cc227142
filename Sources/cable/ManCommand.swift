import ArgumentParser
import CableCore
import CableUI
import Foundation

/// `cable man`: the manual page, made from the same definitions as the commands' `--help`
/// and the reader's keys, so it cannot drift from them.
struct Manual: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "man",
        abstract: "Print the manual page (roff): `cable man | man -l -`, or save it as cable.1.",
        discussion: "Install it with: mkdir -p ~/.local/share/man/man1 && cable man > ~/.local/share/man/man1/cable.1")

    func run() throws {
        Console.stdout(Data(ManPage.text().utf8))
    }
}

enum ManPage {
    static func text() -> String {
        var page = [
            ".TH CABLE 1 \"\" \"cable \(Cable.version)\" \"User Commands\"",
            ".SH NAME", "cable \\- a terminal reader for geopolitical news",
            ".SH SYNOPSIS", ".B cable", "[\\fB\\-\\-library\\fR \\fIDIR\\fR] [\\fIcommand\\fR] [\\fIoptions\\fR]",
            ".SH DESCRIPTION",
            escaped(Cable.configuration.discussion),
            ".PP",
            escaped("Cable turns a folder of saved news pages into a library: an article list, a reading pane "
                + "that follows the selection, related headlines and tags, a quote view of who said what, and "
                + "story timelines. Everything the screen shows also comes out of the commands below, with "
                + "--json for scripts."),
            ".SH COMMANDS",
        ]
        for command in Cable.configuration.subcommands {
            let configuration = command.configuration
            page += [".TP", "\\fB\(configuration.commandName ?? "")\\fR", escaped(configuration.abstract)]
            let help = command.helpMessage(columns: 78)
                .split(separator: "\n", omittingEmptySubsequences: false)
                .drop { !$0.hasPrefix("USAGE") }
            page += [".RS", ".nf"] + help.map { escaped(String($0)) } + [".fi", ".RE"]
        }
        page += [".SH KEYS", escaped("In the reader (the default command); the config file can bind others.")]
        let keymap = Keymap.defaults
        for context in KeyContext.allCases {
            let name: String
            switch context {
            case .browse: name = "List, reading pane and sidebar"
            case .quotes: name = "Quote view"
            case .story: name = "Story timeline"
            }
            page += [".SS \(name)"]
            if context == .browse { page += [".TP", "\\fB1\\-9\\fR", "open related headline N"] }
            for command in context.commands {
                page += [".TP", "\\fB" + escaped(keymap.label(for: command)) + "\\fR",
                         escaped(command.help + " (" + command.rawValue + ")")]
            }
        }
        page += [
            ".SH QUERY LANGUAGE",
            escaped("tag:Huawei \\-tag:US speaker:Strayer after:2021\\-01\\-01 before:2021\\-12\\-31 is:unread "
                + "\"five eyes\" cable. Bare words search the text, \"quoted words\" a phrase, every clause must hold; "
                + "a leading \\- excludes; OR between clauses makes them alternatives. is: takes unread, read, "
                + "starred, unstarred. source:\"ledger post\" is a case-insensitive substring of the outlet's name."),
            ".SH FILES",
            ".TP", "\\fI$XDG_CONFIG_HOME/cable/config.toml\\fR",
            escaped("settings: library, list\\-width, mark\\-read\\-delay, sort, theme, [colours], [keys], [searches]; "
                + "`cable config` checks it."),
            ".TP", "\\fI$XDG_CONFIG_HOME/cable/feeds.opml\\fR",
            escaped("the feeds you follow (OPML 2.0, yours to edit); `cable feeds` manages it"),
            ".TP", "\\fI$XDG_STATE_HOME/cable/feeds.sqlite\\fR",
            escaped("what `cable fetch` remembers: validators, times, errors, the items seen (fetch.lock beside it)"),
            ".TP", "\\fI$XDG_CACHE_HOME/cable/index\\-*.sqlite\\fR", "the index (derived; safe to delete)",
            ".TP", "\\fI$XDG_DATA_HOME/cable/state.sqlite\\fR", "read marks, stars and your own tags",
            ".TP", "\\fI$XDG_STATE_HOME/cable/sessions.json\\fR",
            "the last filter, order and article per library (\\fB\\-\\-clean\\fR starts without)",
            ".TP", "\\fI$XDG_CACHE_HOME/cable/cable.log\\fR", "standard error while the reader runs",
            ".SH ENVIRONMENT",
            ".TP", "\\fBCABLE_LIBRARY\\fR", "the library when \\fB\\-\\-library\\fR is not given",
            ".TP", "\\fBNO_COLOR\\fR", "no colours in the reader",
            ".TP", "\\fBBROWSER\\fR",
            escaped("the browser `o` opens an article's address with (else xdg-open): commands separated by :, "
                + "%s in one replaced by the address, which is passed as one argument, never through a shell"),
            ".SH SEE ALSO",
            escaped("Shell completions: cable \\-\\-generate\\-completion\\-script bash|zsh|fish."),
        ]
        return page.joined(separator: "\n") + "\n"
    }

    /// Text safe for roff: backslashes written as such, no line taken for a request.
    static func escaped(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\\", with: "\\e").split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { line in
            line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : String(line)
        }.joined(separator: "\n")
    }
}
