import ArgumentParser

// PLACEHOLDER: replaced by the helper that owns this command.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse", abstract: "(not built yet)")
    func run() throws { throw ValidationError("'parse' is not built yet") }
}
