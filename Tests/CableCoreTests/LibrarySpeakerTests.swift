import Foundation
import XCTest
@testable import CableCore

/// Speakers as entities (issue 12): spellings folded to one speaker, lone surnames resolved to
/// the full name in the article, or in the library when only one full name ends in them, kept
/// right as articles come and go.
final class LibrarySpeakerTests: XCTestCase {
    var lib: TestLibrary!
    var library: Library!

    override func setUpWithError() throws {
        lib = try TestLibrary()
        (library, _) = try lib.openSynced()
    }

    private func speakers(_ query: String = "") throws -> [String: SpeakerSummary] {
        Dictionary(uniqueKeysWithValues: try library.speakers(in: try Query.parse(query)).map { ($0.name, $0) })
    }

    private func quotedBy(_ speaker: String) throws -> [String] {
        try library.quotes(.all, speaker: speaker, offset: 0, limit: 100).map(\.text).sorted()
    }

    func testKeyFoldsCaseApostrophesAndSpacing() {
        XCTAssertEqual(SpeakerKey.key("Chinese Foreign\u{00A0} Ministry "), "chinese foreign ministry")
        XCTAssertEqual(SpeakerKey.key("Conor O\u{2019}Brien"), SpeakerKey.key("conor o'brien"))
        XCTAssertEqual(SpeakerKey.shape("mr strayer"), SpeakerKey.Shape(surname: "strayer", lone: true, core: "strayer"))
        XCTAssertEqual(SpeakerKey.shape("president joe biden")?.core, "joe biden")
        XCTAssertNil(SpeakerKey.shape("minister"), "a bare title names no one")
        XCTAssertNil(SpeakerKey.shape("the minister"), "nor does a description")
    }

    func testSpellingsDifferingInCaseAreOneSpeakerNamedAsMostOftenWritten() throws {
        try lib.write("a.txt", title: "A", date: "2024-01-01T00:00:00Z",
                      quotes: [("Chinese Foreign Ministry | Spokesperson", "one"), ("Chinese foreign ministry", "two")])
        try lib.write("b.txt", title: "B", date: "2024-01-02T00:00:00Z",
                      quotes: [("Chinese Foreign Ministry | spokesperson", "three"), ("Conor O\u{2019}Brien", "four")])
        try lib.write("c.txt", title: "C", date: "2024-01-03T00:00:00Z",
                      quotes: [("Conor O'Brien | Analyst", "five"), ("Conor O'Brien", "six")])
        try library.sync()
        let all = try library.speakers(in: .all)
        XCTAssertEqual(all.map(\.name), ["Chinese Foreign Ministry", "Conor O'Brien"],
                       "most quoted first (then by name); the most common spelling")
        XCTAssertEqual(all[0].quotes, 3)
        XCTAssertEqual(all[0].articles, 2)
        XCTAssertEqual(all[0].roles, ["Spokesperson"], "roles differing in case are one")
        XCTAssertEqual(all[0].role, "Spokesperson")
        XCTAssertEqual(all[1].quotes, 3)
        XCTAssertEqual(Set(try library.quotes(.all, speaker: nil, offset: 0, limit: 10).compactMap(\.speaker)),
                       ["Chinese Foreign Ministry", "Conor O'Brien"], "the quote view shows one name")
        XCTAssertEqual(try library.titles("speaker:\"chinese FOREIGN ministry\""), ["B", "A"])
        XCTAssertEqual(try library.titles("speaker:\"o\u{2019}brien\""), ["C", "B"])
    }

    func testSurnameInTheArticleIsTheFullNameWhereverItComes() throws {
        // The title with the surname comes before the full name: the parser never sees that.
        try lib.write("a.txt", title: "A", date: "2024-01-01T00:00:00Z",
                      quotes: [("Mr Strayer", "first"), ("Robert Strayer | Deputy Assistant Secretary", "second"),
                               ("Strayer", "third")])
        try library.sync()
        let all = try library.speakers(in: .all)
        XCTAssertEqual(all.map(\.name), ["Robert Strayer"])
        XCTAssertEqual(all.first?.quotes, 3)
        XCTAssertEqual(all.first?.roles, ["Deputy Assistant Secretary"])
    }

    func testParserAlreadyGivesABareSurnameAfterTheFullNameAsTheFullName() {
        let text = """
            Washington Presses Allies on Vendors

            "We will not wait for another breach," Robert Strayer, a State Department official, told reporters on Monday.

            "The risk is the network itself," Strayer said.
            """
        let speakers = ArticleParser.parse(text: text, file: "s.txt").quotes.map(\.speaker)
        XCTAssertEqual(speakers, ["Robert Strayer", "Robert Strayer"])
    }

    func testLoneSurnameResolvesAcrossTheLibraryOnlyWhenOneFullNameEndsInIt() throws {
        try lib.write("full.txt", title: "Full", date: "2024-01-01T00:00:00Z", tags: ["NATO"],
                      quotes: [("Robert Strayer", "untrusted vendors")])
        try lib.write("lone.txt", title: "Lone", date: "2024-01-02T00:00:00Z",
                      quotes: [("Strayer", "no backdoors"), ("officials", "soon")])
        try lib.write("officials.txt", title: "Officials", date: "2024-01-03T00:00:00Z",
                      quotes: [("US officials", "later")])
        try library.sync()
        XCTAssertEqual(try speakers()["Robert Strayer"]?.quotes, 2)
        XCTAssertEqual(try speakers()["Robert Strayer"]?.articles, 2)
        XCTAssertNotNil(try speakers()["officials"], "a lower-case word is no surname")
        XCTAssertEqual(try quotedBy("strayer"), ["no backdoors", "untrusted vendors"])
        XCTAssertEqual(try quotedBy("robert strayer"), ["no backdoors", "untrusted vendors"])
        XCTAssertEqual(try library.titles("speaker:strayer"), try library.titles("speaker:\"robert strayer\""))
        XCTAssertEqual(try library.titles("speaker:\"robert strayer\""), ["Lone", "Full"])
        XCTAssertEqual(try speakers("tag:nato").mapValues(\.quotes), ["Robert Strayer": 1],
                       "the query picks which articles count")

        // A second full name ending in the surname: the lone one stands as given.
        try lib.write("second.txt", title: "Second", date: "2024-01-04T00:00:00Z",
                      quotes: [("Jane Strayer", "a different person")])
        try library.sync()
        XCTAssertEqual(try speakers()["Robert Strayer"]?.quotes, 1)
        XCTAssertEqual(try speakers()["Strayer"]?.quotes, 1)
        XCTAssertEqual(try library.titles("speaker:\"robert strayer\""), ["Full"])

        // It goes again: the surname is Robert Strayer's once more.
        try FileManager.default.removeItem(at: lib.root.appendingPathComponent("second.txt"))
        try library.sync()
        XCTAssertEqual(try speakers()["Robert Strayer"]?.quotes, 2)
        XCTAssertNil(try speakers()["Strayer"])
        XCTAssertNil(try speakers()["Jane Strayer"])

        // The one full name goes: the surname stands as given.
        try FileManager.default.removeItem(at: lib.root.appendingPathComponent("full.txt"))
        try library.sync()
        XCTAssertNil(try speakers()["Robert Strayer"])
        XCTAssertEqual(try speakers()["Strayer"]?.quotes, 1)
        XCTAssertEqual(try library.quotes(.all, speaker: "strayer", offset: 0, limit: 10).map(\.speaker), ["Strayer"])
    }

    func testATitledFullNameIsTheSameFullNameForTheSurname() throws {
        try lib.write("a.txt", title: "A", date: "2024-01-01T00:00:00Z", quotes: [("President Joe Biden", "one")])
        try lib.write("b.txt", title: "B", date: "2024-01-02T00:00:00Z", quotes: [("Joe Biden", "two"), ("Joe Biden", "three")])
        try lib.write("c.txt", title: "C", date: "2024-01-03T00:00:00Z", quotes: [("Biden", "four")])
        try library.sync()
        XCTAssertEqual(try speakers()["Joe Biden"]?.quotes, 3, "the most quoted spelling of the full name takes the surname")
        XCTAssertNil(try speakers()["Biden"])
    }
}

/// The bar on the bundled samples: no two speakers differing only in case, and none
/// that are one person by surname within an article.
final class SampleDataSpeakerTests: XCTestCase {
    func testSampleSpeakersAreOneEach() throws {
        let sample = try SampleLibrary()
        defer { withExtendedLifetime(sample) {} }
        let library = sample.library
        let speakers = try library.speakers(in: .all)
        XCTAssertGreaterThan(speakers.count, 20)
        let byKey = Dictionary(grouping: speakers.map(\.name)) { $0.lowercased() }
        XCTAssertEqual(byKey.values.filter { $0.count > 1 }, [], "speakers differing only in case")
        var sameBySurname: [String] = []
        let hits = try library.quotes(.all, speaker: nil, offset: 0, limit: 100_000)
        for (id, quotes) in Dictionary(grouping: hits, by: \.id) {
            let names = Set(quotes.compactMap(\.speaker))
            for name in names {
                guard let shape = SpeakerKey.shape(SpeakerKey.key(name)), shape.lone else { continue }
                let fulls = names.filter { SpeakerKey.shape(SpeakerKey.key($0)).map { !$0.lone && $0.surname == shape.surname } ?? false }
                if !fulls.isEmpty { sameBySurname.append("\(id.rawValue.prefix(8)): \(name) / \(fulls.sorted())") }
            }
        }
        XCTAssertEqual(sameBySurname, [], "one person by surname within an article")
        print("sample speakers: \(speakers.count) (\(hits.count) quotes); most quoted: "
              + speakers.prefix(5).map { "\($0.name) \($0.quotes)" }.joined(separator: ", "))
    }
}
