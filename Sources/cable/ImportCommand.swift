import ArgumentParser
import CableCore
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Copy article files (or folders of them) into the library, then sync.",
        discussion: """
            Files already in the library (same text) are reported and not copied; names are \
            made safe and never overwrite. A folder comes in under its own name with its \
            sub-folders. Symbolic links are never followed (named or found in a folder: they \
            are listed as skipped, with where they point); hidden files and folders inside \
            folders are left out and listed. A copy keeps its source's permission bits (a \
            private file stays private), less the umask. When no library is chosen and only \
            the bundled samples exist, files go to $XDG_DATA_HOME/cable/library (created).
            """)

    @OptionGroup var options: LibraryOptions
    @Argument(help: "Files or folders to import.") var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder to import") }
    }

    func run() throws {
        try options.run(repeatable: false) {
            let library = try options.openForImport()
            let report = try library.importFiles(paths.map { URL(fileURLWithPath: $0) })
            for (source, file) in report.copied { Console.out("imported \(source) -> \(file)") }
            for (source, reason) in report.skipped { Console.note("skipped \(source): \(reason)") }
            for path in report.hidden {
                Console.note("skipped \(path): a hidden file or folder (its name starts with a dot): left out, never looked into")
            }
            Console.note("\(report.copied.count) imported, \(report.skipped.count + report.hidden.count) skipped, "
                + "into \(library.root.path)")
            for path in report.missing { Console.note("error: no such file or folder: \(path)") }
            if !report.missing.isEmpty { throw ExitCode.failure }
        }
    }
}

extension LibraryOptions {
    /// Like `open`, but never the bundled samples: importing must not write into the source
    /// tree, so the user's default library is created instead.
    func openForImport() throws -> Library {
        let folder = importFolder()
        if folder != self.folder() {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let (library, _) = try Library.withRecovery(LibraryLocations.standard(root: folder)) { try $0.sync() }
        for notice in library.notices { Console.note(notice) }
        return library
    }

    /// The library files are added to: the chosen one, or the user's default library in
    /// place of the bundled samples.
    func importFolder() -> URL {
        let chosen = folder()
        guard chosen.standardizedFileURL == LibraryOptions.sampleData.standardizedFileURL else { return chosen }
        return XDG.dataHome(ProcessInfo.processInfo.environment).appendingPathComponent("cable/library", isDirectory: true)
    }
}
