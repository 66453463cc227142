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
        XCTAssertTrue(before.stdout.hasPrefix("# cable state export, format 2:"), before.stdout)

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
        let sqlite = try cli.runTool("/usr/bin/sqlite3", [state.path,
            "INSERT INTO userTag(id, tagKey, tag) VALUES ('\(id)', 'old', 'old\u{1B}[5m\u{7}')"])
        XCTAssertEqual(sqlite.status, 0, sqlite.stderr)
        let incoming = cli.base.appendingPathComponent("in\(hostile)")
        try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
        try Data("Not much\(hostile)\n".utf8).write(to: incoming.appendingPathComponent("x\(hostile).txt"))

        let commands: [[String]] = [
            ["list"], ["list", "tag:Tag\(hostile)"], ["show", id], ["tags"], ["quotes"], ["related", id], ["sync"],
            ["state", "export"], ["tag", id, "+bad\u{1B}[2Jtag"], ["tag", id, "-" + hostile], ["mark", "read", hostile],
            ["list", "is:\(hostile)"], ["list", "\"\(hostile)"], ["import", incoming.path],
            ["parse", cli.library.appendingPathComponent("page\(hostile).txt").path],
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
            for command in [["list"], ["list", "--count"], ["tags"], ["quotes"]] {
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
        XCTAssertEqual(names, ["cables", "mine.txt", "nato.txt"])
        let attributes = try FileManager.default.attributesOfItem(atPath: cli.library.appendingPathComponent("mine.txt").path)
        XCTAssertEqual(attributes[.posixPermissions] as? Int, 0o600)
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

    /// Another program (sqlite3, say), with the harness's environment.
    func runTool(_ path: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return Result(status: process.terminationStatus, stdout: "", stderr: stderr)
    }
}
