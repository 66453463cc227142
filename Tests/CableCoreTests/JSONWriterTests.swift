import Foundation
import XCTest
@testable import CableCore

/// `JSONWriter` must write exactly what Foundation's `JSONEncoder` writes with the command
/// line's settings (sorted keys, no escaped slashes, ISO 8601 dates), pretty and compact.
final class JSONWriterTests: XCTestCase {
    func foundation(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(JSONWriter.iso8601(date))
        }
        return encoder
    }

    func assertSame(_ value: some Encodable, file: StaticString = #filePath, line: UInt = #line) throws {
        for pretty in [true, false] {
            let ours = String(decoding: try JSONWriter(pretty: pretty).data(value), as: UTF8.self)
            let theirs = String(decoding: try foundation(pretty: pretty).encode(value), as: UTF8.self)
            XCTAssertEqual(ours, theirs, file: file, line: line)
        }
    }

    static let awkward = "Quote \" back\\slash / tab\t new\nline \r bell\u{07} nul\u{0} esc\u{1B} \u{8}\u{C} DEL\u{7F} NBSP\u{A0} é 中文 🛰️ \u{2028}"

    func testEverySampleArticleIsWrittenAsJSONEncoderWritesIt() throws {
        let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleData")
        let files = try XCTUnwrap(FileManager.default.enumerator(at: sampleData, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "txt" }
        XCTAssertGreaterThan(files.count, 10)
        for url in files {
            try assertSame(ArticleParser.parse(data: try Data(contentsOf: url), file: url.lastPathComponent))
        }
    }

    func testAwkwardTextEmptyListsNullsAndNumbers() throws {
        let awkward = JSONWriterTests.awkward
        try assertSame(Article(id: ArticleID(rawValue: "00ff00ff00ff00ff"), file: "sub/\(awkward).txt", title: awkward,
                               titleDerived: true, published: Date(timeIntervalSince1970: 1_621_340_940.75),
                               source: awkward, url: "https://example.com/a/b?c=d", paragraphs: [awkward, ""],
                               quotes: [Quote(text: awkward, speaker: awkward, role: nil, paragraph: 2)],
                               readMore: [], related: [awkward], tags: [], linkURLs: [awkward: "u", "a": "b"],
                               warnings: [awkward]))
        try assertSame(Article(id: ArticleID(rawValue: ""), file: "", title: ""))
        try assertSame([ArticleSummary(id: ArticleID(rawValue: "1"), title: awkward, published: nil, tags: [],
                                       file: "f", unread: true, starred: false, source: "s", url: nil)])
        try assertSame([ArticleSummary]())
        try assertSame(RelatedStories(
            id: ArticleID(rawValue: "1"),
            explicit: [ExplicitLink(headline: awkward, kind: .readMore, match: nil),
                       ExplicitLink(headline: "h", kind: .related, match: ArticleRef(id: ArticleID(rawValue: "2"), title: "t"))],
            similar: [0.875, 1, 0, 1.0 / 3, -0.0, 1e-7, 123_456_789.5, 1e21].map {
                SimilarArticle(id: ArticleID(rawValue: "3"), title: "s", score: $0)
            },
            linkedFrom: []))
        try assertSame([QuoteHit(text: awkward, speaker: nil, role: "r", id: ArticleID(rawValue: "4"), title: "t",
                                 published: Date(timeIntervalSince1970: -86_400), paragraph: 7)])
        try assertSame([TagCount(tag: "B", count: 3), TagCount(tag: "a", count: Int.max)])
        try assertSame(["Z": 1, "_": 2, "a": 3, "é": 4, "aa": 5, "": 6])
        try assertSame([[[String]]]())
        try assertSame([[1, 2], [], [3]])
        // Every kind of number (each comes back through the writer's own leaf methods).
        try assertSame([Int8(-3)])
        try assertSame([UInt16(7), 8])
        try assertSame([Int64.min, Int64.max])
        try assertSame([UInt64.max])
        try assertSame([Float(0.1), 2, -0.5])
        try assertSame(["k": Int32(-1)])
    }
}
