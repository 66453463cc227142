import ArgumentParser

// PLACEHOLDER: replaced by the helper that owns this command.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "(not built yet)")
    func run() throws { throw ValidationError("'import' is not built yet") }
}
