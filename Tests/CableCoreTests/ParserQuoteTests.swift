@testable import CableCore
import Foundation
import XCTest

/// Quote marks, scare quotes, apostrophes, and every attribution pattern of the issue.
final class ParserQuoteTests: XCTestCase {
    private func quotes(_ paragraphs: String...) -> [Quote] {
        let text = "12:29 GMT18 May 2021\n\n" + paragraphs.joined(separator: "\n\n")
        return ArticleParser.parse(text: text, file: "q.txt").quotes
    }

    private func speakers(_ paragraphs: String...) -> [String?] {
        let text = "12:29 GMT18 May 2021\n\n" + paragraphs.joined(separator: "\n\n")
        return ArticleParser.parse(text: text, file: "q.txt").quotes.map(\.speaker)
    }

    func testABareSurnameIsTheNameALongRunEndedIn() {
        XCTAssertEqual(speakers("“We are mending a fence, not building a wall,” Deputy Commissioner at the Fisheries Directorate Marit Solberg told reporters.",
                                "Solberg said exports had doubled since 2020. “Nobody believes the demand is local,” she said."),
                       [nil, "Marit Solberg"])
    }

    func testATitledNameAfterAPrepositionAndADescriptionIsNoLaterHe() {
        XCTAssertEqual(speakers("Finance Minister Tomas Berg spoke in Oslo on Tuesday.",
                                "Berg also took aim at fellow Finance Minister Anders Lind over the budget.",
                                "“We cannot wait for another year,” he said."),
                       ["Tomas Berg"])
    }

    func testACourtesyTitleAndASurnameNameAPerson() {
        XCTAssertEqual(speakers("Mr. Lindqvist has sharpened his language in recent weeks.",
                                "Mrs. Okafor spoke to reporters on Tuesday. “We will not back down,” she said.",
                                "In a speech on Monday, Ms. Brandt said the deal was “a trap for the unwary.” She added, “Nobody should sign it.”"),
                       ["Okafor", "Brandt", "Brandt"])
    }

    func testAPrepositionInATitleCaseLineIsNoPartOfAName() {
        XCTAssertEqual(speakers("Party Chairman On Lindqvist: ‘We Will Not Wait For Anyone.’",
                                "Party Chairman Ole Dahl is not bowing to rival candidate Erik Lindqvist, who has threatened to quit.",
                                "“We had ten million viewers at the debate,” Lindqvist said."),
                       [nil, "Erik Lindqvist"])
    }

    func testASharedSurnameIsThePersonTheArticleIsAbout() {
        XCTAssertEqual(speakers("Marta Vidal has led the party since 2019.",
                                "Marta Vidal met voters in Porto on Monday, where her brother Jonas Vidal runs a bakery.",
                                "Marta Vidal returned to Lisbon in the evening.",
                                "“We will win this region,” Vidal said."),
                       ["Marta Vidal"])
    }

    func testANameGluedToALabelByADashIsTheSamePerson() {
        XCTAssertEqual(speakers("Exclusive–Nora Lindahl, Harbour Activist, Runs For Council.",
                                "Harbour activist Nora Lindahl is running for the council.",
                                "“The port is part of the problem,” Lindahl said."),
                       ["Nora Lindahl"])
    }

    func testAPlaceAfterAPrepositionIsNoSpeaker() {
        XCTAssertEqual(speakers("Minister Carl Jensen toured the county on Friday, after a teacher in Ashford, Kent, told him he was “too gentle for this race.”"),
                       [nil])
    }

    func testATitledNameAfterTheSentencesSubjectAndVerbIsNoLaterHe() {
        XCTAssertEqual(speakers("Finance Minister Tomas Berg spoke in Oslo on Tuesday.",
                                "Berg later thanked Trade Minister Anders Lind for the deal.",
                                "“We cannot wait for another year,” he said."),
                       ["Tomas Berg"])
        XCTAssertEqual(speakers("Finance Minister Tomas Berg spoke in Oslo on Tuesday.",
                                "Berg said that Trade Minister Anders Lind had agreed to the deal.",
                                "“We cannot wait for another year,” he said."),
                       ["Tomas Berg"])
    }

    func testTheNameBeforeWhoSpeaksInItsRelativeClause() {
        XCTAssertEqual(speakers("Later in the programme, Marsh praised the preacher Franklin Gray, who has said that the church would “never bend on this question.”"),
                       ["Franklin Gray"])
    }

    func testACourtesyTitleTellsWhomSheMeans() {
        XCTAssertEqual(speakers("Mrs. Okafor has chaired the hearing since Monday.",
                                "Mr. Lindqvist has objected to it ever since.",
                                "“We will not back down,” she said."),
                       ["Okafor"])
    }

    func testVerbsOfJudgementReportSpeech() {
        XCTAssertEqual(speakers("But Shadow Home Secretary Ruth Calder blasted the plan as \"too little, too late\"."), ["Ruth Calder"])
        XCTAssertEqual(speakers("Opposition leader Tomas Berg slammed the deal as \"a surrender\"."), ["Tomas Berg"])
    }

    func testACoChairIsATitle() {
        let found = quotes("Board Co-Chair Teodora Lindqvist said: “This is a beginning, not a settlement.”")
        XCTAssertEqual(found.map(\.speaker), ["Teodora Lindqvist"])
        XCTAssertEqual(found.map(\.role), ["Board Co-Chair"])
    }

    func testAnAcademyIsABodyNotAPerson() {
        XCTAssertEqual(speakers("Eng, who taught for two decades at the Norwegian Naval Academy, is good on this. “We built an economy on the sea,” he writes."),
                       [nil])
    }

    func testATitleInLowerCaseWithAdjectivesBeforeAName() {
        XCTAssertEqual(speakers("\"He let the others talk,\" recalled the former Malian minister Oumar Keita, who chaired the talks."),
                       ["Oumar Keita"])
    }

    func testAllQuoteMarks() {
        let found = quotes("He said \"straight quotes are fine here\" and “curly ones are too” and «guillemets in translation» and ‘single curly ones as well’ today.")
        XCTAssertEqual(found.map(\.text), ["straight quotes are fine here", "curly ones are too",
                                           "guillemets in translation", "single curly ones as well"])
    }

    func testApostrophesDoNotOpenOrCloseSingleQuotes() {
        let found = quotes("Ukraine’s ports won’t reopen soon, and it's clear that ‘the ministers’ plan is not working at all’, an aide said.")
        XCTAssertEqual(found.map(\.text), ["the ministers’ plan is not working at all"])
    }

    func testScareQuotesAndTitlesAreNotQuotes() {
        XCTAssertEqual(quotes("The so-called \"shadow fleet\" grew, and \"disappointed\" officials cited a report titled \"Fault Lines in the Baltic\" on Monday.").count, 0)
    }

    func testSpeakerAfterTheQuote() {
        XCTAssertEqual(speakers("\"We will respond to every provocation,\" Jane Doe said."), ["Jane Doe"])
        XCTAssertEqual(speakers("\"We will respond to every provocation,\" said Jane Doe, a senior analyst at the Polar Institute."), ["Jane Doe"])
        let withRole = quotes("\"We are treating this as a deliberate act,\" Finnish Interior Minister Aino Laakso told a press conference.")
        XCTAssertEqual(withRole.first?.speaker, "Aino Laakso")
        XCTAssertEqual(withRole.first?.role, "Finnish Interior Minister")
    }

    func testSpeakerBeforeTheQuote() {
        XCTAssertEqual(speakers("Jane Doe said: \"We will respond to every provocation.\""), ["Jane Doe"])
        XCTAssertEqual(speakers("Simone Achterberg, a former intelligence officer now at an institute in Oslo, said: \"London knows more about the equipment than anyone.\""), ["Simone Achterberg"])
    }

    func testReportedSpeechFragment() {
        XCTAssertEqual(speakers("Defence Minister Jane Doe warned against \"any move that would widen the conflict\" in a speech."), ["Jane Doe"])
    }

    func testLongTitleIsTheRole() {
        let found = quotes("\"We cannot share what we cannot trust,\" Deputy Assistant Secretary for Maritime Security Dana Whitfield said.")
        XCTAssertEqual(found.first?.speaker, "Dana Whitfield")
        XCTAssertEqual(found.first?.role, "Deputy Assistant Secretary for Maritime Security")
    }

    func testPronounAndSurnameResolveToThePersonNamedBefore() {
        let found = quotes(
            "Defence Minister Jane Doe visited the base on Monday, officials said.",
            "\"We are ready for whatever comes next,\" she told troops there.",
            "Doe added that the navy would \"keep every shipping lane open\" through the winter.")
        XCTAssertEqual(found.map(\.speaker), ["Jane Doe", "Jane Doe"])
        XCTAssertEqual(found.map(\.role), ["Defence Minister", "Defence Minister"])
        XCTAssertEqual(found.map(\.paragraph), [1, 2])
    }

    func testRoleDescriptionResolvesToTheTitledPerson() {
        XCTAssertEqual(speakers(
            "\"We are not naming any company at this stage,\" State Secretary Konrad Weyl told reporters.",
            "\"Nobody will find a switch being thrown overnight,\" the state secretary said."), ["Konrad Weyl", "Konrad Weyl"])
    }

    func testSecondQuoteInAParagraphContinuesTheSpeaker() {
        XCTAssertEqual(speakers("\"Open RAN is how democracies get a seat at the table,\" Lydia Marsh told a forum. \"We are not picking winners. We are making sure there are some.\""),
                       ["Lydia Marsh", "Lydia Marsh"])
        XCTAssertEqual(speakers("\"The rules are clear enough for everyone,\" Lydia Marsh said, adding: \"Now they must be enforced.\""),
                       ["Lydia Marsh", "Lydia Marsh"])
    }

    func testOrganisationsSpeak() {
        XCTAssertEqual(speakers("The Ministry of Defence said the exercise was \"routine and planned months in advance\"."), ["Ministry of Defence"])
        // A body's voice speaks for the body named before; a body never named is no speaker.
        XCTAssertEqual(speakers("\"We have lodged a formal protest with the host government,\" an embassy spokesperson said."), [nil])
        XCTAssertEqual(speakers("The Chinese Embassy in Stockholm protested on Monday.",
                                "\"We have lodged a formal protest with the host government,\" an embassy spokesperson said."),
                       ["Chinese Embassy"])
        XCTAssertEqual(speakers("The Chinese embassy said Sweden should \"correct its wrong decision at once\"."), ["Chinese embassy"])
        XCTAssertEqual(speakers("Huawei said: \"We have supplied operators for twenty years without incident.\""), ["Huawei"])
    }

    func testUnsureMeansNoSpeaker() {
        XCTAssertEqual(speakers("\"They bought everything they could get before the door closed,\" said one fund manager, who asked not to be named."), [nil])
        XCTAssertEqual(speakers("\"We are letting a company into the nervous system of our communications,\" read a letter circulated among MPs."), [nil])
        XCTAssertEqual(speakers("Covering an Arctic voyage was described at a market briefing as \"a different animal, with different claws\"."), [nil])
        XCTAssertEqual(speakers("\"Nobody has to aim at a cable to cut it,\" one insurance broker in Dubai said."), [nil])
    }

    func testQuoteAtTheEndOfASentenceDoesNotTakeTheNextSubject() {
        let found = quotes("He said: \"Nothing in today's decision weakens the alliance. Nothing.\" Officials briefed that the agencies had signed off.")
        XCTAssertEqual(found.first?.speaker, nil)
    }

    func testUnbalancedQuotesEndAtTheParagraph() {
        let found = quotes("\"This quote runs on into the next paragraph without closing",
                           "\"and closes here in the second one,\" the analyst Jane Doe said.")
        XCTAssertEqual(found.count, 2)
        XCTAssertEqual(found.map(\.paragraph), [0, 1])
    }

    func testTheBodyNamedEarlierSpeaksAsTheMinistry() {
        XCTAssertEqual(speakers(
            "The Ministry of Foreign Affairs summoned the ambassador on Monday.",
            "\"This incident will not go unanswered,\" the ministry said in a statement."), ["Ministry of Foreign Affairs"])
    }

    func testInTheWordsOfNamesTheSpeaker() {
        XCTAssertEqual(speakers("A reading that arrives after the water has passed is, in the words of Khamphet Vongsa, a hydrologist in Vientiane, \"a weather report for yesterday\"."),
                       ["Khamphet Vongsa"])
    }

    func testItSaidIsTheOrganisationJustQuoted() {
        let found = speakers("The Somali cabinet said in a statement that the agreement was \"null and void in every respect\". It said Somalia would \"defend its territory by every legal means\".")
        XCTAssertEqual(found, ["Somali cabinet", "Somali cabinet"])
        // With no organisation quoted just before, `it` stays unknown rather than a guess.
        XCTAssertEqual(speakers("The report was published on Monday. It said the talks would \"resume within a matter of weeks\"."), [nil])
    }

    func testAnEmbassyIsNamedWithItsPost() {
        XCTAssertEqual(speakers("The Russian embassy in Helsinki called the closure \"a political choice dressed up as a security measure\"."),
                       ["Russian embassy in Helsinki"])
        XCTAssertEqual(speakers("\"We respect the sovereign right of Turkey to read the convention,\" the Chinese Embassy in Ankara said."),
                       ["Chinese Embassy in Ankara"])
        // A ministry stays named as it is; a post is only a place (`in a statement` is none).
        XCTAssertEqual(speakers("The Ministry of Commerce in Beijing said the rules were \"fully in line with WTO practice\"."),
                       ["Ministry of Commerce"])
        XCTAssertEqual(speakers("The Chinese embassy said in a statement that it \"firmly opposes the decision\"."), ["Chinese embassy"])
        // A capitalised article mid-sentence belongs to the place's name.
        XCTAssertEqual(speakers("The Chinese embassy in The Hague has called the rules \"an abuse of export controls\"."),
                       ["Chinese embassy in The Hague"])
        XCTAssertEqual(speakers("The Chinese embassy in the capital called the rules \"an abuse of export controls\"."),
                       ["Chinese embassy"])
    }

    func testTheAuthorOfTheBookUnderReviewIsKnownBySurname() {
        let review = ["Halvard Eng’s new book is about those gaps: Hormuz and Malacca, Suez and the Bab el-Mandeb.",
                      "Eng, who taught for two decades at a naval academy, is good on the narrow places. ‘We built a global economy on the assumption that the sea was a motorway,’ he writes."]
        XCTAssertEqual(speakers(review[0], review[1]), ["Halvard Eng"])
        // A possessive before anything but a work names no one to remember.
        XCTAssertEqual(speakers("Halvard Eng’s ship is about to sail from Bergen.", review[1]), [nil])
    }

    func testADoubleFamilyNameIsThePersonNamedInFull() {
        let first = "\"We learned about it on the radio,\" said Sara Plaza Cruz, president of the council."
        XCTAssertEqual(speakers(first, "\"We are not against lithium,\" Plaza Cruz said."), ["Sara Plaza Cruz", "Sara Plaza Cruz"])
        // Two words that start with a given name are someone's full name, maybe a relative's.
        XCTAssertEqual(speakers("\"We learned about it on the radio,\" said Sara Maria Cruz, president of the council.",
                                "\"We are not against lithium,\" Maria Cruz said."), ["Sara Maria Cruz", "Maria Cruz"])
    }

    func testCallsItAttributesTheQuote() {
        XCTAssertEqual(speakers("On the jacket, Rune Halvorsen, a retired Norwegian admiral, calls it ‘the best map we have of the next war at sea’."),
                       ["Rune Halvorsen"])
    }

    func testABodyNameRunsOnThroughOf() {
        XCTAssertEqual(speakers("They reviewed contracts in the name of what the National Council for the Safeguard of the Homeland, as the ruling junta is known, called the «recovery of national sovereignty» over resources."),
                       ["National Council for the Safeguard of the Homeland"])
        // A person's affiliation still ends the name.
        XCTAssertEqual(speakers("\"The cables are the weak point,\" said Benedikt Sauer of the Kiel Network Observatory."), ["Benedikt Sauer"])
    }

    func testAnUnnamedSpeakerInReportedWordsLeavesSheAsSheWas() {
        let first = "Sara Lind spent three decades as a negotiator. She is funny about the absurdities."
        XCTAssertEqual(speakers(first, "At one conference, she recalls, a delegate objected for forty minutes to a comma. \"It was not a comma,\" she writes."),
                       ["Sara Lind"])
        // Told by the writer, the unnamed delegate may be the `she` who speaks next.
        XCTAssertEqual(speakers(first, "At one conference, a delegate objected for forty minutes to a comma. \"It was not a comma,\" she said."),
                       [nil])
    }

    func testAQuoteAfterReportedWordsIsTheirSpeakers() {
        let first = "\"You can't reroute a million barrels a day on a Monday morning,\" said Gulnara Seitkali, an oil analyst."
        XCTAssertEqual(speakers(first, "She added that the strike showed how exposed the country remained. \"Every barrel we sell to the West still crosses Russian soil.\""),
                       ["Gulnara Seitkali", "Gulnara Seitkali"])
        // Words not reported by her leave the quote unattributed.
        XCTAssertEqual(speakers(first, "The strike showed how exposed the country remained. \"Every barrel we sell to the West still crosses Russian soil.\""),
                       ["Gulnara Seitkali", nil])
    }

    func testAQuoteOpenedInsideAParagraphRunsOnToItsEnd() {
        let opened = "Deputy Minister Chen Wei-ling told reporters that the effect would be limited at first. \"What changes today is that these are now our rules, written in Taipei."
        let found = quotes(opened, "\"We are no longer only the place where other people's controls are applied,\" Chen said.")
        XCTAssertEqual(found.map(\.text), ["What changes today is that these are now our rules, written in Taipei.",
                                           "We are no longer only the place where other people's controls are applied"])
        // Labelling: both with the speaker named in the second paragraph.
        XCTAssertEqual(found.map(\.speaker), ["Chen Wei-ling", "Chen Wei-ling"])
        // A stray mark inside a sentence quotes nothing.
        XCTAssertEqual(quotes("The minister said the \"plan would fail within a year and then left the room.").count, 0)
    }

    func testAQuoteLeftOpenTakesTheNextParagraphsSpeaker() {
        let found = speakers("\"It was hard,\" said Jane Doe, an analyst. \"And it will be harder still for the young ones.",
                             "\"Nobody is ready for any of it,\" said John Roe, a trader.")
        XCTAssertEqual(found, ["Jane Doe", "John Roe", "John Roe"])
    }

    func testALawmakersPartyAndStateIsNoPartOfTheName() {
        XCTAssertEqual(speakers(
            "Rep. Glen Ashworth, R-Kan., whose district includes Wheatland County, called the embargo \"a decision paid for by farmers.\"",
            "Sen. Dolores Whitcombe (R-Tex.) said the rule was \"a half-measure dressed up as a crackdown.\""
        ), ["Glen Ashworth", "Dolores Whitcombe"])
    }
}
