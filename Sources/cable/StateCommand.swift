import ArgumentParser
import CableCore
import Foundation

struct State: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Export or import your read marks, stars and tags as plain text.",
        subcommands: [Export.self, Import.self, Recover.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the state, one article a line: <id> [read] [starred] [tag:\"name\"]... # title",
            discussion: """
                The first line names the format (3). Tags that are not plain are quoted, with \
                escapes (\\", \\\\, \\n, \\u{2028}) for every character that does not print, so \
                `state import --replace` restores them exactly.
                """)

        @OptionGroup var options: LibraryOptions
        @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?

        func run() throws {
            try options.run {
                do {
                    try write(try options.open().exportState())
                } catch LibraryError.stateDamaged(let path, let detail) {
                    // The backup is wanted most now: write what can be read, and say what not.
                    let salvage = StateSalvage.read(URL(fileURLWithPath: path))
                    try write(salvage.text)
                    Console.note("the state database '\(path)' is damaged (\(detail)); exported what could be "
                        + "read: \(salvage.articles) article(s)")
                    for stretch in salvage.lost { Console.note("could not read \(stretch)") }
                    Console.note("`cable state recover` sets the damaged file aside and starts again from what was read")
                    throw ExitCode.failure
                }
            }
        }

        private func write(_ text: String) throws {
            if let output {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } else {
                Console.stdout(Data(text.utf8))
            }
        }
    }

    struct Recover: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "recover",
            abstract: "Start a damaged state again from what can still be read of it.",
            discussion: """
                Saves what can be read of a damaged state database as a state export (next to it, \
                or to -o FILE), moves the damaged file aside (as state.sqlite.damaged-<time>), \
                starts a new state and imports the export into it. Does nothing to a state that \
                is not damaged.
                """)

        @OptionGroup var options: LibraryOptions
        @Option(name: .shortAndLong, help: "Save what was read to this file.") var output: String?

        func run() throws {
            try Console.run {
                let locations = LibraryLocations.standard(root: options.folder())
                guard let recovery = try Library.recoverState(locations, savingTo: output.map(URL.init(fileURLWithPath:))) else {
                    Console.note("the state database '\(locations.state.path)' is not damaged; nothing to recover")
                    return
                }
                for stretch in recovery.salvage.lost { Console.note("could not read \(stretch)") }
                for problem in recovery.imported.problems { Console.note("not restored: \(problem)") }
                Console.note("saved what could be read (\(recovery.salvage.articles) article(s)) to "
                    + "\(recovery.savedTo.path); the damaged file is now \(recovery.setAside.path); "
                    + "restored \(recovery.imported.applied) article(s) into a new state")
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Merge an export back (from a file, or stdin with -).",
            discussion: """
                All or nothing: if any line is bad (not an id, an unknown word, a tag with a \
                control character or longer than \(UserTag.maximumLength) characters), the bad \
                lines are listed and nothing is imported, unless --skip-bad-lines. The good lines \
                are applied in one transaction: an interrupted import changes nothing.
                """)

        @OptionGroup var options: LibraryOptions
        @Flag(help: "Give each article a line names exactly that line's marks and tags (restore a backup), instead of adding to what it has.")
        var replace = false
        @Flag(help: "Import the good lines even when some are bad (the bad ones are listed).")
        var skipBadLines = false
        @Argument(help: "The export file, or - for stdin.") var file: String

        func run() throws {
            try Console.run {
                let data: Data
                if file == "-" {
                    data = FileHandle.standardInput.readDataToEndOfFile()
                } else {
                    do {
                        data = try Data(contentsOf: URL(fileURLWithPath: file))
                    } catch {
                        throw ValidationError("cannot read '\(file)': \(error.localizedDescription)")
                    }
                }
                let text = try StateText.decode(data)
                let report = try IndexHealing.run(options.locations()) {
                    try options.open().importState(text, replacing: replace, skippingBadLines: skipBadLines)
                }
                for problem in report.problems { Console.note(problem) }
                if report.keptUnderOldIDs > 0, report.problems.isEmpty || skipBadLines {
                    Console.note("\(report.keptUnderOldIDs) line(s) of this older backup name articles that are not "
                        + "in this library; they are kept under the ids older Cable gave them, and go to the "
                        + "articles when a library indexes them: to apply them now, import the file into the "
                        + "library that holds them too (cable --library DIR state import FILE)")
                }
                if report.problems.isEmpty {
                    Console.note("applied \(report.applied) line(s)")
                } else if skipBadLines {
                    Console.note("applied \(report.applied) line(s); skipped \(report.problems.count) bad line(s)")
                } else {
                    Console.note("nothing imported: \(report.problems.count) bad line(s); "
                        + "correct them, or pass --skip-bad-lines to import the good ones")
                }
                if !report.problems.isEmpty { throw ExitCode.failure }
            }
        }
    }
}
