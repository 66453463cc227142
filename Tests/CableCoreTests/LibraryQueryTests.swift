import Foundation
import XCTest
@testable import CableCore

final class LibraryQueryTests: XCTestCase {
    var lib: TestLibrary!
    var library: Library!

    override func setUpWithError() throws {
        lib = try TestLibrary()
        try lib.write("huawei.txt", title: "UK Bans Huawei", date: "2020-07-14T10:00:00Z",
                      tags: ["Huawei", "UK", "5G"],
                      quotes: [("Oliver Dowden", "a difficult decision"), ("Boris Johnson", "we will act")],
                      body: ["The UK banned Huawei from its five eyes partners' networks."])
        try lib.write("us.txt", title: "US Presses Allies", date: "2021-03-01T08:00:00Z",
                      tags: ["Huawei", "US", "Five Eyes"],
                      quotes: [("Christopher Strayer", "untrusted vendors")],
                      body: ["Washington pressed the Five Eyes alliance over Huawei equipment."])
        try lib.write("grain.txt", title: "Grain Deal Collapses", date: "2023-07-17T12:00:00Z",
                      tags: ["Ukraine", "Black Sea"], body: ["Russia quit the grain corridor deal."])
        try lib.write("undated.txt", title: "Undated Analysis", tags: ["huawei"],
                      body: ["Analysts weigh the vendor question."])
        (library, _) = try lib.openSynced()
    }

    func testListIsNewestFirstWithUndatedLastAndPages() throws {
        XCTAssertEqual(try library.titles(""),
                       ["Grain Deal Collapses", "US Presses Allies", "UK Bans Huawei", "Undated Analysis"])
        XCTAssertEqual(try library.list(.all, offset: 1, limit: 2).map(\.title), ["US Presses Allies", "UK Bans Huawei"])
        XCTAssertEqual(try library.count(.all), 4)
    }

    func testArticlesOfTheSameSecondAreAllListedAndFullTextKeepsTheOrder() throws {
        for n in 0..<5 {
            try lib.write("same\(n).txt", title: "Same Second \(n)", date: "2022-01-01T00:00:00Z",
                          body: ["Shared corridor words \(n)."])
        }
        try library.sync()
        XCTAssertEqual(try library.count(.all), 9)
        let same = try library.titles("after:2022-01-01 before:2022-01-01")
        XCTAssertEqual(Set(same), Set((0..<5).map { "Same Second \($0)" }))
        XCTAssertEqual(try library.titles("corridor"),
                       ["Grain Deal Collapses"] + same, "text matches come newest first, like the list")
        XCTAssertEqual(try library.list(try Query.parse("corridor"), offset: 2, limit: 2).map(\.title),
                       Array(same[1...2]))
    }

    func testTagsMatchCaseInsensitivelyAndCanBeExcluded() throws {
        XCTAssertEqual(try library.titles("tag:HUAWEI"), ["US Presses Allies", "UK Bans Huawei", "Undated Analysis"])
        XCTAssertEqual(try library.titles("tag:huawei -tag:us"), ["UK Bans Huawei", "Undated Analysis"])
        XCTAssertEqual(try library.titles("tag:\"five eyes\""), ["US Presses Allies"])
        XCTAssertEqual(try library.titles("tag:huawei tag:5g"), ["UK Bans Huawei"], "several tag: all apply")
        XCTAssertEqual(try library.count(try Query.parse("tag:huawei")), 3)
        XCTAssertEqual(try library.titles("washington tag:huawei"), ["US Presses Allies"], "words and a tag")
        XCTAssertEqual(try library.count(try Query.parse("tag:huawei after:2021")), 1)
    }

    func testUserTagsFilterAndCountLikePageTags() throws {
        let grain = try library.id(ofTitle: "Grain Deal Collapses")
        let huawei = try library.id(ofTitle: "UK Bans Huawei")
        try library.changeUserTags([grain, huawei], adding: ["Follow Up", "Huawei"], removing: [])
        XCTAssertEqual(try library.titles("tag:\"follow up\""), ["Grain Deal Collapses", "UK Bans Huawei"])
        let counts = Dictionary(uniqueKeysWithValues: try library.tags(in: .all).map { ($0.tag.lowercased(), $0.count) })
        XCTAssertEqual(counts["huawei"], 4, "a user tag the page already has is not counted twice")
        XCTAssertEqual(counts["follow up"], 2)
        let filtered = try library.tags(in: try Query.parse("tag:ukraine"))
        XCTAssertEqual(Set(filtered.map(\.tag)), ["Ukraine", "Black Sea", "Follow Up", "Huawei"])
        let followed = try library.tags(in: try Query.parse("tag:\"follow up\""))
        let followedCounts = Dictionary(uniqueKeysWithValues: followed.map { ($0.tag.lowercased(), $0.count) })
        XCTAssertEqual(followedCounts["huawei"], 2, "within a filter too, a user tag the page already has is not counted twice")
        XCTAssertEqual(followedCounts["follow up"], 2)
        try library.changeUserTags([grain], adding: [], removing: ["follow up"])
        XCTAssertEqual(try library.titles("tag:\"Follow Up\""), ["UK Bans Huawei"])
    }

    func testTagCountsAreByCount() throws {
        let tags = try library.tags(in: .all)
        XCTAssertEqual(tags.first, TagCount(tag: "Huawei", count: 3))
        XCTAssertEqual(tags.count, 7)
        XCTAssertEqual(try library.tags(in: try Query.parse("grain")).map(\.tag), ["Black Sea", "Ukraine"])
    }

    func testFullTextWordsPhrasesAndNegation() throws {
        XCTAssertEqual(try library.titles("huawei"), ["US Presses Allies", "UK Bans Huawei"])
        XCTAssertEqual(try library.titles("\"five eyes\""), ["US Presses Allies", "UK Bans Huawei"])
        XCTAssertEqual(try library.titles("\"eyes five\""), [])
        XCTAssertEqual(try library.titles("huawei -washington"), ["UK Bans Huawei"])
        XCTAssertEqual(try library.titles("GRAIN corridor"), ["Grain Deal Collapses"])
    }

    func testQueryTextCannotInjectFullTextSyntax() throws {
        // Texts that would mean something else to FTS5 if they reached it as syntax: an OR,
        // a prefix search, a NEAR group, a column filter.
        try lib.write("or.txt", title: "Vendor Choice", body: ["Operators chose Nokia or Huawei kit."])
        try lib.write("prefix.txt", title: "Networks Again", body: ["The Huaweification of networks: plan a b."])
        try library.sync()
        func count(_ text: String) throws -> Int { try library.count(Query(clauses: [.word(text, negated: false)])) }
        func without(_ text: String) throws -> Int { try library.count(Query(clauses: [.phrase(text, negated: true)])) }
        let huawei = try count("huawei")
        XCTAssertEqual(huawei, 3)
        XCTAssertEqual(try count("huawei*"), huawei, "no prefix search: Huaweification is not Huawei")
        XCTAssertEqual(try count("^huawei"), huawei)
        XCTAssertEqual(try count("(huawei"), huawei)
        XCTAssertEqual(try count("NEAR(a b)"), 0, "no NEAR group: no article has the words 'near a b'")
        XCTAssertEqual(try count("a b"), 1)
        XCTAssertEqual(try count("OR huawei"), 1, "the words 'or huawei', not 'or' OR 'huawei'")
        XCTAssertEqual(try library.count(try Query.parse("or huawei")), 1, "parsed: or AND huawei (lower case)")
        XCTAssertEqual(try library.count(try Query.parse("\"OR\" huawei")), 1, "a quoted OR is a word")
        XCTAssertEqual(try count("col:huawei"), 0, "no column filter: the words 'col huawei'")
        XCTAssertEqual(try count("AND"), 0)
        XCTAssertEqual(try count("'; DROP TABLE article; --"), 0)
        XCTAssertEqual(try without("huawei*"), 6 - huawei)
        XCTAssertEqual(try without("NEAR(a b)"), 6)
        for text in ["\"", "a\"b", "{title}:x", "-", "***", "\u{00A0}"] {
            XCTAssertNoThrow(try library.list(Query(clauses: [.word(text, negated: false)]), offset: 0, limit: 5), text)
            XCTAssertNoThrow(try without(text), text)
        }
        XCTAssertEqual(try count("a\"b"), 1, "the quote is no syntax: the words 'a b'")
        XCTAssertEqual(try count("***"), 6, "a word with no word characters constrains nothing")
        XCTAssertEqual(try library.count(.all), 6)
    }

    func testOrMakesAlternativesThatBindTighterThanAnd() throws {
        XCTAssertEqual(try library.titles("tag:ukraine OR tag:uk"), ["Grain Deal Collapses", "UK Bans Huawei"])
        XCTAssertEqual(try library.titles("grain OR washington OR \"uk banned\""),
                       ["Grain Deal Collapses", "US Presses Allies", "UK Bans Huawei"])
        XCTAssertEqual(try library.titles("tag:huawei OR tag:ukraine after:2021"),
                       ["Grain Deal Collapses", "US Presses Allies"], "(huawei OR ukraine) AND after 2021")
        XCTAssertEqual(try library.titles("-tag:huawei OR speaker:strayer"), ["Grain Deal Collapses", "US Presses Allies"])
        XCTAssertEqual(try library.count(try Query.parse("tag:uk OR tag:us")), 2)
        XCTAssertEqual(try Query.parse("a OR b c").clauses,
                       [.any([.word("a", negated: false), .word("b", negated: false)]), .word("c", negated: false)])
        for (text, message, column) in [("OR grain", "'OR' needs something to search for before it", 1),
                                        ("grain OR", "'OR' needs something to search for after it", 7),
                                        ("grain OR OR wheat", "'OR' needs something to search for after it", 7)] {
            XCTAssertThrowsError(try Query.parse(text), text) { error in
                XCTAssertEqual(error as? QueryError, QueryError(message, column: column), text)
            }
        }
    }

    func testDatesAreInclusivePeriods() throws {
        XCTAssertEqual(try library.titles("after:2021"), ["Grain Deal Collapses", "US Presses Allies"])
        XCTAssertEqual(try library.titles("before:2021-03-01"), ["US Presses Allies", "UK Bans Huawei"])
        XCTAssertEqual(try library.titles("after:2020-07 before:2020-07"), ["UK Bans Huawei"])
    }

    func testStatusFilters() throws {
        let us = try library.id(ofTitle: "US Presses Allies")
        try library.setRead([us], true)
        try library.setStarred([us], true)
        XCTAssertEqual(try library.titles("is:read"), ["US Presses Allies"])
        XCTAssertEqual(try library.count(try Query.parse("is:unread")), 3)
        XCTAssertEqual(try library.titles("is:starred huawei"), ["US Presses Allies"])
        try library.setRead([us], false)
        XCTAssertEqual(try library.count(try Query.parse("is:unread")), 4)
        XCTAssertEqual(try library.count(try Query.parse("is:unstarred")), 3)
        try library.setRead([us], true)
        XCTAssertEqual(try library.count(try Query.parse("tag:huawei is:unread")), 2)
        XCTAssertEqual(try library.count(try Query.parse("is:unread is:unstarred")), 3)
        XCTAssertEqual(try library.count(try Query.parse("washington is:unread")), 0)
        XCTAssertEqual(try library.titles("tag:huawei is:unread"), ["UK Bans Huawei", "Undated Analysis"])
    }

    /// With read marks for most articles, `is:unread` takes the difference of the two sorted id
    /// lists rather than testing each article: the same answers, in the same order.
    func testUnreadWhenMostArticlesAreRead() throws {
        let read = try ["Grain Deal Collapses", "US Presses Allies", "Undated Analysis"].map { try library.id(ofTitle: $0) }
        try library.setRead(read, true)
        XCTAssertEqual(try library.titles("is:unread"), ["UK Bans Huawei"])
        XCTAssertEqual(try library.count(try Query.parse("is:unread")), 1)
        XCTAssertEqual(try library.titles("tag:huawei is:unread"), ["UK Bans Huawei"])
        XCTAssertEqual(try library.titles("is:unread OR is:starred"), ["UK Bans Huawei"])
        XCTAssertEqual(try library.titles("-tag:huawei is:unread"), [])
        try library.setRead([try library.id(ofTitle: "UK Bans Huawei")], true)
        XCTAssertEqual(try library.titles("is:unread"), [])
        try library.setRead(read, false)
        XCTAssertEqual(try library.titles("is:unread"), ["Grain Deal Collapses", "US Presses Allies", "Undated Analysis"])
    }

    func testSpeakerFiltersArticlesAndQuotes() throws {
        XCTAssertEqual(try library.titles("speaker:strayer"), ["US Presses Allies"])
        XCTAssertEqual(try library.titles("-speaker:strayer tag:huawei"), ["UK Bans Huawei", "Undated Analysis"])
        XCTAssertEqual(try library.titles("speaker:%"), [], "LIKE wildcards are literal")
        let all = try library.quotes(.all, speaker: nil, offset: 0, limit: 10)
        XCTAssertEqual(all.map(\.text), ["untrusted vendors", "a difficult decision", "we will act"])
        let dowden = try library.quotes(.all, speaker: "DOWDEN", offset: 0, limit: 10)
        XCTAssertEqual(dowden.map(\.speaker), ["Oliver Dowden"])
        XCTAssertEqual(dowden.first?.title, "UK Bans Huawei")
        XCTAssertEqual(try library.quoteCount(try Query.parse("tag:uk"), speaker: nil), 2)
    }

    func testSourceIsACaseInsensitiveSubstringOfTheOutletAndCombines() throws {
        let lib = try TestLibrary()
        try lib.write("a.txt", title: "Ledger Story", date: "2024-01-02T00:00:00Z", source: "The Ledger Post",
                      tags: ["Arctic"])
        try lib.write("b.txt", title: "Łódź Story", date: "2024-01-03T00:00:00Z", source: "ŁÓDŹ Daily")
        try lib.write("c.txt", title: "No Outlet", date: "2024-01-04T00:00:00Z", tags: ["Arctic"])
        let (library, _) = try lib.openSynced()
        XCTAssertEqual(try library.titles("source:\"ledger post\""), ["Ledger Story"])
        XCTAssertEqual(try library.titles("source:LEDGER tag:arctic"), ["Ledger Story"])
        XCTAssertEqual(try library.titles("source:łódź"), ["Łódź Story"], "beyond ASCII too")
        XCTAssertEqual(try library.titles("-source:ledger"), ["No Outlet", "Łódź Story"],
                       "an article with no outlet is not excluded")
        XCTAssertEqual(try library.titles("source:ledger OR source:daily"), ["Łódź Story", "Ledger Story"])
        XCTAssertEqual(try library.titles("source:%"), [], "no wildcards")
        XCTAssertThrowsError(try Query.parse("source:")) { error in
            XCTAssertEqual((error as? QueryError)?.message, "'source:' needs a value")
        }
    }

    func testIDsFromOlderCableStillNameTheirArticle() throws {
        let id = try library.id(ofTitle: "Grain Deal Collapses")
        let legacy = try XCTUnwrap(try library.article(id)?.legacyID?.rawValue)
        XCTAssertNotEqual(legacy, id.rawValue)
        XCTAssertEqual(try library.resolveID(legacy), id, "the whole old id")
        XCTAssertEqual(try library.resolveID(String(legacy.prefix(8)).uppercased()), id, "a prefix of it, any case")
        // Two pages older Cable could not tell apart share one old id: it names neither.
        let text = try String(contentsOf: lib.root.appendingPathComponent(try XCTUnwrap(library.article(id)?.file)),
                              encoding: .utf8)
        _ = try lib.writeRaw("twin.txt", Data(text.replacingOccurrences(of: "Grain Deal Collapses",
                                                                          with: "Grain Deal: Collapses").utf8))
        try library.sync()
        let twin = try library.id(ofTitle: "Grain Deal: Collapses")
        XCTAssertEqual(try library.article(twin)?.legacyID?.rawValue, legacy)
        XCTAssertThrowsError(try library.resolveID(legacy)) { error in
            XCTAssertEqual(error as? LibraryError, .ambiguousID(legacy, matches: [id.rawValue, twin.rawValue].sorted()))
        }
    }

    func testIDPrefixesResolveOrSayWhy() throws {
        let id = try library.id(ofTitle: "Grain Deal Collapses")
        XCTAssertEqual(try library.resolveID(String(id.rawValue.prefix(10))), id)
        XCTAssertEqual(try library.resolveID(id.rawValue.uppercased()), id)
        XCTAssertThrowsError(try library.resolveID("zzzz")) { error in
            XCTAssertEqual(error as? LibraryError, .unknownID("zzzz"))
        }
        XCTAssertThrowsError(try library.resolveID(""))
        // Seventeen ids over sixteen hex digits: some first digit is shared (pigeonhole).
        for n in 0..<13 { try lib.write("more\(n).txt", title: "More \(n)") }
        try library.sync()
        let ids = try library.list(.all, offset: 0, limit: 100).map(\.id.rawValue)
        XCTAssertEqual(ids.count, 17)
        let shared = Dictionary(grouping: ids, by: { String($0.prefix(1)) }).first { $0.value.count > 1 }
        guard let (prefix, matches) = shared else { return XCTFail("pigeonhole") }
        XCTAssertThrowsError(try library.resolveID(prefix)) { error in
            XCTAssertEqual(error as? LibraryError, .ambiguousID(prefix, matches: matches.sorted()))
            XCTAssertTrue("\(error)".contains("ambiguous"))
        }
        XCTAssertNil(try library.article(ArticleID(rawValue: "0000000000000000")))
        XCTAssertEqual(try library.article(id)?.title, "Grain Deal Collapses")
    }

    func testStateExportImportRoundTripsAndReportsBadLines() throws {
        let us = try library.id(ofTitle: "US Presses Allies")
        let grain = try library.id(ofTitle: "Grain Deal Collapses")
        try library.setRead([us], true)
        try library.setStarred([grain], true)
        try library.changeUserTags([grain], adding: ["Five Eyes", "later"], removing: [])
        let text = try library.exportState()
        XCTAssertTrue(text.contains("\(us.rawValue) read  # US Presses Allies"), text)
        XCTAssertTrue(text.contains("\(grain.rawValue) starred tag:\"Five Eyes\" tag:later  # Grain Deal Collapses"), text)

        // A fresh state database (another machine) gets everything back.
        let other = try TestLibrary()
        for name in ["huawei.txt", "us.txt", "grain.txt", "undated.txt"] {
            try other.writeRaw(name, try Data(contentsOf: lib.root.appendingPathComponent(name)))
        }
        let (restored, _) = try other.openSynced()
        // Bad lines are reported; nothing is applied unless they are to be skipped.
        let withBadLines = text + "\nnot-an-id read\n\(grain.rawValue) bogus\n"
        let refused = try restored.importState(withBadLines)
        XCTAssertEqual(refused.applied, 0)
        XCTAssertEqual(refused.problems.count, 2)
        XCTAssertEqual(try restored.exportState(), StateText.header + "\n")
        let report = try restored.importState(withBadLines, skippingBadLines: true)
        XCTAssertEqual(report.applied, 2)
        XCTAssertEqual(report.problems.count, 2)
        XCTAssertTrue(report.problems[0].hasPrefix("line 5:"), "\(report.problems)")
        XCTAssertEqual(try restored.exportState(), text)
    }

    func testStateImportMergesByDefaultAndReplacesWhenAsked() throws {
        let us = try library.id(ofTitle: "US Presses Allies")
        let grain = try library.id(ofTitle: "Grain Deal Collapses")
        try library.setRead([us], true)
        try library.changeUserTags([grain], adding: ["later"], removing: [])
        let backup = try library.exportState()
        // Since the backup: a star, another tag, grain read.
        try library.setStarred([us], true)
        try library.changeUserTags([grain], adding: ["extra"], removing: [])
        try library.setRead([grain], true)

        _ = try library.importState(backup)
        let merged = try library.exportState()
        XCTAssertTrue(merged.contains("\(us.rawValue) read starred"), "a merge takes nothing away: \(merged)")
        XCTAssertTrue(merged.contains("\(grain.rawValue) read tag:extra tag:later"), merged)

        let report = try library.importState(backup, replacing: true)
        XCTAssertEqual(report.applied, 2)
        XCTAssertEqual(try library.exportState(), backup, "each article named gets exactly its backed-up state")
    }

    func testStateExportEscapesQuotesAndBackslashesAndTagsRefuseControlCharacters() throws {
        let lib = try TestLibrary()
        try lib.write("a.txt", title: "Alpha", tags: ["Page Tag"])
        let (library, _) = try lib.openSynced()
        let id = try library.id(ofTitle: "Alpha")
        let odd = ["say \"no\"", "back\\slash", "C:\\new", "plain"]
        try library.changeUserTags([id], adding: odd, removing: [])
        let text = try library.exportState()
        XCTAssertEqual(text.split(separator: "\n").count, 2, text)
        XCTAssertTrue(text.contains(#"tag:"say \"no\"""#), text)

        let other = try TestLibrary()
        try other.write("a.txt", title: "Alpha", tags: ["Page Tag"])
        let (restored, _) = try other.openSynced()
        XCTAssertEqual(try restored.importState(text).problems, [])
        XCTAssertEqual(try restored.marks(id).tags.sorted(), odd.sorted())
        XCTAssertEqual(try restored.exportState(), text)
        // An escaped newline (from an older state) reads back as a newline.
        let line = try StateText.parse(Substring(#"\#(id.rawValue) tag:"two\nlines""#).unicodeScalars, format: 1)
        XCTAssertEqual(line?.tags, ["two\nlines"])

        XCTAssertThrowsError(try library.changeUserTags([id], adding: ["two\nlines"], removing: []))
        XCTAssertThrowsError(try library.changeUserTags([id], adding: ["tab\there"], removing: []))
        let notes = try library.changeUserTags([id], adding: [], removing: ["page tag", "absent"])
        XCTAssertEqual(notes.count, 2)
        XCTAssertTrue(notes[0].contains("page's own tag"), "\(notes)")
        XCTAssertTrue(notes[1].contains("has no tag 'absent'"), "\(notes)")
        XCTAssertEqual(try library.changeUserTags([id], adding: [], removing: ["plain"]), [])
    }
}

/// Orders, marking all read, and the story timeline, on a real index.
final class LibraryHabitsTests: XCTestCase {
    var lib: TestLibrary!
    var library: Library!

    override func setUpWithError() throws {
        lib = try TestLibrary()
        try lib.write("b.txt", title: "Bravo Story", date: "2021-05-01T00:00:00Z", source: "Zed Times")
        try lib.write("a.txt", title: "alpha story", date: "2022-05-01T00:00:00Z", source: "Alpha Post")
        try lib.write("c.txt", title: "Charlie Story", date: "2023-05-01T00:00:00Z")
        library = try lib.openSynced().0
    }

    func testEveryOrderListsEveryArticleAndFindsTheFirstUnread() throws {
        func titles(_ order: ListOrder) throws -> [String] {
            try library.list(.all, order: order, offset: 0, limit: 10).map(\.title)
        }
        XCTAssertEqual(try titles(.newest), ["Charlie Story", "alpha story", "Bravo Story"])
        XCTAssertEqual(try titles(.oldest), ["Bravo Story", "alpha story", "Charlie Story"])
        XCTAssertEqual(try titles(.title), ["alpha story", "Bravo Story", "Charlie Story"])
        XCTAssertEqual(try titles(.source), ["alpha story", "Bravo Story", "Charlie Story"], "no source last")
        XCTAssertEqual(try library.list(.all, order: .source, offset: 0, limit: 1).first?.source, "Alpha Post")
        let bravo = try library.id(ofTitle: "Bravo Story")
        try library.setRead([try library.id(ofTitle: "Charlie Story")], true)
        XCTAssertEqual(try titles(.unread).last, "Charlie Story")
        let found = try XCTUnwrap(library.firstUnread(.all, order: .oldest, after: 0))
        XCTAssertEqual(found.position, 1)
        XCTAssertEqual(found.summary.title, "alpha story")
        try library.setRead([bravo], true)
        XCTAssertNil(try library.firstUnread(.all, order: .title, after: 0))
    }

    func testMarkAllReadChangesOnlyTheUnreadInTheQueryAndSaysWhich() throws {
        let charlie = try library.id(ofTitle: "Charlie Story")
        try library.setRead([charlie], true)
        let changed = try library.markAllRead(Query.parse("story"))
        XCTAssertEqual(Set(changed), Set([try library.id(ofTitle: "alpha story"), try library.id(ofTitle: "Bravo Story")]))
        XCTAssertEqual(try library.count(Query.parse("is:unread")), 0)
    }

    func testTheTellingQuoteHasANamedSpeakerAndASentencesLength() {
        let quotes = [Quote(text: "yes", speaker: "A", paragraph: 0),
                      Quote(text: "We will not accept any deal that leaves the corridor closed,", speaker: nil, paragraph: 1),
                      Quote(text: "The corridor must stay open for every ship that carries grain", speaker: "B", role: "Minister",
                            paragraph: 2)]
        XCTAssertEqual(StoryEntry.tellingQuote(quotes)?.speaker, "B")
        XCTAssertNil(StoryEntry.tellingQuote([]))
    }
}
