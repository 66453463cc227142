@testable import CableCore
import XCTest

/// Subjects and the capitalised runs names and titles are made of.
final class SubjectsTests: XCTestCase {
    private func tokens(_ text: String) -> [ProseToken] {
        ProseTokenizer.tokens(ScalarText(text), spans: [])
    }

    func testTokensKeepNamesAndStripPunctuation() {
        let words = tokens("Sweden's “Nordic Shipowners' Forum”, U.S. Mr. F. Kennedy said.")
        XCTAssertEqual(words.map(\.text), ["Sweden's", "Nordic", "Shipowners'", "Forum", "U.S", "Mr", "F", "Kennedy", "said"])
        XCTAssertEqual(words[0].lower, "sweden")
        XCTAssertTrue(words[0].isPossessive)
        XCTAssertEqual(words[3].trailing, .comma)
        XCTAssertFalse(words[4].endsSentence)
        XCTAssertFalse(words[6].endsSentence)
        XCTAssertTrue(words[8].endsSentence)
    }

    func testRunsThroughConnectorsAndLowerCaseTitles() {
        let run = tokens("Ethiopian government spokesman Tesfaye Gebremariam of the Ministry of Defence said")
        XCTAssertEqual(Subjects.runEnd(from: 0, in: run), 10)
        XCTAssertEqual(Subjects.runStartBackward(endingAt: 4, in: run), 0)
    }

    func testForwardAndBackward() {
        let memory = SpeakerMemory()
        XCTAssertEqual(Subjects.forward(tokens("Deputy Assistant Secretary for Cyber Policy Warren Kessling"), memory: memory),
                       Speaker(name: "Warren Kessling", role: "Deputy Assistant Secretary for Cyber Policy", isPerson: true))
        XCTAssertEqual(Subjects.forward(tokens("a spokesperson for the Chinese embassy"), memory: memory)?.name, "Chinese embassy")
        XCTAssertNil(Subjects.forward(tokens("a fund manager"), memory: memory))
        XCTAssertEqual(Subjects.backward(tokens("Jane Doe, a senior analyst at the Arctic Institute,"), memory: memory)?.name, "Jane Doe")
        XCTAssertEqual(Subjects.backward(tokens("the state company Rosatom"), memory: memory)?.name, nil)
        XCTAssertNil(Subjects.forward(tokens("Officials"), memory: memory))
    }
}
