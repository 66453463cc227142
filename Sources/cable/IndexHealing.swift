import ArgumentParser
import CableConfig
import CableCore
import Foundation

/// The index is a cache of the files: damage to it must never leave a command failing.
/// SQLite notices most damage only when a query reads the damaged page, long after the open,
/// so every command that uses the library runs inside `run`: when it meets a damaged index
/// anywhere, the index is moved aside (`Library.setAsideDamagedIndex`) and the command runs
/// again on one rebuilt from the files. A command that had already printed rows is not run
/// again (its output would hold them twice), nor is one that is not `repeatable` (it has
/// copied files into the library): the index is rebuilt there and then, and the command says
/// so and fails, to be run again. Damage of the state is never healed here:
/// that is the user's data, refused with `cable state recover`.
enum IndexHealing {
    static func run<T>(_ locations: LibraryLocations, repeatable: Bool = true, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch where Library.isDamage(error) {
            // `body` has let go of the library it opened, and with it every connection.
            Console.note(try Library.setAsideDamagedIndex(locations, because: error))
            if repeatable && !Console.printed.isSet { return try body() }
            let (library, _) = try Library.withRecovery(locations) { try $0.sync() }
            try library.close()
            Console.note("the index was found damaged part-way through this command; it has been "
                + "rebuilt from your files: run the command again")
            throw ExitCode.failure
        }
    }
}

extension LibraryOptions {
    /// Runs a command that uses the library: errors said as `Console.run` says them, and a
    /// damaged index healed (`IndexHealing`).
    func run(config: Config? = nil, repeatable: Bool = true, _ body: () throws -> Void) throws {
        try Console.run { try IndexHealing.run(locations(config: config), repeatable: repeatable, body) }
    }

    func locations(config: Config? = nil) -> LibraryLocations {
        LibraryLocations.standard(root: folder(config: config))
    }
}
