import ArgumentParser
import CableConfig
import CableCore
import Foundation

/// `--library DIR` and the rules that pick a library when it is not given.
struct LibraryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The library folder (default: $CABLE_LIBRARY, else the config file's library, else "
            + "$XDG_DATA_HOME/cable/library, else the bundled samples).", valueName: "DIR"))
    var library: String?

    /// `--library`, else `$CABLE_LIBRARY`, else the config file's `library`, else the user's
    /// default library when it holds at least one file, else the sample library bundled
    /// with the source tree.
    func folder(environment: [String: String] = ProcessInfo.processInfo.environment,
                config: Config? = nil) -> URL {
        if let library, !library.isEmpty { return URL(fileURLWithPath: library, isDirectory: true) }
        if let env = environment["CABLE_LIBRARY"], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        if let configured = (config ?? ConfigFile.load(environment: environment).config).library {
            return URL(fileURLWithPath: configured, isDirectory: true)
        }
        let user = XDG.dataHome(environment).appendingPathComponent("cable/library", isDirectory: true)
        if LibraryOptions.holdsFiles(user) { return user }
        return LibraryOptions.sampleData
    }

    /// Found from this file's place in the source tree at compile time, so `swift run cable`
    /// on a fresh clone shows the samples.
    static let sampleData: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Sources/cable
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()  // the package
        .appendingPathComponent("SampleData", isDirectory: true)

    static func holdsFiles(_ folder: URL) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return false }
        return names.contains { !$0.hasPrefix(".") }
    }

    /// Opens the library and brings its index up to date with a folder check (`SyncCheck.folders`:
    /// files added, removed or renamed are seen; see the README's freshness rules), reporting on
    /// stderr: notices about the index, progress (on a terminal only) and skipped files.
    func open(sync: Bool = true, quiet: Bool = false, config: Config? = nil) throws -> Library {
        let (library, report) = try Library.withRecovery(locations(config: config)) { library -> SyncReport? in
            // A read-only index is read as it is (its notice says so).
            guard sync, library.indexProblem == nil else { return nil }
            let progress = ProgressLine(enabled: !quiet)
            defer { progress.finish() }
            do {
                return try library.sync(.folders, progress: progress.update)
            } catch LibraryError.indexNotWritable(let path, let problem, _) {
                // The disk filled (or turned read-only) during the sync: answer from what
                // the index holds, and say so.
                Console.note(LibraryError.indexReadOnly(path: path, problem: problem).description)
                return nil
            }
        }
        for notice in library.notices { Console.note(notice) }
        if let report, !quiet, report.added + report.updated > 0 || report.removed > 0 {
            // Skipped files are listed by `cable sync`; other commands only mention them.
            if !report.skipped.isEmpty {
                Console.note("\(report.skipped.count) file(s) skipped; run `cable sync` to see why")
            }
        }
        return library
    }
}
