@testable import CableCore
import Foundation
import XCTest

/// Rules of page structure the HTML reader follows, each on a page cut down to the structure
/// (the kinds of page in `HTMLBlind1/` show them whole).
final class HTMLPageStructureTests: XCTestCase {
    private func read(_ html: String) -> Article {
        HTMLArticleReader.parse(data: Data(html.utf8), file: "page.html")
    }

    /// Three paragraphs long enough to be the article, each in its own wrapper.
    static let body = (1...3).map {
        "<div class=\"w\"><p>Paragraph \($0) of the story says, at some length and with commas, what the ministers agreed in the talks on Friday.</p></div>"
    }.joined()

    // MARK: Text

    func testNumericReferencesInTheC1RangeAreWindows1252() {
        let article = read("""
            <html><body><h1>Talks</h1><p>Kazakh Deputy Foreign Minister Serik Zhumabayev said the negotiators would meet again. \
            &#147;Nobody expected us to solve it in one day,&#148; he said&#133; &#128;5bn &#129;</p></body></html>
            """)
        XCTAssertEqual(article.paragraphs.first?.hasSuffix("\u{201C}Nobody expected us to solve it in one day,\u{201D} he said\u{2026} \u{20AC}5bn"), true,
                       "\(article.paragraphs)")
        XCTAssertEqual(article.quotes.first?.speaker, "Serik Zhumabayev")
    }

    // MARK: Title, outlet, address

    func testTheSavedFromLineAfterTheDoctypeGivesTheAddress() {
        let page = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<!-- saved from url=(0040)http://www.centraleurasia.example/a.shtml -->\n<HTML>"
        XCTAssertEqual(PageMetadata.savedFromURL(Array(page.utf8)), "http://www.centraleurasia.example/a.shtml")
        XCTAssertNil(PageMetadata.savedFromURL(Array("<!DOCTYPE html>\n<html>\n<!-- saved from url=(0019)https://example.org -->".utf8)))
    }

    func testAnOutletBeforeTheHeadlineIsKnownByTheHostItSpells() {
        let article = read("""
            <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
            <!-- saved from url=(0040)http://www.centraleurasia.example/a.shtml -->
            <HTML><HEAD><TITLE>Central Eurasia Online :: Caspian summit: five states pledge restraint</TITLE></HEAD>
            <BODY>\(Self.body)</BODY></HTML>
            """)
        XCTAssertEqual(article.source, "Central Eurasia Online")
        XCTAssertEqual(article.title, "Caspian summit: five states pledge restraint")
        XCTAssertEqual(article.url, "http://www.centraleurasia.example/a.shtml")
        XCTAssertTrue(PageTitle.spells(host: "www.bbc.co.uk", "BBC News"))
        XCTAssertFalse(PageTitle.spells(host: "www.centraleurasia.example", "Eurasia Business Online Weekly"))
    }

    func testThePrintedHeadlineWinsOverTheTitleWrittenForSharing() {
        func title(h1: String, og: String) -> String {
            read("<html><head><meta property=\"og:title\" content=\"\(og)\"></head><body><h1>\(h1)</h1>\(Self.body)</body></html>").title
        }
        XCTAssertEqual(title(h1: "A longer runway brings Greenland closer – and the world closer to Greenland",
                             og: "A longer runway brings Greenland closer – in pictures"),
                       "A longer runway brings Greenland closer – and the world closer to Greenland")
        XCTAssertEqual(title(h1: "World news", og: "A longer runway brings Greenland closer"), "A longer runway brings Greenland closer")
    }
}
