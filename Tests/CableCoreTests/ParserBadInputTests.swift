@testable import CableCore
import Foundation
import XCTest

/// Files that are not nice articles: each gives an article with warnings or a clear error,
/// never a crash or a hang.
final class ParserBadInputTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cable-parser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ data: Data, _ name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    func testEmptyFile() throws {
        let article = try ArticleParser.read(fileAt: try write(Data(), "empty.txt"), as: "empty.txt")
        XCTAssertEqual(article.paragraphs, [])
        XCTAssertEqual(article.title, "empty")
        XCTAssertTrue(article.titleDerived)
        XCTAssertTrue(article.warnings.contains("no dateline found"))
        XCTAssertTrue(article.warnings.contains("no body paragraphs found"))
    }

    func testOnlyFurniture() {
        let article = ArticleParser.parse(text: "Listen Live\n    Get short URL\nSubscribe\nCommunity standardsDiscussion\n", file: "chrome.txt")
        XCTAssertEqual(article.paragraphs, [])
        XCTAssertEqual(article.quotes, [])
        XCTAssertTrue(article.warnings.contains("no body paragraphs found"))
    }

    func testBinaryFileIsAClearError() throws {
        var bytes = [UInt8](repeating: 0, count: 4096)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 31) }
        let url = try write(Data(bytes), "image.txt")
        XCTAssertThrowsError(try ArticleParser.read(fileAt: url, as: "image.txt")) { error in
            XCTAssertEqual(error as? ArticleReadError, .binary("image.txt"))
            XCTAssertTrue("\(error)".contains("binary"))
        }
    }

    func testBytesThatAreMostlyNotUTF8AreBinary() throws {
        var random = Random(seed: 42)
        let bytes = (0..<8192).map { _ in UInt8(0x80 | (random.next() & 0x7F)) }
        let url = try write(Data(bytes), "noise.txt")
        XCTAssertThrowsError(try ArticleParser.read(fileAt: url, as: "noise.txt")) { error in
            XCTAssertEqual(error as? ArticleReadError, .binary("noise.txt"))
        }
        // A Latin-1 page: a few bad bytes among ASCII letters is still text.
        var latin = Data("12:29 GMT18 May 2021\n\nThe caf".utf8)
        latin.append(0xE9)
        latin.append(contentsOf: Array(" near the port reopened on Monday after the talks ended.\n".utf8))
        XCTAssertNoThrow(try ArticleParser.read(fileAt: try write(latin, "latin1.txt"), as: "latin1.txt"))
    }

    func testMissingFileAndDirectoryAreClearErrors() throws {
        XCTAssertThrowsError(try ArticleParser.read(fileAt: directory.appendingPathComponent("nope.txt"), as: "nope.txt")) { error in
            XCTAssertEqual(error as? ArticleReadError, .missing("nope.txt"))
        }
        XCTAssertThrowsError(try ArticleParser.read(fileAt: directory, as: "folder")) { error in
            XCTAssertEqual(error as? ArticleReadError, .directory("folder"))
            XCTAssertTrue("\(error)".contains("directory"))
        }
    }

    func testUnreadableFileIsAClearError() throws {
        let url = try write(Data("12:29 GMT18 May 2021\n\nText.".utf8), "locked.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: url.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path) }
        if FileManager.default.isReadableFile(atPath: url.path) {
            throw XCTSkip("running as a user who can read any file (root)")
        }
        XCTAssertThrowsError(try ArticleParser.read(fileAt: url, as: "locked.txt")) { error in
            XCTAssertEqual(error as? ArticleReadError, .permissionDenied("locked.txt"))
        }
    }

    func testFilesOverTheSizeCapAreRefused() throws {
        let url = directory.appendingPathComponent("huge.txt")
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(ArticleParser.maximumFileSize + 1))
        try handle.close()
        XCTAssertThrowsError(try ArticleParser.read(fileAt: url, as: "huge.txt")) { error in
            guard case .tooLarge(let path, _, _)? = error as? ArticleReadError else {
                return XCTFail("expected tooLarge, got \(error)")
            }
            XCTAssertEqual(path, "huge.txt")
        }
    }

    func testInvalidUTF8FileIsReadWithAWarning() throws {
        var data = Data("12:29 GMT18 May 2021\n\nThe port of Od".utf8)
        data.append(contentsOf: [0xC3, 0x28, 0xA0, 0xA1])
        data.append(contentsOf: Array("esa reopened on Monday after weeks of talks.\n".utf8))
        let article = try ArticleParser.read(fileAt: try write(data, "latin.txt"), as: "latin.txt")
        XCTAssertEqual(article.paragraphs.count, 1)
        XCTAssertTrue(article.warnings.contains { $0.contains("UTF-8") })
        XCTAssertFalse(article.paragraphs[0].contains("\u{0}"))
    }

    func testOneTwentyMegabyteLine() {
        let sentence = "The convoy moved slowly along the coast while officials said \"nothing\" at all, "
        var text = "12:29 GMT18 May 2021\n\n"
        text.reserveCapacity(21_000_000)
        while text.utf8.count < 20_000_000 { text += sentence }
        let article = ArticleParser.parse(text: text, file: "long.txt")
        XCTAssertEqual(article.paragraphs.count, 1)
        XCTAssertGreaterThan(article.paragraphs[0].utf8.count, 19_000_000)
        XCTAssertNotNil(article.published)
    }

    func testTenThousandBlankLines() {
        let text = "12:29 GMT18 May 2021\n" + String(repeating: "\n", count: 10_000)
            + "The only paragraph comes after a great many blank lines, as scrapers sometimes leave.\n"
            + String(repeating: "   \r\n", count: 10_000)
        let article = ArticleParser.parse(text: text, file: "blank.txt")
        XCTAssertEqual(article.paragraphs.count, 1)
    }

    func testDeeplyUnbalancedQuotes() {
        var text = "12:29 GMT18 May 2021\n\n"
        text += String(repeating: "“‘«\"„ ", count: 50_000) + "the minister said.\n\n"
        text += String(repeating: "” ’ » ", count: 50_000) + "\n\n"
        text += String(repeating: "\"We will go on,\" he said. ", count: 20_000)
        let article = ArticleParser.parse(text: text, file: "quotes.txt")
        XCTAssertLessThanOrEqual(article.quotes.count, 20_001)
        for quote in article.quotes {
            XCTAssertLessThan(quote.paragraph, article.paragraphs.count)
        }
    }

    func testOnlyControlCharactersAndMarks() {
        let text = String(repeating: "\u{1}\u{2}\u{7F}\u{200B}\u{FEFF}\u{202E}", count: 1000)
        let article = ArticleParser.parse(text: text, file: "noise.txt")
        XCTAssertEqual(article.paragraphs, [])
    }

    func testAnEndlessSentenceFullOfSpeechVerbsStaysLinear() {
        // Every "said" here has a subject that names no speaker; the quote at the end must
        // not make attribution retry each of them over the whole sentence (this took minutes).
        let text = "12:29 GMT18 May 2021\n\n" + String(repeating: "the ship said that ", count: 100_000)
            + "\"we will go on with it\" and \"more of it here\"\n"
        let article = ArticleParser.parse(text: text, file: "verbs.txt")
        XCTAssertEqual(article.quotes.count, 2)
    }
}
