@testable import CableUI
import CableCore
import XCTest

/// Oversized articles: the reading pane lays out a capped copy, says what it left out,
/// and still opens and scrolls.
final class ReaderLimitsTests: XCTestCase {
    /// A saved page that is one five-megabyte line of words.
    static let huge: Article = {
        let word = "pipeline "
        let paragraph = String(repeating: word, count: 5_000_000 / word.count)
        return SampleArticles.make("Five Megabytes on One Line", "2024-05-01T10:00:00Z",
                                   paragraphs: ["A short lead.", paragraph, "After the dump."],
                                   quotes: [Quote(text: "After the dump", speaker: "Someone", paragraph: 2)],
                                   tags: ["Dump"])
    }()

    func testAHugeParagraphIsCutAtAWordWithANote() {
        let capped = ReaderLimits.capped(Self.huge)
        XCTAssertEqual(capped.paragraphs.count, 3, "paragraphs keep their places (quotes point at them)")
        XCTAssertEqual(capped.paragraphs[0], "A short lead.")
        XCTAssertEqual(capped.paragraphs[2], "After the dump.")
        let (text, note) = ReaderLimits.splitNote(capped.paragraphs[1])
        XCTAssertLessThanOrEqual(text.count, ReaderLimits.paragraphCharacters)
        XCTAssertTrue(text.hasSuffix("pipeline"), "cut between words, not inside one: \(text.suffix(20))")
        let left = Self.huge.paragraphs[1].count - text.count
        XCTAssertEqual(note, "… (paragraph cut: \(NumberText.grouped(left)) more characters; "
                       + "`cable show \(Self.huge.id)` prints it all)")
    }

    func testTooManyParagraphsEndInANote() {
        let many = SampleArticles.make("Many", nil, paragraphs: (0..<2_500).map { "Paragraph \($0)." }, tags: [])
        let capped = ReaderLimits.capped(many)
        XCTAssertEqual(capped.paragraphs.count, ReaderLimits.paragraphs + 1)
        XCTAssertEqual(capped.paragraphs[ReaderLimits.paragraphs - 1], "Paragraph 1999.")
        let (text, note) = ReaderLimits.splitNote(capped.paragraphs[ReaderLimits.paragraphs])
        XCTAssertEqual(text, "")
        XCTAssertEqual(note, "… (article cut: 500 more paragraphs; `cable show \(many.id)` prints it all)")
    }

    func testAnOrdinaryArticleIsLeftAlone() {
        XCTAssertEqual(ReaderLimits.capped(SampleArticles.baltic), SampleArticles.baltic)
    }

    func testAHugeArticleOpensScrollsAndShowsTheNoteDim() {
        var s = Session(library: InMemoryLibrary([Self.huge]), size: Size(width: 120, height: 40))
        s.type("\n")
        XCTAssertEqual(s.state.reader.open?.article.id, Self.huge.id)
        XCTAssertLessThan(s.state.reader.open?.article.paragraphs.map(\.count).reduce(0, +) ?? .max, 21_000)
        s.press([.end])
        XCTAssertGreaterThan(s.state.reader.scroll, 100, "the cut paragraph is still many screens long")
        let rows = s.screen.lines
        XCTAssertTrue(rows.contains { $0.contains("After the dump.") }, rows.joined(separator: "\n"))
        guard let row = rows.firstIndex(where: { $0.contains("(paragraph cut:") }) else {
            return XCTFail("no note:\n" + rows.joined(separator: "\n"))
        }
        let column = rows[row].distance(from: rows[row].startIndex, to: rows[row].range(of: "(paragraph")!.lowerBound)
        XCTAssertTrue(s.screen[row, column].style.dim)
    }
}
