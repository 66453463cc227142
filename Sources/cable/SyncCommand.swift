import ArgumentParser
import CableCore
import Foundation

struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Bring the index up to date with the library's files and list skipped files.")

    @OptionGroup var options: LibraryOptions
    @Flag(help: "Also print where the time went: each step's wall-clock and CPU seconds, and the work inside indexing files (seconds summed over threads).")
    var timings = false
    @Flag(help: "First read every page of your state (SQLite's integrity_check; a damaged state is refused) and of the index (quick_check and FTS5's integrity-check, about 2 s per 100,000 articles), and rebuild the index from the files if any of its pages is damaged.")
    var check = false

    func run() throws {
        try options.run {
            if check { try Library.checkState(options.locations()) }
            let (library, report) = try Library.withRecovery(options.locations()) { library in
                if check { try library.checkIndex() }
                let progress = ProgressLine(enabled: true)
                defer { progress.finish() }
                return try library.sync(progress: progress.update)
            }
            for notice in library.notices { Console.note(notice) }
            Console.out("\(library.root.path): \(report.articles) articles; "
                + "\(report.added) added, \(report.updated) updated, \(report.removed) removed, "
                + "\(report.unchanged) unchanged, \(report.skipped.count) skipped "
                + String(format: "(%.2fs)", report.seconds))
            if timings {
                Console.out("steps: " + report.phases.map {
                    String(format: "%@ %.2f s (%.1f CPU s)", $0.name, $0.seconds, $0.cpuSeconds)
                }.joined(separator: "; "))
                let work = report.work
                Console.out(String(format: "work: read %.2f s, parse %.2f s, prepare %.2f s, write %.2f s, "
                    + "full text %.2f s (summed over threads)", work.read, work.parse, work.prepare, work.write,
                    work.fullText))
            }
            let width = report.skipped.map(\.file.count).max() ?? 0
            for skipped in report.skipped {
                Console.out("  skipped \(Console.pad(skipped.file, width))  \(skipped.reason)")
            }
        }
    }
}
