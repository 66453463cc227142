@testable import CableCore
import XCTest

/// The furniture rules, one by one.
final class FurnitureRulesTests: XCTestCase {
    private func isFurniture(_ line: String) -> Bool { Furniture.isFurniture(line, shape: LineShape(line)) }

    func testSectionMenusSavedAsOneLine() {
        XCTAssertTrue(isFurniture("News  Opinion  Sport  Culture  Lifestyle"))
        XCTAssertTrue(isFurniture("HOME   POLITICS   ECONOMY   SOCIETY   CULTURE   SPORT"))
        XCTAssertTrue(isFurniture("U.S.  World  Business  Arts  Opinion  Podcasts"))
        XCTAssertFalse(isFurniture("Harbour Town Votes to Fund New Science Museum"))
        XCTAssertFalse(isFurniture("World Business Leaders Gather in Lakeport"))
    }

    func testRowsOfLinksSavedWithWideGaps() {
        XCTAssertTrue(Furniture.isLinkRow(TextCleaning.clean("About   Contact   Code of Ethics   Privacy Policy")))
        XCTAssertFalse(Furniture.isLinkRow(TextCleaning.clean("The talks ended.  Both sides left.  Nobody spoke.  It rained")))
        XCTAssertFalse(Furniture.isLinkRow(TextCleaning.clean("About Contact Code of Ethics Privacy Policy")))
        XCTAssertTrue(isFurniture("This article is more than 2 months old"))
        XCTAssertNil(LinkLines.unlabelledTags("Sort by Newest | Oldest | Most recommended", shape: LineShape("Sort by Newest | Oldest | Most recommended")))
    }

    func testCaptionsWithTheirCredits() {
        XCTAssertTrue(Furniture.isCaption("diego garcia is home to a joint uk-us base. photograph: us navy/afp/getty images"))
        XCTAssertTrue(Furniture.isCaption("file - workers load sacks of cobalt near kolwezi, oct. 12, 2023. (atlas photo/samuel kabeya, file)"))
        XCTAssertTrue(Furniture.isCaption("item 1 of 2 an oil tanker sails through the strait of hormuz"))
        XCTAssertTrue(Furniture.isCaption("the wto headquarters in geneva. (file photo)"))
        XCTAssertTrue(Furniture.isCaption("the kapitan orlov pictured in the irish sea on tuesday."))
        XCTAssertFalse(Furniture.isCaption("the ministry said the photographs were taken in january (before the talks)."))
    }

    func testCaptionsEndingWithThePhotographersCreditWithoutAPhotoWord() {
        XCTAssertTrue(isFurniture("Container ships wait to enter the canal near the port of Balboa last month. (Ana Rivas for The Seaboard Tribune)"))
        XCTAssertTrue(isFurniture("Deputy Minister Selim Yilmaz speaks to reporters in Ankara, on March 14, 2024. ( Emre Sahin - Anadolu Agency )"))
        XCTAssertTrue(isFurniture("Cranes at the port in Abu Dhabi. The port is expected to open first. Victor Besa / Gulf Horizon"))
        XCTAssertTrue(isFurniture("Lusia Faleolo at the climate talks in Paris in 2015. She said “no.”Credit...Théo Lambert for The Ledger"))
        XCTAssertTrue(isFurniture("Photo/Illustration: Troops take part in a joint exercise in Zambales province in August."))
        // A Title Case headline of two sentences, and prose ending with a bracketed source, are not.
        XCTAssertFalse(isFurniture("The Arctic Council Is Not Dead. It Is Waiting for Us to Stop Pretending"))
        XCTAssertFalse(isFurniture("The ministry published the figures on Monday. (They were revised later in the week.)"))
        XCTAssertFalse(isFurniture("Exports rose again in March, the agency said. Analysts expect a slowdown / pause later in the year."))
    }

    func testSiteDisclaimersAreNotices() {
        XCTAssertTrue(isFurniture("Contributions must adhere to our terms of use. If you have questions, get in touch with us."))
        XCTAssertTrue(isFurniture("The agency's website contains only a portion of the news stories offered to subscribers. Please contact us for subscription options."))
        let disclaimer = "Accuracy and availability of National Airwaves transcripts may vary. Transcript text may be revised to correct errors or "
            + "match updates to audio. Audio on the website may be edited after its original broadcast or publication. The authoritative "
            + "record of the programming is the audio record."
        XCTAssertTrue(isFurniture(disclaimer))
        XCTAssertTrue(isFurniture("The content you requested does not exist or is not available anymore."))
        XCTAssertTrue(isFurniture("Advertising"))
        XCTAssertTrue(isFurniture("PHOTO GALLERY (CLICK TO ENLARGE)"))
        XCTAssertFalse(isFurniture("The minister said an earlier draft of the treaty had been rejected by parliament in March."))
    }

    func testABrowsersPrintHeaderAndFooterAreFurnitureWithoutADate() {
        XCTAssertTrue(Furniture.isPrintMargin("1 of 3 14/03/2024, 10:22"))
        XCTAssertTrue(Furniture.isPrintMargin("3/20/25, 8:47 AM Beijing signals it could block sale of Panama Canal ports - The Harbor Gazette"))
        XCTAssertFalse(Furniture.isPrintMargin("3 of 4 ministers said on 14/03/2024 that the talks had failed."))
        XCTAssertFalse(Furniture.isPrintMargin("14/03/2024, 10:22"))
        XCTAssertNil(LogicalLine("1 of 3 14/03/2024, 10:22", block: 0).date)
        XCTAssertEqual(LogicalLine("1 of 3 14/03/2024, 10:22", block: 0).kind, .furniture)
    }

    func testFootnotesAsidesAddressesAndBoxes() {
        XCTAssertTrue(Furniture.isFootnote("[1] Authors' count of agreements published since 2022."))
        XCTAssertTrue(Furniture.isFootnote("³ Centre for Maritime Strategy, Policy Brief 14/2023."))
        XCTAssertFalse(Furniture.isFootnote("[Editor's note] This article was updated."))
        XCTAssertTrue(Furniture.isAside("(The briefing was concluded at 2:41 p.m.)"))
        XCTAssertTrue(Furniture.hasAddress("contact the reporter at kbrandt@cvcourier.com."))
        XCTAssertTrue(Furniture.hasAddress("follow our coverage at https://example.org/africa"))
        XCTAssertFalse(Furniture.hasAddress("the talks in geneva went on until dawn."))
        XCTAssertTrue(Furniture.isBoxLine("Verdict: Misleading"))
        XCTAssertFalse(Furniture.isBoxLine("Ukraine war: Russia says talks are over"))
        // A box's label ends within the line's first twenty characters.
        XCTAssertTrue(Furniture.isBoxLine("Missing context: the figures are from 2019."))
        XCTAssertFalse(Furniture.isBoxLine("The ministry gave its own answer to the question, Verdict: none."))
    }

    func testCreditsAndBiographiesCloseAnArticle() {
        func closes(_ line: String) -> Bool { Furniture.isCreditOrBiography(line, shape: LineShape(line)) }
        XCTAssertTrue(closes("Hannah Greer reported from Washington."))
        XCTAssertTrue(closes("Meredith Calloway covers technology policy for The Potomac Herald."))
        XCTAssertTrue(closes("Dana Whitcombe-Ng is a senior fellow in the Economic Security Program."))
        XCTAssertTrue(closes("The Treaty Room is produced by Kofi Mensah-Larsen."))
        XCTAssertFalse(closes("Prime Minister Kishida was due to arrive in Kyiv on Friday."))
        XCTAssertFalse(closes("The European Union has pledged billions for transport links."))
        XCTAssertFalse(closes("“This is the season reminding everyone,” said Henrik Vold, an ice specialist."))
    }

    func testNoticesAndBylinesAtAnyLength() {
        XCTAssertTrue(isFurniture("We and our 842 partners store and/or access information on a device, such as cookies."))
        XCTAssertTrue(isFurniture("The views expressed in this commentary are the author's own."))
        XCTAssertTrue(isFurniture("Politics | Economy | Society | Culture | Sports | World | Photo | Video | Opinion | Weather"))
        XCTAssertTrue(Furniture.isByline("-- Reporting by Anu Kask in Tallinn; Editing by Maria Gronroos", shape: LineShape("x y z")))
        XCTAssertTrue(Furniture.isByline("Translated from French by the Courrier desk", shape: LineShape("a b c d e f g")))
        XCTAssertFalse(isFurniture("The minister said the vote would go ahead on Sunday."))
        let credits = "Editor: Chen Jing | Proofreader: Wang Lin"
        XCTAssertTrue(Furniture.isByline(credits, shape: LineShape(credits)))
    }

    func testAPhotographersCreditOnALineOfItsOwn() {
        XCTAssertTrue(Furniture.isPhotographersCredit("Ingrid Solheim for The Dominion Review"))
        XCTAssertTrue(Furniture.isPhotographersCredit("Anya Lindgren/National Airwaves"))
        XCTAssertTrue(Furniture.isPhotographersCredit("hide caption"))
        XCTAssertFalse(Furniture.isPhotographersCredit("Deputy Minister for Foreign Trade"))
        XCTAssertFalse(Furniture.isPhotographersCredit("Plans for the Future"))
        XCTAssertFalse(Furniture.isPhotographersCredit("Exports rose 4% in March/April."))
    }

    func testALongBylineOfSeveralAuthorsAndTheirOutlets() {
        func byline(_ line: String) -> Bool { Furniture.isByline(line, shape: LineShape(line)) }
        XCTAssertTrue(byline("by Ana Ferreira-Lopes and Jonas Vik, The Harbour Project, and Ilze Berzina, Riga Investigative Desk"))
        XCTAssertFalse(byline("by the end of the year the company had shipped more than four hundred thousand tonnes of ore to China"))
    }

    func testAGalleryHeadlineIsNoPhotoCreditAndAnAppPromptIsFurniture() {
        func byline(_ line: String) -> Bool { Furniture.isByline(line, shape: LineShape(line)) }
        XCTAssertTrue(byline("Photos: Anahit Melikyan and Rafael Ortiz-Bauer"))
        XCTAssertTrue(byline("Photo: AP/Jane Doe"))
        XCTAssertFalse(byline("Photos: In Armenia's Tavush, villagers watch the border move to their doorsteps"))
        XCTAssertTrue(isFurniture("Open in the app for a better experience"))
        XCTAssertTrue(isFurniture("Read in the app"))
    }

    func testEditorsNotesAndCreditsThatEndWithAFullStop() {
        func byline(_ line: String) -> Bool { Furniture.isByline(line, shape: LineShape(line)) }
        XCTAssertTrue(byline("Translated from the German by Anna Weber."))
        XCTAssertTrue(byline("Reporting: Jane Doe (Tallinn), John Roe (Riga) and Ann Poe. Editing: Sam Loe."))
        // A sentence that opens like a credit is text.
        XCTAssertFalse(byline("Produced by a state shipyard in Severodvinsk, the submarine is the first of a class the navy expects to field by the end of the decade."))
        XCTAssertTrue(isFurniture("This article was produced in partnership with the Nordic Data Desk, a network of reporters."))
        XCTAssertTrue(isFurniture("This investigation is part of Open Waters, a project of the Ocean Desk."))
        XCTAssertFalse(isFurniture("The Senate said the bill was produced in partnership with industry groups."))
        XCTAssertTrue(isFurniture("Thanks for reading Harbour Notes! Share this post with a colleague who follows the shipping trade."))
    }
}
