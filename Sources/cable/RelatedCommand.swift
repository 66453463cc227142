import ArgumentParser

// PLACEHOLDER: replaced by the helper that owns this command.
struct Related: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "related", abstract: "(not built yet)")
    func run() throws { throw ValidationError("'related' is not built yet") }
}
