import ArgumentParser

/// Benchmarks print figures for BENCHMARKS.md; they are not tests (these machines are noisy).
@main
struct CableBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cable-bench",
        abstract: "Measure Cable's parser, library and UI and print the figures.",
        subcommands: [ParseBenchmark.self, LibraryBenchmark.self, UIBenchmark.self, HTMLBenchmark.self, FeedsBenchmark.self,
                      GenerateCommand.self, CorpusExport.self, CompareBenchmark.self]
    )
}
