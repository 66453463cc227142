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
            abstract: "Write the state, one article a line: <id> [read] [starred] [tag:\"name\"]... # title")

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
            abstract: "Merge an export back (from a file, or stdin with -); bad lines are reported and skipped.")

        @OptionGroup var options: LibraryOptions
        @Flag(help: "Give each article a line names exactly that line's marks and tags (restore a backup), instead of adding to what it has.")
        var replace = false
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
                let report = try options.open().importState(String(decoding: data, as: UTF8.self), replacing: replace)
                for problem in report.problems { Console.note(problem) }
                Console.note("applied \(report.applied) line(s), \(report.problems.count) bad")
                if !report.problems.isEmpty { throw ExitCode.failure }
            }
        }
    }
}
