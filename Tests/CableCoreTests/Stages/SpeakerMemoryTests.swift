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

    func testMemoryStaysBoundedOnLongPages() {
        var memory = SpeakerMemory()
        for k in 0..<10_000 { memory.remember(Speaker(name: "Person Number\(k)", role: nil, isPerson: true)) }
        XCTAssertEqual(memory.lastPerson?.name, "Person Number9999")
    }
}
