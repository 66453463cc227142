import Foundation
import XCTest
@testable import CableCore

/// A temporary library whose files use a tiny explicit fixture format, so library tests check
/// the library (sync, index, queries, state) apart from the saved-page parser's judgement:
///
///     title: Huawei Ban Widens
///     date: 2021-05-18T12:00:00Z
///     tags: Huawei, UK
///     related: Some Other Headline
///     readmore: Another Headline
///     quote: Speaker Name | the quoted words
///     quote: Speaker Name | Their Role | the quoted words   (written as ("Name | Role", words))
///     any other line is a body paragraph
final class TestLibrary {
    let base: URL
    let locations: LibraryLocations
    var root: URL { locations.root }

    init() throws {
        base = FileManager.default.temporaryDirectory
            .appendingPathComponent("cable-test-\(UUID().uuidString)", isDirectory: true)
        let root = base.appendingPathComponent("library", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        locations = LibraryLocations(
            root: LibraryLocations.canonicalFolder(root),
            index: base.appendingPathComponent("cache/index.sqlite"),
            state: base.appendingPathComponent("data/state.sqlite"))
    }

    deinit { try? FileManager.default.removeItem(at: base) }

    func open() throws -> Library { try Library.open(locations, parse: TestLibrary.fixtureParse) }

    /// Opens and syncs, recovering from a damaged index like the command line does.
    func openSynced() throws -> (Library, SyncReport) {
        try Library.withRecovery(locations, parse: TestLibrary.fixtureParse) { try $0.sync() }
    }

    @discardableResult
    func write(_ path: String, title: String, date: String? = nil, source: String? = nil, tags: [String] = [],
               related: [String] = [], readMore: [String] = [], quotes: [(String, String)] = [],
               body: [String] = ["Some body text."]) throws -> URL {
        var lines = ["title: \(title)"]
        if let date { lines.append("date: \(date)") }
        if let source { lines.append("source: \(source)") }
        if !tags.isEmpty { lines.append("tags: " + tags.joined(separator: ", ")) }
        lines += related.map { "related: \($0)" }
        lines += readMore.map { "readmore: \($0)" }
        lines += quotes.map { "quote: \($0.0) | \($0.1)" }
        lines += body
        return try writeRaw(path, Data(lines.joined(separator: "\n").utf8))
    }

    @discardableResult
    func writeRaw(_ path: String, _ data: Data) throws -> URL {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url
    }

    static let fixtureParse: ArticleParse = { data, file in
        let text = String(decoding: data, as: UTF8.self)
        var article = Article(id: ArticleID.forContent(text), file: file, title: "",
                              legacyID: ArticleID.legacy(forContent: text))
        for line in text.split(separator: "\n").map(String.init) {
            func value(_ prefix: String) -> String? {
                line.hasPrefix(prefix) ? String(line.dropFirst(prefix.count)) : nil
            }
            if let title = value("title: ") {
                article.title = title
            } else if let date = value("date: ") {
                // A formatter per date line: Foundation's formatters are not safe to share
                // between the threads sync parses on.
                article.published = ISO8601DateFormatter().date(from: date)
            } else if let source = value("source: ") {
                article.source = source
            } else if let tags = value("tags: ") {
                article.tags = tags.components(separatedBy: ", ")
            } else if let headline = value("related: ") {
                article.related.append(headline)
            } else if let headline = value("readmore: ") {
                article.readMore.append(headline)
            } else if let quote = value("quote: ") {
                let parts = quote.components(separatedBy: " | ")
                article.quotes.append(Quote(text: parts.last ?? "", speaker: parts.count > 1 ? parts[0] : nil,
                                            role: parts.count > 2 ? parts[1] : nil, paragraph: 0))
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                article.paragraphs.append(line)
            }
        }
        return article
    }
}

extension Library {
    /// Titles of the matching articles in list order (test shorthand).
    func titles(_ query: String) throws -> [String] {
        try list(try Query.parse(query), offset: 0, limit: 1000).map(\.title)
    }

    func id(ofTitle title: String) throws -> ArticleID {
        let rows = try list(.all, offset: 0, limit: 10_000).filter { $0.title == title }
        guard let first = rows.first else { throw LibraryError.unknownID(title) }
        return first.id
    }
}

/// The bundled `SampleData/` library, synced into an index and state of its own in a temporary
/// folder that goes when this does.
final class SampleLibrary {
    let library: Library
    private let base = FileManager.default.temporaryDirectory.appendingPathComponent("cable-sample-\(UUID().uuidString)")

    init() throws {
        let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleData")
        let locations = LibraryLocations(
            root: LibraryLocations.canonicalFolder(sampleData),
            index: base.appendingPathComponent("index.sqlite"), state: base.appendingPathComponent("state.sqlite"))
        library = try Library.open(locations)
        try library.sync()
    }

    deinit { try? FileManager.default.removeItem(at: base) }
}
