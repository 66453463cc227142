import ArgumentParser

// PLACEHOLDER: replaced by the work that owns this benchmark.
struct ParseBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse", abstract: "(not built yet)")
    func run() throws { throw ValidationError("'parse' benchmark is not built yet") }
}
