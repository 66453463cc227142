import XCTest
@testable import CableCore

/// `PhraseSet` finds a phrase where a plain search of the line for each phrase does.
final class PhraseSetTests: XCTestCase {
    func testFindsWhatAPlainSearchFinds() {
        let phrases = ["sign up", "share", "a", "newsletter", "cookies", "sign up now", "©"]
        let set = PhraseSet(phrases)
        let lines = ["", "a", "share this", "please sign u", "sign up", "we use cookies.", "the ©", "no match here",
                     "newslette", "nothing", "x sign up now x", "b", "©"]
        for line in lines.map({ Array($0.utf8) }) {
            XCTAssertEqual(set.contains(in: line), phrases.contains { Text.contains(line, Array($0.utf8)) }, String(decoding: line, as: UTF8.self))
            XCTAssertEqual(set.isPrefix(of: line), phrases.contains { line.starts(with: Array($0.utf8)) }, String(decoding: line, as: UTF8.self))
        }
    }

    /// Folding finds the phrase whatever the case of the line's ASCII letters, and only there.
    func testFoldingCaseFindsAnyCaseOfAnASCIIPhrase() {
        let set = PhraseSet(["transcripts may vary", "©"])
        XCTAssertTrue(set.contains(foldingCaseIn: "Note: TRANSCRIPTS May Vary from the audio."))
        XCTAssertTrue(set.contains(foldingCaseIn: "The © line"))
        XCTAssertFalse(set.contains(foldingCaseIn: "Transcripts may differ"))
        XCTAssertFalse(set.contains(foldingCaseIn: "transcripts may var"))
        XCTAssertFalse(set.contains(foldingCaseIn: ""))
    }
}
