import Foundation
import GRDB
import XCTest
@testable import CableCore

/// Similarity judged on the bundled samples, where each sub-folder is one story thread: an
/// article's most similar articles should mostly come from its own thread.
final class RelatedSampleDataTests: XCTestCase {
    func testMostSimilarArticlesComeFromTheSameThread() throws {
        let sample = try SampleLibrary()
        defer { withExtendedLifetime(sample) {} }
        let library = sample.library
        let records = try library.pool.read { db in try ArticleRecord.fetchAll(db, sql: "SELECT * FROM article") }
        XCTAssertGreaterThanOrEqual(records.count, 30)
        var folderOf: [ArticleID: String] = [:]
        var articles: [(Int64, Article)] = []
        for record in records {
            let article = try XCTUnwrap(try library.indexedArticle(ArticleID(rawValue: record.id))?.article)
            folderOf[article.id] = String(record.file.split(separator: "/").first ?? "")
            articles.append((record.rid, article))
        }
        var good = 0
        var poor: [String] = []
        for (rid, article) in articles {
            // Explicit links are not excluded here: this judges the similarity alone.
            let top = try library.pool.read { db in
                try Library.similar(to: article, rid: rid, excluding: [article.id], db)
            }.prefix(4)
            let same = top.filter { folderOf[$0.id] == folderOf[article.id] }.count
            if same >= 3 { good += 1 } else { poor.append("\(article.title) (\(same)/4)") }
        }
        print("similar: \(good) of \(articles.count) articles have >= 3 of their top 4 in their thread")
        XCTAssertGreaterThanOrEqual(Double(good), 0.85 * Double(articles.count), "poor: \(poor)")

        let loan = try XCTUnwrap(articles.first { $0.1.file.hasSuffix("g7-frozen-assets-loan.txt") })
        let loanTop = try library.pool.read { db in
            try Library.similar(to: loan.1, rid: loan.0, excluding: [loan.1.id], db)
        }
        // The G7 loan story once drew chip-subsidy, 5G and cable stories: now its nearest are
        // sanctions stories, and nothing from those unrelated threads comes near the top.
        XCTAssertEqual(loanTop.prefix(2).map { folderOf[$0.id] }, ["sanctions", "sanctions"], "\(loanTop.map { $0.title })")
        XCTAssertFalse(loanTop.prefix(5).contains { ["chip-controls", "5g-vendors", "undersea-cables"].contains(folderOf[$0.id]) },
                       "\(loanTop.map { $0.title })")
    }
}
