import ArgumentParser

// PLACEHOLDER: replaced by the helper that owns this command.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "(not built yet)")
    func run() throws { throw ValidationError("'list' is not built yet") }
}
