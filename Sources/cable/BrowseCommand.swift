import ArgumentParser
import CableConfig
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
            + "background while you read, and kept so while Cable runs (files added, changed or "
            + "removed, marks made elsewhere); progress shows in the status line. The last filter, "
            + "order and open article come back on the next start."
    )

    @OptionGroup var options: LibraryOptions
    @Flag(help: "Start clean: not with the filter, order and article of the last session.")
    var clean = false

    func run() throws {
        try Console.run {
            do {
                // Before touching the library: a pipe or a missing TERM is said plainly.
                try Terminal.checkUsable(environment: ProcessInfo.processInfo.environment)
                let (config, problems) = ConfigFile.load()
                // Open without syncing so the screen comes up at once; sync runs beside the UI.
                let library = try options.open(sync: false, config: config)
                // The size is a placeholder: the loop starts at the terminal's own.
                var state = AppState(size: Size(width: 80, height: 24), settings: config.settings)
                if !clean, let last = LastSession.load(for: library.root) { state = last.applied(to: state) }
                // Say at once that a sync is on its way, so an empty index does not look
                // like an empty library on the first frame.
                var initial: [Action] = [.library(.progress("Looking for new and changed files…"))]
                // Notices (a read-only state, say) were printed, but curses takes the screen:
                // the status line says them too.
                initial += library.notices.map { .library(.notice($0)) }
                if let first = problems.first {
                    let more = problems.count > 1 ? " (\(problems.count - 1) more: cable config)" : ""
                    initial.append(.library(.failed("config.toml \(first)\(more)")))
                }
                let final = try TUILoop.run(library: library, state: state, theme: config.theme,
                                            logPath: Self.logPath(), initialActions: initial,
                                            background: { mailbox in LiveUpdates(library: library, mailbox: mailbox).run() },
                                            fetchFeeds: { mailbox in BackgroundFetch(library: library).run(mailbox) })
                LastSession(final).save(for: library.root)
                if final.indexDamaged {
                    // The screen is given back; the next start opens a new index.
                    Console.note(try Library.setAsideDamagedIndex(library.locations))
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
