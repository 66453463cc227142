@testable import CableCore
import XCTest

/// What an article has named, for later references.
final class SpeakerMemoryTests: XCTestCase {
    func testSurnameAndPronounFindThePersonAndARoleIsFilledInLater() {
        var memory = SpeakerMemory()
        memory.remember(Speaker(name: "Aino Laakso", role: nil, isPerson: true))
        memory.remember(Speaker(name: "Aino Laakso", role: "Interior Minister", isPerson: true))
        XCTAssertEqual(memory.person(surname: "Laakso")?.role, "Interior Minister")
        XCTAssertEqual(memory.lastPerson?.name, "Aino Laakso")
        XCTAssertEqual(memory.person(withRoleWords: ["minister"])?.name, "Aino Laakso")
        XCTAssertNil(memory.person(withRoleWords: ["admiral"]))
    }

    func testFamilyNameFirstIsFoundByEitherWord() {
        var memory = SpeakerMemory()
        memory.remember(Speaker(name: "Gao Lin", role: nil, isPerson: true))
        XCTAssertEqual(memory.person(surname: "Gao")?.name, "Gao Lin")
        XCTAssertEqual(memory.person(surname: "lin")?.name, "Gao Lin")
    }

    func testItIsTheBodyQuotedInThisOrThePreviousParagraph() {
        var memory = SpeakerMemory()
        let ministry = Speaker(name: "Ministry of Defence", role: nil, isPerson: false)
        memory.remember(ministry)
        memory.noteQuoted(ministry)
        XCTAssertEqual(memory.organisation(containing: "ministry"), ministry)
        memory.startParagraph()
        XCTAssertEqual(memory.referentOfIt, ministry)
        memory.startParagraph()
        XCTAssertNil(memory.referentOfIt)
    }

    func testHeAndSheSkipAPersonOfTheOtherSex() {
        var memory = SpeakerMemory()
        memory.remember(Speaker(name: "Hillary Clinton", role: nil, isPerson: true))
        memory.remember(Speaker(name: "Brian Fallon", role: nil, isPerson: true))
        XCTAssertEqual(memory.person(for: "she")?.name, "Hillary Clinton")
        XCTAssertEqual(memory.person(for: "he")?.name, "Brian Fallon")
        memory.remember(Speaker(name: "Kim Osei", role: nil, isPerson: true))
        XCTAssertEqual(memory.person(for: "she")?.name, "Kim Osei", "a first name on neither list agrees with both")
    }

    func testHeAndSheReachBackTwoParagraphsAtMost() {
        var memory = SpeakerMemory()
        memory.remember(Speaker(name: "Brian Fallon", role: nil, isPerson: true))
        memory.startParagraph()
        memory.startParagraph()
        XCTAssertEqual(memory.person(for: "he")?.name, "Brian Fallon")
        memory.startParagraph()
        XCTAssertNil(memory.person(for: "he"))
    }

    func testAPersonNamedAsAnObjectIsNotHeOrShe() {
        var memory = SpeakerMemory()
        memory.remember(Speaker(name: "Brian Fallon", role: nil, isPerson: true))
        memory.remember(Speaker(name: "Donald Trump", role: nil, isPerson: true), asSubject: false)
        XCTAssertEqual(memory.person(for: "he")?.name, "Brian Fallon")
        XCTAssertEqual(memory.person(surname: "Trump")?.name, "Donald Trump")
    }

    func testAnUnnamedSpeakerEndsThePronounChain() {
        var memory = SpeakerMemory()
        memory.remember(Speaker(name: "Brian Fallon", role: nil, isPerson: true))
        memory.noteUnnamedPerson()
        XCTAssertNil(memory.person(for: "he"))
    }

    func testTheCompanyIsTheLastBodyThatIsACompany() {
        var memory = SpeakerMemory()
        memory.remember(Speaker(name: "Kolwezi Copper Cobalt Holdings", role: nil, isPerson: false))
        XCTAssertEqual(memory.lastCompany?.name, "Kolwezi Copper Cobalt Holdings")
        memory.remember(Speaker(name: "Ministry of Mines", role: nil, isPerson: false))
        XCTAssertNil(memory.lastCompany, "a ministry came between")
    }

    func testSpeakersAreUnifiedByCaseAndSurname() {
        let quotes = SpeakerNames.unified([
            Quote(text: "a", speaker: "Meenakshi Raghavan", role: "Additional Secretary", paragraph: 0),
            Quote(text: "b", speaker: "Raghavan", paragraph: 1),
            Quote(text: "c", speaker: "Chinese Foreign Ministry", paragraph: 2),
            Quote(text: "d", speaker: "Chinese foreign ministry", paragraph: 3),
            Quote(text: "e", speaker: "Lin", paragraph: 4),
        ])
        XCTAssertEqual(quotes.map(\.speaker), ["Meenakshi Raghavan", "Meenakshi Raghavan", "Chinese Foreign Ministry", "Chinese Foreign Ministry", "Lin"])
        XCTAssertEqual(quotes[1].role, "Additional Secretary")
    }

    func testMemoryStaysBoundedOnLongPages() {
        var memory = SpeakerMemory()
        for k in 0..<10_000 { memory.remember(Speaker(name: "Person Number\(k)", role: nil, isPerson: true)) }
        XCTAssertEqual(memory.lastPerson?.name, "Person Number9999")
    }
}
