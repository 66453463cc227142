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

/// `cable import` never follows a symbolic link and never widens permissions (issue 16,
/// item 2): an unpacked archive with links to private files copies none of them.
final class LibraryImportSafetyTests: XCTestCase {
    var lib: TestLibrary!
    var library: Library!
    var incoming: URL!
    var secret: URL!

    override func setUpWithError() throws {
        lib = try TestLibrary()
        try lib.write("story.txt", title: "Existing Story")
        (library, _) = try lib.openSynced()
        incoming = lib.base.appendingPathComponent("incoming")
        let manager = FileManager.default
        try manager.createDirectory(at: incoming.appendingPathComponent("sub"), withIntermediateDirectories: true)
        // Outside the imported tree: a private file that reads like an article.
        let outside = lib.base.appendingPathComponent("outside")
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        secret = outside.appendingPathComponent("id_rsa.txt")
        try Data("title: SECRET KEY\nprivate key material".utf8).write(to: secret)
        try Data("title: Secret Folder File\nmore private text".utf8).write(to: outside.appendingPathComponent("inner.txt"))
        chmod(secret.path, 0o600)
    }

    func write(_ name: String, _ title: String, mode: mode_t) throws {
        let url = incoming.appendingPathComponent(name)
        try Data("title: \(title)\nbody of \(title)".utf8).write(to: url)
        XCTAssertEqual(chmod(url.path, mode), 0)
    }

    func mode(_ name: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: lib.root.appendingPathComponent(name).path)
        return (attributes[.posixPermissions] as? Int) ?? -1
    }

    func testLinksAreNeverFollowedHiddenFilesAreReportedAndPermissionsNeverWiden() throws {
        let manager = FileManager.default
        try write("private.txt", "Private Notes", mode: 0o600)
        try write("public.txt", "Public Story", mode: 0o644)
        try write("sub/nested.txt", "Nested Story", mode: 0o640)
        try write(".hidden.txt", "Hidden Story", mode: 0o644)
        try manager.createDirectory(at: incoming.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try write(".git/config.txt", "In A Hidden Folder", mode: 0o644)
        try manager.createSymbolicLink(atPath: incoming.appendingPathComponent("key.txt").path, withDestinationPath: secret.path)
        try manager.createSymbolicLink(atPath: incoming.appendingPathComponent("passwd.txt").path, withDestinationPath: "/etc/passwd")
        try manager.createSymbolicLink(atPath: incoming.appendingPathComponent("folder").path,
                                       withDestinationPath: secret.deletingLastPathComponent().path)
        try manager.createSymbolicLink(atPath: incoming.appendingPathComponent("inside.txt").path, withDestinationPath: "public.txt")
        XCTAssertEqual(mkfifo(incoming.appendingPathComponent("pipe.txt").path, 0o644), 0)
        // A link named on the command line is not followed either.
        let named = lib.base.appendingPathComponent("named-link.txt")
        try manager.createSymbolicLink(atPath: named.path, withDestinationPath: secret.path)

        let old = umask(0o022)
        defer { umask(old) }
        let report = try library.importFiles([incoming, named])
        XCTAssertEqual(Set(report.copied.map(\.file)), ["incoming/private.txt", "incoming/public.txt", "incoming/sub/nested.txt"])
        XCTAssertEqual(try mode("incoming/private.txt"), 0o600, "a private file stays private")
        XCTAssertEqual(try mode("incoming/public.txt"), 0o644)
        XCTAssertEqual(try mode("incoming/sub/nested.txt"), 0o640)
        let skipped = Dictionary(uniqueKeysWithValues: report.skipped.map { (URL(fileURLWithPath: $0.source).lastPathComponent, $0.reason) })
        for link in ["key.txt", "passwd.txt", "folder", "inside.txt", "named-link.txt"] {
            XCTAssertTrue(skipped[link]?.hasPrefix("a symbolic link to ") == true, "\(link): \(skipped[link] ?? "not reported")")
        }
        XCTAssertTrue(skipped["key.txt"]?.contains(secret.path) == true, "says where it points")
        // Hidden ones are listed apart; the hidden folder is not looked into.
        XCTAssertEqual(report.hidden, [incoming.path + "/.git", incoming.path + "/.hidden.txt"])
        XCTAssertEqual(skipped["pipe.txt"], "not a regular file (a device, pipe or socket)")
        XCTAssertEqual(report.skipped.count, 6, "\(report.skipped)")
        // Nothing from outside reached the library or the index.
        let names = try manager.subpathsOfDirectory(atPath: lib.root.path).filter {
            var isFolder = ObjCBool(false)
            return manager.fileExists(atPath: lib.root.appendingPathComponent($0).path, isDirectory: &isFolder) && !isFolder.boolValue
        }
        for name in names {
            let text = try String(contentsOf: lib.root.appendingPathComponent(name), encoding: .utf8)
            XCTAssertFalse(text.contains("private key material") || text.contains("root:"), name)
        }
        XCTAssertEqual(try library.count(try Query.parse("secret")), 0)
        XCTAssertEqual(Set(try library.titles("")), ["Existing Story", "Private Notes", "Public Story", "Nested Story"])
    }

    /// The umask narrows a copy further; nothing widens it.
    func testTheUmaskOnlyNarrows() throws {
        try write("group.txt", "Group Story", mode: 0o664)
        let old = umask(0o077)
        defer { umask(old) }
        _ = try library.importFiles([incoming])
        XCTAssertEqual(try mode("incoming/group.txt"), 0o600)
    }

    /// A hidden file named on the command line is what the user asked for.
    func testANamedHiddenFileIsImported() throws {
        try write(".named.txt", "Named Hidden", mode: 0o644)
        let report = try library.importFiles([incoming.appendingPathComponent(".named.txt")])
        XCTAssertEqual(report.copied.map(\.file), ["named.txt"])
    }

    /// A name already taken, even by a dangling link, is never opened: the copy takes the next.
    func testACopyNeverWritesThroughALinkInTheLibrary() throws {
        try write("story.txt", "Other Story", mode: 0o644)
        let target = lib.base.appendingPathComponent("written-through.txt")
        try FileManager.default.createSymbolicLink(atPath: lib.root.appendingPathComponent("story (2).txt").path,
                                                   withDestinationPath: target.path)
        let report = try library.importFiles([incoming.appendingPathComponent("story.txt")])
        XCTAssertEqual(report.copied.map(\.file), ["story (3).txt"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
    }
}

extension LibraryImportSafetyTests {
    /// A folder in the library that is a link is not written through: the copy is refused.
    func testAFolderCopyNeverWritesThroughALinkedFolderInTheLibrary() throws {
        try write("story.txt", "Other Story", mode: 0o644)
        let elsewhere = lib.base.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: lib.root.appendingPathComponent("incoming").path,
                                                   withDestinationPath: elsewhere.path)
        let report = try library.importFiles([incoming])
        XCTAssertEqual(report.copied.count, 0)
        XCTAssertTrue(report.skipped.first?.reason.hasPrefix("cannot copy") == true, "\(report.skipped)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
    }
}
