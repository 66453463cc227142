import Foundation
import XCTest

/// `cable speakers` end to end: one speaker however the pages spell it, a lone surname as the
/// full name, the query restricting the articles, the JSON shape and a clean, aligned table.
final class CLISpeakersTests: XCTestCase {
    private func writeArticles(_ cli: CLIHarness) throws {
        try cli.writeArticle("a.txt", headline: "US Presses Allies Over Vendors", dateline: "09:41 GMT07 Mar 2024",
                             body: ["Washington pressed its allies on Tuesday to drop untrusted vendors from their networks.",
                                    "\"We will not wait for another breach,\" Deputy Assistant Secretary Robert Strayer told reporters.",
                                    "\"The network is the risk,\" the Chinese Foreign Ministry said in a statement on Wednesday."],
                             tags: ["NATO", "Huawei"])
        try cli.writeArticle("b.txt", headline: "Beijing Rejects Vendor Claims", dateline: "10:00 GMT08 Mar 2024",
                             body: ["Beijing rejected the claims on Thursday and said its companies obeyed the law everywhere.",
                                    "\"These accusations are groundless,\" the Chinese foreign ministry said on Thursday.",
                                    "\"There will be no backdoors anywhere,\" Strayer said in a later briefing to the press."],
                             tags: ["Huawei", "China"])
        try cli.writeArticle("c.txt", headline: "Allies Split on Vendors", dateline: "11:00 GMT09 Mar 2024",
                             body: ["The allies remained split on the question of vendors at the meeting on Friday.",
                                    "\"We decide for ourselves,\" German official Ilse Mar\u{1B}[31mten\u{1B}]0;x\u{07} said at the meeting."],
                             tags: ["Germany", "EU"])
    }

    func testSpeakersAreEntitiesInJSONAndTheTable() throws {
        let cli = try CLIHarness()
        try writeArticles(cli)
        let rows = try XCTUnwrap(try cli.json(["speakers"]) as? [[String: Any]])
        for row in rows { XCTAssertEqual(Set(row.keys), ["name", "role", "roles", "quotes", "articles"]) }
        XCTAssertEqual(rows.compactMap { $0["name"] as? String }.prefix(2), ["Chinese Foreign Ministry", "Robert Strayer"])
        XCTAssertEqual(rows.first?["quotes"] as? Int, 2)
        XCTAssertEqual(rows.first?["articles"] as? Int, 2)
        XCTAssertTrue(rows.first?["role"] is NSNull, "a key with no value is null, never missing")
        XCTAssertEqual(rows[1]["roles"] as? [String], ["Deputy Assistant Secretary"])
        XCTAssertEqual(rows[1]["quotes"] as? Int, 2, "Strayer alone is Robert Strayer")

        let nato = try XCTUnwrap(try cli.json(["speakers", "tag:nato"]) as? [[String: Any]])
        XCTAssertEqual(nato.compactMap { $0["quotes"] as? Int }, [1, 1], "only the NATO article counts")

        let same = try cli.json(["quotes", "--speaker", "strayer"]) as? [[String: Any]]
        let full = try cli.json(["quotes", "--speaker", "Robert Strayer"]) as? [[String: Any]]
        XCTAssertEqual(same?.count, 2)
        XCTAssertEqual(same?.compactMap { $0["text"] as? String }, full?.compactMap { $0["text"] as? String })
        XCTAssertEqual(Set(same?.compactMap { $0["speaker"] as? String } ?? []), ["Robert Strayer"])
        let articles = try cli.json(["list", "speaker:strayer"]) as? [[String: Any]]
        XCTAssertEqual(articles?.count, 2)
        XCTAssertEqual(articles?.compactMap { $0["id"] as? String },
                       (try cli.json(["list", "speaker:\"robert strayer\""]) as? [[String: Any]])?.compactMap { $0["id"] as? String })

        let table = try cli.run(["speakers"])
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertFalse(table.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, table.stdout)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, table.stdout)
        XCTAssertTrue(lines[0].hasPrefix("QUOTES  ARTICLES  SPEAKER"), table.stdout)
        let nameColumn = try XCTUnwrap(lines[0].range(of: "SPEAKER")).lowerBound.utf16Offset(in: lines[0])
        for line in lines.dropFirst() {
            XCTAssertFalse(line.hasSuffix(" "))
            let name = line.dropFirst(nameColumn)
            XCTAssertFalse(name.hasPrefix(" "), "names start in the SPEAKER column: \(line)")
            XCTAssertTrue(line.prefix(nameColumn).hasSuffix("  "), line)
        }
        XCTAssertTrue(table.stdout.contains("Robert Strayer") && table.stdout.contains("Deputy Assistant Secretary"))

        XCTAssertEqual(try cli.run(["speakers", "tag:"]).status, 2, "a malformed query is an error")
        XCTAssertTrue(try cli.run(["man"], useLibraryOption: false).stdout.contains("speakers"))
    }
}
