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

    func testAFamilyNameWithItsParticlesFindsTheFullName() {
        var memory = SpeakerMemory()
        memory.remember(Speaker(name: "Khalid Al Marzouqi", role: nil, isPerson: true))
        memory.remember(Speaker(name: "Pieter van der Berg", role: nil, isPerson: true))
        XCTAssertEqual(memory.person(familyName: "Al Marzouqi")?.name, "Khalid Al Marzouqi")
        XCTAssertEqual(memory.person(familyName: "van der Berg")?.name, "Pieter van der Berg")
        XCTAssertNil(memory.person(familyName: "Ali Marzouqi"), "a first name is no particle")
        XCTAssertNil(memory.person(familyName: "El Marzouqi"), "another particle is another family")
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

    /// `He adds that Bush is "…"`: a `he` refers to someone named before it, not to a person
    /// its own sentence names after it.
    func testAPronounRefersToSomeoneNamedBeforeIt() {
        var memory = SpeakerMemory()
        memory.remember(Speaker(name: "Donald Trump", role: nil, isPerson: true))
        memory.startParagraph()
        memory.remember(Speaker(name: "Jeb Bush", role: nil, isPerson: true), at: 3)
        XCTAssertEqual(memory.person(for: "he", at: 0)?.name, "Donald Trump")
        XCTAssertEqual(memory.person(for: "he", at: 5)?.name, "Jeb Bush")
        let quotes = QuoteAttribution.quotes(in: [
            "Donald Trump spoke in Salem on Monday.",
            "He adds that Jeb Bush is “like a spoiled child” and “not a smart man” on schools.",
        ])
        XCTAssertEqual(quotes.map(\.speaker), ["Donald Trump", "Donald Trump"])
    }

    /// `she added` about a person whose first name says nothing: a later `he` is someone else.
    func testAPronounThatSpeaksTellsThePersonsSex() {
        var memory = SpeakerMemory()
        memory.remember(Speaker(name: "Alasdair Penhallow", role: nil, isPerson: true))
        memory.remember(Speaker(name: "Eleni Charalambous", role: nil, isPerson: true))
        memory.notePronoun("she", at: 1)
        XCTAssertEqual(memory.gender(of: Speaker(name: "Eleni Charalambous", role: nil, isPerson: true)), .female)
        XCTAssertEqual(memory.person(for: "he")?.name, "Alasdair Penhallow")
        let quotes = QuoteAttribution.quotes(in: [
            "Alasdair Penhallow drafted the annex himself.",
            "Eleni Charalambous, then a junior member of the team, said: ‘Alasdair was the only person both sides trusted.’ "
                + "‘He never took sides,’ she added, ‘but he took the problem personally.’",
            "He remained a critic of what he called ‘diplomacy by press release’ all his life.",
        ])
        XCTAssertEqual(quotes.map(\.speaker), ["Eleni Charalambous", "Eleni Charalambous", "Eleni Charalambous", "Alasdair Penhallow"])
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

    func testANameAfterAPrepositionIsNotHeOrSheUnlessSpokenTo() {
        let born = QuoteAttribution.quotes(in: [
            "Ketevan Zhvania was born in Kutaisi to Gocha Beridze, a schoolteacher, and studied law in Tbilisi.",
            "\"We had to learn everything twice,\" she said of those years.",
        ])
        XCTAssertEqual(born.map(\.speaker), ["Ketevan Zhvania"])
        let spoken = QuoteAttribution.quotes(in: [
            "Tamar Kvaratskhelia chairs the exporters' council. Last week I spoke to Nino Abashidze, who runs a winery near Telavi.",
            "\"The border closes and we wait,\" she said.",
        ])
        XCTAssertEqual(spoken.map(\.speaker), ["Nino Abashidze"])
    }

    func testATitleAfterANameIsItsAppositiveAndTheOfficeIsNoName() {
        let quotes = QuoteAttribution.quotes(in: [
            "Also briefing, Tomas Eriksen-Vale, Chief of Port Operations at the Harbour Authority (HA), said rates had tripled.",
            "\"The system has lost its redundancy,\" he said.",
        ])
        XCTAssertEqual(quotes.map(\.speaker), ["Tomas Eriksen-Vale"])
        let office = ProseTokenizer.tokens(ScalarText("Chief of Port Operations"), spans: [])
        XCTAssertNil(SpeakerNames.resolve(run: office, memory: SpeakerMemory()))
    }

    func testItIsTheBodyThatIsTheSubjectOfItsOwnParagraph() {
        let quotes = QuoteAttribution.quotes(in: [
            "\"The exercise is routine,\" the Ministry of National Defence said in a statement.",
            "For the first time, the Northern Coast Guard joined the drills, carrying out what it called \"law enforcement patrols\" near the islands.",
        ])
        XCTAssertEqual(quotes.map(\.speaker), ["Ministry of National Defence", "Northern Coast Guard"])
    }

    func testAFullerSpellingOfAKnownNameKeepsTheFirstSpelling() {
        var memory = SpeakerMemory()
        memory.remember(Speaker(name: "Lusia Faleolo", role: nil, isPerson: true))
        memory.remember(Speaker(name: "Lusia Tauiliili Faleolo", role: nil, isPerson: true))
        XCTAssertEqual(memory.person(surname: "Faleolo")?.name, "Lusia Faleolo")
        XCTAssertEqual(memory.person(for: "she")?.name, "Lusia Faleolo")
        memory.remember(Speaker(name: "Tavita Faleolo", role: nil, isPerson: true))
        XCTAssertNil(memory.person(surname: "Faleolo"))
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

    func testASurnameTwoPeopleShareNamesNoOne() {
        var memory = SpeakerMemory()
        memory.remember(Speaker(name: "Ilse Varga Morrow", role: nil, isPerson: true))
        memory.remember(Speaker(name: "Ilse Morrow", role: nil, isPerson: true))
        XCTAssertEqual(memory.person(surname: "Morrow")?.name, "Ilse Varga Morrow")  // one person, as first given
        memory.remember(Speaker(name: "Tobin Morrow", role: nil, isPerson: true), asSubject: false)
        XCTAssertNil(memory.person(surname: "Morrow"))
        XCTAssertTrue(memory.isAmbiguous(surname: "morrow"))
    }

    /// A plain name anywhere in the text (`according to grain merchandiser Nell Osterby`) is
    /// what a later bare surname refers to; a family name of two people refers to neither.
    func testSurnamesTakeTheFullNameFirstGivenAndAbstainWhenShared() {
        let paragraphs = [
            "PRAIRIEVILLE — Wendell Tarkov had already sold half his crop. Prices fell, according to grain merchandiser Nell Osterby.",
            "\"We are waiting,\" said Tarkov, who farms near the river. \"Farmers are holding on,\" Osterby said.",
            "Mira Quell was born to Anselm Quell, a carpenter, and Ruth Quell, a weaver.",
            "Quell was modest. \"We only typed the text,\" she said.",
        ]
        let quotes = QuoteAttribution.quotes(in: paragraphs)
        XCTAssertEqual(quotes.map(\.speaker), ["Wendell Tarkov", "Nell Osterby", nil])
    }

    func testMemoryStaysBoundedOnLongPages() {
        var memory = SpeakerMemory()
        for k in 0..<10_000 { memory.remember(Speaker(name: "Person Number\(k)", role: nil, isPerson: true)) }
        XCTAssertEqual(memory.lastPerson?.name, "Person Number9999")
    }
}
