@testable import CableCore
import XCTest

/// Each rule of the attribution sieve on its own, then the sieve in order.
final class AttributionSieveTests: XCTestCase {
    /// The sentence around the `n`th quote of a paragraph.
    private func sentence(_ paragraph: String, quote n: Int = 0) -> QuoteSentence {
        let text = ScalarText(paragraph)
        let tokens = ProseTokenizer.tokens(text, spans: QuoteSpans.spans(in: text))
        let quotes = tokens.indices.filter { tokens[$0].isQuote }
        return QuoteSentence(tokens: tokens, quote: quotes[n])
    }

    private func name(_ attribution: Attribution?) -> String? {
        switch attribution {
        case .speaker(let speaker)?: return speaker.name
        case .continuation?: return "(continuation)"
        case .unknown?: return "(unknown)"
        case .unnamed?: return "(unnamed)"
        case nil: return nil
        }
    }

    private let memory = SpeakerMemory()

    func testVerbThenSubjectAfter() {
        XCTAssertEqual(name(AttributionSieve.verbThenSubjectAfter(sentence("“We will act,” said Anna Berg."), memory)), "Anna Berg")
        XCTAssertNil(AttributionSieve.verbThenSubjectAfter(sentence("“We will act,” Anna Berg said."), memory))
        XCTAssertNil(AttributionSieve.verbThenSubjectAfter(sentence("“We will act,” adding more."), memory))
    }

    func testAccordingToAfterAndBefore() {
        XCTAssertEqual(name(AttributionSieve.accordingToAfter(sentence("“It is late,” according to the Finnish Navy."), memory)), "Finnish Navy")
        XCTAssertEqual(name(AttributionSieve.accordingToBefore(sentence("According to Lars Eide, “it is late.”"), memory)), "Lars Eide")
    }

    func testSubjectThenVerbAfter() {
        XCTAssertEqual(name(AttributionSieve.subjectThenVerbAfter(sentence("“We will act,” Defence Minister Anna Berg told reporters."), memory)), "Anna Berg")
        // After a quote that ended its sentence, a new sentence about something else is not an attribution.
        XCTAssertNil(AttributionSieve.subjectThenVerbAfter(sentence("“We are done.” Officials said that the ships would sail on Friday morning."), memory))
    }

    func testOpensSentence() {
        XCTAssertEqual(name(AttributionSieve.opensSentence(sentence("It rained. “We are done.”"), memory)), "(continuation)")
        XCTAssertNil(AttributionSieve.opensSentence(sentence("She warned of “grave consequences”."), memory))
    }

    func testInTheWordsOf() {
        XCTAssertEqual(name(AttributionSieve.inTheWordsOf(sentence("The deal was, in the words of Jane Doe, “a bridge too far”."), memory)), "Jane Doe")
    }

    func testSpeechVerbBefore() {
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(sentence("The Foreign Ministry said in a notice posted online: “Talks are over.”"), memory)), "Foreign Ministry")
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(sentence("Lund said the plan was sound, adding: “We will act.”"), memory)), "Lund")
        XCTAssertNil(AttributionSieve.speechVerbBefore(sentence("The plan was described as “a bridge too far”."), memory))
    }

    func testLaterQuoteOfSentence() {
        let paragraph = "Berg said it was “a bridge too far” and would be “very costly indeed”."
        XCTAssertEqual(name(AttributionSieve.laterQuoteOfSentence(sentence(paragraph, quote: 1), memory)), "(continuation)")
        XCTAssertNil(AttributionSieve.laterQuoteOfSentence(sentence(paragraph, quote: 0), memory))
    }

    func testSignedAfterDash() {
        XCTAssertEqual(name(AttributionSieve.signedAfterDash(sentence("“We were never asked.”— Pamela Padilla"), memory)), "Pamela Padilla")
        XCTAssertEqual(name(AttributionSieve.signedAfterDash(sentence("“We were never asked.” — Pamela Padilla, a teacher"), memory)), "Pamela Padilla")
        XCTAssertNil(AttributionSieve.signedAfterDash(sentence("“We were never asked.” Pamela Padilla said."), memory))
        XCTAssertNil(AttributionSieve.signedAfterDash(sentence("The “America First”-style rules."), memory))
    }

    func testVerbThenSubjectAfterNeedsALowerCaseVerb() {
        // `Asked` opens the next sentence; it does not attribute the quote before it.
        XCTAssertNil(AttributionSieve.verbThenSubjectAfter(sentence("He said costs fall “by forty per cent”. Asked when, he said soon."), memory))
    }

    func testAfterAClosedQuoteTheNextSentenceIntroducingAQuoteIsNotTheSpeaker() {
        let paragraph = "They called it a “reconquest”. Security researcher Oumar Traoré warned of “a race for the bases”."
        XCTAssertNil(AttributionSieve.subjectThenVerbAfter(sentence(paragraph), memory))
        XCTAssertEqual(name(AttributionSieve.subjectThenVerbAfter(sentence("“Does anybody know?” Graham asked. “Neither do I.”"), memory)), "Graham")
        XCTAssertNil(AttributionSieve.subjectThenVerbAfter(
            sentence("The treaty secures ‘a vital base’. Washington had been consulted throughout, officials said."), memory))
    }

    func testUnnamedSubjectsHaveNoSpeaker() {
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(
            sentence("The ministry welcomed it, but a senior naval officer, speaking on condition of anonymity, told us it would “protect the exit”."),
            memory)), "(unnamed)")
        XCTAssertEqual(name(AttributionSieve.subjectThenVerbAfter(sentence("“Prices will rise,” a Hong Kong-based cobalt trader said."), memory)), "(unnamed)")
    }

    func testAppositiveNameAfterADescription() {
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(sentence("The foreign secretary, Tobias Rendell, said the treaty was “a stain”."), memory)),
                       "Tobias Rendell")
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(
            sentence("Iran's foreign ministry spokesman, Reza Kamali-Nouri, said Tehran rejected “any attempt to link it”."), memory)), "Reza Kamali-Nouri")
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(sentence("The UN’s humanitarian office, OCHA, said “access is not access”."), memory)), "OCHA")
    }

    func testTitlesWithListsAndOpenersAreNotNames() {
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(
            sentence("Assistant Secretary for Energy, Environment, and Resources Dana Kowal said it was “not for sale”."), memory)), "Dana Kowal")
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(
            sentence("Speaking from the floor, Additional Secretary in the Union Ministry of Environment, Forest and Climate Change Meenakshi Raghavan said it was “abysmally poor”."),
            memory)), "Meenakshi Raghavan")
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(sentence("But Katharine Osei said lenders “hear maybe never”."), memory)), "Katharine Osei")
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(
            sentence("Asked about the corridor at a briefing, Chinese Foreign Ministry spokesperson Chen Yuhang said China welcomed “all initiatives”."), memory)),
                       "Chen Yuhang")
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(
            sentence("Republican presidential candidate Donald Trump said it was “a disaster”."), memory)), "Donald Trump")
    }

    func testPlacesInReportedSpeechAreNotSpeakers() {
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(
            sentence("State Department spokesperson Tamsin Avery said that the United States welcomed “any step that helps”."), memory)), "Tamsin Avery")
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(
            sentence("The Inuit Circumpolar Council, which represents Inuit in Alaska, Canada, Greenland and Chukotka, said the suspension “cannot last”."),
            memory)), "Inuit Circumpolar Council")
    }

    func testParticipleTakesTheSentenceSubject() {
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(
            sentence("Q: In January the US Department of Energy paused approvals, saying it needed to “take a fresh look”."), memory)),
                       "US Department of Energy")
    }

    /// A body's full name is its speaker (`U.S.` with its stops, `Chamber of Mines`,
    /// `Directorate General of …`); the rest of a role (`for the Republic of Talvia`) or a
    /// country's representative is no speaker.
    func testBodiesKeepTheirFullNamesAndRoleTextIsNoName() {
        let attribute = { (text: String) in self.name(AttributionSieve.attribute(self.sentence(text), memory: self.memory)) }
        XCTAssertEqual(attribute("The U.S. Treasury said the network used “deceptive shipping practices” at sea."), "U.S. Treasury")
        XCTAssertEqual(attribute("The Chamber of Mines of Norland called the decision “premature and unwise for the sector”."), "Chamber of Mines of Norland")
        XCTAssertEqual(attribute("The Directorate General of Foreign Trade said the change applied “with immediate effect”."), "Directorate General of Foreign Trade")
        XCTAssertEqual(attribute("“We will act,” Cabinet Secretary for Trade and Industry Joseph Ondeko told reporters."), "Joseph Ondeko")
        XCTAssertEqual(attribute("The speaker for the Russian Federation said the strikes risked “dragging the whole region into a war”."), "(unknown)")
        XCTAssertEqual(attribute("The representative of the United States said that the attacks were “reckless and unlawful”."), "(unknown)")
    }

    /// A speaker found in the next sentence, a reporter's sign-off or a clause that ended before
    /// the quote is no speaker.
    func testSpeakersFromOutsideTheQuotesClauseAreRefused() {
        XCTAssertNil(AttributionSieve.accordingToAfter(
            sentence("He said he did not “use it that much.” According to F.A.A. records, the jet flew 333 hours."), memory))
        XCTAssertNil(AttributionSieve.signedAfterDash(sentence("Rajoy insisted his party was “still the No. 1 force in Spain.”--Kim Hjelmgaard."), memory))
        XCTAssertEqual(name(AttributionSieve.attribute(
            sentence("Rajoy insisted his party was “still the No. 1 force in Spain.”--Kim Hjelmgaard."), memory: memory)), "Rajoy")
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(
            sentence("When Trump suggested that Cuba would sue the U.S., Rubio fired back forcefully: “If they sue us in Miami, they lose.”"), memory)),
                       "(unknown)")
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(
            sentence("If the law has never been tested, Giuliani said, the reason is simple: “Nobody was as reckless.”"), memory)), "Giuliani")
        // `As … pointed out, …`: what the as-clause's subject pointed out.
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(
            sentence("As trade lawyer Sebastián Oyarzún pointed out, the gap “is the whole story for 2026”."), memory)), "Sebastián Oyarzún")
    }

    /// A passive speech verb's agent said it: named, unnamed, or no one known; never the
    /// sentence's subject.
    func testThePassiveAgentIsTheSpeaker() {
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(
            sentence("Sanders was asked by host Bill Maher, who backs him, “Has the story not moved?”"), memory)), "Bill Maher")
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(
            sentence("She later recalled being told by a senior European official to “be realistic” about it."), memory)), "(unnamed)")
        let quotes = QuoteAttribution.quotes(in: [
            "Lusia Faleolo joined the foreign ministry in 1975.",
            "She later recalled being told by a senior European official to “be realistic” about it. "
                + "“I told them the ocean is very realistic,” she said.",
        ])
        XCTAssertEqual(quotes.map(\.text), ["be realistic", "I told them the ocean is very realistic"], "a short quote an unnamed person said is a quote")
        XCTAssertEqual(quotes.map(\.speaker), [nil, "Lusia Faleolo"], "an unnamed agent leaves `she` as it was")
    }

    func testWhatSomeoneCalledAndAParticipleAfterReportedSpeech() {
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(
            sentence("Cleveland sought the convention in the hopes of shedding what Gilbert called “a perception problem.”"), memory)), "Gilbert")
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(
            sentence("Cardin said Wednesday that Republicans rejected his attempts, calling it an “area of contention.”"), memory)), "Cardin")
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(
            sentence("It was a punch, as Ms. Warren countered the criticism, saying he “reminds us every day” of it."), memory)), "Warren")
    }

    func testTheSubjectOfAParticipleAfterWith() {
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(
            sentence("Republicans were irritated, with Sen. John McCain calling it a “Chinese menu.”"), memory)), "John McCain")
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(
            sentence("Unions backed her early, with the American Federation of Teachers calling her “the champion families need”."), memory)),
                       "American Federation of Teachers")
    }

    /// A dateline, an opening adverb or phrase, a pronoun-like word and the places inside an
    /// appositive are not who said it.
    func testDatelinesOpenersAndAppositivePlacesAreNotSpeakers() {
        let attribute = { (text: String) in self.name(AttributionSieve.attribute(self.sentence(text), memory: self.memory)) }
        XCTAssertEqual(attribute("WASHINGTON — Sen. Chuck Grassley on Wednesday downplayed the attack and said it was “a wise Latina” remark."), "Chuck Grassley")
        XCTAssertEqual(attribute("Washington (AFP) – Hillary Clinton took a swipe at Trump, saying that “bombastic comments” do harm."), "Hillary Clinton")
        XCTAssertEqual(attribute("Hours later, Laura Benn returned the compliment, telling Reuters: “We have been friends a long time.”"), "Laura Benn")
        XCTAssertEqual(attribute("Hastily politicizing the tragedy, he cast the blame and emphasized the threat of “Islamic terrorism” worldwide."), "(unknown)")
        XCTAssertEqual(attribute("It was a potent punch, as Ms. Warren echoed the criticism, saying he “reminds us every day” of it."), "(continuation)")
        XCTAssertEqual(attribute("Willie Minor, an actor in Dallas, who runs a small theater company, recalled that in 2009, “I called all my lenders.”"),
                       "Willie Minor")
        XCTAssertEqual(attribute("“If Reagan had gone with Kemp, I would be in Siberia,” Mr. Daniloff, now 81 and retired in Cambridge, Mass., said."),
                       "Daniloff")
        XCTAssertEqual(attribute("Stacy Baker of Columbia, South Carolina says Cruz will keep “doing what he’s doing.”"), "Stacy Baker")
        XCTAssertEqual(attribute("Giovanni Maria Vian, the editor of the Vatican's newspaper, L'Osservatore Romano, said every pope was “both religious and political.”"),
                       "Giovanni Maria Vian")
    }

    func testAParticipleAfterAnUnnamedTitledPersonIsTheirs() {
        let quoted = sentence("She quotes a senior American negotiator telling her group, “Take the number and go home.”")
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(quoted, memory)), "(unnamed)")
    }

    func testABodyAfterAPrepositionIsNotTheSubject() {
        let quoted = sentence("A source in Ukraine's security service told local media the station was “a legitimate part of the war economy”.")
        XCTAssertEqual(name(AttributionSieve.speechVerbBefore(quoted, memory)), "(unnamed)")
    }

    func testRulesHaveNamesAndUnattributedQuotesHaveNoSpeaker() {
        XCTAssertEqual(Set(AttributionSieve.rules.map(\.name)).count, AttributionSieve.rules.count)
        XCTAssertEqual(name(AttributionSieve.attribute(sentence("The word was “a bridge too far” in every sense."), memory: memory)), "(unknown)")
    }
}
