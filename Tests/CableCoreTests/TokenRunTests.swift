@testable import CableCore
import XCTest

/// `TokenRun` replaced arrays copied out of a paragraph's tokens: a run made from a slice
/// must read as the array made from the same slice did, at every depth of slicing.
final class TokenRunTests: XCTestCase {
    func testRunsOfSlicesReadAsArraysOfSlices() {
        let bytes = Array("The Ministry of Foreign Affairs, said on Monday: \"We will not yield.\" Jane Doe added".utf8)
        let array = ProseTokenizer.tokens(bytes, spans: QuoteScanner.spans(in: bytes))
        let run = TokenRun(array)
        func same(_ run: TokenRun, _ array: [ProseToken], _ label: String) {
            XCTAssertEqual(run.count, array.count, label)
            XCTAssertEqual(Array(run.indices), Array(array.indices), label)
            for (a, b) in zip(run, array) {
                XCTAssertEqual(a.start, b.start, label)
                XCTAssertEqual(a.end, b.end, label)
                XCTAssertEqual(a.lower, b.lower, label)
            }
            XCTAssertEqual(run.first?.start, array.first?.start, label)
            XCTAssertEqual(run.last?.start, array.last?.start, label)
        }
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
