@testable import CableCore
import XCTest

/// The quote scan's fast paths against plain readings: the byte skip that finds `"` and `'`
/// in one test (and `#` and `&` with them), and the one array of an article's quotations
/// against a filtered array for each paragraph.
final class QuoteScanFastPathTests: XCTestCase {
    /// Deterministic pseudo-random paragraphs over the bytes the scan cares about, the two
    /// that share its test with the quote marks, and words that name what follows.
    private func samples(_ count: Int = 3000) -> [[UInt8]] {
        let pieces = ["the", "of", "Minister", "said", "\"", "'", "“", "”", "‘", "’", "«", "»", "„", "—", "#", "&",
                      "$", "%", "é", "2024", "A", "to", "So-called", "titled", "dubbed", "named", "Named", "nicknamed",
                      "(", ")", ",", ".", " ", "  ", "x", "Open", "Doors?", "Security", "…", "\u{00A0}", "it's",
                      "ministers'", "plan", "We will fight on", "Ångström", "¢", "â"]
        var state: UInt64 = 0xD1B5_4A32_D192_ED03
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var texts: [[UInt8]] = [[], [0x20], Array("\"".utf8), Array("#&".utf8)]
        for _ in 0..<count {
            var text = ""
            for k in 0..<next(30) {
                if k > 0 && next(3) > 0 { text += " " }
                text += pieces[next(pieces.count)]
            }
            texts.append(Array(text.utf8))
        }
        return texts
    }

    /// The skip stops at the first byte that may begin a quote mark, or at a `#` or `&`
    /// before it, and never passes one: for every start in every sample.
    func testNextCandidateStopsAtTheFirstQuoteByteOrAHashOrAmpersand() {
        var stopsAtHash = 0
        for bytes in samples() {
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...buffer.count {
                    var expected = start
                    while expected < buffer.count && ![0x22, 0x27, 0xE2, 0xC2].contains(buffer[expected]) { expected += 1 }
                    let found = QuoteScanner.nextCandidate(in: buffer, from: start)
                    XCTAssertLessThanOrEqual(found, expected, "\(bytes) \(start)")
                    XCTAssertGreaterThanOrEqual(found, start)
                    if found < expected {
                        XCTAssertTrue([0x23, 0x26].contains(buffer[found]), "\(bytes) \(start)")
                        XCTAssertFalse(buffer[start..<found].contains { [0x22, 0x27, 0xE2, 0xC2, 0x23, 0x26].contains($0) })
                        stopsAtHash += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(stopsAtHash, 0)
        // Every byte value in every place of a buffer read sixteen, eight and one at a time.
        for value in 0...255 {
            for lane in 0..<27 {
                var bytes = [UInt8](repeating: 0x61, count: 27)
                bytes[lane] = UInt8(value)
                let found = bytes.withUnsafeBufferPointer { QuoteScanner.nextCandidate(in: $0, from: 0) }
                // (The last bytes, one at a time, are tested for the quote bytes alone.)
                let isCandidate = lane < 24 ? [0x22, 0x27, 0xE2, 0xC2, 0x23, 0x26].contains(value)
                    : [0x22, 0x27, 0xE2, 0xC2].contains(value)
                XCTAssertEqual(found, isCandidate ? lane : 27, "byte \(value) at \(lane)")
            }
        }
    }

    /// An article's quotations in one array are, paragraph by paragraph, the spans the
    /// scanner finds in it filtered by `isQuotation`.
    func testQuotationsOfAnArticleAreEachParagraphsFiltered() {
        let paragraphs = samples(4000)
        var kept = 0
        var dropped = 0
        for start in stride(from: 0, to: paragraphs.count, by: 7) {
            let article = Array(paragraphs[start..<min(start + 7, paragraphs.count)])
            let (spans, ends, lastQuoted) = QuoteAttribution.quotations(in: article)
            XCTAssertEqual(ends.count, article.count)
            var expectedLast: Int?
            for (index, bytes) in article.enumerated() {
                let found = QuoteScanner.spans(in: bytes)
                let expected = found.filter { QuoteAttribution.isQuotation(in: bytes, $0) }
                dropped += found.count - expected.count
                kept += expected.count
                if !expected.isEmpty { expectedLast = index }
                let got = spans[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
                XCTAssertEqual(got.map { [$0.open, $0.contentStart, $0.contentEnd, $0.after] },
                               expected.map { [$0.open, $0.contentStart, $0.contentEnd, $0.after] })
            }
            XCTAssertEqual(lastQuoted, expectedLast)
        }
        XCTAssertGreaterThan(kept, 100)
        XCTAssertGreaterThan(dropped, 100)
    }
}

/// `isQuotation` turns away a word before the mark that does not end in `d` without reading
/// it: every naming word must end in `d`, and the verdict must be the plain reading's.
final class QuotationShortcutTests: XCTestCase {
    func testEveryNamingWordEndsInD() {
        for word in ["so-called", "titled", "entitled", "named", "dubbed", "codenamed", "nicknamed"] {
            XCTAssertTrue(QuoteAttribution.namingWords.contains(WordKey(word)), word)
        }
        XCTAssertEqual(QuoteAttribution.namingWords.count, 7, "a new naming word must end in d, or the shortcut go")
    }

    /// The plain reading: the counts of `LineShape` over the whole quotation, and the word
    /// before the mark always looked up.
    private func plainIsQuotation(_ paragraph: [UInt8], _ span: QuoteSpan) -> Bool {
        let content = Array(paragraph[span.contentStart..<span.contentEnd])
        let shape = LineShape(content)
        guard shape.wordCount >= 3 else { return false }
        if shape.wordCount <= 10 && shape.isTitleCase && shape.significantWords >= 2 {
            if let last = content.last(where: { $0 != 0x20 }), !(last == 0x2C || last == 0x2E || last == 0x21) { return false }
        }
        var end = span.open
        while end > 0 && paragraph[end - 1] == 0x20 { end -= 1 }
        var start = end
        while start > 0 && paragraph[start - 1] != 0x20 && end - start < 40 { start -= 1 }
        return !QuoteAttribution.namingWords.contains(WordKey(paragraph, start, end))
    }

    func testQuotationVerdictIsThePlainReadings() {
        let words = ["the", "so-called", "So-Called", "titled", "TITLED", "entitled", "named", "nameD", "dubbed",
                     "codenamed", "nicknamed", "said", "and", "bad", "Minister", "Open", "Doors", "of", "we", "will",
                     "fight", "on", ",", ".", "!", "é", "rd", "d", "x-titled", "untitled", "(titled"]
        let marks = [("\"", "\""), ("“", "”"), ("‘", "’"), ("«", "»")]
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var verdicts = [0, 0]
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<next(4) { text += words[next(words.count)] + " " }
            let (open, close) = marks[next(marks.count)]
            text += open
            for k in 0..<(1 + next(13)) { text += (k > 0 ? " " : "") + words[next(words.count)] }
            text += close + " he said."
            let paragraph = Array(text.utf8)
            for span in QuoteScanner.spans(in: paragraph) {
                let verdict = QuoteAttribution.isQuotation(in: paragraph, span)
                XCTAssertEqual(verdict, plainIsQuotation(paragraph, span), text)
                verdicts[verdict ? 1 : 0] += 1
            }
        }
        XCTAssertGreaterThan(verdicts[0], 1_000)
        XCTAssertGreaterThan(verdicts[1], 1_000)
    }
}

/// `QuotedWords` first counts word starts eight bytes at a time: the verdict must be a plain
/// count's, for texts of every length and spaces in every lane.
final class QuotedWordsCountTests: XCTestCase {
    func testMoreWordsThanTheLimitAsAPlainCountSays() {
        var state: UInt64 = 0x0F1E_2D3C_4B5A_6978
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let material: [UInt8] = [0x20, 0x20, 0x20, 0x61, 0x41, 0x2C, 0xA0, 0xC2, 0x00, 0xFF, 0x21, 0x60, 0xA0]
        var both = [0, 0]
        for length in 0..<120 {
            for _ in 0..<40 {
                let text = (0..<length).map { _ in material[next(material.count)] }
                var plain = 0
                var afterSpace = true
                for b in text {
                    if b != 0x20 && afterSpace { plain += 1 }
                    afterSpace = b == 0x20
                }
                for limit in [0, 1, 2, 3, 5, 10, 20] {
                    let more = text.withUnsafeBufferPointer { QuotedWords.hasMoreWords(than: limit, in: $0) }
                    XCTAssertEqual(more, plain > limit, "\(text) \(limit)")
                    both[more ? 1 : 0] += 1
                }
            }
        }
        XCTAssertGreaterThan(both[0], 1_000)
        XCTAssertGreaterThan(both[1], 1_000)
    }
}
