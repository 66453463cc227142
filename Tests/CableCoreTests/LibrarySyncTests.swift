import Foundation
import GRDB
import XCTest
@testable import CableCore

final class LibrarySyncTests: XCTestCase {
    func testSyncIndexesArticlesAndReportsSkippedFilesWithReasons() throws {
        let lib = try TestLibrary()
        try lib.write("a.txt", title: "First Story")
        try lib.write("deep/er/b.txt", title: "Second Story")
        try lib.writeRaw("binary.dat", Data([0x00, 0x01, 0x02, 0x41]))
        try lib.writeRaw("blank.txt", Data("  \n\n  ".utf8))
        try lib.writeRaw("copy.txt", try Data(contentsOf: lib.root.appendingPathComponent("a.txt")))
        try lib.write(".hidden.txt", title: "Hidden")
        try lib.write(".git/objects.txt", title: "In A Dot Folder")

        let (library, report) = try lib.openSynced()
        XCTAssertEqual(report.added, 2)
        XCTAssertEqual(report.articles, 2)
        XCTAssertEqual(Set(try library.titles("")), ["First Story", "Second Story"])
        let reasons = Dictionary(uniqueKeysWithValues: report.skipped.map { ($0.file, $0.reason) })
        XCTAssertEqual(reasons["binary.dat"], "binary")
        XCTAssertEqual(reasons["blank.txt"], "empty")
        XCTAssertEqual(reasons["copy.txt"], "duplicate of a.txt")
        XCTAssertEqual(reasons.count, 3, "hidden files and dot-folders are not looked at")
        XCTAssertEqual(try library.list(.all, offset: 0, limit: 10).map(\.file).sorted(), ["a.txt", "deep/er/b.txt"])
    }

    func testResyncWithoutChangesReadsNothingAndSeesEditsAndRemovals() throws {
        let lib = try TestLibrary()
        try lib.write("a.txt", title: "Alpha")
        try lib.write("b.txt", title: "Beta")
        let (library, _) = try lib.openSynced()
        let quiet = try library.sync()
        XCTAssertEqual(quiet.added + quiet.updated + quiet.removed, 0)
        XCTAssertEqual(quiet.unchanged, 2)

        try lib.write("c.txt", title: "Gamma")
        try FileManager.default.removeItem(at: lib.root.appendingPathComponent("a.txt"))
        let changed = try library.sync()
        XCTAssertEqual(changed.added, 1)
        XCTAssertEqual(changed.removed, 1)
        XCTAssertEqual(Set(try library.titles("")), ["Beta", "Gamma"])
        XCTAssertEqual(try library.count(try Query.parse("alpha")), 0, "the removed article leaves the full-text index")
    }

    func testRenamingAFileKeepsItsReadAndStarredState() throws {
        let lib = try TestLibrary()
        try lib.write("old-name.txt", title: "Renamed Story")
        let (library, _) = try lib.openSynced()
        let id = try library.id(ofTitle: "Renamed Story")
        try library.setRead([id], true)
        try library.setStarred([id], true)
        try library.changeUserTags([id], adding: ["keep"], removing: [])

        try FileManager.default.createDirectory(at: lib.root.appendingPathComponent("moved"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: lib.root.appendingPathComponent("old-name.txt"),
                                         to: lib.root.appendingPathComponent("moved/new-name.txt"))
        try library.sync()
        let rows = try library.list(.all, offset: 0, limit: 10)
        XCTAssertEqual(rows.map(\.file), ["moved/new-name.txt"])
        XCTAssertEqual(rows.first?.unread, false)
        XCTAssertEqual(rows.first?.starred, true)
        XCTAssertEqual(rows.first?.userTags, ["keep"])
    }

    func testEditingAFileCarriesItsStateToTheNewContent() throws {
        let lib = try TestLibrary()
        try lib.write("story.txt", title: "Draft Title")
        let (library, _) = try lib.openSynced()
        let old = try library.id(ofTitle: "Draft Title")
        try library.setStarred([old], true)
        try lib.write("story.txt", title: "Corrected Title", body: ["An edited body."])
        let report = try library.sync()
        XCTAssertEqual(report.updated, 1)
        let new = try library.id(ofTitle: "Corrected Title")
        XCTAssertNotEqual(old, new)
        XCTAssertTrue(try library.marks(new).starred)
        XCTAssertEqual(try library.count(.all), 1)
    }

    func testANewStorySavedUnderAReusedNameStartsUnmarked() throws {
        let lib = try TestLibrary()
        try lib.write("clip.txt", title: "First Story")
        let (library, _) = try lib.openSynced()
        let first = try library.id(ofTitle: "First Story")
        try library.setRead([first], true)
        try library.setStarred([first], true)
        try library.changeUserTags([first], adding: ["mine"], removing: [])

        try FileManager.default.moveItem(at: lib.root.appendingPathComponent("clip.txt"),
                                         to: lib.root.appendingPathComponent("story1.txt"))
        try lib.write("clip.txt", title: "Second Story", body: ["A different story altogether."])
        let report = try library.sync()
        XCTAssertEqual(report.updated, 0, "nothing was edited")
        let second = try library.id(ofTitle: "Second Story")
        XCTAssertEqual(try library.marks(second).read, false)
        XCTAssertEqual(try library.marks(second).starred, false)
        XCTAssertEqual(try library.list(try Query.parse("tag:mine"), offset: 0, limit: 5).map(\.title), ["First Story"])
        XCTAssertTrue(try library.marks(first).starred, "the moved story keeps its marks")
    }

    func testSwappingTwoFilesContentsKeepsEachArticlesOwnMarks() throws {
        let lib = try TestLibrary()
        try lib.write("a.txt", title: "Story A", body: ["Body of A."])
        try lib.write("b.txt", title: "Story B", body: ["Body of B."])
        let (library, _) = try lib.openSynced()
        let a = try library.id(ofTitle: "Story A")
        let b = try library.id(ofTitle: "Story B")
        try library.setStarred([a], true)
        try library.setRead([b], true)

        let aData = try Data(contentsOf: lib.root.appendingPathComponent("a.txt"))
        let bData = try Data(contentsOf: lib.root.appendingPathComponent("b.txt"))
        try lib.writeRaw("a.txt", bData)
        try lib.writeRaw("b.txt", aData)
        let report = try library.sync()
        XCTAssertEqual(report.updated, 0, "a swap is no edit")
        XCTAssertEqual(try library.marks(a).starred, true)
        XCTAssertEqual(try library.marks(a).read, false, "B's read mark did not merge into A")
        XCTAssertEqual(try library.marks(b).read, true)
        XCTAssertEqual(try library.marks(b).starred, false, "A's star did not merge into B")
    }

    func testANewParserVersionReReadsUnchangedFilesAndKeepsState() throws {
        let lib = try TestLibrary()
        try lib.write("a.txt", title: "Old Parse")
        let id: ArticleID
        do {
            let (library, _) = try lib.openSynced()
            id = try library.id(ofTitle: "Old Parse")
            try library.setRead([id], true)
            try library.close()
        }
        // A "better parser": same files, different output.
        let better: ArticleParse = { data, file in
            var article = TestLibrary.fixtureParse(data, file)
            article.title = article.title.uppercased()
            return article
        }
        let library = try Library.open(lib.locations, parse: better, parserVersion: ArticleParser.version + 1)
        XCTAssertEqual(library.notices.count, 1)
        XCTAssertTrue(library.notices.first?.contains("parser changed") ?? false)
        let report = try library.sync()
        XCTAssertEqual(report.added, 1)
        XCTAssertEqual(try library.titles(""), ["OLD PARSE"], "the unchanged file was parsed again")
        XCTAssertEqual(try library.titles("is:read"), ["OLD PARSE"], "the read mark survives")
        try library.close()

        let again = try Library.open(lib.locations, parse: better, parserVersion: ArticleParser.version + 1)
        XCTAssertEqual(again.notices, [])
        XCTAssertEqual(try again.sync().added, 0, "the same version reads nothing again")
    }

    func testSyncCountsSkippedAndTouchedFilesHonestly() throws {
        let lib = try TestLibrary()
        try lib.write("a.txt", title: "Alpha")
        try lib.write("b.txt", title: "Beta")
        try lib.writeRaw("empty.txt", Data())
        let (library, first) = try lib.openSynced()
        XCTAssertEqual(first.skipped.count, 1)
        let quiet = try library.sync()
        XCTAssertEqual(quiet.unchanged, 2, "a skipped file is not counted unchanged")
        XCTAssertEqual(quiet.skipped.count, 1)

        let alpha = try library.id(ofTitle: "Alpha")
        try library.setStarred([alpha], true)
        // Same text written again: a new modification time only.
        let url = lib.root.appendingPathComponent("a.txt")
        let text = try Data(contentsOf: url)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: url.path)
        XCTAssertEqual(try Data(contentsOf: url), text)
        let touched = try library.sync()
        XCTAssertEqual(touched.added, 0, "a touched file is not re-added")
        XCTAssertEqual(touched.removed, 0)
        XCTAssertEqual(touched.unchanged, 2)
        XCTAssertTrue(try library.marks(alpha).starred)
        XCTAssertEqual(try library.sync().unchanged, 2, "the new fingerprint was kept")

        try FileManager.default.moveItem(at: url, to: lib.root.appendingPathComponent("renamed.txt"))
        let renamed = try library.sync()
        XCTAssertEqual([renamed.added, renamed.removed, renamed.unchanged], [1, 1, 1])
    }

    func testAFileThatBecomesUnreadableDropsItsArticle() throws {
        let lib = try TestLibrary()
        try lib.write("a.txt", title: "Alpha")
        let (library, _) = try lib.openSynced()
        try lib.writeRaw("a.txt", Data())
        let report = try library.sync()
        XCTAssertEqual(report.articles, 0)
        XCTAssertEqual(try library.count(.all), 0)
        XCTAssertEqual(report.skipped.map(\.file), ["a.txt"])
    }

    func testAFileWhoseNameIsNotUTF8IsReportedAsSkipped() throws {
        let lib = try TestLibrary()
        try lib.write("good.txt", title: "Good Name")
        var path = Array((lib.root.path + "/bad-").utf8CString.dropLast())
        path += [CChar(bitPattern: 0xFF), CChar(bitPattern: 0xFE)] + Array(".txt".utf8CString)
        let fd = open(path, O_CREAT | O_WRONLY, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        _ = "title: Bad Name\nbody".withCString { write(fd, $0, 19) }
        close(fd)
        let (library, report) = try lib.openSynced()
        XCTAssertEqual(try library.titles(""), ["Good Name"])
        let skipped = report.skipped.filter { $0.reason == "file name is not valid UTF-8" }
        XCTAssertEqual(skipped.count, 1, "\(report.skipped)")
        XCTAssertTrue(skipped.first?.file.hasPrefix("bad-") ?? false)
        XCTAssertEqual(report.unchanged + report.added, 1)
    }

    func testDeletingTheIndexKeepsReadState() throws {
        let lib = try TestLibrary()
        try lib.write("a.txt", title: "Kept Read")
        try lib.write("b.txt", title: "Still Unread")
        do {
            let (library, _) = try lib.openSynced()
            try library.setRead([try library.id(ofTitle: "Kept Read")], true)
            try library.close()
        }
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: lib.locations.index.path + suffix)
        }
        let (library, report) = try lib.openSynced()
        XCTAssertEqual(report.added, 2, "the index is rebuilt from the files")
        XCTAssertEqual(try library.titles("is:read"), ["Kept Read"])
        XCTAssertEqual(try library.titles("is:unread"), ["Still Unread"])
    }

    func testAnIndexMadeByAnOlderCableIsRebuiltWithANotice() throws {
        let lib = try TestLibrary()
        try lib.write("a.txt", title: "Kept Across Versions", tags: ["x"])
        // The schema of the index before this one (index-1, -2 and -3-source applied), with an
        // article in it, as an older Cable left it.
        try FileManager.default.createDirectory(at: lib.locations.index.deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: lib.locations.index.path)
        try old.write { db in
            try db.execute(sql: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('index-1'), ('index-2'), ('index-3-source');
                CREATE TABLE article(rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
                    titleKey TEXT NOT NULL, published REAL, file TEXT NOT NULL, tags TEXT NOT NULL, source TEXT);
                CREATE TABLE articleJSON(rid INTEGER PRIMARY KEY REFERENCES article(rid) ON DELETE CASCADE, json BLOB NOT NULL);
                CREATE TABLE file(path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL, articleId TEXT, skip TEXT) WITHOUT ROWID;
                CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
                INSERT INTO meta VALUES ('parserVersion', \(ArticleParser.version)), ('articles', 1);
                INSERT INTO article VALUES (1, 'ffff000011112222', 'A Stale Title', 'a stale title', NULL, 'a.txt', '[]', NULL);
                INSERT INTO articleJSON VALUES (1, '{}');
                INSERT INTO file VALUES ('a.txt', 1, 1, 'ffff000011112222', NULL);
                """)
        }
        try old.close()
        let (library, report) = try lib.openSynced()
        XCTAssertTrue(library.notices.contains { $0.contains("older version") }, "\(library.notices)")
        XCTAssertEqual(report.added, 1)
        XCTAssertEqual(try library.titles(""), ["Kept Across Versions"])
        XCTAssertEqual(try library.count(try Query.parse("tag:x")), 1)
    }

    func testAnIndexThatIsNotADatabaseIsSetAsideAndRebuilt() throws {
        let lib = try TestLibrary()
        try lib.write("a.txt", title: "Survivor")
        do {
            let (library, _) = try lib.openSynced()
            try library.setStarred([try library.id(ofTitle: "Survivor")], true)
            try library.close()
        }
        try? FileManager.default.removeItem(atPath: lib.locations.index.path + "-wal")
        try? FileManager.default.removeItem(atPath: lib.locations.index.path + "-shm")
        try Data(repeating: 0x5A, count: 10_000).write(to: lib.locations.index)

        let (library, report) = try lib.openSynced()
        XCTAssertEqual(report.articles, 1)
        XCTAssertTrue(library.notices.contains { $0.contains("rebuilt") }, "the user is told: \(library.notices)")
        XCTAssertEqual(try library.titles("is:starred"), ["Survivor"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: lib.locations.index.path + ".corrupt"))
    }

    func testATruncatedIndexIsRebuilt() throws {
        let lib = try TestLibrary()
        for n in 0..<300 {
            try lib.write("a\(n).txt", title: "Story Number \(n)", tags: ["tag\(n % 7)"],
                          body: [String(repeating: "Filler words for page \(n). ", count: 40)])
        }
        do {
            let (library, _) = try lib.openSynced()
            try library.setRead([try library.id(ofTitle: "Story Number 5")], true)
            try library.close()
        }
        try? FileManager.default.removeItem(atPath: lib.locations.index.path + "-wal")
        try? FileManager.default.removeItem(atPath: lib.locations.index.path + "-shm")
        let data = try Data(contentsOf: lib.locations.index)
        try data.prefix(data.count / 3).write(to: lib.locations.index)

        let (library, _) = try lib.openSynced()
        XCTAssertEqual(try library.count(.all), 300)
        XCTAssertEqual(try library.titles("is:read"), ["Story Number 5"])
    }

    func testAnUnreadableStateDatabaseIsRefusedAndLeftAlone() throws {
        let lib = try TestLibrary()
        try lib.write("a.txt", title: "Anything")
        try FileManager.default.createDirectory(at: lib.locations.state.deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        let garbage = Data(repeating: 0x42, count: 4096)
        try garbage.write(to: lib.locations.state)
        XCTAssertThrowsError(try lib.open()) { error in
            guard case LibraryError.stateDamaged = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("will not write to it"))
        }
        XCTAssertEqual(try Data(contentsOf: lib.locations.state), garbage)
    }

    func testSyncNeverModifiesTheArticleFiles() throws {
        let lib = try TestLibrary()
        try lib.write("a.txt", title: "Untouched", tags: ["x"])
        try lib.writeRaw("b.bin", Data([0, 1, 2]))
        func snapshot() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for name in try FileManager.default.subpathsOfDirectory(atPath: lib.root.path) {
                let url = lib.root.appendingPathComponent(name)
                if let data = try? Data(contentsOf: url) { files[name] = data }
            }
            return files
        }
        let before = try snapshot()
        let (library, _) = try lib.openSynced()
        try library.setRead([try library.id(ofTitle: "Untouched")], true)
        try library.sync()
        XCTAssertEqual(try snapshot(), before)
    }

    func testTwoWritersAtOnceBothSucceedAndLoseNothing() throws {
        let lib = try TestLibrary()
        for n in 0..<400 { try lib.write("f\(n).txt", title: "Concurrent \(n)", body: ["Body \(n) text."]) }
        let first = try lib.open()
        let second = try lib.open()
        let errors = Slots<String>(count: 2)
        let group = DispatchGroup()
        for (index, library) in [first, second].enumerated() {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    try library.sync()
                    let rows = try library.list(.all, offset: 0, limit: 1000)
                    // Each writer marks its own half while the other may still be syncing.
                    let mine = rows.filter { (Int($0.title.split(separator: " ").last ?? "") ?? 0) % 2 == index }
                    for row in mine { try library.setRead([row.id], true) }
                } catch {
                    errors.set(index, "\(error)")
                }
            }
        }
        XCTAssertEqual(group.wait(timeout: .now() + 120), .success)
        XCTAssertEqual(errors.values.compactMap { $0 }, [])
        XCTAssertEqual(try first.count(.all), 400)
        XCTAssertEqual(try second.count(try Query.parse("is:read")), 400)
    }
}

/// The folder check (`SyncCheck.folders`, what every command runs) lists only folders whose
/// time moved; the full check (`cable sync`) compares every file.
final class FolderCheckTests: XCTestCase {
    /// Folder times set a minute back, and recorded by a full sync: as on a library whose
    /// last change is older than the time a folder check trusts.
    func settle(_ lib: TestLibrary, _ library: Library, folders: [String]) throws {
        for folder in folders {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)],
                                                  ofItemAtPath: lib.root.appendingPathComponent(folder).path)
        }
        try library.sync()
    }

    func testOnlyFoldersWhoseTimeMovedAreListedAgain() throws {
        let lib = try TestLibrary()
        try lib.write("a/one.txt", title: "One", tags: ["x"])
        try lib.write("b/two.txt", title: "Two", tags: ["x"])
        let (library, _) = try lib.openSynced()
        try settle(lib, library, folders: ["", "a", "b"])

        // Rewritten in place, the folder's time put back: the folder check does not see it...
        let folderB = lib.root.appendingPathComponent("b").path
        let time = try FileManager.default.attributesOfItem(atPath: folderB)[.modificationDate]
        try lib.write("b/two.txt", title: "Two Rewritten", tags: ["y"])
        try FileManager.default.setAttributes([.modificationDate: try XCTUnwrap(time)], ofItemAtPath: folderB)
        let quick = try library.sync(.folders)
        XCTAssertEqual([quick.added, quick.removed, quick.unchanged], [0, 0, 0], "no folder was listed")
        XCTAssertEqual(try library.count(try Query.parse("tag:y")), 0)
        // ... the full check does.
        XCTAssertEqual(try library.sync().updated, 1)
        XCTAssertEqual(try library.count(try Query.parse("tag:y")), 1)

        // A file added to a folder moves its time: the next folder check lists that folder only.
        try settle(lib, library, folders: ["", "a", "b"])
        try lib.write("a/three.txt", title: "Three", tags: ["x"])
        let added = try library.sync(.folders)
        XCTAssertEqual([added.added, added.unchanged], [1, 1], "folder a listed again, folder b not")
        // Removed, and a new folder with a folder in it.
        try FileManager.default.removeItem(at: lib.root.appendingPathComponent("a/one.txt"))
        try lib.write("c/d/four.txt", title: "Four", tags: ["x"])
        let changed = try library.sync(.folders)
        XCTAssertEqual([changed.added, changed.removed], [1, 1])
        XCTAssertEqual(Set(try library.titles("tag:x")), ["Three", "Four"])
        // A folder removed with what is in it.
        try FileManager.default.removeItem(at: lib.root.appendingPathComponent("c"))
        XCTAssertEqual(try library.sync(.folders).removed, 1)
        XCTAssertEqual(try library.titles("tag:x"), ["Three"])
    }

    func testAFolderChangedJustNowIsListedAgainAtTheNextCheck() throws {
        let lib = try TestLibrary()
        try lib.write("a/one.txt", title: "One")
        let (library, _) = try lib.openSynced()
        // Its time is too recent to trust (a change in the same tick would not move it).
        XCTAssertEqual(try library.sync(.folders).unchanged, 1, "listed again")
        try settle(lib, library, folders: ["", "a"])
        XCTAssertEqual(try library.sync(.folders).unchanged, 0, "passed over")
    }

    /// A folder's listing and its files in the index are merged in one order: by UTF-8 bytes.
    func testNamesAreOrderedByTheirBytesAsTheIndexOrdersThem() throws {
        let names = ["", "a", "b", "A", "ab", "a b", "é", "e\u{301}", "z", "Z9", "中文", "🛰️", "article000010.txt",
                     "article00001.txt"]  // (a file name cannot hold NUL)
        for first in names {
            for second in names {
                XCTAssertEqual(FolderListing.precedes(first, second),
                               first.utf8.lexicographicallyPrecedes(second.utf8), "\(first) \(second)")
                XCTAssertEqual(FolderListing.compare(first, second) == 0, first.utf8.elementsEqual(second.utf8))
            }
        }
        let sorted = try DatabaseQueue().read { db in
            try String.fetchAll(db, sql: "SELECT column1 FROM (VALUES \(names.map { _ in "(?)" }.joined(separator: ","))) ORDER BY 1",
                                arguments: StatementArguments(names))
        }
        XCTAssertEqual(sorted, names.sorted(by: FolderListing.precedes))
    }

    func testSomeFilesCanBeSyncedAloneWhateverTheirFoldersSay() throws {
        let lib = try TestLibrary()
        try lib.write("a/one.txt", title: "One")
        try lib.write("b/two.txt", title: "Two")
        let (library, _) = try lib.openSynced()
        try lib.write("a/one.txt", title: "One Rewritten")
        try lib.write("a/new.txt", title: "New")
        try FileManager.default.removeItem(at: lib.root.appendingPathComponent("b"))
        let report = try library.sync(files: ["a/one.txt", "b/two.txt"])
        XCTAssertEqual([report.updated, report.removed], [1, 1])
        XCTAssertEqual(Set(try library.titles("")), ["One Rewritten"], "a/new.txt was not asked for")
        XCTAssertEqual(Set(try library.titles("")).count, try library.count(.all))
        try library.sync(.folders)
        XCTAssertEqual(Set(try library.titles("")), ["One Rewritten", "New"])
    }

    func testTheArticleViewSeesAFileRewrittenInPlace() throws {
        let lib = try TestLibrary()
        try lib.write("story.txt", title: "First Version", body: ["First body."])
        let (library, _) = try lib.openSynced()
        let first = try library.id(ofTitle: "First Version")
        try library.setStarred([first], true)
        XCTAssertEqual(try library.article(first)?.paragraphs, ["First body."])
        try lib.write("story.txt", title: "Second Version", body: ["Second body."])
        XCTAssertNil(try library.article(first), "the file holds another article now")
        let second = try library.id(ofTitle: "Second Version")
        XCTAssertEqual(try library.article(second)?.paragraphs, ["Second body."])
        XCTAssertTrue(try library.marks(second).starred, "an edit: the marks followed")
    }
}

/// A sync of many files is a bulk load: FTS5's incremental merges are off while it runs and
/// the index is merged once at the end; full text must answer exactly as after a small sync,
/// and later small syncs must index as usual.
final class LibraryBulkSyncTests: XCTestCase {
    func testABulkLoadIndexesEveryWordAndLaterSyncsStillIndex() throws {
        let lib = try TestLibrary()
        let count = Library.bulkLoadThreshold + 50
        for n in 0..<count {
            let word = n % 3 == 0 ? "pipeline" : "corridor"
            try lib.write("bulk/f\(n).txt", title: "Bulk \(n)", body: ["Story \(n) about the \(word)."])
        }
        let library = try lib.open()
        let report = try library.sync()
        XCTAssertEqual(report.added, count)
        XCTAssertEqual(try library.count(Query.parse("pipeline")), (count + 2) / 3)
        XCTAssertEqual(try library.count(Query.parse("corridor")), count - (count + 2) / 3)
        try lib.write("late.txt", title: "Late", body: ["A late pipeline story."])
        try library.sync()
        XCTAssertEqual(try library.count(Query.parse("pipeline")), (count + 2) / 3 + 1)
    }
}

/// A load of most of the library resolves every link group and writes the resolutions in
/// link order at its end; a later small sync resolves only the groups whose titles changed.
/// Both must find what the other finds.
final class LinkResolutionPathTests: XCTestCase {
    func testABulkLoadResolvesWhatPendingGroupsResolve() throws {
        let lib = try TestLibrary()
        let generator = SyntheticLibrary(count: Library.bulkLoadThreshold + 100, seed: 4)
        try generator.write(into: lib.root)
        let library = try Library.open(lib.locations)
        XCTAssertGreaterThanOrEqual(try library.sync().added, Library.bulkLoadThreshold)
        func targets() throws -> [Row] {
            try library.pool.read { db in try Row.fetchAll(db, sql: "SELECT article, ord, target FROM link ORDER BY article, ord") }
        }
        let bulk = try targets()
        XCTAssertGreaterThan(bulk.filter { $0["target"] != nil }.count, 1000)
        try library.write { db in
            try db.execute(sql: """
                UPDATE link SET target = NULL;
                INSERT OR IGNORE INTO pendingGroup SELECT 0, matchGroup FROM article;
                INSERT OR IGNORE INTO pendingGroup SELECT 1, prefixGroup FROM article WHERE prefixGroup IS NOT NULL;
                """)
        }
        try library.resolveLinks(all: false, chunkSize: 333)
        XCTAssertEqual(try targets(), bulk)
    }
}

/// Sync keys plain-ASCII tags on a byte path; it must agree with the general one.
final class TagKeyTests: XCTestCase {
    func testTheBytePathKeysTagsLikeTheGeneralOne() {
        for tag in ["Huawei", "  UK\t", "Five Eyes ", "\t", "", "US-China", "\nNATO\n", "Caf\u{E9}", "\u{00A0}EU\u{00A0}", "a\u{00A0}b"] {
            XCTAssertEqual(Library.tagKey(tag), Library.tagKeyGeneral(tag), "'\(tag)'")
        }
        XCTAssertEqual(Library.tagKey("  Five EYES\t"), "five eyes")
    }
}
