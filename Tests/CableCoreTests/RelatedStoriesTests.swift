import Foundation
import GRDB
import XCTest
@testable import CableCore

final class RelatedStoriesTests: XCTestCase {
    func testExplicitLinksResolveBothWaysAndStayVisibleWhenUnmatched() throws {
        let lib = try TestLibrary()
        try lib.write("a.txt", title: "Baltic Cables Damaged Again", date: "2024-03-07T09:41:00Z",
                      related: ["NATO Launches Sea Drone Mission – Reports", "A Story Nobody Saved"],
                      readMore: ["Cable Repairs Could Take Weeks…"])
        try lib.write("b.txt", title: "NATO Launches Sea Drone Mission", date: "2024-03-08T09:00:00Z")
        try lib.write("c.txt", title: "Cable Repairs Could Take Weeks, Operator Says", date: "2024-03-09T09:00:00Z")
        let (library, _) = try lib.openSynced()
        let a = try library.id(ofTitle: "Baltic Cables Damaged Again")
        let related = try library.related(a)
        XCTAssertEqual(related.explicit.map(\.headline), [
            "Cable Repairs Could Take Weeks…", "NATO Launches Sea Drone Mission – Reports", "A Story Nobody Saved",
        ], "READ MORE first, then the related block")
        XCTAssertEqual(related.explicit.map(\.kind), [.readMore, .related, .related])
        XCTAssertEqual(related.explicit.map { $0.match?.title }, [
            "Cable Repairs Could Take Weeks, Operator Says", "NATO Launches Sea Drone Mission", nil,
        ])
        let b = try library.id(ofTitle: "NATO Launches Sea Drone Mission")
        XCTAssertEqual(try library.related(b).linkedFrom.map(\.title), ["Baltic Cables Damaged Again"])
        XCTAssertFalse(related.similar.contains { $0.id == b }, "explicit targets are not repeated as similar")
    }

    /// Sync resolves links in key-ordered chunks; small chunks must resolve exactly what one
    /// pass does, each link once, and stop (a chunk boundary falls inside an article's links).
    func testResolvingInSmallChunksFindsEveryLinkOnce() throws {
        let lib = try TestLibrary()
        let titles = (0..<6).map { "Port Talks Resume In Round \($0)" }
        for (n, title) in titles.enumerated() {
            try lib.write("s\(n).txt", title: title, related: titles.filter { $0 != title } + ["A Story Nobody Saved"])
        }
        let (library, _) = try lib.openSynced()
        func targets() throws -> [Row] {
            try library.pool.read { db in try Row.fetchAll(db, sql: "SELECT article, ord, target FROM link ORDER BY article, ord") }
        }
        let once = try targets()
        XCTAssertEqual(once.count, 36)
        XCTAssertEqual(once.filter { $0["target"] != nil }.count, 30)
        for size in [1, 2, 5, 7, 36, 100] {
            try library.write { db in try db.execute(sql: "UPDATE link SET target = NULL") }
            try library.resolveLinks(all: true, chunkSize: size)
            XCTAssertEqual(try targets(), once, "chunks of \(size)")
        }
    }

    func testALinkResolvesWhenTheStoryIsAddedLaterAndUnresolvesWhenItGoes() throws {
        let lib = try TestLibrary()
        try lib.write("a.txt", title: "Grain Deal Collapses", related: ["Russia Quits Black Sea Grain Initiative"])
        let (library, _) = try lib.openSynced()
        let a = try library.id(ofTitle: "Grain Deal Collapses")
        XCTAssertNil(try library.related(a).explicit.first?.match)

        try lib.write("later.txt", title: "Russia Quits Black Sea Grain Initiative")
        try library.sync()
        XCTAssertEqual(try library.related(a).explicit.first?.match?.title, "Russia Quits Black Sea Grain Initiative")

        try FileManager.default.removeItem(at: lib.root.appendingPathComponent("later.txt"))
        try library.sync()
        XCTAssertNil(try library.related(a).explicit.first?.match)
        XCTAssertEqual(try library.related(a).explicit.first?.headline, "Russia Quits Black Sea Grain Initiative")
    }

    func testSimilarArticlesShareDistinctiveWordsTagsAndSpeakers() throws {
        let lib = try TestLibrary()
        try lib.write("a.txt", title: "Balticconnector Pipeline Damaged", tags: ["Finland", "Estonia", "pipelines"],
                      quotes: [("Sauli Niinisto", "external activity")],
                      body: ["The Balticconnector gas pipeline between Finland and Estonia was damaged by an anchor.",
                             "Investigators examined the seabed near the Balticconnector route and the anchor drag marks."])
        try lib.write("b.txt", title: "Anchor Marks Found Near Balticconnector", tags: ["Finland", "pipelines"],
                      quotes: [("Sauli Niinisto", "a deliberate act")],
                      body: ["Divers found anchor drag marks beside the damaged Balticconnector pipeline on the seabed."])
        try lib.write("c.txt", title: "Wheat Harvest Beats Forecasts", tags: ["agriculture"],
                      body: ["Farmers reported a record wheat harvest across the plains this summer."])
        for n in 0..<12 {
            try lib.write("filler\(n).txt", title: "Filler Story \(n)", tags: ["misc"],
                          body: ["Unrelated report number \(n) about markets, weather and sport results."])
        }
        let (library, _) = try lib.openSynced()
        let a = try library.id(ofTitle: "Balticconnector Pipeline Damaged")
        let similar = try library.related(a).similar
        XCTAssertEqual(similar.first?.title, "Anchor Marks Found Near Balticconnector")
        XCTAssertFalse(similar.contains { $0.id == a }, "never itself")
        XCTAssertFalse(similar.contains { $0.title == "Wheat Harvest Beats Forecasts" })
        XCTAssertLessThanOrEqual(similar.count, 8)
    }

    func testALinkResolvedToAStoryRemovedMeanwhileStaysUnresolved() throws {
        let lib = try TestLibrary()
        try lib.write("a.txt", title: "Linking Story", related: ["Target Story"])
        try lib.write("b.txt", title: "Target Story")
        try lib.write("c.txt", title: "Other Story")
        let (library, _) = try lib.openSynced()
        let rids = try library.pool.read { db in
            (try Int64.fetchOne(db, sql: "SELECT rid FROM article WHERE title = 'Linking Story'"),
             try Int64.fetchOne(db, sql: "SELECT rid FROM article WHERE title = 'Target Story'"))
        }
        let linking = try XCTUnwrap(rids.0)
        let target = try XCTUnwrap(rids.1)
        // Another process removes the target between reading titles and writing links.
        try library.write { db in
            try db.execute(sql: "UPDATE link SET target = NULL")
            let record = try XCTUnwrap(try ArticleRecord.fetch(id: try library.id(ofTitle: "Target Story").rawValue, db))
            try Library.deleteArticle(record, db)
        }
        try library.write { db in try Library.applyResolutions([(linking, 0, target)][...], db) }
        let stored = try library.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT target FROM link WHERE article = ?", arguments: [linking])
        }
        XCTAssertNil(stored, "no link to an article that is gone")
    }

    func testRelatedOfAnUnknownIDIsAnError() throws {
        let lib = try TestLibrary()
        try lib.write("a.txt", title: "Only One")
        let (library, _) = try lib.openSynced()
        XCTAssertThrowsError(try library.related(ArticleID(rawValue: "ffffffffffffffff")))
    }
}
