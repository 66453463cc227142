import ArgumentParser

// PLACEHOLDER: replaced by the helper that owns this command.
struct Quotes: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quotes", abstract: "(not built yet)")
    func run() throws { throw ValidationError("'quotes' is not built yet") }
}
