import CableCore
import Foundation

/// A seeded random driver, for machines without libFuzzer: inputs are the corpus files and
/// random mutations of them (bytes flipped, inserted, deleted; pieces of other inputs and of
/// the target's own vocabulary spliced in), the same sequence for the same seed. Reports the
/// executions and the slowest input; a failed property crashes, as under libFuzzer.
///
///     cable-fuzz TARGET [--runs N] [--seed S] [--corpus DIR]
struct SeededDriver {
    var target = ""
    var runs = 100_000
    var seed: UInt64 = 1
    var corpus: URL?

    init(arguments: [String]) throws {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--runs": runs = Int(rest.popFirst() ?? "") ?? runs
            case "--seed": seed = UInt64(rest.popFirst() ?? "") ?? seed
            case "--corpus": corpus = rest.popFirst().map { URL(fileURLWithPath: $0, isDirectory: true) }
            default: target = argument
            }
        }
        guard !target.isEmpty else {
            throw FuzzFailure("usage: cable-fuzz TARGET [--runs N] [--seed S] [--corpus DIR]; targets: "
                + FuzzTargets.all.keys.sorted().joined(separator: ", "))
        }
    }

    func run() throws {
        let fuzzed = try FuzzTargets.make(target)
        let seeds = try corpusInputs()
        var random = Random(seed: seed)
        var slowest = (seconds: 0.0, input: Data())
        var overOneSecond = 0
        let started = Date()
        for index in 0..<runs {
            let input = index < seeds.count ? seeds[index] : mutate(random.pick(seeds), seeds, &random)
            let before = Date()
            fuzzed.run(input)
            let seconds = Date().timeIntervalSince(before)
            if seconds > 1 { overOneSecond += 1 }
            if seconds > slowest.seconds { slowest = (seconds, input) }
        }
        let total = Date().timeIntervalSince(started)
        print("""
            target \(target): \(runs) executions in \(String(format: "%.0f", total)) s (seed \(seed)), 0 failures, \
            \(overOneSecond) over 1 s; slowest \(String(format: "%.3f", slowest.seconds)) s \
            (\(slowest.input.count) bytes)
            """)
    }

    private func corpusInputs() throws -> [Data] {
        let folder = corpus ?? URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus/\(target)", isDirectory: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? []
        let inputs = try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        return inputs.isEmpty ? [Data()] : inputs
    }

    /// Pieces worth splicing in: the syntax of the query language and of state files, and
    /// the characters that broke them before.
    static let vocabulary: [String] = [
        "tag:", "-tag:", "speaker:", "after:", "before:", "is:", "unread", "starred", " OR ", "\"", "\"\u{301}",
        "“", "”", "-", "*", "NEAR(", ")", ":", "^", "\\", "\\u{", "}", "\\n", "#", " ", "\t", "\n", "\r\n",
        "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{1B}[2J", "\u{7}", "\u{0}", "\u{301}", "\u{200D}", "\u{202E}",
        "# cable state export, format 2: x\n", "# cable state export, format 3: x\n",
        "# cable state export, format 9: x\n", "0123456789abcdef",
        "8f39b2cf", "36093f98", "read", "tag:\"", "2024-02-30", "9999", "\u{FFFF}", "\u{10FFFF}", "é", "制",
    ]

    private func mutate(_ input: Data, _ seeds: [Data], _ random: inout Random) -> Data {
        var bytes = [UInt8](input)
        for _ in 0..<(1 + random.int(6)) {
            let at = random.int(bytes.count + 1)
            switch random.int(6) {
            case 0 where !bytes.isEmpty:
                bytes[min(at, bytes.count - 1)] ^= UInt8(1 << random.int(8))
            case 1:
                bytes.insert(UInt8(random.int(256)), at: at)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, at + 1 + random.int(16))
                bytes.removeSubrange(min(at, end)..<end)
            case 3:
                let piece = [UInt8](random.pick(seeds))
                let from = random.int(piece.count + 1)
                bytes.insert(contentsOf: piece[from..<min(piece.count, from + random.int(64))], at: at)
            case 4:
                let repeated = [UInt8](random.pick(Self.vocabulary).utf8)
                for _ in 0..<(1 + random.int(random.int(8) == 0 ? 300 : 3)) {
                    bytes.insert(contentsOf: repeated, at: min(at, bytes.count))
                }
            default:
                bytes.insert(contentsOf: [UInt8](random.pick(Self.vocabulary).utf8), at: at)
            }
        }
        return Data(bytes.prefix(16_384))
    }
}
