import ArgumentParser
import CableCore
import CableTerminal
import CableUI
import Foundation

/// The default command: the full-screen UI over the library.
struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the library in the full-screen terminal UI (the default command).",
        discussion: "Press ? inside for every key. The index is brought up to date in the "
            + "background while you read; progress shows in the status line."
    )

    @OptionGroup var options: LibraryOptions

    func run() throws {
        try Console.run {
            do {
                // Before touching the library: a pipe or a missing TERM is said plainly.
                try Terminal.checkUsable(environment: ProcessInfo.processInfo.environment)
                // Open without syncing so the screen comes up at once; sync runs beside the UI.
                let library = try options.open(sync: false)
                // Say at once that a sync is on its way, so an empty index does not look
                // like an empty library on the first frame.
                // Notices (a read-only state, say) were printed, but curses takes the screen:
                // the status line says them too.
                try TUILoop.run(library: library, logPath: Self.logPath(),
                                initialActions: library.notices.map(Action.notice)
                                    + [.progress("Looking for new and changed files…")]) { mailbox in
                    BackgroundSync.run(library, into: mailbox)
                }
            } catch let error as TerminalError {
                Console.note(error.description)
                throw ExitCode(2)
            }
        }
    }

    /// Standard error goes here while curses owns the screen:
    /// $XDG_CACHE_HOME/cable/cable.log (created if needed), or nowhere if that fails.
    static func logPath() -> String? {
        let folder = XDG.cacheHome(ProcessInfo.processInfo.environment)
            .appendingPathComponent("cable", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return nil
        }
        return folder.appendingPathComponent("cable.log").path
    }
}

/// Syncs the library on a background thread, telling the UI through the mailbox.
enum BackgroundSync {
    static func run(_ library: Library, into mailbox: Mailbox) {
        var lastPercent = -1
        do {
            let report = try library.sync { progress in
                guard progress.total > 0 else { return }
                // One message per percent is plenty for a status line.
                let percent = progress.done * 100 / progress.total
                guard percent != lastPercent else { return }
                lastPercent = percent
                mailbox.post(.progress("Syncing \(NumberText.grouped(progress.done)) of "
                    + "\(NumberText.grouped(progress.total)) files…"))
            }
            mailbox.post(.progress(nil))
            let changed = report.added + report.updated + report.removed
            if changed > 0 {
                mailbox.post(.libraryChanged)
                mailbox.post(.notice(SyncNotice.changed(added: report.added, updated: report.updated,
                                                        removed: report.removed)))
            }
            if !report.skipped.isEmpty {
                mailbox.post(.notice("\(NumberText.grouped(report.skipped.count)) file(s) skipped; `cable sync` says why"))
            }
        } catch {
            mailbox.post(.progress(nil))
            mailbox.post(.failed("Sync failed: \(ErrorText.describe(error))"))
        }
    }
}
