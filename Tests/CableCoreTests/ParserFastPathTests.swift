@testable import CableCore
import XCTest

/// The parser's fast paths (word tables, byte sets, eight-bytes-at-a-time scans, titles cut on
/// bytes) must give exactly what the plain reading gives; each is checked against it here.
final class ParserFastPathTests: XCTestCase {
    func testEverySmallWordIsFoundInAnyCaseAndNothingElseIs() {
        let words = Vocabulary.packedSmallWords
        XCTAssertTrue(words.isComplete)
        for word in Vocabulary.smallWords {
            XCTAssertTrue(words.contains(PackedWords.pack(Array(word.utf8))), word)
            XCTAssertTrue(words.contains(PackedWords.pack(Array(word.uppercased().utf8))), word)
        }
        for word in ["then", "ofx", "tha", "ann", "x", "o", "froms", "über", "\u{0}"] {
            XCTAssertFalse(words.contains(PackedWords.pack(Array(word.utf8))), word)
        }
    }

    /// Small words are looked up by a word key's low half: for words of up to eight bytes it
    /// must be the packing `PackedWords` builds its table with.
    func testWordKeysPackShortWordsAsTheSmallWordTableDoes() {
        let text = Array("The OF é’x Amid-day ABOUT z".utf8)
        for size in [text.count, 9, 8, 5] {
            let buffer = Array(text.prefix(size))
            for start in 0..<buffer.count {
                for end in (start + 1)...min(buffer.count, start + 8) {
                    let packed = buffer.withUnsafeBufferPointer { WordKey($0, start, end).low }
                    XCTAssertEqual(packed, PackedWords.pack(Array(buffer[start..<end])), "\(size) \(start) \(end)")
                }
            }
        }
    }

    func testByteSetHoldsExactlyItsBytes() {
        let members: [UInt8] = [0, 0x20, 0x41, 0x7F, 0x80, 0xA9, 0xFF]
        let set = ByteSet(members)
        for value in 0...255 {
            XCTAssertEqual(set.contains(UInt8(value)), members.contains(UInt8(value)), "\(value)")
        }
    }

    func testTitlesCutOnBytesMatchTitlesCutOnCharacters() throws {
        var leads = [
            "Talks resumed. Nothing else happened.",
            String(repeating: "Ministers from the Baltic states said on Tuesday that ", count: 3),
            "“We will not back down,” the minister’s deputy — speaking in Tallinn — told reporters on Tuesday, after the cable was cut",
            String(repeating: "x", count: 120) + " tail",
            "Ångström café naïve façade résumé " + String(repeating: "déjà vu ", count: 12),
            "Trailing punctuation is trimmed, even when the cut lands on it; like this: " + String(repeating: "word, ", count: 10),
        ]
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleData")
        let files = FileManager.default.enumerator(at: samples, includingPropertiesForKeys: nil)?.allObjects ?? []
        for case let url as URL in files where url.pathExtension == "txt" {
            let article = ArticleParser.parse(text: try String(contentsOf: url, encoding: .utf8), file: url.path)
            leads += article.paragraphs.prefix(3)
        }
        XCTAssertGreaterThan(leads.count, 100)
        for lead in leads {
            let sentence = TitleDerivation.firstSentence(of: lead)
            let fast = try XCTUnwrap(TitleDerivation.titleOnScalars(sentence), lead)
            XCTAssertEqual(fast, TitleDerivation.titleOnCharacters(sentence))
        }
        // A combining mark makes two scalars one Character: left to the Character count.
        XCTAssertNil(TitleDerivation.titleOnScalars("Cafe\u{301} society"))
        XCTAssertNil(TitleDerivation.titleOnScalars("Flags 🇪🇪 and emoji"))
    }

    /// Lines as a plain reading cleans them: split at LF, CRLF or CR; controls out; NBSP a
    /// space; spaces collapsed; trimmed.
    private func referenceLines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map { line in
                let folded = line.unicodeScalars.compactMap { scalar -> Character? in
                    if scalar == "\u{A0}" || scalar == "\t" || scalar == " " { return " " }
                    if scalar.value < 0x20 || scalar.value == 0x7F { return nil }
                    return Character(scalar)
                }
                return String(folded).split(separator: " ").joined(separator: " ")
            }
    }

    func testCleaningEightBytesAtATimeMatchesAPlainReading() {
        let pieces = ["word", "  ", " ", "\u{A0}", "\t", "\u{7}", "\u{7F}", "é", "“q”", "\r\n", "\n", "\r", "abcdefgh", "x"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...40, using: &generator) {
                text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            var copy = text
            let lines = copy.withUTF8 { TextCleaning.lines(of: $0) }.map(\.text)
            var expected = referenceLines(text)
            // The cleaner ends the last line only if it has text (no final empty line).
            if expected.last == "" { expected.removeLast() }
            XCTAssertEqual(lines, expected, text.debugDescription)
        }
    }

    /// Whether a phrase occurs, as a plain reading finds it: at every place, lower-cased.
    private func naiveMatch(_ phrases: [String], _ line: [UInt8]) -> Bool {
        let lowered = line.map(Bytes.lower)
        return phrases.contains { phrase in
            let p = Array(phrase.utf8)
            guard p.count <= lowered.count else { return false }
            return (0...(lowered.count - p.count)).contains { Array(lowered[$0..<($0 + p.count)]) == p }
        }
    }

    func testPhraseSearchBySkippingFindsWhatAPlainSearchFinds() {
        let lists = [Vocabulary.furniturePhrases + Vocabulary.noticePhrases, Vocabulary.noticePhrases,
                     Vocabulary.shortLineWords, ["ab", "abcd", "x", "bcdefg"]]
        var generator = SystemRandomNumberGenerator()
        for list in lists {
            let matcher = PhraseMatcher(list)
            // Lines made of phrase pieces, the phrases themselves and filler, so that
            // near-misses, overlaps and matches at both ends all occur.
            let pieces = list.flatMap { [$0, String($0.dropLast()), String($0.dropFirst()).uppercased()] } + [" ", "a", "the ", "é", "©"]
            var found = 0
            for _ in 0..<1_000 {
                var line = ""
                for _ in 0..<Int.random(in: 0...6, using: &generator) {
                    line += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
                }
                let bytes = Array(line.utf8)
                let expected = naiveMatch(list, bytes)
                if expected { found += 1 }
                XCTAssertEqual(matcher.matches(bytes), expected, line)
                let prefixed = list.contains { bytes.map(Bytes.lower).starts(with: Array($0.utf8)) }
                XCTAssertEqual(matcher.matchesPrefix(bytes), prefixed, line)
            }
            XCTAssertGreaterThan(found, 50)
        }
    }

    /// Lines are given room up to the next line feed or carriage return: pages split only by
    /// other line ends (or shrunk by cleaning) must not keep that room per line.
    func testLinesKeepNoMoreRoomThanTheyNeed() {
        for separator in ["\u{2028}", "\r", "\n", "          \n"] {
            var text = String(repeating: "A short line" + separator, count: 5_000)
            let lines = text.withUTF8 { TextCleaning.lines(of: $0) }
            XCTAssertEqual(lines.filter { !$0.isBlank }.count, 5_000, separator.debugDescription)
            let room = lines.reduce(0) { $0 + $1.bytes.capacity }
            XCTAssertLessThan(room, 5_000 * 200, separator.debugDescription)
        }
    }

    /// Valid text is parsed in place: the check must say exactly what the standard library
    /// says, or invalid bytes would reach the parser unrepaired.
    func testUTF8CheckAgreesWithTheStandardLibrary() {
        let edges: [[UInt8]] = [
            [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80],
            [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0x80, 0x80],
            [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0xE2, 0x80], [0xE2, 0x80, 0x9C], [0x80], [0xFF], [0xF0, 0x9F, 0x98], Array("plain ASCII text".utf8),
        ]
        var inputs = edges
        var generator = SystemRandomNumberGenerator()
        let material = Array("Ab “q” — é 中 😀 \u{10FFFF}".utf8) + [0x80, 0xBF, 0xC0, 0xED, 0xF4, 0xF8, 0xFF]
        for _ in 0..<20_000 {
            inputs.append((0..<Int.random(in: 0...24, using: &generator)).map { _ in
                material[Int.random(in: 0..<material.count, using: &generator)]
            })
        }
        for bytes in inputs {
            for padding in [0, 9] {
                let padded = [UInt8](repeating: 0x41, count: padding) + bytes
                // Cleaning validates as it goes: nil exactly where the standard library
                // finds the bytes ill-formed, and otherwise the lines and id of the String.
                let standard = String(validating: padded, as: UTF8.self)
                let read = padded.withUnsafeBufferPointer { TextCleaning.read($0, validating: true) }
                XCTAssertEqual(read.map { ArticleID($0.hash) }, standard.map(ArticleID.forContent), "\(padded)")
                if var standard, let read {
                    XCTAssertEqual(read.lines.map(\.bytes), standard.withUTF8 { TextCleaning.lines(of: $0) }.map(\.bytes))
                }
            }
        }
    }

    /// Every line of the samples and fixtures, cleaned, for checks that run line by line.
    private func corpusLines() throws -> [[UInt8]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var lines: [[UInt8]] = []
        for folder in ["SampleData", "Tests/CableCoreTests"] {
            let files = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)?.allObjects ?? []
            for case let url as URL in files where url.pathExtension == "txt" {
                var text = try String(contentsOf: url, encoding: .utf8)
                lines += text.withUTF8 { TextCleaning.lines(of: $0) }.map(\.bytes).filter { !$0.isEmpty }
            }
        }
        return lines
    }

    /// Long paragraphs are classified from a shape without per-word facts: the kind must be
    /// what the whole shape gives, the facts it has must be the same, and the line's `shape`
    /// must be the whole one.
    func testLinesClassifiedWithoutWordFactsGetTheSameKind() throws {
        let lines = try corpusLines()
        var partial = 0
        for bytes in lines {
            let quick = LineShape(countingWords: bytes)
            let whole = LineShape(bytes)
            XCTAssertEqual(quick.wordCount, whole.wordCount)
            XCTAssertEqual(quick.commaCount, whole.commaCount)
            XCTAssertEqual(quick.endsWithSentencePunctuation, whole.endsWithSentencePunctuation)
            let line = PageSegmenter.classify(bytes, block: 0)
            let reference = PageSegmenter.classify(bytes, shape: whole, block: 0)
            XCTAssertEqual(line.kind, reference.kind, String(decoding: bytes, as: UTF8.self))
            XCTAssertEqual(line.link, reference.link)
            XCTAssertEqual(line.shape.isTitleCase, whole.isTitleCase)
            XCTAssertEqual(line.shape.significantWords, whole.significantWords)
            if !line.measuredShape.hasWordFacts { partial += 1 }
        }
        XCTAssertGreaterThan(partial, 100, "the long-paragraph path was not taken")
        // Word counts eight bytes at a time, at every length and with runs of spaces.
        for text in ["", " ", "a", " a ", "a  b", "  lead and trail  ", "one two three four five six seven eight nine",
                     "“Quoted” words, 2024 — and é", String(repeating: "ab ", count: 40)] {
            XCTAssertEqual(LineShape(countingWords: Array(text.utf8)).wordCount, LineShape(Array(text.utf8)).wordCount, text)
        }
    }

    /// Outlet names from ASCII notices are read on bytes; they must be what the reading on
    /// Characters gives, on every sample notice and on random ones built from their parts.
    func testOutletNamesOnBytesMatchTheReadingOnCharacters() {
        let parts = ["2024", "2019-2024", "Copyright", "COPYRIGHT", "copyrights", "The", "Ledger", "Post.",
                     "All", "all", "Rights", "RIGHTS", "Reserved.", "reserved", "|", ";", ",", ".", "-", "",
                     "Harbour", "Ltd,", "2.0", "5G", "Inc.", "rights reserved", "ALL RIGHTS RESERVED"]
        var notices = ["", " ", "2024", " 2024 The Ledger Post. All rights reserved.", "Copyright 2021 Nordic Wire",
                       " The Harbour Ledger 2020 | All Rights Reserved", "all rights reserved", " ,.; ", "Copyright"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...8, using: &generator)
            let words = (0..<count).map { _ in parts.randomElement(using: &generator) ?? "" }
            notices.append((Bool.random(using: &generator) ? " " : "") + words.joined(separator: Bool.random(using: &generator) ? " " : "  "))
        }
        for notice in notices {
            let rest = ArraySlice(Array(notice.utf8))
            XCTAssertEqual(PageSegmenter.asciiOutletName(rest), PageSegmenter.outletNameOnCharacters(rest), notice)
        }
    }

    /// Site links in tag lines are compared lower-cased on bytes when ASCII: the answer must
    /// be the String comparison's, for every link in any case and for near misses.
    func testSiteLinksOnBytesMatchTheStringComparison() {
        var items = ["", "Arctic", "Terms.", "terms of use ", "Cookie Settingss", "Coo\u{212A}ies", "Ünsubscribe"]
        for link in Vocabulary.siteLinks {
            items += [link, link.uppercased(), link.capitalized, String(link.dropLast()), link + "s", "x" + link]
        }
        for item in items {
            let bytes = ArraySlice(Array(item.utf8))
            XCTAssertEqual(PageSegmenter.isSiteLink(bytes), Vocabulary.siteLinks.contains(item.lowercased()), item)
        }
    }

    /// The separator count byte by byte, without the eight-byte filter in front of it.
    private func plainSeparatorTrail(_ bytes: [UInt8]) -> Bool {
        guard bytes.count <= 120 else { return false }
        var separators = 0
        for k in bytes.indices {
            let b = bytes[k]
            let spaced = k > 0 && bytes[k - 1] == 0x20
            if (b == 0x7C || b == 0x3E || b == 0x2F) && spaced && k + 1 < bytes.count && bytes[k + 1] == 0x20 { separators += 1 }
            if b == 0xE2 && k + 2 < bytes.count && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0xA2 || bytes[k + 2] == 0xBA) { separators += 1 }
            if b == 0xC2 && k + 1 < bytes.count && (bytes[k + 1] == 0xBB || bytes[k + 1] == 0xB7) && spaced { separators += 1 }
        }
        return separators >= 2 || separators == 1 && bytes.count <= 40
    }

    func testSeparatorTrailsAreFoundWithTheEightByteFilterAsWithout() {
        let parts = ["Home", " | ", " > ", " / ", " • ", " › ", " » ", " · ", "World", "and/or", "a>b", "’", " ", "x"]
        var lines = ["", "Home | World", "Home > World > Europe", "News • Politics", "Politics | Security"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let count = Int.random(in: 0...12, using: &generator)
            lines.append((0..<count).map { _ in parts.randomElement(using: &generator) ?? "" }.joined())
        }
        for line in lines {
            let bytes = Array(line.utf8)
            XCTAssertEqual(Furniture.isSeparatorTrail(bytes), plainSeparatorTrail(bytes), line)
        }
    }

    /// The filter in front of the furniture-line and site-link sets may pass lines that are
    /// not in a set, never turn away one that is, as an array, a slice or lowered lazily.
    func testLineKeyFiltersPassEveryLineOfTheirSet() {
        for set in [Vocabulary.furnitureLines, Vocabulary.siteLinks, ["a", "ab", "abc"]] {
            let filter = LineKeyFilter(set)
            for line in set {
                let bytes = Array(line.utf8)
                XCTAssertTrue(filter.mayContain(bytes), line)
                XCTAssertTrue(filter.mayContain(Array(("  " + line.uppercased()).utf8).dropFirst(2).lazy.map(Bytes.lower)), line)
            }
            XCTAssertFalse(filter.mayContain(Array("no line of any set reads like this".utf8)))
        }
    }

    /// Quote marks are found with memchr; the answer must be the byte-by-byte one, also for
    /// characters that share the last byte of `“` or `«` (Cyrillic `М` is D0 9C).
    func testQuoteMarksAreFoundAsByteByByte() {
        let parts = ["\"", "“", "”", "«", "»", "‘", "М", "Ŝ", "\u{AB}", "word", " ", "é", "\u{9C}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let count = Int.random(in: 0...10, using: &generator)
            let bytes = Array((0..<count).map { _ in parts.randomElement(using: &generator) ?? "" }.joined().utf8)
            var plain = false
            for (index, b) in bytes.enumerated()
            where b == 0x22 || index > 0 && (b == 0x9C && bytes[index - 1] == 0x80 || b == 0xAB && bytes[index - 1] == 0xC2) {
                plain = true
            }
            XCTAssertEqual(LineShape(bytes).hasQuoteMark, plain, String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Lines are looked up in a `LineSet` by their bytes; the answer must be the one the
    /// filter and the `Set<String>` gave together (a key spelled differently from a line of
    /// the set, such as a decomposed `é`, never passed the filter), for lines of the set, their
    /// near misses, non-ASCII and random keys.
    func testLineSetsAnswerAsTheSetOfStrings() {
        var generator = SystemRandomNumberGenerator()
        for set in [Vocabulary.furnitureLines, Vocabulary.siteLinks, ["a", "ab", "caf\u{E9}"]] {
            let lineSet = LineSet(set)
            let filter = LineKeyFilter(set)
            var keys = ["", " ", "x", "café", "caf\u{E9}", "cafe\u{301}", "share\u{200B}", "\u{212A}"]
            for line in set {
                keys += [line, String(line.dropLast()), String(line.dropFirst()), line + "s", line + " ", line.uppercased()]
            }
            let alphabet = Array("aeiost rn-'é")
            for _ in 0..<2_000 {
                keys.append(String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "a" }))
            }
            for key in keys {
                let bytes = Array(key.utf8)
                XCTAssertEqual(lineSet.contains(lowered: bytes), filter.mayContain(bytes) && set.contains(key), key)
            }
        }
    }

    /// Every fact of every sample and fixture line's shape, measured both ways, is the plain
    /// reading's (`LineShapeReference`).
    func testLineShapesOfTheCorpusMatchThePlainReading() throws {
        let lines = try corpusLines()
        XCTAssertGreaterThan(lines.count, 1_000)
        for bytes in lines { LineShapeReference.check(bytes) }
    }

    /// Digits are counted eight bytes at a time; the answer must be the plain count's, for
    /// every byte value in every lane and lines of every length.
    func testFourDigitsAreFoundAsByAPlainCount() {
        var generator = SystemRandomNumberGenerator()
        let material: [UInt8] = Array("0123456789/:. aZ".utf8) + [0x2F, 0x3A, 0xB0, 0xB9, 0xC2, 0xFF, 0x00]
        var lines: [[UInt8]] = (0...255).map { [UInt8(truncatingIfNeeded: $0), 0x31, 0x32, 0x33, 0x20, 0x20, 0x20, 0x20, 0x20] }
        for _ in 0..<20_000 {
            lines.append((0..<Int.random(in: 0...40, using: &generator)).map { _ in material.randomElement(using: &generator) ?? 0 })
        }
        for line in lines {
            XCTAssertEqual(DatelineParser.hasFourDigits(line), line.filter(Bytes.isDigit).count >= 4, "\(line)")
        }
    }

    /// READ MORE labels and tag prefixes are tried only when a line's first two letters open
    /// one (`readMoreOpenings`, `tagPrefixOpenings`): every label must have two bytes to be
    /// found that way (and building the openings reads them).
    func testLabelsAndPrefixesHaveTheTwoBytesTheirFiltersRead() {
        for label in PageSegmenter.readMoreLabelBytes + PageSegmenter.tagPrefixBytes {
            XCTAssertGreaterThanOrEqual(label.count, 2, String(decoding: label, as: UTF8.self))
        }
        XCTAssertFalse(PageSegmenter.readMoreOpenings.isEmpty)
        XCTAssertFalse(PageSegmenter.tagPrefixOpenings.isEmpty)
    }
}
