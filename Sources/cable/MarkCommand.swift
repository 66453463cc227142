import ArgumentParser

// PLACEHOLDER: replaced by the helper that owns this command.
struct Mark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mark", abstract: "(not built yet)")
    func run() throws { throw ValidationError("'mark' is not built yet") }
}
