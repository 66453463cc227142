@testable import CableCore
import Foundation
import XCTest

/// Thousands of mutated sample files through the parser (fixed seed, so a failure repeats):
/// byte flips, line deletions and duplications, truncation, splicing two files. Asserts no
/// crash and the invariants every consumer relies on.
final class ParserFuzzTests: XCTestCase {
    private func seeds() throws -> [[UInt8]] {
        var roots = [ParserAnatomyTests.fixtures, ScoringFiles.root.appendingPathComponent("SampleData")]
        roots.append(ScoringFiles.root.appendingPathComponent("Tests/CableCoreTests/Holdout"))
        var files: [[UInt8]] = []
        for root in roots {
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "txt" {
                files.append([UInt8](try Data(contentsOf: url)))
            }
        }
        return files
    }

    /// Bytes that matter to the parser: quote marks, dashes, NBSP, CR, BOM, invalid lead bytes.
    static let interesting: [[UInt8]] = [
        [0x22], [0x27], Array("“".utf8), Array("”".utf8), Array("‘".utf8), Array("’".utf8),
        Array("«".utf8), Array("»".utf8), Array("—".utf8), Array("−".utf8), [0xC2, 0xA0], [0x0D],
        [0x0A], [0x0A, 0x0A], [0xEF, 0xBB, 0xBF], [0xFF], [0xC3], [0xE2, 0x80], [0x00], [0x09],
        Array("READ MORE: ".utf8), Array("Tags: ".utf8), Array(" said".utf8), Array(", ".utf8),
        Array("12:29 GMT18 May 2021".utf8), Array(":".utf8),
    ]

    func mutate(_ input: [UInt8], with other: [UInt8], _ random: inout Random) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + random.int(4)) {
            switch random.int(7) {
            case 0 where !bytes.isEmpty:  // flip a byte
                let index = random.int(bytes.count)
                bytes[index] ^= UInt8(truncatingIfNeeded: 1 << random.int(8))
            case 1:  // insert a byte sequence that matters
                let insert = Self.interesting[random.int(Self.interesting.count)]
                bytes.insert(contentsOf: insert, at: random.int(bytes.count + 1))
            case 2, 3:  // delete or duplicate a line
                var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                guard !lines.isEmpty else { break }
                let index = random.int(lines.count)
                if random.int(2) == 0 { lines.remove(at: index) } else { lines.insert(lines[index], at: index) }
                bytes = Array(lines.joined(separator: [0x0A]))
            case 4:  // truncate
                bytes = Array(bytes.prefix(random.int(bytes.count + 1)))
            case 5:  // splice with another file
                let cut = random.int(bytes.count + 1)
                let from = random.int(other.count + 1)
                bytes = Array(bytes.prefix(cut)) + Array(other.suffix(from: from))
            default:  // overwrite a run with random bytes
                guard !bytes.isEmpty else { break }
                let start = random.int(bytes.count)
                for index in start..<min(bytes.count, start + 1 + random.int(16)) {
                    bytes[index] = UInt8(truncatingIfNeeded: random.next())
                }
            }
        }
        return bytes
    }

    func testMutatedSamplesNeverBreakTheParser() throws {
        let files = try seeds()
        XCTAssertFalse(files.isEmpty, "no seed files")
        // Fixed by default so a failure repeats; CABLE_FUZZ_SEED / CABLE_FUZZ_ITERATIONS explore more.
        let environment = ProcessInfo.processInfo.environment
        var random = Random(seed: environment["CABLE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0xCAB1E)
        let iterations = environment["CABLE_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 3000
        for iteration in 0..<iterations {
            let base = files[random.int(files.count)]
            let other = files[random.int(files.count)]
            let bytes = mutate(base, with: other, &random)
            let article = ArticleParser.parse(data: Data(bytes), file: "fuzz-\(iteration).txt")
            check(article, iteration: iteration)
            // Parsing is a function of the bytes: same input, same article.
            if iteration % 100 == 0 {
                XCTAssertEqual(ArticleParser.parse(data: Data(bytes), file: "fuzz-\(iteration).txt"), article)
            }
        }
    }

    private func check(_ article: Article, iteration: Int) {
        let context = "iteration \(iteration)"
        XCTAssertFalse(article.title.isEmpty, context)
        XCTAssertEqual(article.id.rawValue.count, 16, context)
        for text in article.paragraphs + article.related + article.readMore + article.tags + [article.title] {
            XCTAssertFalse(text.isEmpty, context)
            XCTAssertFalse(text.hasPrefix(" ") || text.hasSuffix(" ") || text.contains("  "), "\(context): untrimmed \(text.debugDescription)")
            XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{A0}" || $0 == "\u{FEFF}" },
                           "\(context): control or NBSP in \(text.debugDescription)")
        }
        for quote in article.quotes {
            XCTAssertFalse(quote.text.isEmpty, context)
            XCTAssertTrue(article.paragraphs.indices.contains(quote.paragraph), context)
            if let speaker = quote.speaker { XCTAssertFalse(speaker.isEmpty, context) }
        }
        if article.published == nil { XCTAssertTrue(article.warnings.contains("no dateline found"), context) }
        if article.titleDerived { XCTAssertFalse(article.warnings.isEmpty, context) }
    }
}
