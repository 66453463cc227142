@testable import CableCore
import Foundation
import XCTest

/// `DatelineParser` tokenizes into room on the stack, looks each word up once and gives up on
/// a line at its fifth word no pattern takes; it must read every line as the plain reading
/// (`DatelineReference`) does.
final class DatelineFastPathTests: XCTestCase {
    private func assertSameReading(_ line: [UInt8], file: StaticString = #filePath, lineNumber: UInt = #line) {
        XCTAssertEqual(DatelineParser.parse(line), DatelineReference.parse(line),
                       "\(String(decoding: line, as: UTF8.self))", file: file, line: lineNumber)
    }

    /// Lines made of the pieces datelines are made of, and of words that are none of them:
    /// months, zones (some of them ordinary words: `west`, `cat`), fillers, the marks a time
    /// takes, dashes of every kind, digits of every length, labels.
    func testGeneratedLinesAreReadAsByThePlainReading() {
        let pieces = ["18", "May", "2021", "12:29", "GMT", "Updated", ":", "20", "October", ",", "16:25", "Published",
                      "28.01.2020", "18:40", "UTC", "22", "2:10", "PM", "2024-03-07", "09:41", "T", "09:41:00+03:00",
                      "Z", "z", "+", "-", "\u{2013}", "\u{2014}", "\u{2212}", "/", ".", "a", "m", "p", "h", "hrs",
                      "th", "st", "west", "cat", "eat", "art", "minister", "said", "Ukraine", "war", "in", "the",
                      "03.02", "9.41am", "a.m.", "p.m.", "GMT+3", "UTC+03:00", "-05", "+0300", "é", "\u{00A0}",
                      "|", "123456789012", "7", "1999", "2201", "Sept", "Mon", "sunday", "local", "by", "x",
                      "published", "Published:", "\u{E2}", "PUBLISHED", "akst", "nzdt", "12", "24:00", "24:01"]
        // (And bytes of broken UTF-8: a lead byte that swallows the letters after it.)
        let pieceBytes = pieces.map { Array($0.utf8) } + [[0xE2], [0xE2, 0x80], [0xE2, 0x88], [0xC3], [0xF0, 0x9F], [0x80]]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var tested = 0
        var dates = 0
        for _ in 0..<40_000 {
            var line: [UInt8] = []
            for k in 0..<(1 + next(14)) {
                if k > 0 && next(3) > 0 { line.append(0x20) }
                line += pieceBytes[next(pieceBytes.count)]
            }
            assertSameReading(line)
            tested += 1
            if DatelineParser.parse(line) != nil { dates += 1 }
        }
        XCTAssertEqual(tested, 40_000)
        // The generator must reach dates, not only lines turned away.
        XCTAssertGreaterThan(dates, 1_000)
    }

    /// Lines of more tokens than fit on the stack (symbols and digits, one token a byte or
    /// two) take the heap's room and read the same.
    func testLinesOfManyTokensReadAsByThePlainReading() {
        let long = Array((String(repeating: ",", count: 70) + " 18 May 2021 12:29 GMT").utf8)
        XCTAssertGreaterThan(long.count, DatelineParser.stackTokens)
        XCTAssertNotNil(DatelineParser.parse(long))
        assertSameReading(long)
        for count in [60, 63, 64, 65, 66, 100, 140] {
            let line = Array(("2021-05-18 " + String(repeating: "1.", count: count / 2)).utf8.prefix(160))
            assertSameReading(line)
            let symbols = Array((String(repeating: "-", count: count) + " 18 May 2021").utf8.prefix(160))
            assertSameReading(symbols)
        }
    }

    /// Every line of the sample corpus and of the test fixtures reads the same.
    func testCorpusLinesReadAsByThePlainReading() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var lines = 0
        var dates = 0
        for folder in ["SampleData", "Tests/CableCoreTests"] {
            let files = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)?.allObjects ?? []
            for case let url as URL in files where url.pathExtension == "txt" {
                var text = try String(contentsOf: url, encoding: .utf8)
                for line in text.withUTF8({ TextCleaning.lines(of: $0) }).map(\.bytes) {
                    assertSameReading(line)
                    lines += 1
                    if DatelineParser.parse(line) != nil { dates += 1 }
                }
            }
        }
        XCTAssertGreaterThan(lines, 1_000)
        XCTAssertGreaterThan(dates, 50)
    }

    /// A word no pattern takes is one the reader counts among a line's other words: the
    /// tokenizer's early verdict rests on that.
    func testWordsNeverTakenAreOtherWords() {
        for word in ["minister", "west", "hrs", "z", "the", "may", "gmt", "t", "am", "th", "said"] {
            let key = WordKey(word)
            let known = DatelineParser.words[key] ?? DatelineParser.DatelineWord()
            let isOther = DatelineReference.fillerWords[key] == nil && DatelineReference.months[key] == nil
            XCTAssertEqual(known.isOther, isOther, word)
            let isNeverTaken = isOther && DatelineReference.zones[key] == nil && word != "hrs"
            XCTAssertEqual(known.isNeverTaken, isNeverTaken, word)
        }
    }

    /// Digits are counted sixteen bytes a step in lanes summed now and then, and the last
    /// bytes by an overlapping load with the lanes already counted masked off: the count must
    /// be the plain one for lines of every length, long ones (lanes full of digits) included.
    func testFourDigitsAreFoundInLinesOfEveryLength() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let material: [UInt8] = Array("0123456789/:. aZ".utf8) + [0xB0, 0xB9, 0xC2, 0xFF, 0x00, 0x2F, 0x3A]
        for length in 0..<700 {
            for _ in 0..<6 {
                // Few digits (near the threshold of four) or many.
                let digitRate = next(2) == 0 ? 40 : 2
                let line = (0..<length).map { _ in next(digitRate) == 0 ? UInt8(0x30 + next(10)) : material[next(material.count)] }
                XCTAssertEqual(DatelineParser.hasFourDigits(line), line.filter(Bytes.isDigit).count >= 4, "\(line)")
            }
            let allDigits = [UInt8](repeating: 0x37, count: length)
            XCTAssertEqual(DatelineParser.hasFourDigits(allDigits), length >= 4)
            // Exactly four digits at the very end, where the overlapping load reads them.
            var lastFour = [UInt8](repeating: 0x20, count: length)
            for k in max(0, length - 4)..<length { lastFour[k] = 0x39 }
            XCTAssertEqual(DatelineParser.hasFourDigits(lastFour), length >= 4)
        }
    }

    /// The `Published` label is looked for sixteen bytes a step, only at its `p`s: it must
    /// be found where the plain byte-by-byte search finds it, in every place of a line.
    func testPublishedLabelIsFoundAsByThePlainSearch() {
        var state: UInt64 = 0x7A3F_19C2_55E0_8D41
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = ["published", "Published", "PUBLISHED", "publishe", "p", "P", "pm", "Updated", "apublished",
                      "|", " ", "2024", ":", "é", "x", "Published:", "republished", "-published"].map { Array($0.utf8) }
        var found = 0
        for _ in 0..<20_000 {
            var line: [UInt8] = []
            for _ in 0..<next(12) { line += pieces[next(pieces.count)] }
            let expected = DatelineReference.publishedLabel(in: line)
            XCTAssertEqual(DatelineParser.publishedLabel(in: line), expected, "\(String(decoding: line, as: UTF8.self))")
            if expected != nil { found += 1 }
        }
        XCTAssertGreaterThan(found, 1_000)
        // A label starting in every place of a line read sixteen bytes a step and then one by one.
        for at in 1..<40 {
            var line = [UInt8](repeating: 0x20, count: 48)
            line.replaceSubrange(at..<min(at + 9, 48), with: Array("Published".utf8).prefix(48 - at))
            XCTAssertEqual(DatelineParser.publishedLabel(in: line), DatelineReference.publishedLabel(in: line), "at \(at)")
        }
    }

    /// 256 digits, all in the lanes one half of the vector reads (the last sixteen bytes'
    /// load included), would sum to zero in a byte: the lanes must be summed before they
    /// can overflow, whatever the number of chunks.
    func testFourDigitsAreFoundWhereLaneSumsWouldOverflow() {
        for chunks in 1...3 {
            // The last load reads the last sixteen bytes; its lanes 8 to 15 are the last eight.
            let length = chunks * 31 * 16 + 15
            var line = [UInt8](repeating: 0x20, count: length)
            for k in 0..<(length - 15) where k % 16 >= 8 { line[k] = 0x35 }
            for k in (length - 8)..<length { line[k] = 0x35 }
            XCTAssertTrue(DatelineParser.hasFourDigits(line), "\(chunks) chunks")
        }
    }
}
