@testable import CableCore
import XCTest

/// READ MORE lines, tag lines and copyright lines.
final class LinkLinesTests: XCTestCase {
    func testReadMoreLabelsAndSeparators() {
        XCTAssertEqual(LinkLines.readMoreHeadline("READ MORE: Ships Queue Off Istanbul"), "Ships Queue Off Istanbul")
        XCTAssertEqual(LinkLines.readMoreHeadline("Also read – Grain Deal Lapses"), "Grain Deal Lapses")
        XCTAssertEqual(LinkLines.readMoreHeadline("See also | The Cable Map"), "The Cable Map")
        XCTAssertEqual(LinkLines.readMoreHeadline("Go deeper: Why the pledge took 13 years"), "Why the pledge took 13 years")
        XCTAssertEqual(LinkLines.readMoreHeadline("Related story: Grain Deal Lapses"), "Grain Deal Lapses",
                       "a longer label after a shorter one it starts with")
        XCTAssertNil(LinkLines.readMoreHeadline("Read more"))
        XCTAssertNil(LinkLines.readMoreHeadline("Read more: Sanctions"))
        XCTAssertNil(LinkLines.readMoreHeadline("Reading the tea leaves: markets wait"))
    }

    func testAReadMoreLabelGluedToItsHeadline() {
        XCTAssertEqual(LinkLines.readMoreHeadline("Read moreNiger's junta orders French troops out"), "Niger's junta orders French troops out")
        XCTAssertNil(LinkLines.readMoreHeadline("Read moreover, the talks"))
        XCTAssertNil(LinkLines.readMoreHeadline("Moreover, the talks resumed on Monday"))
    }

    func testLabelledAndUnlabelledTagLines() {
        XCTAssertEqual(LinkLines.labelledTags("Tags: Arctic, Russia , shipping"), ["Arctic", "Russia", "shipping"])
        XCTAssertEqual(LinkLines.labelledTags("Topics - China • export controls"), ["China", "export controls"])
        XCTAssertNil(LinkLines.labelledTags("Tagged as urgent by the editors"))
        let line = "Baltic Sea, undersea cables, Finland, NATO"
        XCTAssertEqual(LinkLines.unlabelledTags(line, shape: LineShape(line)), ["Baltic Sea", "undersea cables", "Finland", "NATO"])
        let footer = "Terms | Privacy | Cookie settings"
        XCTAssertNil(LinkLines.unlabelledTags(footer, shape: LineShape(footer)))
        let address = "2-2-1 Kasumigaseki, Chiyoda-ku, Tokyo 100-8919, Japan"
        XCTAssertNil(LinkLines.unlabelledTags(address, shape: LineShape(address)))
        let years = "Budget 2024-25, Labour, Strikes"
        XCTAssertEqual(LinkLines.unlabelledTags(years, shape: LineShape(years)), ["Budget 2024-25", "Labour", "Strikes"])
        let sentence = "Ships, ports and insurers all wait for the decision."
        XCTAssertNil(LinkLines.unlabelledTags(sentence, shape: LineShape(sentence)))
    }

    func testCopyrightHolderBeforeOrAfterTheSign() {
        XCTAssertEqual(LinkLines.outletName("© 2024 The Ledger Post. All rights reserved."), "The Ledger Post")
        XCTAssertEqual(LinkLines.outletName("Harbour Notes © 2025"), "Harbour Notes")
        XCTAssertNil(LinkLines.outletName("Copyright Information"))
    }

    func testATagLabelMayNameWhereTheTagsAreAndTheTagsMayBeHashtags() {
        XCTAssertEqual(LinkLines.labelledTags("Tags in this thread: #Niger #Benin #pipeline"), ["Niger", "Benin", "pipeline"])
        XCTAssertEqual(LinkLines.labelledTags("Topics for this story: Arctic, shipping"), ["Arctic", "shipping"])
        XCTAssertNil(LinkLines.labelledTags("More on this story: Iceland rejects the offer"))
        XCTAssertNil(LinkLines.labelledTags("Tags Are Not What Matters Here: a column"))
    }
}
