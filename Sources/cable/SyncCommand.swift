import ArgumentParser

// PLACEHOLDER: replaced by the helper that owns this command.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sync", abstract: "(not built yet)")
    func run() throws { throw ValidationError("'sync' is not built yet") }
}
