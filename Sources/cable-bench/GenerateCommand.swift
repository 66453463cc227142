import ArgumentParser
import CableCore
import Foundation

/// `cable-bench generate`: writes a synthetic library where scripts want it (the notmuch and
/// newsboat comparisons convert it), and prints how long that took.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic library (the same files `library` and `ui` generate) into a folder.")

    @Option(help: "Articles to write.") var count = 100_000
    @Option(help: "Generator seed.") var seed: UInt64 = 1
    @Argument(help: "The folder to write into (created if needed).") var folder: String

    func run() throws {
        let root = URL(fileURLWithPath: folder, isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let started = Date()
        let bytes = try SyntheticLibrary(count: count, seed: seed).write(into: root)
        print(String(format: "generated %d articles (%.0f MB) in %.1f s", count, Double(bytes) / 1_048_576,
                     Date().timeIntervalSince(started)))
    }
}
