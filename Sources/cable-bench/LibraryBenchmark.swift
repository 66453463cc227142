import ArgumentParser

// PLACEHOLDER: replaced by the work that owns this benchmark.
struct LibraryBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "library", abstract: "(not built yet)")
    func run() throws { throw ValidationError("'library' benchmark is not built yet") }
}
