@testable import CableCore
import XCTest

/// Subjects and the capitalised runs names and titles are made of.
final class SubjectsTests: XCTestCase {
    private func tokens(_ text: String) -> [ProseToken] {
        ProseTokenizer.tokens(ScalarText(text), spans: [])
    }

    func testTokensKeepNamesAndStripPunctuation() {
        // An abbreviation keeps its stops (`U.S. Treasury` is written as the page writes it);
        // a sentence's full stop is not part of its last word.
        let words = tokens("Sweden's “Nordic Shipowners' Forum”, U.S. Mr. F. Kennedy said.")
        XCTAssertEqual(words.map(\.text), ["Sweden's", "Nordic", "Shipowners'", "Forum", "U.S.", "Mr.", "F.", "Kennedy", "said"])
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

    func testAFamilyNameWithAParticleAfterAnOfficeKeepsTheFirstName() {
        var memory = SpeakerMemory()
        let minister = Subjects.forward(tokens("Assistant Minister for Foreign Affairs Khalid Al Marzouqi"), memory: memory)
        XCTAssertEqual(minister, Speaker(name: "Khalid Al Marzouqi", role: "Assistant Minister for Foreign Affairs", isPerson: true))
        if let minister { memory.remember(minister) }
        XCTAssertEqual(Subjects.forward(tokens("Mr Al Marzouqi"), memory: memory)?.name, "Khalid Al Marzouqi")
    }

    func testAPartyBeforeAMembersTitleIsRoleNotSpeaker() {
        XCTAssertEqual(Subjects.forward(tokens("Radical-Liberal parliamentarian Thierry Meylan"), memory: SpeakerMemory()),
                       Speaker(name: "Thierry Meylan", role: "Radical-Liberal parliamentarian", isPerson: true))
    }

    func testADiplomatsHonorificIsNoPartOfTheName() {
        let memory = SpeakerMemory()
        XCTAssertEqual(Subjects.forward(tokens("H.E. Mr. Enrique Manalastas Dizon"), memory: memory)?.name, "Enrique Manalastas Dizon")
    }

    func testOpenersAndPlacesAreNotNames() {
        let memory = SpeakerMemory()
        XCTAssertEqual(Subjects.forward(tokens("But Katharine Osei"), memory: memory)?.name, "Katharine Osei")
        XCTAssertEqual(Subjects.forward(tokens("Earlier, the Kremlin"), memory: memory)?.name, "Kremlin")
        XCTAssertEqual(Subjects.forward(tokens("For Hadiza Mahamane Ousmane, who runs a network,"), memory: memory)?.name, "Hadiza Mahamane Ousmane")
        XCTAssertNil(Subjects.forward(tokens("In Cameron Parish, where two terminals operate,"), memory: memory))
        XCTAssertNil(Subjects.forward(tokens("On Friday"), memory: memory))
        XCTAssertEqual(Subjects.backward(tokens("In Cameron Parish, fisherman and organizer Travis LeBlanc"), memory: memory)?.name, "Travis LeBlanc")
        XCTAssertEqual(Subjects.backward(tokens("the United Kingdom"), memory: memory)?.isPerson, false)
        XCTAssertEqual(Subjects.backward(tokens("Rep. Paul Ryan (R-WI)"), memory: memory)?.name, "Paul Ryan")
        XCTAssertNil(Subjects.backward(tokens("Spain and Ireland"), memory: memory))
    }

    func testTokensForParticleNamesInitialsAndStrayMarks() {
        XCTAssertTrue(tokens("al-Suwaidi")[0].isCapitalised)
        XCTAssertFalse(tokens("de-risking")[0].isCapitalised)
        XCTAssertFalse(tokens("G.K. Butterfield")[0].endsSentence)
        XCTAssertEqual(tokens("'' Hello").map(\.text), ["Hello"])
    }

    func testATitleInsideAnOfficeIsNoTitleAndANounBeforeANameIsARole() {
        let memory = SpeakerMemory()
        XCTAssertEqual(Subjects.backward(tokens("Minister for Business, Trade, Mineral Resources, Justice and Gender Equality Naja Lyberth"), memory: memory),
                       Speaker(name: "Naja Lyberth", role: "Minister for Business, Trade, Mineral Resources, Justice and Gender Equality", isPerson: true))
        XCTAssertEqual(Subjects.forward(tokens("Clinton ally James Carville"), memory: memory),
                       Speaker(name: "James Carville", role: "Clinton ally", isPerson: true))
        XCTAssertEqual(Subjects.forward(tokens("Concord resident Whit Symms"), memory: memory)?.name, "Whit Symms")
    }

    func testWordsThatOpenSentencesAreNoNames() {
        let memory = SpeakerMemory()
        XCTAssertNil(Subjects.forward(tokens("It was a potent one-two punch"), memory: memory))
        XCTAssertNil(Subjects.forward(tokens("Hastily politicizing the tragedy"), memory: memory))
        XCTAssertEqual(Subjects.forward(tokens("Back in 1999, Mr. Trump"), memory: memory)?.name, "Trump")
        XCTAssertEqual(Subjects.mainClause(of: tokens("WASHINGTON — Sen. Chuck Grassley")), 2)
        XCTAssertNil(Subjects.mainClause(of: tokens("Jane Doe — a senator — said")))
    }

    func testANoBreakSpaceSeparatesWords() {
        XCTAssertEqual(tokens("Cruz constituent\u{A0}Dan Golvach").map(\.text), ["Cruz", "constituent", "Dan", "Golvach"])
    }

    func testUnnamedSubjects() {
        XCTAssertTrue(Subjects.hasUnnamedSubject(tokens("A Hong Kong-based cobalt trader, speaking on condition of anonymity,")))
        XCTAssertTrue(Subjects.hasUnnamedSubject(tokens("A captain with a Baltic regional carrier, who asked not to be named,")))
        XCTAssertFalse(Subjects.hasUnnamedSubject(tokens("Defence analyst Harjeet Bains, a retired lieutenant general,")))
        XCTAssertFalse(Subjects.hasUnnamedSubject(tokens("A spokesperson for the ministry")))
        XCTAssertFalse(Subjects.hasUnnamedSubject(tokens("Eleni Charalambous, then a junior member of the team,")))
        XCTAssertTrue(Subjects.hasUnnamedSubject(tokens("The talks stalled, and then a junior diplomat,")))
        XCTAssertTrue(Subjects.hasUnnamedSubject(tokens("One of them, a retired schoolteacher in Thiès,")))
        XCTAssertTrue(Subjects.hasUnnamedSubject(tokens("One of the officials")))
        XCTAssertFalse(Subjects.hasUnnamedSubject(tokens("One of Trump's aides, Jane Doe,")))
    }
}
