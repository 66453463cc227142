import ArgumentParser

// PLACEHOLDER: replaced by the work that owns this benchmark.
struct UIBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ui", abstract: "(not built yet)")
    func run() throws { throw ValidationError("'ui' benchmark is not built yet") }
}
