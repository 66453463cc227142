import Foundation
import XCTest
@testable import CableCore

/// Query text never reaches FTS5 as syntax, and a query too large for SQLite is a query
/// error, not SQLite's (issue 16, item 5).
final class QueryLimitsTests: XCTestCase {
    var lib: TestLibrary!
    var library: Library!

    override func setUpWithError() throws {
        lib = try TestLibrary()
        try lib.write("five.txt", title: "Five Eyes Meet", date: "2021-01-01T00:00:00Z", tags: ["Five Eyes"],
                      quotes: [("Anna Berg", "we agree")], body: ["The five eyes partners met in London."])
        try lib.write("other.txt", title: "Grain Talks", date: "2022-01-01T00:00:00Z", tags: ["Grain"],
                      body: ["Grain corridor talks resumed."])
        (library, _) = try lib.openSynced()
    }

    /// Every way a query can reach SQLite: the list, the count, tag counts, quotes.
    func runEverywhere(_ query: Query) throws {
        _ = try library.list(query, offset: 0, limit: 10)
        _ = try library.count(query)
        _ = try library.tags(in: query)
        _ = try library.quotes(query, speaker: nil, offset: 0, limit: 10)
        _ = try library.quoteCount(query, speaker: "a\"\u{301}")
    }

    /// A `"` with a combining mark on it is one character to Swift, so it was neither a quote
    /// to the parser nor doubled for FTS5: its `"` reached FTS5 and ended the string early.
    func testAQuoteWithACombiningMarkNeverReachesFullTextSearchAsSyntax() throws {
        for text in ["\"\u{301}five", "five\"\u{301}", "a\"\u{301} OR b", "\"\u{301}five eyes\"\u{301}",
                     "five\"\u{301}*", "x\"\u{301}\"\u{301}NEAR(a b)", "tag:\"\u{301}Five Eyes\"", "\u{301}\"five"] {
            // Some do not parse (a quote left open); those that do run.
            if let query = try? Query.parse(text) {
                XCTAssertNoThrow(try runEverywhere(query), text.debugDescription)
            }
            XCTAssertNoThrow(try runEverywhere(Query(clauses: [.word(text, negated: false)])), text.debugDescription)
            XCTAssertNoThrow(try runEverywhere(Query(clauses: [.phrase(text, negated: true)])), text.debugDescription)
        }
        XCTAssertEqual(QuerySQL.ftsString("a\"\u{301}b"), "\"a\"\"\u{301}b\"", "every quote doubled, by code point")
        // Found by fuzzing: a tag with NULs after it counted the tag's articles, listed none.
        try library.changeUserTags([try library.id(ofTitle: "Grain Talks")], adding: ["mine"], removing: [])
        try library.setRead([try library.id(ofTitle: "Grain Talks")], true)
        for text in ["tag:mine\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{FFFD} is:read", "tag:Grain\u{0}", "speaker:anna\u{0}"] {
            let query = try Query.parse(text)
            XCTAssertEqual(try library.count(query), try library.list(query, offset: 0, limit: 100).count, text.debugDescription)
            XCTAssertEqual(try library.count(query), 0, text.debugDescription)
        }
        // Found by fuzzing: FTS5 reads the expression as a C string, so a NUL ended it early.
        for text in ["fTe\u{FFFD}r:2\u{0}\u{0}\u{0}0\u{7}\u{7}\\n24-02-30", "a\u{0}\"b", "\u{0}"] {
            XCTAssertNoThrow(try runEverywhere(try Query.parse(text)), text.debugDescription)
        }
        // A quote with a mark on it is still a quote: a phrase, a quoted tag.
        XCTAssertEqual(try Query.parse("\"\u{301}five eyes\"\u{301}").clauses, [.phrase("five eyes", negated: false)])
        XCTAssertEqual(try library.titles("tag:\"\u{301}Five Eyes\""), ["Five Eyes Meet"])
        XCTAssertEqual(try library.titles("\"\u{301}five eyes\""), ["Five Eyes Meet"])
    }

    /// A speaker name past SQLite's longest LIKE pattern (50,000 bytes) matches nothing,
    /// rather than failing with SQLite's error (a paste into the quote view's speaker prompt).
    func testASpeakerLongerThanAnyNameMatchesNothing() throws {
        let long = String(repeating: "a", count: 60_000)
        XCTAssertEqual(try library.quoteCount(.all, speaker: long), 0)
        XCTAssertEqual(try library.quotes(.all, speaker: long, offset: 0, limit: 5), [])
        XCTAssertEqual(try library.count(Query(clauses: [.speaker(long, negated: false)])), 0)
        XCTAssertEqual(try library.count(Query(clauses: [.speaker(long, negated: true)])), 2)
    }

    /// About a thousand clauses made SQLite refuse the statement ("Expression tree is too
    /// large"), shown with the SQL and exit status 1.
    func testTooManyClausesIsAQueryError() throws {
        // Pasted into the TUI: past the length limit too, but the clauses are what to name.
        let many = (0..<1_200).map { "tag:t\($0)" }.joined(separator: " ")
        XCTAssertThrowsError(try Query.parse(many)) { error in
            let error = error as? QueryError
            XCTAssertEqual(error?.message, "more than \(Query.maximumClauses) clauses (words, phrases and "
                + "fields, each side of an OR counted); search for fewer things at once")
            let column = many.distance(from: many.startIndex, to: range(of: "tag:t\(Query.maximumClauses)", in: many)) + 1
            XCTAssertEqual(error?.column, column)
        }
        let long = "\"" + String(repeating: "a ", count: Query.maximumLength / 2) + "\""
        XCTAssertThrowsError(try Query.parse(long)) { error in
            XCTAssertEqual((error as? QueryError)?.column, Query.maximumLength + 1)
            XCTAssertTrue("\(error)".contains("longer than \(Query.maximumLength) characters"), "\(error)")
        }
    }

    /// The largest queries the limits allow, of every kind of clause, run everywhere.
    func testTheLargestAllowedQueriesRun() throws {
        let n = Query.maximumClauses
        let shapes: [String] = [
            (0..<n).map { "tag:t\($0)" }.joined(separator: " "),
            (0..<n).map { "-tag:t\($0)" }.joined(separator: " "),
            (0..<n).map { "word\($0)" }.joined(separator: " "),
            (0..<n).map { "-word\($0)" }.joined(separator: " "),
            (0..<n).map { "\"two words\($0)\"" }.joined(separator: " "),
            (0..<n).map { "speaker:s\($0)" }.joined(separator: " "),
            (0..<n).map { "tag:t\($0)" }.joined(separator: " OR "),
            (0..<n).map { "w\($0)" }.joined(separator: " OR "),
            (0..<n).map { $0 % 2 == 0 ? "-w\($0)" : "tag:x" }.joined(separator: " OR "),
            (0..<n).map { ["is:unread", "after:2020", "before:2023", "five", "-tag:x"][$0 % 5] }.joined(separator: " "),
        ]
        for text in shapes {
            let started = Date()
            XCTAssertNoThrow(try runEverywhere(try Query.parse(text)), String(text.prefix(40)))
            // `is:unread` written 20 times once took 2^20 counts.
            XCTAssertLessThan(Date().timeIntervalSince(started), 1, String(text.prefix(40)))
        }
        // The user has tags of those names: the tag conditions read the user's tags too.
        try library.changeUserTags([try library.id(ofTitle: "Grain Talks")], adding: (0..<n).map { "t\($0)" }, removing: [])
        XCTAssertNoThrow(try runEverywhere(try Query.parse(shapes[0])))
        XCTAssertEqual(try library.count(try Query.parse(shapes[0])), 1)
    }

    private func range(of needle: String, in text: String) -> String.Index {
        text.range(of: needle)?.lowerBound ?? text.endIndex
    }
}

/// A page dump of tens of megabytes opens in the reader without holding up the library
/// (issue 16, item 7): similar stories weigh a bounded part of its text.
final class HugeArticleTests: XCTestCase {
    func testSimilarStoriesOfAHugeArticleTakeABoundedTime() throws {
        let lib = try TestLibrary()
        try lib.write("small.txt", title: "Tanker Seized In Corridor", body: ["A tanker was seized in the shipping corridor."])
        try lib.write("other.txt", title: "Grain Exports Resume", body: ["Grain exports resumed through the corridor."])
        let line = String(repeating: "tanker corridor shipping vessel minister pipeline ", count: 40)
        let lines = Array(repeating: line, count: 20_000_000 / line.count)
        try lib.write("huge.txt", title: "Huge Page Dump", body: lines)
        let (library, _) = try lib.openSynced()
        let id = try library.id(ofTitle: "Huge Page Dump")
        // The index keeps no article: `related` reads and parses the file again first, as the
        // reading pane and `show` do. What is bounded here is the weighing after that.
        let (record, article) = try XCTUnwrap(try library.indexedArticle(id))
        let started = Date()
        _ = try library.pool.read { db in try Library.similar(to: article, rid: record.rid, excluding: [id], db) }
        // Weighing all 20 MB took about 6 s here (debug build); the first 200,000 characters, well under one.
        XCTAssertLessThan(Date().timeIntervalSince(started), 3)
        XCTAssertEqual(try library.related(id).id, id)
    }
}
