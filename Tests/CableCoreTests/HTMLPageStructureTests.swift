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
}
