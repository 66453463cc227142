import ArgumentParser
import CableCore
import Foundation

struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Bring the index up to date with the library's files and list skipped files.")

    @OptionGroup var options: LibraryOptions

    func run() throws {
        try Console.run {
            let locations = LibraryLocations.standard(root: options.folder())
            let (library, report) = try Library.withRecovery(locations) { library in
                let progress = ProgressLine(enabled: true)
                defer { progress.finish() }
                return try library.sync(progress: progress.update)
            }
            for notice in library.notices { Console.note(notice) }
            Console.out("\(library.root.path): \(report.articles) articles; "
                + "\(report.added) added, \(report.updated) updated, \(report.removed) removed, "
                + "\(report.unchanged) unchanged, \(report.skipped.count) skipped "
                + String(format: "(%.2fs)", report.seconds))
            let width = report.skipped.map(\.file.count).max() ?? 0
            for skipped in report.skipped {
                Console.out("  skipped \(Console.pad(skipped.file, width))  \(skipped.reason)")
            }
        }
    }
}
