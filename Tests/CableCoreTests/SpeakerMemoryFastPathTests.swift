@testable import CableCore
import XCTest

/// `SpeakerMemory` holds each speaker once and hands out places, and searches roles and
/// organisation names byte by byte: each must answer as the plain reading it replaced.
final class SpeakerMemoryFastPathTests: XCTestCase {
    private let texts = ["Defence Minister", "deputy foreign minister", "State Secretary for Cyber Policy", "", "Minister",
                         "Café Owner", "Cafe\u{301} owner", "Ministry of Foreign Affairs", "ÖZTÜRK Holding", "tab\there",
                         "The German Interior Ministry", "Spokesman", "MINISTRY OF DEFENCE", "Kelvin \u{212A}elvin"]
    private let wordText = "minister Minister MINISTRY ministry secretary café Cafe\u{301} owner öztürk holding spokesman x kelvin tab"

    /// `mentions` is `contains(text.lowercased(), word.lowercased(in:))`, for every pair.
    func testMentionsAnswersAsLowerCasedContains() {
        let bytes = Array(wordText.utf8)
        let tokens = ProseTokenizer.tokens(bytes, spans: [])
        XCTAssertGreaterThan(tokens.count, 10)
        bytes.withUnsafeBufferPointer { paragraph in
            for text in texts {
                for word in tokens {
                    XCTAssertEqual(NameText.mentions(text, word: word, in: paragraph),
                                   NameText.contains(text.lowercased(), word.lowercased(in: bytes)),
                                   "\(text.debugDescription) \(word.lowercased(in: bytes).debugDescription)")
                }
            }
        }
    }

    /// The byte searches of memory answer as the String ones, after any order of speakers.
    func testRoleAndOrganisationSearchesAnswerAsTheStringOnes() {
        let bytes = Array(wordText.utf8)
        let tokens = ProseTokenizer.tokens(bytes, spans: [])
        var random = Random(seed: 0x5BEA4E2)  // seeded, so a failing case can be found again
        let names = ["Jane Doe", "John Roe", "Gao Lin", "Ahmet Öztürk", "Mary Ann Smith", "Doe"]
        for _ in 0..<200 {
            var memory = SpeakerMemory()
            for _ in 0..<8 {
                let isPerson = random.int(2) == 0
                let text = random.pick(texts)
                let speaker = isPerson
                    ? Speaker(name: random.pick(names), role: random.int(2) == 0 ? text : nil, isPerson: true)
                    : Speaker(name: text, role: nil, isPerson: false)
                memory.remember(speaker)
                for word in tokens {
                    let lowered = word.lowercased(in: bytes)
                    XCTAssertEqual(memory.person(withRoleWords: CollectionOfOne(word), in: bytes), memory.person(withRoleWord: [lowered]))
                    XCTAssertEqual(memory.organisation(containing: word, in: bytes), memory.organisation(containing: lowered))
                }
                let pair = [tokens[0], tokens[7]]
                XCTAssertEqual(memory.person(withRoleWords: pair, in: bytes),
                               memory.person(withRoleWord: pair.map { $0.lowercased(in: bytes) }))
                XCTAssertEqual(memory.person(withRoleWords: [ProseToken](), in: bytes), memory.person(withRoleWord: []))
            }
        }
    }

    /// A role learnt later is a new entry for the surname: what was said before keeps the
    /// speaker as it was then, as the copies memory used to hold did.
    func testARoleFilledInLaterLeavesEarlierMentionsAsTheyWere() {
        var memory = SpeakerMemory()
        memory.remember(Speaker(name: "Jane Doe", role: nil, isPerson: true))
        let before = memory.lastPerson
        memory.remember(Speaker(name: "Jane Doe", role: "Defence Minister", isPerson: true))
        let after = memory.lastPerson
        XCTAssertEqual(before.map(memory.speaker(at:)), Speaker(name: "Jane Doe", role: nil, isPerson: true))
        XCTAssertEqual(after.map(memory.speaker(at:)), Speaker(name: "Jane Doe", role: "Defence Minister", isPerson: true))
        XCTAssertEqual(memory.person(surname: "Doe").map(memory.speaker(at:))?.role, "Defence Minister")
        XCTAssertEqual(memory.person(withRoleWord: ["minister"]), after)
        // Named again without the role: still the minister.
        memory.remember(Speaker(name: "Jane Doe", role: nil, isPerson: true))
        XCTAssertEqual(memory.lastPerson, after)
    }

    /// A speaker said by a quote gets a place that holds exactly it (the quote's name and
    /// role are read from there): a name said again with other bytes or another role is
    /// not given the earlier one's place.
    func testRememberedPlaceHoldsExactlyTheSpeakerGiven() {
        var memory = SpeakerMemory()
        let speakers = [Speaker(name: "Jane Doe", role: "Defence Minister", isPerson: true),
                        Speaker(name: "Jane Doe", role: nil, isPerson: true),
                        Speaker(name: "Jane Doe", role: "Minister", isPerson: true),
                        Speaker(name: "Ministry of Defence", role: nil, isPerson: false),
                        Speaker(name: "Ministry of Defence", role: nil, isPerson: false)]
        for speaker in speakers {
            let place = memory.remember(.new(speaker))
            XCTAssertEqual(memory.speaker(.held(place)), speaker)
            let (name, role) = memory.nameAndRole(place)
            XCTAssertEqual(name, speaker.name)
            XCTAssertEqual(role, speaker.role)
        }
    }

    /// A speaker is stored for every name read; on a page that names the same few people
    /// paragraph after paragraph, memory must stay as large as what it holds, and what it
    /// answers must not change when it lets the rest go.
    func testMemoryDoesNotGrowWithEveryMention() {
        var memory = SpeakerMemory()
        let people = ["Jane Doe", "John Roe", "Gao Lin"].map { Speaker(name: $0, role: "Minister", isPerson: true) }
        let ministry = Speaker(name: "Ministry of Defence", role: nil, isPerson: false)
        for paragraph in 0..<20_000 {
            memory.startParagraph()
            _ = memory.remember(.new(people[paragraph % people.count]))
            _ = memory.remember(.new(ministry))
        }
        XCTAssertLessThan(memory.storedCount, 600)
        XCTAssertEqual(memory.person(surname: "Roe").map(memory.speaker(at:)), people[1])
        XCTAssertEqual(memory.person(surname: "Lin").map(memory.speaker(at:)), people[2])
        XCTAssertEqual(memory.lastPerson.map(memory.speaker(at:)), people[(20_000 - 1) % people.count])
        XCTAssertEqual(memory.person(withRoleWord: ["minister"]).map(memory.speaker(at:)), people[(20_000 - 1) % people.count])
        XCTAssertEqual(memory.organisation(containing: "ministry").map(memory.speaker(at:)), ministry)
    }
}
