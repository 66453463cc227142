import ArgumentParser

// PLACEHOLDER: replaced by the helper that owns this command.
struct State: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "state", abstract: "(not built yet)")
    func run() throws { throw ValidationError("'state' is not built yet") }
}
