@testable import CableCore
import Foundation
import XCTest

/// Encoding details saved pages carry: BOM, CRLF, lone CR, NBSP, control characters,
/// dashes, a missing final newline, invalid UTF-8.
final class ParserCleaningTests: XCTestCase {
    private let body = "A long enough lead paragraph that says what happened in the Baltic on Wednesday."

    func testBOMAndCRLFAndMissingFinalNewline() {
        let text = "\u{FEFF}Cable Operators Count the Cost\r\n12:29 GMT18 May 2021\r\n\r\n    \(body)\r\n\r\n    A second paragraph follows here, with more detail about it."
        let article = ArticleParser.parse(text: text, file: "a.txt")
        XCTAssertEqual(article.title, "Cable Operators Count the Cost")
        XCTAssertFalse(article.titleDerived)
        XCTAssertEqual(article.paragraphs, [body, "A second paragraph follows here, with more detail about it."])
    }

    func testLoneCarriageReturnsEndLines() {
        let text = "12:29 GMT18 May 2021\rListen Live\r\r\(body)\r"
        let article = ArticleParser.parse(text: text, file: "a.txt")
        XCTAssertEqual(article.paragraphs, [body])
        XCTAssertNotNil(article.published)
    }

    func testNBSPIsFoldedAndWhitespaceCollapsed() {
        let text = "12:29 GMT18 May 2021\n\nOperators\u{A0}said the\u{A0}cost of\u{A0}repairs   had\ttripled in\u{A0}a year."
        let article = ArticleParser.parse(text: text, file: "a.txt")
        XCTAssertEqual(article.paragraphs, ["Operators said the cost of repairs had tripled in a year."])
    }

    func testDashesAreKeptAsWritten() {
        let text = "Talks Resume \u{2212} Again\n12:29 GMT18 May 2021\n\nThe two\u{2013}day talks, the ministry said \u{2014} once more \u{2014} would resume."
        let article = ArticleParser.parse(text: text, file: "a.txt")
        XCTAssertEqual(article.title, "Talks Resume \u{2212} Again")
        XCTAssertEqual(article.paragraphs, ["The two\u{2013}day talks, the ministry said \u{2014} once more \u{2014} would resume."])
    }

    func testControlCharactersAreRemoved() {
        let text = "12:29 GMT18 May 2021\n\nThe \u{1B}[31mship\u{07} was seen\u{0}\u{85} near the cable on Monday."
        let article = ArticleParser.parse(text: text, file: "a.txt")
        XCTAssertEqual(article.paragraphs, ["The [31mship was seen near the cable on Monday."])
        for paragraph in article.paragraphs {
            XCTAssertFalse(paragraph.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
    }

    func testInvalidUTF8IsReadLossilyWithAWarning() {
        var data = Data("12:29 GMT18 May 2021\n\nThe minister visited Troms".utf8)
        data.append(contentsOf: [0xF8, 0xFF])
        data.append(contentsOf: Array(" on Monday and spoke to the crews there.".utf8))
        let article = ArticleParser.parse(data: data, file: "a.txt")
        XCTAssertEqual(article.paragraphs.count, 1)
        XCTAssertTrue(article.paragraphs[0].hasPrefix("The minister visited Troms"))
        XCTAssertTrue(article.paragraphs[0].hasSuffix("on Monday and spoke to the crews there."))
        XCTAssertTrue(article.warnings.contains { $0.contains("not valid UTF-8") })
    }

    func testValidUTF8HasNoEncodingWarning() {
        let article = ArticleParser.parse(data: Data("12:29 GMT18 May 2021\n\n\(body)".utf8), file: "a.txt")
        XCTAssertFalse(article.warnings.contains { $0.contains("UTF-8") })
    }

    func testIdIsTheContentHashOfTheDecodedText() {
        let text = "12:29 GMT18 May 2021\n\n\(body)"
        XCTAssertEqual(ArticleParser.parse(text: text, file: "a.txt").id, ArticleID.forContent(text))
        XCTAssertEqual(ArticleParser.parse(text: text, file: "b.txt").id, ArticleParser.parse(data: Data(text.utf8), file: "c.txt").id)
    }
}
