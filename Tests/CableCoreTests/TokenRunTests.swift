@testable import CableCore
import XCTest

/// `TokenRun` replaced arrays copied out of a paragraph's tokens, and the tokenizer writes a
/// paragraph's tokens into shared storage: a run made from a slice must read as the array
/// made from the same slice did, and tokens written in place must be the tokens appended.
final class TokenRunTests: XCTestCase {
    private func same(_ run: TokenRun, _ array: [ProseToken], _ label: String) {
        XCTAssertEqual(run.count, array.count, label)
        XCTAssertEqual(Array(run.indices), Array(array.indices), label)
        for (a, b) in zip(run, array) {
            XCTAssertEqual(a.start, b.start, label)
            XCTAssertEqual(a.end, b.end, label)
            XCTAssertEqual(a.nameEnd, b.nameEnd, label)
            XCTAssertEqual(a.lower, b.lower, label)
            XCTAssertEqual(a.quote, b.quote, label)
            XCTAssertEqual(a.trailing, b.trailing, label)
            XCTAssertEqual(a.isCapitalised, b.isCapitalised, label)
            XCTAssertEqual(a.classes.rawValue, b.classes.rawValue, label)
        }
        XCTAssertEqual(run.first?.start, array.first?.start, label)
        XCTAssertEqual(run.last?.start, array.last?.start, label)
    }

    func testRunsOfSlicesReadAsArraysOfSlices() {
        let bytes = Array("The Ministry of Foreign Affairs, said on Monday: \"We will not yield.\" Jane Doe added".utf8)
        let array = ProseTokenizer.tokens(bytes, spans: QuoteScanner.spans(in: bytes))
        array.withUnsafeBufferPointer { buffer in
            let run = TokenRun(buffer)
            same(run, array, "whole")
            for start in 0...array.count {
                for end in start...array.count {
                    let part = TokenRun(run[start..<end])
                    let copy = Array(array[start..<end])
                    same(part, copy, "\(start)..<\(end)")
                    // A slice of a run keeps the run's indices, as an array slice does.
                    XCTAssertEqual(run[start..<end].startIndex, array[start..<end].startIndex)
                    if part.count >= 2 {
                        same(TokenRun(part.dropFirst()), Array(copy.dropFirst()), "\(start)..<\(end) dropFirst")
                        same(TokenRun(part[1...(part.count - 1)]), Array(copy[1...(copy.count - 1)]), "\(start)..<\(end) inner")
                        XCTAssertEqual(part[..<1].lastIndex { _ in true }, copy[..<1].lastIndex { _ in true })
                    }
                }
            }
        }
    }

    /// Tokens written into shared storage, paragraph after paragraph, are the tokens the
    /// array version gives, within the capacity bound, including for the densest text (one-
    /// byte words, quotes packed together); storage smaller than the bound is refused.
    func testTokensWrittenInPlaceAreTheTokensAppended() {
        XCTAssertTrue(_isPOD(ProseToken.self), "storage is reused without clearing")
        let paragraphs = [
            "a b c d e f g h", "\"a\" \"b\" \"c\"", "\"x y z\",\"a b c\".\"d\"", "x", "", " ", "  a  ", "\"\"",
            "The minister said: \"We will not yield,\" and left. “Never,” she added, ‘again’ «ok» „so“.",
            "a\"b c\"d e", "U.S. Gen. John F. Kennedy's aides’ plan, Shipowners' Forum …",
        ]
        let storage = UnsafeMutableBufferPointer<ProseToken>.allocate(capacity: 256)
        defer { storage.deallocate() }
        for text in paragraphs + paragraphs.reversed() {
            let bytes = Array(text.utf8)
            let spans = QuoteScanner.spans(in: bytes)
            let expected = ProseTokenizer.tokens(bytes, spans: spans)
            XCTAssertLessThanOrEqual(expected.count, ProseTokenizer.capacity(bytes, spans: spans), text)
            guard let count = ProseTokenizer.tokens(bytes, spans: spans, into: storage) else {
                XCTFail("refused \(text)")
                continue
            }
            same(TokenRun(UnsafeBufferPointer(rebasing: storage[..<count])), expected, text)
            let small = UnsafeMutableBufferPointer(rebasing: storage[..<(ProseTokenizer.capacity(bytes, spans: spans) - 1)])
            XCTAssertNil(ProseTokenizer.tokens(bytes, spans: spans, into: small), text)
        }
    }
}
