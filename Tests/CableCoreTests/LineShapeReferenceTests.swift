@testable import CableCore
import XCTest

/// `LineShape` reads a line eight bytes at a time with bit tricks; every fact it gives must be
/// what a plain reading of the documented facts gives, byte by byte and word by word. The plain
/// reading is here (`LineShapeReference`), and is checked against on every sample and fixture
/// line (in `ParserFastPathTests`) and on random lines below.
enum LineShapeReference {
    /// The names of the facts, in the order `facts` lists them (for failure messages).
    static let names = ["wordCount", "letterWords", "significantWords", "capitalisedWords", "lowercaseWords",
                        "commaCount", "letterCount", "lowercaseLetters", "endsWithSentencePunctuation",
                        "endsWithPeriod", "endsWithColon", "endsWithEllipsis", "startsWithLowercase",
                        "startsWithQuote", "hasQuoteMark", "byteCount", "hasWordFacts"]

    /// Every fact of a measured shape, as numbers (a flag is 0 or 1).
    static func facts(of shape: LineShape) -> [Int] {
        [shape.wordCount, shape.letterWords, shape.significantWords, shape.capitalisedWords, shape.lowercaseWords,
         shape.commaCount, shape.letterCount, shape.lowercaseLetters, shape.endsWithSentencePunctuation.bit,
         shape.endsWithPeriod.bit, shape.endsWithColon.bit, shape.endsWithEllipsis.bit, shape.startsWithLowercase.bit,
         shape.startsWithQuote.bit, shape.hasQuoteMark.bit, shape.byteCount, shape.hasWordFacts.bit]
    }

    /// The facts of `bytes` (valid UTF-8) read plainly; without `wordFacts`, the per-word facts,
    /// the letter counts and `hasQuoteMark` are zero, as a shape made `countingWords` has them.
    static func facts(_ bytes: [UInt8], wordFacts: Bool = true) -> [Int] {
        // Words: runs of bytes other than the space.
        let words = bytes.split(separator: 0x20, omittingEmptySubsequences: true).map { Array($0) }
        var letterWords = 0, significant = 0, capitalised = 0, lowercaseWords = 0
        var startsWithLowercase = false
        for (index, word) in words.enumerated() {
            guard let initial = initialCase(word) else { continue }
            letterWords += 1
            if index == 0 && initial == .lower { startsWithLowercase = true }
            let lowered = String(decoding: word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
            guard !Vocabulary.smallWords.contains(lowered) else { continue }
            significant += 1
            if initial == .upper { capitalised += 1 } else { lowercaseWords += 1 }
        }
        if !wordFacts { (letterWords, significant, capitalised, lowercaseWords, startsWithLowercase) = (0, 0, 0, 0, false) }
        // Letters: ASCII letters, and lead bytes from 0xC3 (characters from U+00C0 up).
        let letters = bytes.filter { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 >= 0xC3 }.count
        let lowercase = bytes.filter { $0 >= 0x61 && $0 <= 0x7A }.count
        let commas = bytes.filter { $0 == 0x2C }.count
        // `"`, or `“` / `«` as their last two bytes (as the parser has always looked for them).
        var quoteMark = false
        for k in bytes.indices where bytes[k] == 0x22 || k > 0 && (bytes[k - 1] == 0x80 && bytes[k] == 0x9C || bytes[k - 1] == 0xC2 && bytes[k] == 0xAB) {
            quoteMark = true
        }
        // The ending: closing quotes and brackets dropped, then the last character.
        var scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        while let last = scalars.last, "\"')]\u{201D}\u{2019}\u{BB}".unicodeScalars.contains(last) { scalars.removeLast() }
        let last = scalars.last
        let ellipsis = last == "\u{2026}" || scalars.suffix(3).elementsEqual("...".unicodeScalars)
        let period = last == "." || last == "\u{2026}"
        let sentence = period || last == "!" || last == "?"
        let colon = last == ":"
        let first = String(decoding: bytes, as: UTF8.self).unicodeScalars.first
        let startsWithQuote = first.map { "\"\u{201C}\u{2018}\u{201E}\u{AB}".unicodeScalars.contains($0) } ?? false
        return [words.count, letterWords, significant, capitalised, lowercaseWords, commas,
                wordFacts ? letters : 0, wordFacts ? lowercase : 0,
                sentence.bit, period.bit, colon.bit, ellipsis.bit, startsWithLowercase.bit, startsWithQuote.bit,
                (wordFacts && quoteMark).bit, bytes.count, wordFacts.bit]
    }

    /// The case of a word's first letter: characters before it that are not letters (quotes,
    /// brackets, dashes) are passed over, but a digit first means no letter initial.
    static func initialCase(_ word: [UInt8]) -> LetterCase? {
        for scalar in String(decoding: word, as: UTF8.self).unicodeScalars {
            if scalar.value >= 0x30 && scalar.value <= 0x39 { return nil }
            if scalar.value >= 0x2000 && scalar.value < 0x2070 { continue }  // curly quotes, dashes
            if scalar.properties.isUppercase { return .upper }
            if scalar.properties.isLowercase { return .lower }
        }
        return nil
    }

    /// A message naming the facts that differ.
    static func differences(_ ours: [Int], _ plain: [Int], _ bytes: [UInt8]) -> String {
        let names = zip(names, zip(ours, plain)).filter { $0.1.0 != $0.1.1 }.map { "\($0.0) \($0.1.0) vs \($0.1.1)" }
        return "\(names.joined(separator: ", ")) in \(String(reflecting: String(decoding: bytes, as: UTF8.self)))"
    }

    /// Asserts both ways of measuring `bytes` against the plain reading.
    static func check(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        let whole = facts(of: LineShape(bytes)), plain = facts(bytes)
        XCTAssertEqual(whole, plain, differences(whole, plain, bytes), file: file, line: line)
        let quick = facts(of: LineShape(countingWords: bytes)), plainQuick = facts(bytes, wordFacts: false)
        XCTAssertEqual(quick, plainQuick, differences(quick, plainQuick, bytes), file: file, line: line)
        let slice = facts(of: LineShape(ArraySlice(bytes)))
        XCTAssertEqual(slice, plain, differences(slice, plain, bytes), file: file, line: line)
    }
}

final class LineShapeReferenceTests: XCTestCase {
    /// Pieces random lines are made of: words in every case, small words, digits, quotes of
    /// every kind, letters from other scripts, punctuation at either end, and characters that
    /// share bytes with quote marks (Cyrillic `М` ends in 0x9C, `〜` is E3 80 9C).
    private static let pieces = [
        "Minister", "minister", "MINISTER", "Talks", "talks", "x", "I", "a", "A", "the", "The", "THE", "of", "Of",
        "and", "AND", "vs.", "Vs.", "&", "amid", "Amid", "about", "after", "Over", "into", "van", "de", "bin", "thee",
        "ofx", "than", "abouts", "2024", "3.5", "10,000", "G7", "7G", "\"", "“", "”", "‘", "’", "«", "»", "„", "'",
        "\"Quoted", "“Hello”", "«Bonjour»", "‘single’", "(Reuters)", "[1]", "—", "–", "|", "…", "...", ".", ",", ":",
        ";", "!", "?", "-", "É", "Élysée", "élan", "ß", "Straße", "Ω", "ωmega", "Ωmega", "ü", "Ürümqi", "ñ",
        "Москва", "М", "〜", "\u{AB}", "\u{9C}", "ª", "Ⅻ", "日本", "🙂", "e\u{301}", "—Word", "—word", "…and",
    ]

    private static func randomLine(using generator: inout SystemRandomNumberGenerator) -> [UInt8] {
        let target = Int.random(in: 0...300, using: &generator)
        var bytes: [UInt8] = []
        if Int.random(in: 0..<8, using: &generator) == 0 { bytes += Array(repeating: 0x20, count: Int.random(in: 1...3, using: &generator)) }
        while bytes.count < target {
            bytes += Array((pieces.randomElement(using: &generator) ?? "").utf8)
            // Mostly single spaces, sometimes runs, sometimes none (pieces glued into one word).
            let gap = [0, 1, 1, 1, 1, 1, 2, 3].randomElement(using: &generator) ?? 1
            bytes += Array(repeating: 0x20, count: gap)
        }
        if Bool.random(using: &generator) { while bytes.last == 0x20 { bytes.removeLast() } }
        return bytes
    }

    func testEveryFactMatchesThePlainReadingOnRandomLines() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<8_000 {
            LineShapeReference.check(Self.randomLine(using: &generator))
        }
    }

    /// Every length from 0 to 40 (whole eight-byte chunks, tails, lines shorter than eight
    /// bytes) and words cut at every place, with and without a trailing space.
    func testEveryFactMatchesThePlainReadingAtEveryLength() {
        let text = Array("“The Élysée and 10,000 of them: ARE in talks, amid «war»; a x … ”the\" vs. Ωmega...".utf8)
        for start in 0..<text.count {
            for end in start...text.count {
                let piece = Array(text[start..<end])
                guard String(validating: piece, as: UTF8.self) != nil else { continue }
                LineShapeReference.check(piece)
                LineShapeReference.check(piece + [0x20])
                LineShapeReference.check([0x20] + piece)
            }
        }
        for length in 0...40 {
            LineShapeReference.check(Array(repeating: 0x61, count: length))
            LineShapeReference.check(Array(repeating: 0x20, count: length))
            LineShapeReference.check(Array(String(repeating: "of ", count: length).utf8))
            LineShapeReference.check(Array(String(repeating: ",", count: length * 60).utf8))
        }
        // Long lines: the packed counters are emptied before they can overflow (every 65,528
        // bytes), and words are counted across that boundary and in the last few bytes.
        LineShapeReference.check(Array(String(repeating: "a, The “b” ", count: 2_000).utf8))
        for tail in ["", "x", " Of", "  a,b c"] {
            LineShapeReference.check(Array((String(repeating: "a, The “b” ", count: 6_500) + tail).utf8))
            LineShapeReference.check(Array((String(repeating: "word", count: 16_382) + tail).utf8))
        }
    }
}
