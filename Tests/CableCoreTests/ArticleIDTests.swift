import Foundation
import XCTest
@testable import CableCore

/// An article's id folds what re-saving a page changes and nothing else (issue 16, item 8):
/// pages that differ only in punctuation that changes the meaning are two articles.
final class ArticleIDTests: XCTestCase {
    private let page = "Baltic cable cut\n\nThe cable, which carries 1,500 circuits, was cut on Tuesday."

    private func assertSameID(_ a: String, _ b: String, _ fold: String, line: UInt = #line) {
        XCTAssertEqual(ArticleID.forContent(a), ArticleID.forContent(b), fold, line: line)
    }

    private func assertDifferentIDs(_ a: String, _ b: String, _ why: String, line: UInt = #line) {
        XCTAssertNotEqual(ArticleID.forContent(a), ArticleID.forContent(b), why, line: line)
    }

    func testLineEndingsFold() {
        assertSameID(page, page.replacingOccurrences(of: "\n", with: "\r\n"), "CRLF")
        assertSameID(page, page.replacingOccurrences(of: "\n", with: "\r"), "CR")
        assertSameID(page, page.replacingOccurrences(of: "\n", with: "\u{2028}"), "line separator")
        assertSameID(page, page + "\n", "a final line break")
    }

    func testByteOrderMarkAndInvisibleBreaksFold() {
        assertSameID(page, "\u{FEFF}" + page, "BOM")
        assertSameID("the cable was cut", "the ca\u{00AD}ble was cut", "soft hyphen")
        assertSameID("the cable was cut", "the cable\u{200B} was cut", "zero-width space")
        assertSameID("the cable was cut", "the cable\u{2060} was cut", "word joiner")
    }

    func testWhitespaceFolds() {
        assertSameID("the cable was cut", "the\u{00A0}cable\u{202F}was\u{2009}cut", "NBSP and other spaces")
        assertSameID("the cable was cut", "the  cable\t was   cut", "runs of spaces and tabs")
        assertSameID(page, page.replacingOccurrences(of: "\n\n", with: "\n\n    "), "indentation")
        assertSameID("one two\nthree four", "one\ntwo three\nfour", "re-wrapped lines")
        assertSameID(page, "  \n" + page + "  \n\n", "leading and trailing blank lines")
    }

    func testQuotationMarksFold() {
        assertSameID("the minister's \"red line\"", "the minister’s “red line”", "curly double and single")
        assertSameID("the 'red line'", "the ‘red line’", "curly single")
        assertSameID("the \"red line\"", "the «red line»", "guillemets")
        assertSameID("the \"red line\"", "the „red line‟", "low and reversed double")
        assertSameID("the 'red line'", "the ‚red line‛", "low and reversed single")
        assertSameID("a 5'11\" officer", "a 5′11″ officer", "primes")
    }

    func testDashesFold() {
        assertSameID("2010-2012", "2010–2012", "en dash")
        assertSameID("the cable - cut", "the cable — cut", "em dash")
        assertSameID("-5C", "\u{2212}5C", "minus sign")
        assertSameID("the cable--cut", "the cable—cut", "two hyphens made an em dash")
        assertSameID("a non-aligned state", "a non\u{2011}aligned state", "non-breaking hyphen")
    }

    func testEllipsisAndComposedFormsFold() {
        assertSameID("and then...", "and then…", "ellipsis")
        assertSameID("Café Zürich", "Cafe\u{0301} Zu\u{0308}rich", "NFC and NFD")
    }

    /// Normalising takes time growing with the square of a run of combining marks: a text with
    /// one beyond the stream-safe limit is hashed as written, at once (normalised, this one took
    /// over 30 s).
    func testALongRunOfCombiningMarksIsHashedAtOnce() {
        let marks = "e" + String(repeating: "\u{316}\u{301}", count: 80_000)
        let started = Date()
        XCTAssertNotEqual(ArticleID.forContent(marks), ArticleID.forContent("e"))
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        let within = "e" + String(repeating: "\u{301}\u{316}", count: ContentFold.streamSafeLimit / 2)
        let reordered = "e" + String(repeating: "\u{316}\u{301}", count: ContentFold.streamSafeLimit / 2)
        XCTAssertEqual(ArticleID.forContent(within), ArticleID.forContent(reordered), "canonical order within the limit")
    }

    func testWhatChangesTheMeaningCounts() {
        assertDifferentIDs("a $1.5bn loan", "a $15bn loan", "a decimal point")
        assertDifferentIDs("1,500 troops", "1.500 troops", "comma and point")
        assertDifferentIDs("1,500 troops", "1500 troops", "a thousands separator")
        assertDifferentIDs("talks with the US", "talks with the us", "case")
        assertDifferentIDs("they will re-sign", "they will resign", "a hyphen")
        assertDifferentIDs("the cable was cut", "the cablewas cut", "a space between words")
        assertDifferentIDs("a 5' wall", "a 5\" wall", "single and double quotes")
        assertDifferentIDs("its talks", "it's talks", "an apostrophe")
        assertDifferentIDs("prices rose 5%", "prices rose 5", "a percent sign")
        assertDifferentIDs("they agreed.", "they agreed?", "a question mark")
        assertDifferentIDs("(a)", "a", "brackets")
        assertDifferentIDs("-5C", "5C", "a sign")
        assertDifferentIDs("the cable — cut", "the cable cut", "a dash")
    }

    func testTheFoldedText() {
        XCTAssertEqual(ContentFold.folded("\u{FEFF}  Baltic\r\n“cable” —  cut…\n\n"), "Baltic \"cable\" - cut...")
        XCTAssertEqual(ContentFold.folded("a -- b"), "a - b")
        XCTAssertEqual(ContentFold.folded("a - - b"), "a - - b")
        XCTAssertEqual(ContentFold.folded("\n—a—\n"), "-a-")
        XCTAssertEqual(ContentFold.folded(" \t\n"), "")
    }

    /// Each rule of the table folds what it lists, and the table lists no scalar twice.
    func testTheTableHasEachScalarOnce() {
        var seen = Set<Unicode.Scalar>()
        for (scalars, folded) in ContentFold.table {
            for scalar in scalars.unicodeScalars {
                XCTAssertTrue(seen.insert(scalar).inserted, "\(scalar) twice")
                if scalar.isASCII { continue }
                XCTAssertEqual(ContentFold.fold(scalar), folded, "\(scalar)")
            }
        }
    }

    /// The ranges `fold` looks in hold every scalar beyond ASCII it could fold.
    func testEveryFoldableScalarIsInTheRangesLookedIn() {
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), !ContentFold.mayFold(value) else { continue }
            XCTAssertFalse(scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
        for (scalars, _) in ContentFold.table {
            for scalar in scalars.unicodeScalars where !scalar.isASCII {
                XCTAssertTrue(ContentFold.mayFold(scalar.value), "\(scalar)")
            }
        }
    }

    /// Ids are users' keys to their marks: these must never change.
    func testIdsStayWhatTheyAre() throws {
        let known = [
            "SampleData/sanctions/g7-frozen-assets-loan.txt": "1dcb78d6fd5b0b95",
            "Tests/CableCoreTests/Fixtures/Parser/guide-example.txt": "6091ffe73d200493",
            "Tests/CableCoreTests/Holdout2/somaliland-port-deal-live.txt": "c489c5517700108e",
            "Tests/CableCoreTests/HTMLPages/arctic-council-paywall.html": "ef4c8def4536471e",
        ]
        for (path, id) in known {
            let url = ScoringFiles.root.appendingPathComponent(path)
            XCTAssertEqual(try PageReader.parse(data: Data(contentsOf: url), file: path).id.rawValue, id, path)
        }
        XCTAssertEqual(ArticleID.forContent(mixedScripts).rawValue, "be6666cc125eb981")
    }

    /// The ids older Cable gave, kept as the key to the state stored under them: these, made by
    /// every earlier version, must never change.
    func testLegacyIDsStayWhatTheyWere() throws {
        let known = [
            "SampleData/sanctions/g7-frozen-assets-loan.txt": "f9b235ceb5fc3408",
            "Tests/CableCoreTests/Fixtures/Parser/guide-example.txt": "4ae4863a3498c24b",
            "Tests/CableCoreTests/Holdout2/somaliland-port-deal-live.txt": "e216036197742dfe",
            "Tests/CableCoreTests/HTMLPages/arctic-council-paywall.html": "b25a807f80b5064e",
        ]
        for (path, id) in known {
            let url = ScoringFiles.root.appendingPathComponent(path)
            XCTAssertEqual(try PageReader.parse(data: Data(contentsOf: url), file: path).legacyID?.rawValue, id, path)
        }
        XCTAssertEqual(ArticleID.legacy(forContent: mixedScripts).rawValue, "9bab5668e64c597d")
        XCTAssertEqual(ArticleID.legacy(forContent: "a $1.5bn loan"), ArticleID.legacy(forContent: "a $15bn loan"),
                       "the collision this id had")
    }

    private let mixedScripts = "Å ß é ł Ω 中文 ١٢٣ Ⅻ ½ 𝔸 — “quotes” 5G, 2024\n\n"
        + "Some body text here that is long enough to be a paragraph of the article."

    /// A web page laid out again (whitespace between elements, or none) is the same article;
    /// its punctuation counts as a text page's does.
    func testWebPagesFoldTheSameWay() {
        func id(_ html: String) -> ArticleID {
            PageReader.parse(data: Data(html.utf8), file: "a.html").id
        }
        let compact = "<html><body><h1>Loan agreed</h1><p>The G7 agreed a $1.5bn loan.</p><p>It is the first.</p></body></html>"
        let laidOut = """
            <html>
              <body>
                <h1>Loan agreed</h1>
                <p>The G7 agreed a $1.5bn loan.</p>
                <p>It is the first.</p>
              </body>
            </html>
            """
        XCTAssertEqual(id(compact), id(laidOut))
        XCTAssertEqual(id(compact), id(compact.replacingOccurrences(of: "$1.5bn", with: "$1&#46;5bn")))
        XCTAssertNotEqual(id(compact), id(compact.replacingOccurrences(of: "$1.5bn", with: "$15bn")))
    }
}
