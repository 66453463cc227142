@testable import CableCore
import Foundation
import XCTest

/// Words outside the sentences that hold a quote are tokenized only as far as the names
/// they mention need (`ProseTokenizer.tokens(_:spans:mentionsOnly:)`, and attribution makes
/// the words of a quote's sentence real as it reads them): reading must leave `SpeakerMemory` exactly as reading every word
/// would, paragraph after paragraph, and attribute every quote the same.
final class MentionsOnlyTokenTests: XCTestCase {
    /// Reads `paragraphs` twice, once with every word tokenized and once with the words
    /// outside quotes' sentences tokenized only for mentions; the memories must agree after each
    /// paragraph and the quotes at the end. Returns how many words were left blank.
    @discardableResult
    private func assertSameReading(_ paragraphs: [[UInt8]], _ label: String, file: StaticString = #filePath,
                                   line: UInt = #line) -> Int {
        var full = SpeakerMemory()
        var lazy = SpeakerMemory()
        var fullQuotes: [Quote] = []
        var lazyQuotes: [Quote] = []
        var blanks = 0
        for (index, bytes) in paragraphs.enumerated() {
            var spans = QuoteScanner.spans(in: bytes)
            spans.removeAll { !QuoteAttribution.isQuotation(in: bytes, $0) }
            var all = ProseTokenizer.tokens(bytes, spans: spans)
            var some = ProseTokenizer.tokens(bytes, spans: spans, mentionsOnly: true)
            if spans.isEmpty {
                // Without quotes, a blank stands for a stretch of words: each token is the
                // word that starts where it does, and a blank's word (and every word up to
                // the next token) is not capitalised.
                let starts = Dictionary(all.enumerated().map { ($1.start, $0) }, uniquingKeysWith: { a, _ in a })
                var previous = -1
                for (position, part) in some.enumerated() {
                    guard let at = starts[part.start] else {
                        XCTFail("\(label) paragraph \(index): no word at \(part.start)", file: file, line: line)
                        continue
                    }
                    XCTAssertGreaterThan(at, previous, file: file, line: line)
                    if part.isBlank {
                        let next = position + 1 < some.count ? (starts[some[position + 1].start] ?? all.count) : all.count
                        for whole in all[at..<next] {
                            XCTAssertFalse(whole.isCapitalised, "\(label) paragraph \(index)", file: file, line: line)
                            XCTAssertFalse(whole.isQuote, file: file, line: line)
                        }
                        blanks += 1
                    } else {
                        XCTAssertEqual(part.lower, all[at].lower, file: file, line: line)
                        XCTAssertEqual(part.classes.rawValue, all[at].classes.rawValue, file: file, line: line)
                        XCTAssertEqual(part.trailing, all[at].trailing, file: file, line: line)
                    }
                    previous = at
                }
            } else {
                XCTAssertEqual(all.count, some.count, "\(label) paragraph \(index)", file: file, line: line)
                for (whole, part) in zip(all, some) where part.isBlank {
                    // A blank stands for a word that is not capitalised, as the word is not.
                    XCTAssertFalse(whole.isCapitalised, "\(label) paragraph \(index)", file: file, line: line)
                    XCTAssertFalse(whole.isQuote, file: file, line: line)
                    blanks += 1
                }
            }
            all.withUnsafeMutableBufferPointer {
                QuoteAttribution.read(paragraph: index, bytes, tokens: $0, memory: &full, quotes: &fullQuotes)
            }
            some.withUnsafeMutableBufferPointer {
                QuoteAttribution.read(paragraph: index, bytes, tokens: $0, memory: &lazy, quotes: &lazyQuotes)
            }
            XCTAssertEqual(full, lazy, "\(label) paragraph \(index): \(String(decoding: bytes, as: UTF8.self))",
                           file: file, line: line)
        }
        XCTAssertEqual(fullQuotes, lazyQuotes, label, file: file, line: line)
        XCTAssertEqual(QuoteAttribution.quotes(in: paragraphs), QuoteAttribution.quotes(in: paragraphs, readAllWords: true),
                       label, file: file, line: line)
        return blanks
    }

    private func paragraphs(of bytes: [UInt8]) -> [[UInt8]] {
        bytes.withUnsafeBufferPointer { PageSegmenter.segment(TextCleaning.lines(of: $0)).paragraphBytes }
    }

    func testSampleAndHoldoutFilesRememberTheSameNames() throws {
        let roots = [ParserAnatomyTests.fixtures, ScoringFiles.root.appendingPathComponent("SampleData"),
                     ScoringFiles.root.appendingPathComponent("Tests/CableCoreTests/Holdout"),
                     ScoringFiles.root.appendingPathComponent("Tests/CableCoreTests/Holdout2")]
        var files: [(String, [UInt8])] = []
        for root in roots {
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "txt" {
                files.append((url.lastPathComponent, [UInt8](try Data(contentsOf: url))))
            }
        }
        XCTAssertGreaterThan(files.count, 50)
        var blanks = 0
        for (name, bytes) in files { blanks += assertSameReading(paragraphs(of: bytes), name) }
        // Not vacuous: real prose has many words no name reaches.
        XCTAssertGreaterThan(blanks, 1000)
        // Paragraphs of one file spliced after another's: memories carried across pages.
        var random: UInt64 = 0x5EED
        for round in 0..<200 {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let first = paragraphs(of: files[Int((random >> 33) % UInt64(files.count))].1)
            let second = paragraphs(of: files[Int((random >> 13) % UInt64(files.count))].1)
            assertSameReading(Array(first.suffix(first.count / 2)) + second, "splice \(round)")
        }
    }

    /// Prose made of the words that decide how far a name runs: connectors, titles in
    /// lower case, descriptors, articles, capitalised words, punctuation, with quotes in
    /// some paragraphs only.
    func testRandomProseNearNamesRemembersTheSameNames() {
        let pieces = ["of", "the", "for", "and", "de", "van", "al", "spokesman", "spokeswoman", "minister",
                      "official", "government", "delegation", "deputy", "said", "told", "a", "an", "his",
                      "which", "who", "in", "at", "by", "was", "has", "Minister", "Defence", "Jane", "Doe",
                      "Doe,", "Doe.", "Ministry", "Foreign", "Affairs", "Sweden's", "Gao", "Lin", "Mr.", "F.",
                      "analyst,", "reporters.", "(the", "said:", "Kessling", "Secretary", "Cyber", "Policy",
                      "embassy", "statement", "élan", "Ölander", "2024", "—", "x", "etc.", "according", "to",
                      "he", "she", "It", "said.", "told", "added,", "adding:", "U.S.", "Gen.", "spoke.", "so-called"]
        let quotes = ["\"We will not yield to anyone,\"", "\"Nothing more will be said.\"", "“It is over now”",
                      "\"Two words\"", "\"Not a question?\"", "\"We stay,\"."]
        var state: UInt64 = 0xC0FFEE
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var blanks = 0
        for article in 0..<3000 {
            var paragraphs: [[UInt8]] = []
            for _ in 0..<(1 + next(6)) {
                var words: [String] = []
                for _ in 0..<(1 + next(40)) { words.append(pieces[next(pieces.count)]) }
                for _ in 0..<next(4) where next(2) == 0 {
                    words.insert(quotes[next(quotes.count)], at: next(words.count + 1))
                }
                paragraphs.append(Array(words.joined(separator: " ").utf8))
            }
            blanks += assertSameReading(paragraphs, "random article \(article)")
        }
        XCTAssertGreaterThan(blanks, 100)
    }

    /// Cases at the edge of a name's reach: a title three words after a name, a long
    /// chain of connectors, a run of lower-case titles.
    func testNamesReachingOverLowerCaseWords() {
        let cases = [
            ["Ethiopian government delegation spokesman Tesfaye Gebremariam arrived today.", "\"We will not go anywhere,\" Gebremariam said."],
            ["Ethiopian government delegation press spokesman Tesfaye Gebremariam arrived.", "\"We will not go anywhere,\" Gebremariam said."],
            ["The Ministry of of of of the Economy acted.", "\"It will not go anywhere,\" the ministry said."],
            ["Minister spokesman spokesman spokesman spokesman Jane Doe spoke.", "\"We will not go anywhere,\" Doe said."],
            ["Jane Doe, a senior analyst at the institute, spoke.", "\"We will not go anywhere,\" she said."],
            ["it was a day when the deputy minister Jane Doe came.", "\"We will not go anywhere,\" the minister said."],
        ]
        for paragraphs in cases {
            assertSameReading(paragraphs.map { Array($0.utf8) }, paragraphs[0])
        }
    }

    /// Finding a quote's sentence leaves a blank blank when its last byte says it ends no
    /// sentence (`ProseTokenizer.sentenceFacts`): for every word, the answer must be the
    /// word's own, tokenized in full.
    func testSentenceFactsOfABlankAreThoseOfTheWord() throws {
        var words = ["said", "said.", "said,", "etc.", "no.", "approx.", "u.s.", "spoke?", "spoke!", "him”", "him.”",
                     "it’s", "x", "2024.", "élan", "élan.", "(the", "the)", "a.m.", "p.m", "mr.", "jan.", "–", "…"]
        let sample = try Data(contentsOf: ScoringFiles.root.appendingPathComponent("Tests/CableCoreTests/Holdout")
            .appendingPathComponent(try FileManager.default.contentsOfDirectory(atPath: ScoringFiles.root
                .appendingPathComponent("Tests/CableCoreTests/Holdout").path).filter { $0.hasSuffix(".txt") }.sorted()[0]))
        words += String(decoding: sample, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        var checked = 0
        for word in words {
            let bytes = Array(("x " + word + " y").utf8)
            bytes.withUnsafeBufferPointer { text in
                let end = bytes.count - 2
                guard Bytes.isLower(bytes[2]) else { return }
                var storage = [ProseTokenizer.blank(2, end)]
                let full = ProseTokenizer.word(text, 2, end, lexicon: WordClass.lexicon)
                storage.withUnsafeMutableBufferPointer { tokens in
                    let facts = ProseTokenizer.sentenceFacts(0, of: tokens, in: text)
                    XCTAssertEqual(facts.isQuote, full.isQuote, word)
                    XCTAssertEqual(facts.endsSentence, full.endsSentence, word)
                    // A blank made real is the word.
                    let run = TokenRun(realizing: tokens, text: text)
                    XCTAssertEqual(run[0].lower, full.lower, word)
                    XCTAssertEqual(run[0].trailing, full.trailing, word)
                    XCTAssertEqual(run[0].classes.rawValue, full.classes.rawValue, word)
                    XCTAssertFalse(tokens[0].isBlank, word)
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }

    /// In a paragraph with quotes, a run of words that start lower-case after a blank is
    /// written by a loop of its own (`ProseTokenizer.fill`): every token must be the token
    /// of the same word read in full (a blank made real is that word, field by field), in
    /// paragraphs of spaces of every width, quotes, punctuation and both cases.
    func testEveryBlankIsTheWordReadInFull() {
        let pieces = ["a", "the", "said", "said,", "of", "spokesman", "Minister", "Jane", "Doe.", "(the", "2024",
                      "élan", "Ölander", "it’s", "u.s.", "x", "—", "\"We go,\"", "“Not now.”", "\"A b c\".", "and"]
        var random = Random(seed: 0xB1A4C)  // seeded, so a failing paragraph can be found again
        func next(_ bound: Int) -> Int { random.int(bound) }
        var blanks = 0
        for round in 0..<3000 {
            var text = ""
            for _ in 0..<(1 + next(30)) {
                text += pieces[next(pieces.count)] + String(repeating: " ", count: 1 + (next(8) == 0 ? next(3) : 0))
            }
            if next(4) == 0 { text = " " + text }
            let bytes = Array(text.utf8)
            let spans = QuoteScanner.spans(in: bytes)
            let all = ProseTokenizer.tokens(bytes, spans: spans)
            var some = ProseTokenizer.tokens(bytes, spans: spans, mentionsOnly: true)
            guard !spans.isEmpty else { continue }
            XCTAssertEqual(all.count, some.count, text)
            guard all.count == some.count else { continue }
            blanks += some.filter(\.isBlank).count
            bytes.withUnsafeBufferPointer { buffer in
                some.withUnsafeMutableBufferPointer { tokens in
                    let run = TokenRun(realizing: tokens, text: buffer)
                    for (k, whole) in all.enumerated() {
                        let part = run[k]
                        let label = "round \(round) token \(k): \(text)"
                        XCTAssertEqual(part.start, whole.start, label)
                        XCTAssertEqual(part.end, whole.end, label)
                        XCTAssertEqual(part.nameEnd, whole.nameEnd, label)
                        XCTAssertEqual(part.quote, whole.quote, label)
                        XCTAssertEqual(part.lower, whole.lower, label)
                        XCTAssertEqual(part.trailing, whole.trailing, label)
                        XCTAssertEqual(part.isCapitalised, whole.isCapitalised, label)
                        XCTAssertEqual(part.isInitial, whole.isInitial, label)
                        XCTAssertEqual(part.isPossessive, whole.isPossessive, label)
                        XCTAssertEqual(part.classes.rawValue, whole.classes.rawValue, label)
                        XCTAssertEqual(part.quoteEndsSentence, whole.quoteEndsSentence, label)
                    }
                }
            }
        }
        // Not vacuous: most rounds have quotes, and runs of blanks between them.
        XCTAssertGreaterThan(blanks, 5000)
    }

    /// `nextWordNotLower` reads eight bytes at a time: it must find what a byte-by-byte
    /// search finds, from every place, in text of spaces, letters of both cases, digits,
    /// punctuation and bytes of other characters.
    func testNextWordNotLowerIsTheBytewiseSearch() {
        let alphabet: [UInt8] = Array(" aaz{`AZ@[09.,\"'".utf8) + [0x20, 0x20, 0x61, 0x7A, 0x7B, 0x60, 0xE2, 0x80, 0x9C, 0xC3, 0xA9, 0xFF, 0x00, 0x7F]
        var state: UInt64 = 0xFACE
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<(1 + Int(state % 40)) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int((state >> 33) % UInt64(alphabet.count))])
            }
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...buffer.count {
                    var expected = start
                    while expected < buffer.count
                        && !(expected >= 1 && buffer[expected - 1] == 0x20 && buffer[expected] != 0x20 && !Bytes.isLower(buffer[expected])) {
                        expected += 1
                    }
                    XCTAssertEqual(ProseTokenizer.nextWordNotLower(in: buffer, after: start), expected, "\(bytes) from \(start)")
                }
            }
        }
    }
}
