import Foundation
import XCTest

/// Issue 16 through the real binary: backups that restore exactly, an import that is all or
/// nothing even when killed, no raw control character in what people read, and no query text
/// that reaches SQLite as syntax or shows SQLite's own error.
final class CLIStateAndQueryRobustnessTests: XCTestCase {
    /// Tags the issue found lost or changed by a round trip, and more of their kind.
    static let awkwardTags = [
        "line\u{2028}separator", "para\u{2029}graph", "q\"\u{301}x", "\u{301}mark first", "back\\slash",
        "hash # inside", "zero\u{200B}width", "bidi\u{202E}override", "nbsp\u{A0}inside", "bom\u{FEFF}inside",
        "private\u{E000}use", "e\u{301}\u{302}", "👩\u{200D}💻", "Five Eyes", "C:\\new", "say \"no\"",
    ]

    func testExportWipeReplaceExportIsByteIdentical() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let rows = try XCTUnwrap(try cli.json(["list"]) as? [[String: Any]])
        let ids = rows.compactMap { $0["id"] as? String }
        for (n, tag) in Self.awkwardTags.enumerated() {
            let result = try cli.run(["tag", ids[n % ids.count], "+" + tag.replacingOccurrences(of: ",", with: "")])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        XCTAssertEqual(try cli.run(["mark", "star", ids[0]]).status, 0)
        let before = try cli.run(["state", "export"])
        XCTAssertEqual(before.status, 0, before.stderr)
        XCTAssertTrue(before.stdout.hasPrefix("# cable state export, format 3:"), before.stdout)

        try FileManager.default.removeItem(at: cli.base.appendingPathComponent("data"))
        let file = cli.base.appendingPathComponent("backup.txt")
        try Data(before.stdout.utf8).write(to: file)
        let restored = try cli.run(["state", "import", "--replace", file.path])
        XCTAssertEqual(restored.status, 0, restored.stderr)
        let after = try cli.run(["state", "export"])
        XCTAssertEqual(Data(after.stdout.utf8), Data(before.stdout.utf8))
        let tagged = try XCTUnwrap(try cli.json(["list", "tag:\"line\u{2028}separator\""]) as? [[String: Any]])
        XCTAssertEqual(tagged.count, 1, "the tag is whole, and still finds its article")
    }

    /// A kill at any moment of `state import` leaves none of it or all of it applied.
    func testAKilledStateImportAppliesAllOrNothing() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        XCTAssertEqual(try cli.run(["sync"]).status, 0)
        // Marks for 5,000 articles (of other libraries: kept as given).
        let lines = (0..<5_000).map { String(format: "%016x read starred tag:restored", $0 &* 0x9E37_79B9) }
        let file = cli.base.appendingPathComponent("marks.txt")
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        let data = cli.base.appendingPathComponent("data")
        let started = Date()
        XCTAssertEqual(try cli.run(["state", "import", file.path]).status, 0)
        let full = Date().timeIntervalSince(started)
        let complete = try cli.run(["state", "export"]).stdout
        XCTAssertEqual(complete.split(separator: "\n").count, 5_001)

        var outcomes: [String: Int] = [:]
        for round in 0..<50 {
            try FileManager.default.removeItem(at: data)
            let process = try cli.start(["state", "import", file.path])
            Thread.sleep(forTimeInterval: full * Double(round) / 50)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let export = try cli.run(["state", "export"])
            XCTAssertEqual(export.status, 0, export.stderr)
            let count = export.stdout.split(separator: "\n").count - 1
            XCTAssertTrue(count == 0 || export.stdout == complete, "round \(round): \(count) lines applied")
            outcomes[count == 0 ? "nothing" : "all", default: 0] += 1
        }
        XCTAssertEqual(outcomes.values.reduce(0, +), 50, "\(outcomes)")
    }

    /// Page text, file names and the user's tags can carry escape sequences, bells, C1
    /// controls, line separators and bidi overrides; what people read shows none of them.
    func testNoRawControlCharacterInAnyHumanReadableOutput() throws {
        let cli = try CLIHarness()
        let hostile = "\u{1B}]0;PWNED\u{7}\u{1B}[2J\u{9B}31m\u{2028}\u{202E}\u{85}"
        try cli.writeArticle("page\(hostile).txt", headline: "Headline \(hostile) Baltic", dateline: "09:41 GMT07 Mar 2024",
                             body: ["Body \(hostile) text about undersea cables and the Baltic.",
                                    "\"We are treating this \(hostile) as deliberate,\" Minister Aino\(hostile) Laakso told reporters."],
                             related: ["Related \(hostile) Headline"], tags: ["Tag\(hostile)", "NATO"])
        let id = try XCTUnwrap((try cli.json(["list"]) as? [[String: Any]])?.first?["id"] as? String)
        // A tag that reached the state before tags were checked (through an old import).
        let state = cli.base.appendingPathComponent("data/cable/state.sqlite")
        let sqlite = try cli.launch(URL(fileURLWithPath: "/usr/bin/sqlite3"), [state.path,
            "INSERT INTO userTag(id, tagKey, tag) VALUES ('\(id)', 'old', 'old\u{1B}[5m\u{7}')"])
        XCTAssertEqual(sqlite.status, 0, sqlite.stderr)
        let incoming = cli.base.appendingPathComponent("in\(hostile)")
        try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
        try Data("Not much\(hostile)\n".utf8).write(to: incoming.appendingPathComponent("x\(hostile).txt"))

        let commands: [[String]] = [
            ["list"], ["list", "tag:Tag\(hostile)"], ["show", id], ["tags"], ["quotes"], ["related", id], ["story", id], ["sync"],
            ["state", "export"], ["tag", id, "+bad\u{1B}[2Jtag"], ["tag", id, "-" + hostile], ["mark", "read", hostile],
            ["list", "is:\(hostile)"], ["list", "\"\(hostile)"], ["import", incoming.path],
            ["parse", cli.library.appendingPathComponent("page\(hostile).txt").path],
            // JSON escapes what a terminal could act on too, in case it is read on one.
            ["list", "--json"], ["show", id, "--json"], ["tags", "--json"], ["quotes", "--json"],
            ["related", id, "--json"], ["story", id, "--json"], ["parse", "--json", cli.library.appendingPathComponent("page\(hostile).txt").path],
        ]
        for command in commands {
            let result = try cli.run(command)
            for (name, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
                let raw = text.unicodeScalars.filter(Self.isUnprintable)
                XCTAssertTrue(raw.isEmpty, "\(command.first ?? ""): \(name) has \(raw.map { String($0.value, radix: 16) })")
            }
        }
        // With the state import, the file's own text comes back in its messages.
        let file = cli.base.appendingPathComponent("marks.txt")
        try Data("\(id) tag:\"\\u{1B}[2J\" \(hostile)\n".utf8).write(to: file)
        let imported = try cli.run(["state", "import", file.path])
        XCTAssertNotEqual(imported.status, 0)
        XCTAssertTrue(imported.stderr.unicodeScalars.filter(Self.isUnprintable).isEmpty, imported.stderr)
    }

    /// What a terminal could act on: C0 (but the line feed) and C1 controls, DEL, line and
    /// paragraph separators, bidi overrides.
    static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Query text of any kind gives results (0) or a query error (2), never SQLite's text.
    func testNoQueryTextShowsSQLiteOrExitsOtherThanZeroOrTwo() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let texts = [
            "\"\u{301}five", "five\"\u{301} eyes", "a\"\u{301} OR b", "x\"\u{301}*", "\"\u{301}NEAR(a b)\"\u{301}",
            "tag:\"\u{301}x", "col:x", "\"", "a\"b", "'; DROP TABLE article; --", "-", "OR", "a OR", "is:bogus",
            (0..<1_200).map { "tag:t\($0)" }.joined(separator: " "),
            (0..<1_000).map { "w\($0)" }.joined(separator: " OR "),
            String(repeating: "is:unread ", count: 60),
            String(repeating: "x", count: 100_000),
        ]
        for text in texts {
            for command in [["list"], ["list", "--count"], ["tags"], ["quotes"], ["quotes", "--speaker"]] {
                let result = try cli.run(command + [text])
                XCTAssertTrue([0, 2].contains(result.status), "\(command) \(text.prefix(30)): \(result.status) \(result.stderr)")
                XCTAssertFalse(result.stderr.contains("SQLite"), result.stderr)
                XCTAssertFalse(result.stderr.contains("SELECT"), result.stderr)
            }
        }
        let tooMany = try cli.run(["list", (0..<1_200).map { "tag:t\($0)" }.joined(separator: " ")])
        XCTAssertEqual(tooMany.status, 2)
        XCTAssertTrue(tooMany.stderr.contains("more than 100 clauses"), tooMany.stderr)
    }
}

final class CLIImportSafetyTests: XCTestCase {
    /// An unpacked archive with links to a private key and the password file: neither is
    /// copied, both are listed with why, and a private file stays private.
    func testImportingAFolderWithLinksOutCopiesNoneAndWidensNothing() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let archive = cli.base.appendingPathComponent("unpacked")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        let key = cli.base.appendingPathComponent("id_ed25519")
        try Data("Private Key Headline\n12:00 GMT17 Jul 2023\n\n    secret material, said nobody.\n".utf8).write(to: key)
        chmod(key.path, 0o600)
        try FileManager.default.createSymbolicLink(atPath: archive.appendingPathComponent("key.txt").path, withDestinationPath: key.path)
        try FileManager.default.createSymbolicLink(atPath: archive.appendingPathComponent("passwd.txt").path, withDestinationPath: "/etc/passwd")
        let mine = archive.appendingPathComponent("mine.txt")
        try Data("Grain Deal Collapses\n12:00 GMT17 Jul 2023\n\n    Russia quit the grain deal on Monday, officials said.\n".utf8).write(to: mine)
        chmod(mine.path, 0o600)
        try Data("x".utf8).write(to: archive.appendingPathComponent(".DS_Store"))

        let result = try cli.run(["import", archive.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("key.txt: a symbolic link to \(key.path): links are not followed"), result.stderr)
        XCTAssertTrue(result.stderr.contains("passwd.txt: a symbolic link to /etc/passwd"), result.stderr)
        XCTAssertTrue(result.stderr.contains(".DS_Store: a hidden file"), result.stderr)
        XCTAssertTrue(result.stderr.contains("1 imported, 3 skipped"), result.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: cli.library.path).sorted()
        XCTAssertEqual(names, ["cables", "nato.txt", "unpacked"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cli.library.appendingPathComponent("unpacked").path),
                       ["mine.txt"])
        let attributes = try FileManager.default.attributesOfItem(atPath: cli.library.appendingPathComponent("unpacked/mine.txt").path)
        XCTAssertEqual(attributes[.posixPermissions] as? Int, 0o600)
    }
}

/// A damaged, read-only or full state (issue 16, items 4 and 6): reading goes on where it
/// can, writes are refused saying what is wrong and what to do, and a healthy file is never
/// called one to move away.
final class CLIStateStorageTests: XCTestCase {
    func markedLibrary() throws -> (CLIHarness, [String]) {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let ids = try XCTUnwrap(try cli.json(["list"]) as? [[String: Any]]).compactMap { $0["id"] as? String }
        XCTAssertEqual(try cli.run(["mark", "read", ids[0]]).status, 0)
        XCTAssertEqual(try cli.run(["tag", ids[1], "+kept"]).status, 0)
        return (cli, ids)
    }

    var stateFolder: (CLIHarness) -> URL { { $0.base.appendingPathComponent("data/cable") } }

    func testADamagedStateIsRefusedUntouchedAndRecovered() throws {
        let (cli, ids) = try markedLibrary()
        let state = stateFolder(cli).appendingPathComponent("state.sqlite")
        // The marks table's page (after the migrations table and its index) zeroed.
        var data = try Data(contentsOf: state)
        XCTAssertFalse(FileManager.default.fileExists(atPath: state.path + "-wal"))
        data.replaceSubrange(3 * 4096..<4 * 4096, with: Data(count: 4096))
        try data.write(to: state)

        for command in [["list"], ["mark", "star", ids[1]], ["tag", ids[0], "+more"], ["state", "import", "-"]] {
            let result = try cli.run(command, stdin: "")
            XCTAssertEqual(result.status, 1, "\(command)")
            XCTAssertTrue(result.stderr.contains("is damaged"), result.stderr)
            XCTAssertTrue(result.stderr.contains("cable state recover"), result.stderr)
            XCTAssertEqual(try Data(contentsOf: state), data, "\(command): never written while damaged")
        }
        let export = try cli.run(["state", "export"])
        XCTAssertEqual(export.status, 1, "a partial backup says so")
        XCTAssertTrue(export.stdout.contains("\(ids[1]) tag:kept"), "the tags table is intact: \(export.stdout)")
        XCTAssertTrue(export.stderr.contains("could not read mark"), export.stderr)

        let recovered = try cli.run(["state", "recover"])
        XCTAssertEqual(recovered.status, 0, recovered.stderr)
        XCTAssertTrue(recovered.stderr.contains("the damaged file is now"), recovered.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: stateFolder(cli).path)
        XCTAssertTrue(names.contains { $0.hasPrefix("state.sqlite.damaged-") }, "\(names)")
        XCTAssertTrue(names.contains { $0.hasPrefix("state.sqlite.recovered-") && $0.hasSuffix(".txt") }, "\(names)")
        XCTAssertEqual(try cli.run(["mark", "star", ids[1]]).status, 0)
        let tagged = try XCTUnwrap(try cli.json(["list", "tag:kept", "is:starred"]) as? [[String: Any]])
        XCTAssertEqual(tagged.count, 1)
        XCTAssertTrue(try cli.run(["state", "recover"]).stderr.contains("not damaged"))
    }

    /// Runs `cable` with the state folder (or the data or cache folder) on a read-only or
    /// full file system: a private mount seen only by that process. Needs root and `unshare`
    /// allowed to mount (not so in every container); skipped otherwise.
    func runWithMount(_ cli: CLIHarness, _ mount: String, _ arguments: [String]) throws -> CLIHarness.Result {
        let unshare = URL(fileURLWithPath: "/usr/bin/unshare")
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: unshare.path),
              try cli.launch(unshare, ["-m", "sh", "-c", "mount -t tmpfs tmpfs /mnt"]).status == 0 else {
            throw XCTSkip("needs root and unshare allowed to mount, for a private read-only or full mount")
        }
        return try cli.launch(URL(fileURLWithPath: "/usr/bin/unshare"), ["-m", "sh", "-c", mount + " && exec \"$@\"", "sh",
                                                     CLIHarness.binary.path] + arguments + ["--library", cli.library.path],
                               environment: cli.environment)
    }

    func readOnlyMount(_ folder: URL) -> String {
        "mount --bind '\(folder.path)' '\(folder.path)' && mount -o remount,bind,ro '\(folder.path)'"
    }

    func testReadingWorksOnAReadOnlyStateAndWritesSaySo() throws {
        let (cli, ids) = try markedLibrary()
        let folder = stateFolder(cli)
        let before = try cli.run(["state", "export"]).stdout
        let listed = try runWithMount(cli, readOnlyMount(folder), ["list", "--json", "is:read"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.contains(ids[0]), listed.stdout)
        XCTAssertTrue(listed.stderr.contains("can be read but not saved: it is on a read-only file system"), listed.stderr)
        let export = try runWithMount(cli, readOnlyMount(folder), ["state", "export"])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertEqual(export.stdout, before)
        let shown = try runWithMount(cli, readOnlyMount(folder), ["show", ids[1]])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        let tags = try runWithMount(cli, readOnlyMount(folder), ["tags"])
        XCTAssertEqual(tags.status, 0, tags.stderr)
        XCTAssertTrue(tags.stdout.contains("NATO"), tags.stdout)
        let marked = try runWithMount(cli, readOnlyMount(folder), ["mark", "star", ids[1]])
        XCTAssertEqual(marked.status, 1)
        XCTAssertTrue(marked.stderr.contains("cannot save to the state database"), marked.stderr)
        XCTAssertTrue(marked.stderr.contains("read-only file system; mount it read-write"), marked.stderr)
        for result in [listed, export, shown, tags, marked] {
            XCTAssertFalse(result.stderr.contains("move it away"), result.stderr)
        }
    }

    func testANewStateOnAReadOnlyDataFolderReadsAsUnread() throws {
        let cli = try CLIHarness()
        try cli.writeTwoArticles()
        let data = cli.base.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let listed = try runWithMount(cli, readOnlyMount(data), ["list", "--count", "is:unread"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertEqual(listed.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "2")
        XCTAssertTrue(listed.stderr.contains("no state database"), listed.stderr)
        let id = try XCTUnwrap(try cli.json(["list"]) as? [[String: Any]]).first?["id"] as? String ?? ""
        try FileManager.default.removeItem(at: data)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let tagged = try runWithMount(cli, readOnlyMount(data), ["tag", id, "+x"])
        XCTAssertEqual(tagged.status, 1)
        XCTAssertTrue(tagged.stderr.contains("cannot save to the state database"), tagged.stderr)
    }

    func testAFullDiskIsNamedAndReadingGoesOn() throws {
        let (cli, ids) = try markedLibrary()
        let folder = stateFolder(cli)
        let before = try cli.run(["state", "export"]).stdout
        let copy = cli.base.appendingPathComponent("copy")
        try FileManager.default.copyItem(at: folder, to: copy)
        // A small file system holding the state, filled to the last byte.
        let full = "mount -t tmpfs -o size=1m tmpfs '\(folder.path)' && cp -a '\(copy.path)/.' '\(folder.path)/' "
            + "&& (dd if=/dev/zero of='\(folder.path)/fill' bs=4k 2>/dev/null; true)"
        let export = try runWithMount(cli, full, ["state", "export"])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertEqual(export.stdout, before)
        XCTAssertTrue(export.stderr.contains("the disk is full"), export.stderr)
        let marked = try runWithMount(cli, full, ["mark", "star", ids[1]])
        XCTAssertEqual(marked.status, 1)
        XCTAssertTrue(marked.stderr.contains("the disk is full; free some space"), marked.stderr)
        XCTAssertFalse(marked.stderr.contains("move it away"), marked.stderr)
    }

    /// A read-only cache (issue 16, item 6): the index is read as it was last brought up to
    /// date, with a note, and a sync says what is wrong; never SQLite's words, never advice to
    /// throw anything away.
    func testAReadOnlyCacheIsReadAsItIsAndASyncSaysWhy() throws {
        let (cli, ids) = try markedLibrary()
        let cache = cli.base.appendingPathComponent("cache")
        try cli.writeArticle("later.txt", headline: "Cable Repair Ship Arrives", dateline: "09:00 GMT09 Mar 2024",
                             body: ["A repair ship reached the damaged Baltic cable on Saturday, operators said."])
        let listed = try runWithMount(cli, readOnlyMount(cache), ["list", "--json"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(ids.allSatisfy(listed.stdout.contains), listed.stdout)
        XCTAssertTrue(listed.stderr.contains("cannot be written: it is on a read-only file system"), listed.stderr)
        XCTAssertTrue(listed.stderr.contains("files added or changed since are not seen"), listed.stderr)
        let synced = try runWithMount(cli, readOnlyMount(cache), ["sync"])
        XCTAssertEqual(synced.status, 1)
        XCTAssertTrue(synced.stderr.contains("cannot be brought up to date: it is on a read-only file system. "
            + "Nothing was lost"), synced.stderr)
        try FileManager.default.removeItem(at: cache)
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let fresh = try runWithMount(cli, readOnlyMount(cache), ["list"])
        XCTAssertEqual(fresh.status, 1)
        XCTAssertTrue(fresh.stderr.contains("none can be made: it is on a read-only file system"), fresh.stderr)
        XCTAssertTrue(fresh.stderr.contains("set XDG_CACHE_HOME to a writable folder"), fresh.stderr)
        for result in [listed, synced, fresh] {
            for words in ["SQLite", "ATTACH", "move it away", "cannot be rebuilt"] {
                XCTAssertFalse(result.stderr.contains(words), result.stderr)
            }
        }
    }

    /// A full cache: reading goes on from the index as it is, and a sync names the full disk,
    /// what was not done and that nothing was lost.
    func testAFullCacheIsNamedAndReadingGoesOn() throws {
        let (cli, ids) = try markedLibrary()
        let cache = cli.base.appendingPathComponent("cache")
        let copy = cli.base.appendingPathComponent("cache-copy")
        try FileManager.default.copyItem(at: cache, to: copy)
        for n in 0..<5 {
            try cli.writeArticle("later\(n).txt", headline: "Cable Repair Ship Arrives \(n)", dateline: "09:00 GMT09 Mar 2024",
                                 body: ["A repair ship reached the damaged Baltic cable on Saturday, operators said \(n)."])
        }
        let full = "mount -t tmpfs -o size=1m tmpfs '\(cache.path)' && cp -a '\(copy.path)/.' '\(cache.path)/' "
            + "&& (dd if=/dev/zero of='\(cache.path)/fill' bs=4k 2>/dev/null; true)"
        let listed = try runWithMount(cli, full, ["list", "--json"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(ids.allSatisfy(listed.stdout.contains), listed.stdout)
        XCTAssertTrue(listed.stderr.contains("cannot be written: the disk is full"), listed.stderr)
        let synced = try runWithMount(cli, full, ["sync"])
        XCTAssertEqual(synced.status, 1)
        XCTAssertTrue(synced.stderr.contains("cannot be brought up to date: the disk is full. Nothing was lost"), synced.stderr)
        XCTAssertTrue(synced.stderr.contains("free some space on that disk"), synced.stderr)
        for result in [listed, synced] {
            XCTAssertFalse(result.stderr.contains("SQLite"), result.stderr)
            XCTAssertFalse(result.stderr.contains("cannot be rebuilt"), result.stderr)
        }
    }

    /// The first command after an upgrade cannot carry marks from old ids to new ones while the
    /// state is read-only; the first that can write it does (issue 16, item 8).
    func testAnUpgradeOnAReadOnlyStateCarriesTheMarksWhenItCanWrite() throws {
        let cli = try CLIHarness()
        _ = try cli.writeLoanPages()
        try cli.writeTwoArticles()
        let ids = try cli.rowsByFile().mapValues { $0["id"] as? String ?? "" }
        let loan = try XCTUnwrap(ids["loan-a.txt"])
        for arguments in [["mark", "read", loan], ["mark", "star", loan], ["tag", loan, "+loan"],
                          ["tag", try XCTUnwrap(ids["nato.txt"]), "+kept"]] {
            XCTAssertEqual(try cli.run(arguments).status, 0)
        }
        try cli.makeOld()
        let readOnly = try runWithMount(cli, readOnlyMount(stateFolder(cli)), ["list", "--json", "is:read"])
        XCTAssertEqual(readOnly.status, 0, readOnly.stderr)
        XCTAssertTrue(readOnly.stderr.contains("older version"), readOnly.stderr)
        XCTAssertEqual(readOnly.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "[\n\n]")
        let rows = try cli.rowsByFile()
        for file in ["loan-a.txt", "loan-b.txt"] {
            XCTAssertEqual(rows[file]?["unread"] as? Bool, false, file)
            XCTAssertEqual(rows[file]?["starred"] as? Bool, true, file)
            XCTAssertEqual(rows[file]?["userTags"] as? [String], ["loan"], file)
        }
        XCTAssertEqual(rows["nato.txt"]?["userTags"] as? [String], ["kept"])
        XCTAssertEqual(rows["cables/baltic.txt"]?["userTags"] as? [String], [])
    }
}

extension CLIHarness {
    /// `cable ARGS... --library <temp library>`, started and not waited for.
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CLIHarness.binary
        process.arguments = arguments + ["--library", library.path]
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

}
