import Foundation
import XCTest
@testable import CableCore

final class LibraryImportTests: XCTestCase {
    func testNamesAreMadeSafe() {
        XCTAssertEqual(Library.safeFileName("../../etc/passwd"), "_.._etc_passwd")
        XCTAssertEqual(Library.safeFileName("..hidden.txt"), "hidden.txt")
        XCTAssertEqual(Library.safeFileName("a\u{0007}b.txt"), "a_b.txt")
        XCTAssertEqual(Library.safeFileName("   "), "article.txt")
        XCTAssertLessThanOrEqual(Library.safeFileName(String(repeating: "x", count: 400) + ".txt").utf8.count, 200)
        // Cut by bytes at a character boundary, keeping the extension.
        let cjk = Library.safeFileName(String(repeating: "制", count: 180) + ".txt")
        XCTAssertLessThanOrEqual(cjk.utf8.count, 200)
        XCTAssertTrue(cjk.hasSuffix("制.txt"), cjk)
        XCTAssertEqual(cjk, String(repeating: "制", count: 65) + ".txt")
    }

    func testImportNeverOverwritesAndSkipsWhatIsAlreadyThere() throws {
        let lib = try TestLibrary()
        try lib.write("story.txt", title: "Existing Story")
        let (library, _) = try lib.openSynced()
        let incoming = lib.base.appendingPathComponent("incoming")
        try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
        try Data("title: Brand New\nbody".utf8).write(to: incoming.appendingPathComponent("story.txt"))
        try Data(contentsOf: lib.root.appendingPathComponent("story.txt"))
            .write(to: incoming.appendingPathComponent("copy.txt"))
        try Data([0, 1, 2]).write(to: incoming.appendingPathComponent("image.bin"))

        let report = try library.importFiles([incoming, lib.base.appendingPathComponent("missing.txt")])
        // The folder comes in under its own name (so no clash with story.txt at the top).
        XCTAssertEqual(report.copied.map(\.file), ["incoming/story.txt"])
        XCTAssertEqual(Set(report.skipped.map(\.reason)),
                       ["already in the library as story.txt", "binary"])
        XCTAssertEqual(report.missing, [lib.base.appendingPathComponent("missing.txt").path])
        XCTAssertEqual(Set(try library.titles("")), ["Existing Story", "Brand New"])
        XCTAssertTrue(try String(contentsOf: lib.root.appendingPathComponent("story.txt"), encoding: .utf8)
            .contains("Existing Story"), "the existing file is untouched")
    }

    func testAFolderKeepsItsSubFoldersAndItsHiddenFilesAreReported() throws {
        let lib = try TestLibrary()
        let (library, _) = try lib.openSynced()
        let incoming = lib.base.appendingPathComponent("arctic")
        try FileManager.default.createDirectory(at: incoming.appendingPathComponent("2023/march"),
                                                withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: incoming.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("title: Deep One\nbody".utf8).write(to: incoming.appendingPathComponent("2023/march/deep.txt"))
        try Data("title: Top One\nbody".utf8).write(to: incoming.appendingPathComponent("top.txt"))
        try Data("title: Hidden\nbody".utf8).write(to: incoming.appendingPathComponent("2023/.draft.txt"))
        let report = try library.importFiles([incoming])
        XCTAssertEqual(report.copied.map(\.file).sorted(), ["arctic/2023/march/deep.txt", "arctic/top.txt"])
        XCTAssertEqual(report.hidden, [incoming.path + "/.git", incoming.path + "/2023/.draft.txt"])
        XCTAssertTrue(FileManager.default.fileExists(
            atPath: lib.root.appendingPathComponent("arctic/2023/march/deep.txt").path))
    }
}
