import ArgumentParser
import CableCore
import Foundation

struct State: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Export or import your read marks, stars and tags as plain text.",
        subcommands: [Export.self, Import.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the state, one article a line: <id> [read] [starred] [tag:\"name\"]... # title",
            discussion: """
                The first line names the format (2). Tags that are not plain are quoted, with \
                escapes (\\", \\\\, \\n, \\u{2028}) for every character that does not print, so \
                `state import --replace` restores them exactly.
                """)

        @OptionGroup var options: LibraryOptions
        @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?

        func run() throws {
            try Console.run {
                let text = try options.open().exportState()
                if let output {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                } else {
                    FileHandle.standardOutput.write(Data(text.utf8))
                }
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
                let report = try options.open().importState(try StateText.decode(data), replacing: replace,
                                                            skippingBadLines: skipBadLines)
                for problem in report.problems { Console.note(problem) }
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
