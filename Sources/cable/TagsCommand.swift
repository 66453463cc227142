import ArgumentParser

// PLACEHOLDER: replaced by the helper that owns this command.
struct Tags: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tags", abstract: "(not built yet)")
    func run() throws { throw ValidationError("'tags' is not built yet") }
}
