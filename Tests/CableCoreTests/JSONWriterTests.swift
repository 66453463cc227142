import Foundation
import XCTest
@testable import CableCore

/// `JSONWriter` must write exactly what Foundation's `JSONEncoder` writes with the command
/// line's settings (sorted keys, no escaped slashes, ISO 8601 dates), pretty and compact, but
/// for absent optionals, which it writes as `null` where `JSONEncoder` leaves the key out.
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
            XCTAssertEqual(ours, JSONWriterTests.escapingTerminalControls(theirs), file: file, line: line)
        }
    }

    /// `JSONEncoder`'s output with what `JSONWriter` escapes beyond it (DEL, C1, the
    /// separators, the bidi controls: only ever inside strings) escaped the same way.
    static func escapingTerminalControls(_ json: String) -> String {
        var out = ""
        for scalar in json.unicodeScalars {
            if JSONWriter.isTerminalControl(scalar) {
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    func testTerminalControlsAreEscapedAndReadBackTheSame() throws {
        let text = "a\u{7F}b\u{85}c\u{9B}d\u{2028}e\u{2029}f\u{202E}g\u{2066}h\u{2069}i\u{A0}é\u{2030}\u{2010}"
        let json = String(decoding: try JSONWriter(pretty: false).data([text]), as: UTF8.self)
        XCTAssertEqual(json, "[\"a\\u007fb\\u0085c\\u009bd\\u2028e\\u2029f\\u202eg\\u2066h\\u2069i\u{A0}é\u{2030}\u{2010}\"]")
        XCTAssertEqual(try JSONDecoder().decode([String].self, from: Data(json.utf8)), [text])
    }

    static let awkward = "Quote \" back\\slash / tab\t new\nline \r bell\u{07} nul\u{0} esc\u{1B} \u{8}\u{C} DEL\u{7F} NBSP\u{A0} é 中文 🛰️ \u{2028}"

    func testEverySampleArticleIsWrittenAsJSONEncoderWritesIt() throws {
        let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleData")
        let files = try XCTUnwrap(FileManager.default.enumerator(at: sampleData, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "txt" }
        XCTAssertGreaterThan(files.count, 10)
        for url in files {
            var article = ArticleParser.parse(data: try Data(contentsOf: url), file: url.lastPathComponent)
            // Every optional there (see `testAbsentOptionalsAreNull` for the others).
            article.published = article.published ?? Date(timeIntervalSince1970: 0)
            article.source = article.source ?? "source"
            article.url = article.url ?? "https://example.com/"
            article.quotes = article.quotes.map { Quote(text: $0.text, speaker: $0.speaker ?? "s", role: $0.role ?? "r",
                                                        paragraph: $0.paragraph) }
            try assertSame(article)
        }
    }

    func testAwkwardTextEmptyListsNullsAndNumbers() throws {
        let awkward = JSONWriterTests.awkward
        try assertSame(Article(id: ArticleID(rawValue: "00ff00ff00ff00ff"), file: "sub/\(awkward).txt", title: awkward,
                               titleDerived: true, published: Date(timeIntervalSince1970: 1_621_340_940.75),
                               source: awkward, url: "https://example.com/a/b?c=d", paragraphs: [awkward, ""],
                               quotes: [Quote(text: awkward, speaker: awkward, role: awkward, paragraph: 2)],
                               readMore: [], related: [awkward], tags: [], linkURLs: [awkward: "u", "a": "b"],
                               warnings: [awkward]))
        try assertSame([ArticleSummary(id: ArticleID(rawValue: "1"), title: awkward,
                                       published: Date(timeIntervalSince1970: 0), tags: [], file: "f", unread: true,
                                       starred: false, source: "s", url: "u")])
        try assertSame([ArticleSummary]())
        try assertSame(RelatedStories(
            id: ArticleID(rawValue: "1"),
            explicit: [ExplicitLink(headline: awkward, kind: .readMore, match: nil),
                       ExplicitLink(headline: "h", kind: .related, match: ArticleRef(id: ArticleID(rawValue: "2"), title: "t"))],
            similar: [0.875, 1, 0, 1.0 / 3, -0.0, 1e-7, 123_456_789.5, 1e21].map {
                SimilarArticle(id: ArticleID(rawValue: "3"), title: "s", score: $0)
            },
            linkedFrom: []))
        try assertSame([QuoteHit(text: awkward, speaker: "s", role: "r", id: ArticleID(rawValue: "4"), title: "t",
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

    func testAbsentOptionalsAreNull() throws {
        func object(_ value: some Encodable) throws -> [String: Any] {
            try XCTUnwrap(try JSONSerialization.jsonObject(with: try JSONWriter(pretty: false).data(value)) as? [String: Any])
        }
        let article = try object(Article(id: ArticleID(rawValue: ""), file: "", title: "",
                                         quotes: [Quote(text: "q", paragraph: 0)]))
        XCTAssertEqual(Set(article.keys), Set(Article.CodingKeys.allCases.map(\.rawValue)))
        for key in ["published", "source", "url"] { XCTAssertTrue(article[key] is NSNull, key) }
        let quote = try XCTUnwrap((article["quotes"] as? [[String: Any]])?.first)
        XCTAssertTrue(quote["speaker"] is NSNull)
        XCTAssertTrue(quote["role"] is NSNull)
        let row = try object(ArticleSummary(id: ArticleID(rawValue: "1"), title: "t", published: nil, tags: [],
                                            file: "f", unread: true, starred: false))
        for key in ["published", "source", "url"] { XCTAssertTrue(row[key] is NSNull, key) }
        let hit = try object(QuoteHit(text: "t", speaker: nil, role: nil, id: ArticleID(rawValue: "2"), title: "t",
                                      published: nil, paragraph: 0))
        for key in ["speaker", "role", "published"] { XCTAssertTrue(hit[key] is NSNull, key) }
    }
}
