import Foundation
import XCTest

/// Runs the built `cable` binary (next to the test bundle in the build products folder) with
/// its own XDG folders, so tests never touch the user's library, index or state.
final class CLIHarness: @unchecked Sendable {
    let base: URL
    let library: URL
    var environment: [String: String]
    /// Whether `base` is this harness's own, removed with it.
    private let ownsBase: Bool

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("cable-cli-\(UUID().uuidString)")
        library = base.appendingPathComponent("library")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = base.appendingPathComponent("data").path
        environment["XDG_CACHE_HOME"] = base.appendingPathComponent("cache").path
        environment["XDG_CONFIG_HOME"] = base.appendingPathComponent("config").path
        environment["XDG_STATE_HOME"] = base.appendingPathComponent("state").path
        environment["CABLE_LIBRARY"] = nil
        ownsBase = true
    }

    /// The command line on the library, index and state a full-screen test's reader uses.
    init(sharing tmux: TUITmux) {
        base = tmux.folder
        library = tmux.library
        environment = ProcessInfo.processInfo.environment
        for name in ["DATA", "CACHE", "CONFIG", "STATE"] {
            environment["XDG_\(name)_HOME"] = tmux.folder.appendingPathComponent(name.lowercased()).path
        }
        environment["CABLE_LIBRARY"] = nil
        ownsBase = false
    }

    deinit { if ownsBase { try? FileManager.default.removeItem(at: base) } }

    static var binary: URL {
        let candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0])]
            + Bundle.allBundles.map(\.bundleURL)
        for candidate in candidates {
            var folder = candidate
            for _ in 0..<3 {
                folder = folder.deletingLastPathComponent()
                let url = folder.appendingPathComponent("cable")
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return URL(fileURLWithPath: ".build/debug/cable")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `cable ARGS... --library <temp library>` unless `useLibraryOption` is false.
    func run(_ arguments: [String], stdin: String? = nil, useLibraryOption: Bool = true) throws -> Result {
        try launch(CLIHarness.binary, arguments + (useLibraryOption ? ["--library", library.path] : []),
                   environment: environment, stdin: stdin)
    }

    /// Any program (cable, sqlite3, unshare), its output in files (a pipe could fill up).
    func launch(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
                stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = base.appendingPathComponent("out-\(UUID().uuidString)")
        let err = base.appendingPathComponent("err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    func json(_ arguments: [String]) throws -> Any {
        let result = try run(arguments + ["--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// A saved page in the format of docs/article-format.md.
    @discardableResult
    func writeArticle(_ name: String, headline: String, dateline: String, body: [String],
                      related: [String] = [], tags: [String] = []) throws -> URL {
        var text = headline + "\n" + dateline + "\nListen Live\n\n"
        text += body.map { "    " + $0 }.joined(separator: "\n\n")
        if !related.isEmpty || !tags.isEmpty {
            text += "\n\n\n" + (related + (tags.isEmpty ? [] : [tags.joined(separator: ", ")])).map { "    " + $0 }
                .joined(separator: "\n")
        }
        text += "\n    Community standardsDiscussion\n"
        let url = library.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    func writeTwoArticles() throws {
        try writeArticle("cables/baltic.txt", headline: "Baltic Cables Damaged Again", dateline: "09:41 GMT07 Mar 2024",
                         body: ["Two undersea data cables in the Baltic were found damaged on Wednesday, operators said.",
                                "\"We are treating this as a deliberate act,\" Finnish Interior Minister Aino Laakso told reporters."],
                         related: ["NATO Launches Sea Drone Mission"], tags: ["Baltic Sea", "NATO"])
        try writeArticle("nato.txt", headline: "NATO Launches Sea Drone Mission", dateline: "10:00 GMT08 Mar 2024",
                         body: ["The alliance will watch Baltic infrastructure with sea drones, officials said on Thursday."],
                         tags: ["NATO"])
    }
}

/// Results that worker threads fill, one slot each.
final class ResultSlots: @unchecked Sendable {
    private var storage: [CLIHarness.Result?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: CLIHarness.Result?) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }
    var values: [CLIHarness.Result?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
