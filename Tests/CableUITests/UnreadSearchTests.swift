@testable import CableUI
import CableCore
import XCTest

/// `n` beyond the list window: the next unread article is found from dates and counts,
/// not by reading the whole list page by page.
final class UnreadSearchTests: XCTestCase {
    /// `count` articles an hour apart (the last `undated` without a date), and every
    /// `sameSecond`-th one sharing its second with the one before.
    static func articles(_ count: Int, undated: Int = 0, sameSecond: Int = 0) -> [Article] {
        (0..<count).map { index in
            let article = SampleArticles.make("Story \(index)", nil, paragraphs: ["Body \(index)."], tags: ["x"])
            guard index < count - undated else { return article }
            let shared = sameSecond > 0 && index % sameSecond == 1 ? index - 1 : index
            return article.with(published: Date(timeIntervalSince1970: 1_600_000_000 + Double(shared) * 3_600 + 0.25))
        }
    }

    /// The answer by reading the list one row at a time.
    func slowly(_ library: InMemoryLibrary, after: Int) throws -> Int? {
        let rows = try library.list(.all, offset: 0, limit: Int.max / 2)
        return rows.indices.first { $0 > after && rows[$0].unread }
    }

    func found(_ library: InMemoryLibrary, after: Int) -> Int? {
        // Below `after` only: an answer found from the top again (wrapped) is not one.
        let actions = EffectRunner(library: library).run(.findUnread(ListSource(query: .all), after: after))
        switch actions.first {
        case .browse(.unreadFound(_, let position, let summary, let wrapped))?:
            XCTAssertTrue(summary.unread)
            return wrapped ? nil : position
        case .browse(.noUnread)?: return nil
        default:
            XCTFail("\(actions)")
            return nil
        }
    }

    func testFarDownInAnAllReadLibraryTakesAFewQueriesNotAWalk() throws {
        let articles = Self.articles(20_000)
        let library = InMemoryLibrary(articles)
        // The oldest is the one unread: the last row.
        try library.setRead(articles.dropFirst().map(\.id), true)
        let before = library.calls.count
        XCTAssertEqual(found(library, after: 10), 19_999)
        let lists = library.calls.dropFirst(before).filter { $0.hasPrefix("list") }
        // The rows after the cursor, the last one's second, the older unread one and its
        // second. The old walk read 500 rows at a time: 40 lists here.
        XCTAssertLessThanOrEqual(lists.count, 4, "\(lists)")
        XCTAssertNil(found(library, after: 19_999))
    }

    func testAgreesWithReadingTheListRowByRow() throws {
        // Shared seconds and undated articles at the end, with a scattering of unread ones.
        let articles = Self.articles(1_500, undated: 700, sameSecond: 3)
        let library = InMemoryLibrary(articles)
        var seed: UInt64 = 42
        var read: [ArticleID] = []
        for article in articles {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            if seed >> 33 % 97 != 0 { read.append(article.id) }
        }
        try library.setRead(read, true)
        for after in stride(from: -1, to: 1_500, by: 37) {
            XCTAssertEqual(found(library, after: after), try slowly(library, after: after), "after \(after)")
        }
    }

    func testInsideASecondTheListsOwnOrderCounts() throws {
        // 400 articles in one second: the unread one is found where the list has it.
        let moment = Date(timeIntervalSince1970: 1_700_000_000)
        let articles = (0..<400).map {
            SampleArticles.make("Same second \($0)", nil, paragraphs: ["Body."], tags: []).with(published: moment)
        }
        let library = InMemoryLibrary(articles)
        let rows = try library.list(.all, offset: 0, limit: 400)
        try library.setRead(rows.map(\.id).filter { $0 != rows[300].id }, true)
        XCTAssertEqual(found(library, after: 5), 300)
        XCTAssertNil(found(library, after: 300))
    }

    /// The order it relies on (newest first by the second, undated last) is the real
    /// library's too: the same answers as reading its list row by row.
    func testAgreesWithTheRealLibrary() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("cable-unread-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = folder.appendingPathComponent("library", isDirectory: true)
        try SyntheticLibrary(count: 1_000, seed: 7).write(into: root)
        let environment = ["XDG_DATA_HOME": folder.appendingPathComponent("data").path,
                           "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path]
        let library = try Library.open(LibraryLocations.standard(root: root, environment: environment))
        try library.sync()
        let rows = try library.list(.all, offset: 0, limit: 10_000)
        XCTAssertEqual(rows.count, 1_000)
        // Unread: every 300th article (further apart than the rows looked at first, so the
        // dates are used), and the last few (where undated ones would be).
        let unread = Set(rows.indices.filter { $0 % 300 == 299 || $0 >= 995 })
        try library.setRead(rows.indices.filter { !unread.contains($0) }.map { rows[$0].id }, true)
        let runner = EffectRunner(library: library)
        for after in stride(from: -1, to: 1_000, by: 37) {
            let expected = unread.filter { $0 > after }.min()
            switch runner.run(.findUnread(ListSource(query: .all), after: after)).first {
            case .browse(.unreadFound(_, let position, let summary, let wrapped))?:
                // None below: the first from the top, said to be so.
                XCTAssertEqual(position, expected ?? unread.min(), "after \(after)")
                XCTAssertEqual(wrapped, expected == nil, "after \(after)")
                XCTAssertEqual(summary.id, rows[position].id)
            case .browse(.noUnread)?:
                XCTAssertTrue(unread.isEmpty, "after \(after)")
            case let other:
                XCTFail("after \(after): \(String(describing: other))")
            }
        }
    }
}
