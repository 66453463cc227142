import ArgumentParser

// PLACEHOLDER: replaced by the helper that owns this command.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "(not built yet)")
    func run() throws { throw ValidationError("'show' is not built yet") }
}
