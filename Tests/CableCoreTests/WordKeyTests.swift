@testable import CableCore
import Foundation
import XCTest

/// `WordKey` reads words with unaligned loads from either end of the buffer and lower-cases
/// eight bytes at a time: every path must give the key a byte-by-byte reading gives.
final class WordKeyTests: XCTestCase {
    /// The key as a plain loop would build it (ASCII letters lower-cased, first byte lowest).
    private func reference(_ word: [UInt8]) -> (UInt64, UInt64) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for (k, byte) in word.enumerated() {
            let lower = UInt64(Bytes.lower(byte))
            if k < 8 { low |= lower << UInt64(8 * k) } else { high |= lower << UInt64(8 * (k - 8)) }
        }
        return (low, high)
    }

    func testEveryLengthAndPlaceInTheBufferGivesTheSameKey() {
        let alphabet = Array("AbCdEfGhIjKlMnOpQrStUvWxYz@[`{Éé’".utf8)
        for length in 1...16 {
            let word = (0..<length).map { alphabet[($0 * 7 + length) % alphabet.count] }
            for before in [0, 1, 5, 9] {
                for after in [0, 1, 3, 7, 8, 20] {
                    let buffer = [UInt8](repeating: 0x20, count: before) + word + [UInt8](repeating: 0x41, count: after)
                    let key = buffer.withUnsafeBufferPointer { WordKey($0, before, before + length) }
                    let expected = reference(word)
                    if let text = String(validating: word, as: UTF8.self) {
                        XCTAssertEqual(key, WordKey(text), "\(length) \(before) \(after)")
                    }
                    XCTAssertEqual(key.low, expected.0, "\(length) \(before) \(after)")
                    XCTAssertEqual(key.high, expected.1, "\(length) \(before) \(after)")
                }
            }
        }
    }

    func testCaseFoldsOnlyASCIILettersAndLongWordsNeverEqualShortOnes() {
        XCTAssertEqual(WordKey("Minister"), WordKey("mINISTER"))
        XCTAssertNotEqual(WordKey("@"), WordKey("`"), "0x40 and 0x60 are not letters")
        XCTAssertNotEqual(WordKey("["), WordKey("{"))
        XCTAssertNotEqual(WordKey("É"), WordKey("é"), "only ASCII is folded")
        XCTAssertEqual(WordKey("Telecommunications"), WordKey("telecommunications"))
        XCTAssertNotEqual(WordKey("telecommunications"), WordKey("telecommunication"))
        XCTAssertNotEqual(WordKey(""), WordKey("a"))
    }

    /// The table answers what a dictionary of the same words answers, for every word it holds
    /// and for words it does not (including the empty word, which marks free slots).
    func testWordTableAgreesWithADictionary() {
        var words = Array(Vocabulary.titleHeads) + Array(Vocabulary.speechVerbs) + Array(Vocabulary.organisationWords)
        words = Array(Set(words)).sorted()
        let entries = words.enumerated().map { ($0.element, $0.offset) }
        let table = WordTable(entries)
        let dictionary = Dictionary(uniqueKeysWithValues: entries.map { (WordKey($0.0), $0.1) })
        for word in words {
            XCTAssertEqual(table[WordKey(word)], dictionary[WordKey(word)], word)
            XCTAssertEqual(table[WordKey(word.uppercased())], dictionary[WordKey(word)], word)
        }
        for other in ["", "x", "zzzz", "ministers-of", "telecommunicationsx", "said.", "é"] {
            XCTAssertEqual(table[WordKey(other)], dictionary[WordKey(other)], other)
        }
        XCTAssertNil(WordTable<Int>([])[WordKey("said")])
    }

    /// The lexicon (tags probed before slots) answers for every word of the sample articles,
    /// and for every word it holds, what the vocabulary's sets answer.
    func testLexiconAgreesWithTheVocabularySets() throws {
        let sets: [(Set<String>, WordClass)] = [
            (Vocabulary.speechVerbs, .speechVerb), (Vocabulary.participles, .participle),
            (QuoteAttribution.plainSpeechVerbs, .plainSpeechVerb), (Vocabulary.titleHeads, .titleHead),
            (Vocabulary.determiners, .determiner), (Vocabulary.personalPronouns, .pronoun),
            (Vocabulary.organisationWords, .organisation), (QuoteAttribution.prepositions, .preposition),
            (QuoteAttribution.connectors, .connector), (QuoteAttribution.auxiliaries, .auxiliary),
            (QuoteAttribution.clauseOpeners, .clauseOpener), (Vocabulary.honorifics, .honorific),
            (SpeakerResolution.spokesWords, .spokesWord), (SpeakerResolution.genericGroups, .genericGroup),
            (SpeakerResolution.genericTitles, .genericTitle), (ProseToken.abbreviations, .abbreviation),
        ]
        func expected(_ word: String) -> WordClass? {
            var classes: WordClass = []
            for (words, kind) in sets where words.contains(word.lowercased()) { classes.insert(kind) }
            return classes.isEmpty ? nil : classes
        }
        var words = Set(sets.flatMap { $0.0 })
        let root = ScoringFiles.root.appendingPathComponent("SampleData")
        let walker = try XCTUnwrap(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        for case let url as URL in walker where url.pathExtension == "txt" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) { words.insert(String(word)) }
        }
        XCTAssertGreaterThan(words.count, 3000)
        for word in words where word.utf8.count <= 16 && word.utf8.allSatisfy({ $0 < 0x80 }) {
            XCTAssertEqual(WordClass.lexicon[WordKey(word)]?.rawValue, expected(word)?.rawValue, word)
        }
    }
}
