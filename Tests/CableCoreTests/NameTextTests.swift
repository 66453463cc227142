@testable import CableCore
import Foundation
import XCTest

/// `NameText` and `NameWords` replace String work in speaker resolution with byte work: each
/// must answer exactly what the String version answered, since speakers' names and roles are
/// parser output.
final class NameTextTests: XCTestCase {
    func testContainsAnswersAsFoundationDoes() {
        let texts = ["deputy foreign minister", "minister", "", "a", "state secretary for cyber policy",
                     "café owner", "cafe\u{301} owner", "line\r\nbreak", "tab\there", "Minister"]
        let words = ["minister", "", "a", "secretary for", "policy", "café", "cafe\u{301}", "e", "\n", "\t",
                     "ministerx", "deputy foreign minister and more", "Minister", "r"]
        for text in texts {
            for word in words {
                XCTAssertEqual(NameText.contains(text, word), text.contains(word), "\(text.debugDescription) \(word.debugDescription)")
            }
        }
    }

    func testJoinedIsTheWordsJoinedBySpacesWithCommasInside() {
        let paragraph = "The Ministry of Economy, Trade and Industry’s envoy, Jane Doe, said"
        let bytes = Array(paragraph.utf8)
        let array = ProseTokenizer.tokens(bytes, spans: [])
        array.withUnsafeBufferPointer { buffer in
            let tokens = TokenRun(buffer)
            func reference(_ indices: [Int], commas: Bool) -> String {
                indices.map { index in
                    let word = tokens[index].name(in: bytes)
                    return commas && index < tokens.count - 1 && tokens[index].hasComma ? word + "," : word
                }.joined(separator: " ")
            }
            let choices: [[Int]] = [[], [0], Array(tokens.indices), [1, 2, 3, 4], [3, 4, 5], Array(tokens.indices.suffix(2)), [8, 9]]
            for indices in choices {
                for commas in [true, false] {
                    XCTAssertEqual(NameText.joined(indices, of: tokens, text: bytes, commas: commas),
                                   reference(indices, commas: commas), "\(indices) \(commas)")
                }
            }
            XCTAssertEqual(NameText.joined([3, 4], of: tokens, text: bytes, commas: true), "Economy, Trade")
        }
    }

    func testNameWordsSplitsAndLowerCasesAsSplitAndLowercasedDo() {
        for name in ["Jane Doe", "Gao", "  Gao  Lin ", "Jean-Luc de la Tour", "", "   ", "Ólafur Ragnar Grímsson",
                     "A B C D E", "Lin ", "ÖZTÜRK Ahmet", "McDONALD", "Ünal", "X Æ A-12", "O'Brien-Smith Jr."] {
            let parts = name.split(separator: " ")
            let words = NameWords(name)
            XCTAssertEqual(words.count, min(parts.count, 3), name)
            XCTAssertEqual(words.lowercasedFirst(of: name), parts.first?.lowercased() ?? "", name)
            XCTAssertEqual(words.lowercasedLast(of: name), parts.last?.lowercased() ?? "", name)
        }
    }

    func testHasSecondWordIsASpaceByte() {
        for name in ["Jane Doe", "Doe", "", " ", "Ólafur Grímsson", "Ólafur", "a\u{00A0}b", "Gao Lin ", String(repeating: "x", count: 40) + " y"] {
            XCTAssertEqual(NameText.hasSecondWord(name), name.utf8.contains(0x20), name.debugDescription)
        }
    }

    /// A two-word name is also known by its first word (`Gao Lin`, later `Gao`), unless
    /// that word already names someone: with the key list answering "no one" before the
    /// dictionary is asked, for short words and for long ones (whose word keys are hashes).
    func testFirstWordOfATwoWordNameIsASecondKeyUnlessTaken() {
        func person(_ name: String) -> Speaker { Speaker(name: name, role: nil, isPerson: true) }
        var memory = SpeakerMemory()
        memory.remember(person("Gao Lin"))
        XCTAssertEqual(memory.person(surname: "Gao").map(memory.speaker(at:))?.name, "Gao Lin")
        XCTAssertEqual(memory.person(surname: "Lin").map(memory.speaker(at:))?.name, "Gao Lin")
        memory.remember(person("Gao Wei"))
        XCTAssertEqual(memory.person(surname: "Gao").map(memory.speaker(at:))?.name, "Gao Lin", "taken: stays with Gao Lin")
        memory.remember(person("Lin Tao"))
        XCTAssertEqual(memory.person(surname: "Lin").map(memory.speaker(at:))?.name, "Gao Lin", "taken as a surname")
        memory.remember(person("Wang Wei"))
        XCTAssertEqual(memory.person(surname: "Wei").map(memory.speaker(at:))?.name, "Wang Wei", "a surname is always the latest")
        XCTAssertEqual(memory.person(surname: "Wang").map(memory.speaker(at:))?.name, "Wang Wei")
        let long = "Abcdefghijklmnopqrstu"
        memory.remember(person("\(long)x Doe"))
        memory.remember(person("\(long)y Roe"))
        memory.remember(person("\(long)x Poe"))
        XCTAssertEqual(memory.person(surname: long + "x").map(memory.speaker(at:))?.name, "\(long)x Doe", "taken")
        XCTAssertEqual(memory.person(surname: long + "y").map(memory.speaker(at:))?.name, "\(long)y Roe")
        memory.remember(person("Mary Ann Smith"))
        XCTAssertNil(memory.person(surname: "Mary"), "three words: no second key")
    }
}
