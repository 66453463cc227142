import Foundation
import XCTest
@testable import CableCore

/// Sync writes the stored JSON by hand; what matters is that `JSONDecoder` (which every
/// reader uses) gets back exactly the article, whatever its text holds.
final class ArticleJSONTests: XCTestCase {
    func roundTrip(_ article: Article, file: StaticString = #filePath, line: UInt = #line) throws {
        let json = try XCTUnwrap(ArticleJSON.encode(article), file: file, line: line)
        XCTAssertEqual(try JSONDecoder().decode(Article.self, from: json), article, file: file, line: line)
        XCTAssertEqual(try JSONDecoder().decode([String].self, from: Data(ArticleJSON.encode(article.tags).utf8)),
                       article.tags, file: file, line: line)
    }

    func testAwkwardTextAndEveryFieldReadBackUnchanged() throws {
        let awkward = "Quote \" back\\slash / tab\t new\nline \r bell\u{07} nul\u{0} esc\u{1B} NBSP\u{A0} é 中文 🛰️ \u{2028}"
        try roundTrip(Article(
            id: ArticleID(rawValue: "00ff00ff00ff00ff"), file: "sub/dir/\(awkward).txt", title: awkward,
            titleDerived: true, published: Date(timeIntervalSinceReferenceDate: 674_123_456.789),
            source: awkward, paragraphs: [awkward, "", "plain"],
            quotes: [Quote(text: awkward, speaker: awkward, role: awkward, paragraph: 2),
                     Quote(text: "no speaker", paragraph: 0)],
            readMore: [awkward], related: ["a", awkward], tags: [awkward, "UK"], warnings: [awkward]))
    }

    func testAbsentOptionalsEmptyListsAndOddDates() throws {
        try roundTrip(Article(id: ArticleID(rawValue: ""), file: "", title: ""))
        for seconds in [0, -1e9, 1e-7, -0.0, 1.0 / 3.0, 9.87654321e15, 1e300] {
            try roundTrip(Article(id: ArticleID(rawValue: "x"), file: "f", title: "t",
                                  published: Date(timeIntervalSinceReferenceDate: seconds)))
        }
        XCTAssertNil(ArticleJSON.encode(Article(id: ArticleID(rawValue: "x"), file: "f", title: "t",
                                                published: Date(timeIntervalSinceReferenceDate: .infinity))))
    }

    func testTheSampleLibraryReadsBackUnchanged() throws {
        let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleData")
        let files = try XCTUnwrap(FileManager.default.enumerator(at: sampleData, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "txt" }
        XCTAssertGreaterThan(files.count, 10)
        for url in files {
            let article = ArticleParser.parse(data: try Data(contentsOf: url), file: url.lastPathComponent)
            try roundTrip(article)
            // Same fields as `JSONEncoder` writes: a field added to `Article` and not here fails.
            let ours = try JSONSerialization.jsonObject(with: try XCTUnwrap(ArticleJSON.encode(article)))
            let foundation = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(article))
            let oursFields = try XCTUnwrap(ours as? [String: Any])
            let foundationFields = try XCTUnwrap(foundation as? [String: Any])
            XCTAssertEqual(Set(oursFields.keys), Set(foundationFields.keys), url.lastPathComponent)
            XCTAssertEqual(NSDictionary(dictionary: oursFields), NSDictionary(dictionary: foundationFields),
                           url.lastPathComponent)
        }
    }
}
