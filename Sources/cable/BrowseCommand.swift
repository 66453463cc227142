import ArgumentParser

// PLACEHOLDER: replaced by the helper that owns this command.
struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "browse", abstract: "(not built yet)")
    func run() throws { throw ValidationError("'browse' is not built yet") }
}
