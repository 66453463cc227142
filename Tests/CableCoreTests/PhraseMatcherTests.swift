@testable import CableCore
import XCTest

/// `PhraseMatcher` tries places by a hashed bit and compares four bytes at a time; its
/// answers must be exactly those of the plain reading (lower-case the line, look for each
/// phrase), for every matcher the parser builds, on real pages and on made-up lines.
final class PhraseMatcherTests: XCTestCase {
    /// The four matchers `Furniture` builds, with their lists.
    static let lists: [(name: String, phrases: [String])] = [
        ("phrases and notices", Vocabulary.furniturePhrases + Vocabulary.noticePhrases),
        ("notices", Vocabulary.noticePhrases),
        ("prefixes", Vocabulary.furniturePrefixes),
        ("short-line words", Vocabulary.shortLineWords),
    ]

    /// The plain reading of `matches` (index loops: the tests run unoptimised, on every line).
    static func naiveMatches(_ phrases: [[UInt8]], _ line: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard start < end else { return false }
        let lowered = line[start..<end].map(Bytes.lower)
        for phrase in phrases where !phrase.isEmpty && phrase.count <= lowered.count {
            for i in 0...(lowered.count - phrase.count) where lowered[i] == phrase[0] {
                var j = 1
                while j < phrase.count && lowered[i + j] == phrase[j] { j += 1 }
                if j == phrase.count { return true }
            }
        }
        return false
    }

    /// The plain reading of `matchesPrefix`.
    static func naivePrefix(_ phrases: [[UInt8]], _ line: [UInt8]) -> Bool {
        let lowered = line.map(Bytes.lower)
        return phrases.contains { !$0.isEmpty && lowered.starts(with: $0) }
    }

    /// Counts of lines each way, so a test that compares them can tell it saw both answers.
    struct Tally {
        var found = 0
        var missed = 0
    }

    /// Compares every matcher with the plain reading on `line`, over the whole line, over its
    /// trimmed range (as `Furniture` calls it) and over `ranges`.
    @discardableResult
    func assertSameAnswers(_ line: [UInt8], ranges: [(Int, Int)] = [], _ label: @autoclosure () -> String,
                           tally: inout [Tally], file: StaticString = #filePath, lineNumber: UInt = #line) -> Bool {
        var same = true
        let (trimStart, trimEnd) = Furniture.trimmedRange(line)
        for (k, list) in Self.lists.enumerated() {
            let matcher = Self.matchers[k]
            let phrases = Self.phraseBytes[k]
            for (start, end) in [(0, line.count), (trimStart, trimEnd)] + ranges {
                let expected = Self.naiveMatches(phrases, line, start, end)
                let got = start == 0 && end == line.count ? matcher.matches(line) : matcher.matches(line, from: start, to: end)
                if got != expected {
                    same = false
                    XCTFail("\(list.name) matches \(start)..<\(end) of \(label()): \(got), expected \(expected)",
                            file: file, line: lineNumber)
                }
                if expected { tally[k].found += 1 } else { tally[k].missed += 1 }
            }
            let expectedPrefix = Self.naivePrefix(phrases, line)
            if matcher.matchesPrefix(line) != expectedPrefix {
                same = false
                XCTFail("\(list.name) matchesPrefix of \(label()): expected \(expectedPrefix)", file: file, line: lineNumber)
            }
        }
        return same
    }

    static let matchers = lists.map { PhraseMatcher($0.phrases) }
    static let phraseBytes = lists.map { $0.phrases.map { Array($0.utf8) } }

    func testEveryLineOfTheSamplesAndFixturesGetsThePlainAnswer() throws {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let roots = [tests.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("SampleData"),
                     tests.appendingPathComponent("Fixtures")]
        var tally = [Tally](repeating: Tally(), count: Self.lists.count)
        var files = 0
        for root in roots {
            let walker = try XCTUnwrap(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            for case let url as URL in walker where !url.hasDirectoryPath {
                let data = try Data(contentsOf: url)
                files += 1
                for (n, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                    let bytes = Array(line)
                    // A few inner ranges too, cutting phrases and multi-byte characters.
                    let ranges = bytes.count > 8 ? [(1, bytes.count - 1), (bytes.count / 3, bytes.count)] : []
                    if !assertSameAnswers(bytes, ranges: ranges, "\(url.lastPathComponent):\(n + 1)", tally: &tally) {
                        return
                    }
                }
            }
        }
        XCTAssertGreaterThan(files, 40)
        // No sample carries a cookie notice (the random lines do); every other list is found.
        for (k, counts) in tally.enumerated() {
            if Self.lists[k].name != "notices" { XCTAssertGreaterThan(counts.found, 0, Self.lists[k].name) }
            XCTAssertGreaterThan(counts.missed, 0, Self.lists[k].name)
        }
    }

    /// Lines made of the lists' own words and phrases (whole, cut short, in capitals), random
    /// bytes of any value, and multi-byte characters, with phrases at the very start and end.
    func testRandomLinesOfPhraseWordsAndBytesGetThePlainAnswer() {
        var random = Random(seed: 0xCAB1E)  // seeded, so a failing line can be found again
        let phrases = Self.lists.flatMap(\.phrases)
        let words = Array(Set(phrases.flatMap { $0.split(separator: " ").map(String.init) })).sorted()
        let others = ["é", "©", "’", "\u{A0}", "—", "Ü", " ", " ", ":", "-", "'", "(", "[", "/", "|", "\t", "z", "ZZ"]
        var tally = [Tally](repeating: Tally(), count: Self.lists.count)
        for n in 0..<20_000 {
            var line: [UInt8] = []
            for _ in 0..<random.int(9) {
                var piece: [UInt8]
                switch random.int(6) {
                case 0: piece = Array(phrases[random.int(phrases.count)].utf8)
                case 1:
                    // A phrase missing its last byte, or with it changed: a near miss.
                    piece = Array(phrases[random.int(phrases.count)].utf8)
                    if random.int(2) == 0 { piece.removeLast() } else { piece[piece.count - 1] ^= 0x01 }
                case 2: piece = Array(words[random.int(words.count)].utf8)
                case 3: piece = (0..<random.int(4)).map { _ in UInt8(random.int(256)) }
                default: piece = Array(others[random.int(others.count)].utf8)
                }
                switch random.int(4) {
                case 0: piece = piece.map { Bytes.isLower($0) ? $0 - 0x20 : $0 }
                case 1: piece = piece.map { Bytes.isLower($0) && random.int(2) == 0 ? $0 - 0x20 : $0 }
                default: break
                }
                line += piece
                if random.int(3) == 0 { line.append(0x20) }
            }
            let start = line.isEmpty ? 0 : random.int(line.count)
            let end = start + random.int(line.count - start + 1)
            if !assertSameAnswers(line, ranges: [(start, end)], "random line \(n) \(line)", tally: &tally) { return }
        }
        for (k, counts) in tally.enumerated() {
            XCTAssertGreaterThan(counts.found, 100, Self.lists[k].name)
            XCTAssertGreaterThan(counts.missed, 100, Self.lists[k].name)
        }
    }

    /// Every phrase alone, at the very start and very end of a line, in capitals, and one byte
    /// short; and lines shorter than the shortest phrase, of every byte.
    func testEachPhraseAtTheEdgesAndTinyLinesGetThePlainAnswer() {
        var tally = [Tally](repeating: Tally(), count: Self.lists.count)
        for phrase in Self.lists.flatMap(\.phrases) {
            let bytes = Array(phrase.utf8)
            let capitals = Array(phrase.uppercased().utf8)
            for line in [bytes, Array(bytes.dropLast()), Array(bytes.dropFirst()), capitals,
                         bytes + Array(" and more".utf8), Array("Read: ".utf8) + capitals,
                         Array("x".utf8) + bytes, bytes + Array("x".utf8)] {
                if !assertSameAnswers(line, "\(line)", tally: &tally) { return }
            }
        }
        for a in 0...255 {
            for line in [[UInt8(a)], [UInt8(a), 0x41], [0xC2, UInt8(a)], [0x61, 0x2D, UInt8(a)], [UInt8(a), 0x6F, 0x67]] {
                if !assertSameAnswers(line, "\(line)", tally: &tally) { return }
            }
        }
        // The `©` of the lists (C2 A9) and `a-a` are found alone, in any case where case exists.
        XCTAssertTrue(Self.matchers[0].matches(Array("©".utf8)))
        XCTAssertTrue(Self.matchers[3].matches(Array("A-A".utf8)))
        XCTAssertFalse(Self.matchers[3].matches(Array("a-".utf8)))
        XCTAssertFalse(PhraseMatcher([]).matches(Array("anything".utf8)))
        XCTAssertFalse(PhraseMatcher([]).matchesPrefix(Array("anything".utf8)))
    }

    /// Lists unlike the parser's: one-byte phrases, upper-case phrases (which the lower-cased
    /// line can never contain), and only short phrases.
    func testUnusualListsGetThePlainAnswer() {
        let lists: [[String]] = [["x", "©", "ab", "abc"], ["Cookie", "policy"], ["a", "to"], ["qz:!"], ["Ab", "-b"]]
        let lines = ["", "x", "X", "Cookie Policy", "cookie policy", "polic", "TO", "a", "b", "b\u{A9}©", "QZ:!", "qz:",
                     "AB", "Ab", "ab", "A-B", "-"]
        for list in lists {
            let matcher = PhraseMatcher(list)
            let phrases = list.map { Array($0.utf8) }
            for text in lines {
                let line = Array(text.utf8)
                XCTAssertEqual(matcher.matches(line), Self.naiveMatches(phrases, line, 0, line.count), "\(list) \(text)")
                XCTAssertEqual(matcher.matchesPrefix(line), Self.naivePrefix(phrases, line), "\(list) \(text)")
            }
        }
    }
}
