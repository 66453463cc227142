@testable import CableCore
import XCTest

/// The speaker rules that keep the sieve from naming the wrong person: name boundaries after a
/// portfolio, family names after a courtesy title, posts, possessives, unnamed subjects and
/// plural titles. Invented sentences.
final class SpeakerSieveRulesTests: XCTestCase {
    private func speakers(_ paragraphs: [String]) -> [String?] {
        QuoteAttribution.quotes(in: paragraphs).map(\.speaker)
    }

    func testThreeWordNameAfterPortfolio() {
        XCTAssertEqual(speakers(["“The quota stays,” Deputy Minister of Fisheries Amadou Kane Diallo said on Tuesday."]),
                       ["Amadou Kane Diallo"])
        XCTAssertEqual(speakers(["“The quota stays,” Undersecretary for Foreign Trade Ines Marta Quiroga told reporters."]),
                       ["Ines Marta Quiroga"])
        // `Climate Change`, `Foreign Policy`: the office goes on, the name is two words.
        XCTAssertEqual(speakers(["“The quota stays,” Minister for Climate Change Tarja Lehtonen said on Tuesday."]),
                       ["Tarja Lehtonen"])
        XCTAssertEqual(speakers(["“The quota stays,” Minister of Foreign Affairs Tarja Lehtonen said on Tuesday."]),
                       ["Tarja Lehtonen"])
    }

    func testAFirstNameAfterAPortfolioIsNoOffice() {
        // `Lawrence` ends as `presence` does; it is a first name, and the name is three words.
        XCTAssertEqual(speakers(["“The quota stays,” Minister of Mines Lawrence Kofi Boateng said on Tuesday."]),
                       ["Lawrence Kofi Boateng"])
    }

    func testASurnameThatLooksLikeAPluralTitleIsTheKnownPerson() {
        XCTAssertEqual(speakers(["Dan Fellows, the port's harbour master, spoke first.",
                                 "“We cleared the channel by noon,” Fellows said."]).last, "Dan Fellows")
    }

    func testFamilyNameAfterCourtesyTitle() {
        let found = speakers([
            "Its chairman, Osvaldo Prado Ventura, called the levy “a tax on patience.”",
            "Mr. Prado Ventura said the board had “no appetite for a fight with the ministry.”",
        ])
        XCTAssertEqual(found, ["Osvaldo Prado Ventura", "Osvaldo Prado Ventura"])
    }

    func testMissionNamedWithItsPost() {
        XCTAssertEqual(speakers(["The Belarusian mission to the UN said the vote was “a political stunt by the West.”"]),
                       ["Belarusian mission to the UN"])
    }

    func testCountryPossessiveIsNoPartOfAName() {
        XCTAssertEqual(speakers(["Korea’s Hanbit Ilbo warned that “the talks cannot go on like this for long.”"]),
                       ["Hanbit Ilbo"])
    }

    func testUnnamedPersonOpeningASentenceStopsThePronoun() {
        let found = speakers([
            "Defence Minister Anna Berg said the exercise would go ahead.",
            "A farmer near the border who asked not to be named was less sure. “We hear the guns every night,” she said.",
        ])
        XCTAssertEqual(found, [nil])
    }

    func testUnnamedPersonIsTheVerbsSubject() {
        XCTAssertEqual(speakers(["A senior official at the Ministry of Energy, speaking on condition of anonymity, said the pipeline would open “within days, not weeks.”"]),
                       [nil])
        XCTAssertEqual(speakers(["Banks have stayed away, and a trader in Dubai who follows the market said no one would lend “until the war is over.”"]),
                       [nil])
        let found = speakers([
            "Chief Executive Officer Ansel Varga said the plant would reopen.",
            "“We have the most to lose,” one senior executive at a rival firm told reporters.",
        ])
        XCTAssertEqual(found, [nil])
    }

    func testTitledNameBetweenCommas() {
        XCTAssertEqual(speakers(["The Director of the Port Authority, Deputy Commissioner of Customs Ravi Doorgakant, told reporters the port had “the cranes, the staff and the money” to expand."]),
                       ["Ravi Doorgakant"])
    }

    func testPluralTitleIsAGroup() {
        XCTAssertEqual(speakers(["Senators from both parties met on Monday, but aides said the chair had rejected wording that spoke of ‘a pause in the programme of reforms’."]),
                       [nil])
    }
}
