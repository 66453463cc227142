@testable import CableCore
import XCTest

/// `SpeakerMemory` keeps surnames in `SurnameTable` (arrays scanned by word key) where it
/// kept a `[String: Speaker]`: every lookup must answer as the dictionary would, for ASCII
/// names, long names (whose keys are hashes), and names whose Strings are equal with
/// different bytes (`é` precomposed or as `e` and an accent).
final class SurnameTableTests: XCTestCase {
    /// The memory as it was, by dictionary: the plain reading the table replaces.
    private struct PlainMemory {
        var bySurname: [String: Speaker] = [:]
        var surnameKeys: [WordKey] = []
        var lastPerson: Speaker?

        mutating func remember(_ speaker: Speaker) {
            guard speaker.isPerson else { return }
            if let last = lastPerson, last.name == speaker.name, last.role != nil || speaker.role == nil { return }
            let parts = speaker.name.split(separator: " ")
            let surname = parts.last.map { $0.lowercased() } ?? ""
            if let known = bySurname[surname], known.name == speaker.name {
                if known.role == nil { bySurname[surname]?.role = speaker.role }
                lastPerson = bySurname[surname]
            } else {
                bySurname[surname] = speaker
                surnameKeys.append(WordKey(surname))
                if parts.count == 2, case let first = parts[0].lowercased(),
                    !surnameKeys.contains(WordKey(first)) || bySurname[first] == nil {
                    bySurname[first] = speaker
                    surnameKeys.append(WordKey(first))
                }
                lastPerson = speaker
            }
        }

        func person(surname: String) -> Speaker? { bySurname[surname.lowercased()] }

        func person(named word: String) -> Speaker? {
            let bytes = Array(word.utf8)
            guard surnameKeys.contains(WordKey(bytes, 0, bytes.count)) else { return nil }
            return bySurname[String(decoding: bytes.map(Bytes.lower), as: UTF8.self)]
        }
    }

    func testLookupsAnswerAsTheDictionaryDid() {
        let long = "Abcdefghijklmnopqrstu"
        let names = ["Gao Lin", "Gao Wei", "Lin Tao", "Wang Wei", "Jane Doe", "John Doe", "Doe", "Mary Ann Smith",
                     "\(long)x Doe", "\(long)y Roe", "\(long)x Poe", "Roe \(long)y", "José Núñez", "Jose\u{301} Nun\u{303}ez",
                     "Núñez", "ÖZTÜRK Ahmet", "Ahmet Öztürk", "Ahmet Ozturk", "Émile Zola", "E\u{301}mile Roux",
                     "O'Brien", "Kelvin \u{212A}elvin", "Jane Kelvin", "", " ", "Lin", "Tao Lin"]
        let roles: [String?] = [nil, "Minister", nil, "Spokesman", nil]
        let probes = ["gao", "Gao", "LIN", "Wei", "Tao", "Doe", "smith", "Mary", long + "x", long + "y", long + "X",
                      "Núñez", "Nun\u{303}ez", "NÚÑEZ", "José", "Jose\u{301}", "Öztürk", "ÖZTÜRK", "ozturk", "Ahmet",
                      "Émile", "E\u{301}mile", "émile", "Zola", "Roux", "o'brien", "Kelvin", "\u{212A}elvin", "kelvin",
                      "", "Nobody", "Ann"]
        // Every order of a few names, with and without roles, checked after each step.
        var generator = SystemRandomNumberGenerator()
        for round in 0..<300 {
            var memory = SpeakerMemory()
            var plain = PlainMemory()
            for step in 0..<12 {
                let name = names.randomElement(using: &generator) ?? ""
                let speaker = Speaker(name: name, role: roles[(round + step) % roles.count], isPerson: true)
                memory.remember(speaker)
                plain.remember(speaker)
                for probe in probes {
                    XCTAssertEqual(memory.person(surname: probe).map(memory.speaker(at:)), plain.person(surname: probe), "\(probe) after \(name)")
                    let bytes = Array(probe.utf8)
                    let token = bytes.withUnsafeBufferPointer {
                        ProseTokenizer.word($0, 0, bytes.count, lexicon: WordClass.lexicon)
                    }
                    if token.end - token.start == bytes.count {
                        XCTAssertEqual(memory.person(named: token, in: bytes).map(memory.speaker(at:)), plain.person(named: probe), "\(probe) after \(name)")
                    }
                }
            }
        }
    }

    func testWordsMatchAsStringsDo() {
        let words = ["doe", "doe", "roe", "abcdefghijklmnopqrstux", "abcdefghijklmnopqrstuy", "núñez", "nun\u{303}ez",
                     "k", "\u{212A}", "", "émile", "e\u{301}mile"]
        for a in words {
            // A short ASCII word keeps no String: its key gives it back.
            XCTAssertEqual(SurnameTable.Word(a).text, a)
            let bytes = Array(a.utf8)
            if bytes.allSatisfy({ $0 < 0x80 }) && bytes.count <= 16 {
                XCTAssertEqual(SurnameTable.Word(asciiKey: WordKey(bytes, 0, bytes.count)).text, a)
            }
            for b in words {
                XCTAssertEqual(SurnameTable.Word(a).matches(SurnameTable.Word(b)), a == b, "\(a) \(b)")
            }
        }
    }

    /// `resolve(run:)` holds a name's word indices in `FewIndices` where it filtered them
    /// into an array: the same indices in order, up to four, and a refusal past that.
    func testFewIndicesHoldWhatAnArrayWouldUpToFour() {
        for count in 0...6 {
            var few = FewIndices()
            var array: [Int] = []
            var refused = false
            for k in 0..<count {
                let index = k * 3 + 1
                if few.append(index) { array.append(index) } else { refused = true }
            }
            XCTAssertEqual(Array(few), array)
            XCTAssertEqual(few.count, min(count, 4))
            XCTAssertEqual(refused, count > 4)
            XCTAssertEqual(few.first, array.first)
        }
    }
}
