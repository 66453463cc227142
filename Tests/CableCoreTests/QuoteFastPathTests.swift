@testable import CableCore
import XCTest

/// Fast paths in quote finding must agree with the plain versions they replace: the byte
/// skip in `QuoteScanner` with a byte-by-byte loop, `QuotedWords` with `LineShape`.
final class QuoteFastPathTests: XCTestCase {
    /// Deterministic pseudo-random text over an alphabet with every byte the fast paths care
    /// about: quote marks, their lead bytes inside other characters, spaces, capitals, small words.
    private func samples() -> [[UInt8]] {
        let pieces = ["the", "of", "and", "Minister", "said", "\"", "'", "“", "”", "‘", "’", "«", "»", "„", "—",
                      "é", "Ölander", "2024", "A", "to", "in", "So-called", "(", ")", ",", ".", " ", "  ", "x",
                      "Open", "Doors?", "Security", "…", "\u{00A0}", "Ångström"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var texts: [[UInt8]] = [[], [0x20], Array("\"".utf8), Array("a b c".utf8)]
        for _ in 0..<3000 {
            var text = ""
            for k in 0..<next(24) {
                if k > 0 && next(3) > 0 { text += " " }
                text += pieces[next(pieces.count)]
            }
            texts.append(Array(text.utf8))
        }
        return texts
    }

    func testNextCandidateFindsTheFirstPossibleQuoteByte() {
        for bytes in samples() {
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...buffer.count {
                    var expected = start
                    while expected < buffer.count && ![0x22, 0x27, 0xE2, 0xC2].contains(buffer[expected]) { expected += 1 }
                    XCTAssertEqual(QuoteScanner.nextCandidate(in: buffer, from: start), expected, "\(bytes) \(start)")
                }
            }
        }
    }

    func testQuotedWordsCountsAsLineShapeDoesUpToTheLimit() {
        for bytes in samples() {
            let shape = LineShape(bytes)
            let words = bytes.withUnsafeBufferPointer { QuotedWords($0, limit: 10) }
            if shape.wordCount <= 10 {
                XCTAssertEqual(words.words, shape.wordCount, "\(bytes)")
                XCTAssertEqual(words.significant, shape.significantWords, "\(bytes)")
                XCTAssertEqual(words.capitalised, shape.capitalisedWords, "\(bytes)")
                XCTAssertEqual(words.isTitleCase, shape.isTitleCase, "\(bytes)")
            } else {
                XCTAssertEqual(words.words, 11, "stops after the eleventh word: \(bytes)")
                XCTAssertFalse(words.isTitleCase)
            }
        }
    }

    /// A word's core lower-cased into a String directly is the String of its bytes
    /// lower-cased: for ASCII, other characters, and ill-formed UTF-8 (repaired alike).
    func testLowercasedWordIsTheLowercasedBytesDecoded() {
        var texts = samples()
        texts.append([0x41, 0xFF, 0x42, 0x20, 0xC3, 0x20, 0x4D, 0xE2, 0x80, 0x20, 0xC3, 0x96, 0x4C])
        for bytes in texts {
            for token in ProseTokenizer.tokens(bytes, spans: []) {
                let expected = String(decoding: bytes[token.start..<token.end].map(Bytes.lower), as: UTF8.self)
                XCTAssertEqual(token.lowercased(in: bytes), expected, "\(bytes)")
            }
        }
    }

    /// A quote's text is trimmed as bytes before it is decoded: the same as decoding and
    /// trimming, whatever the spaces and characters at its ends.
    func testQuoteTextTrimsAsTheStringDid() {
        for content in ["  We will not yield.  ", "Já, sure… ", "   ", "", " é ", "\u{00A0}x\u{00A0}", "a"] {
            let bytes = Array("He said: \"\(content)\" today.".utf8)
            let spans = QuoteScanner.spans(in: bytes)
            let tokens = ProseTokenizer.tokens(bytes, spans: spans)
            guard let quote = tokens.first(where: \.isQuote) else {
                XCTFail("no quote token in \(content.debugDescription)")
                continue
            }
            let expected = String(decoding: bytes[quote.start..<quote.end], as: UTF8.self).trimmingSpaces
            XCTAssertEqual(QuoteAttribution.quoteText(quote, in: bytes), expected, content.debugDescription)
            XCTAssertEqual(expected, content.trimmingSpaces)
        }
    }

    /// A paragraph too long for the shared token storage is read from an array of its own,
    /// with the same result as the same sentence read from the storage.
    func testAParagraphTooLongForTheSharedStorageReadsTheSame() {
        let sentence = "Defence Minister Jane Doe said: \"We will not yield to anyone.\" She left."
        let filler = String(repeating: "and so on ", count: 30_000) + "to the end. "
        let short = QuoteAttribution.quotes(in: [Array(sentence.utf8)])
        let long = QuoteAttribution.quotes(in: [Array((filler + sentence).utf8)])
        XCTAssertEqual(short.count, 1)
        XCTAssertEqual(short.first?.speaker, "Jane Doe")
        XCTAssertEqual(long.map(\.text), short.map(\.text))
        XCTAssertEqual(long.map(\.speaker), short.map(\.speaker))
        XCTAssertEqual(long.map(\.role), short.map(\.role))
        // Both kinds in one article: the long paragraph first, then one from the storage.
        let both = QuoteAttribution.quotes(in: [Array((filler + sentence).utf8), Array("\"Again and again and again,\" she said.".utf8)])
        XCTAssertEqual(both.map(\.speaker), ["Jane Doe", "Jane Doe"])
    }
}
