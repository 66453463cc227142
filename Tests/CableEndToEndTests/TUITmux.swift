import CableCore
import Foundation
import Glibc
import XCTest

/// Drives the real `cable` binary inside a private tmux server: a copy of the sample library
/// in a temporary folder, XDG folders pointed there too, keys in with `send-keys`, the
/// screen out with `capture-pane`. Waits poll the screen; nothing sleeps a fixed time.
final class TUITmux {
    let socket = "cable-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    let folder: URL
    let library: URL
    let binary: URL
    private(set) var started = false

    init() throws {
        binary = try Self.findBinary()
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("cable-tui-\(UUID().uuidString)", isDirectory: true)
        library = folder.appendingPathComponent("library", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.sampleData, to: library)
    }

    static let sampleData = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SampleData", isDirectory: true)

    /// The `cable` executable next to the test bundle in the build products folder.
    static func findBinary() throws -> URL {
        var candidates: [URL] = []
        for bundle in [Bundle.main] + Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("cable"))
            if let executable = bundle.executableURL {
                candidates.append(executable.deletingLastPathComponent().appendingPathComponent("cable"))
            }
        }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) {
            return found
        }
        throw NSError(domain: "cable-e2e", code: 1, userInfo: [NSLocalizedDescriptionKey:
            "no cable binary next to the tests (looked in \(Set(candidates.map(\.path))))"])
    }

    /// A library over the same files with its own index, to know what the screen should show.
    func referenceLibrary() throws -> Library {
        let environment = ["XDG_DATA_HOME": folder.appendingPathComponent("ref-data").path,
                           "XDG_CACHE_HOME": folder.appendingPathComponent("ref-cache").path]
        let reference = try Library.open(LibraryLocations.standard(root: library, environment: environment))
        try reference.sync()
        return reference
    }

    /// Starts `cable` in a shell in a new tmux session; when it exits, the shell prints its
    /// status and the terminal modes, then waits (so the screen can be read after a quit).
    func start(width: Int = 120, height: Int = 40, term: String = "xterm-256color",
               extraEnvironment: String = "", extraArguments: String = "") throws {
        // No core file from the crash-signal test, and none in the source tree in any case.
        let script = """
            ulimit -c 0; env TERM='\(term)' \(extraEnvironment) \(xdgEnvironment) \
            '\(binary.path)' --library '\(library.path)' \(extraArguments); \
            echo "exit=$?"; stty -a | tr ' ' '\\n' | grep -E '^-?(echo|icanon)$' | tr '\\n' ' '; echo; \
            exec sleep 600
            """
        try tmux(["-f", "/dev/null", "new-session", "-d", "-c", folder.path, "-x", "\(width)", "-y", "\(height)",
                  "sh", "-c", script])
        started = true
        _ = try? tmux(["set-option", "-g", "window-size", "manual"])
    }

    /// Every XDG folder in the test's own folder: no config, state or index of the user's.
    var xdgEnvironment: String {
        ["DATA", "CACHE", "CONFIG", "STATE"].map { "XDG_\($0)_HOME='\(folder.path)/\($0.lowercased())'" }
            .joined(separator: " ")
    }

    /// Writes the config file the binary will read.
    func writeConfig(_ text: String) throws {
        let url = folder.appendingPathComponent("config/cable/config.toml")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Starts an interactive shell with job control (for Ctrl-Z and `fg`) and runs `cable`
    /// in it; the shell's prompt is `$ `.
    func startInShell(width: Int = 120, height: Int = 40) throws {
        try tmux(["-f", "/dev/null", "new-session", "-d", "-c", folder.path, "-x", "\(width)", "-y", "\(height)",
                  "env", "PS1=$ ", "TERM=xterm-256color", "bash", "--norc", "--noprofile", "-i"])
        started = true
        _ = try? tmux(["set-option", "-g", "window-size", "manual"])
        try type("env \(xdgEnvironment) '\(binary.path)' --library '\(library.path)'")
        try send("Enter")
    }

    /// Ends the tmux server but keeps the folder (library, state, config) for another start.
    func stopSession() {
        let socketPath = display("#{socket_path}")
        _ = try? tmux(["kill-server"])
        if !socketPath.isEmpty { try? FileManager.default.removeItem(atPath: socketPath) }
        started = false
    }

    func stop() {
        if started {
            let socketPath = display("#{socket_path}")
            _ = try? tmux(["kill-server"])
            if !socketPath.isEmpty { try? FileManager.default.removeItem(atPath: socketPath) }
        }
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        try Self.run(["tmux", "-L", socket] + arguments, outputFile: folder.appendingPathComponent("tmux.out"))
    }

    /// Runs a command and returns its output. posix_spawn and waitpid rather than
    /// Foundation's Process, and a file rather than a pipe: the tmux server that
    /// `new-session` forks would hold a pipe open forever.
    static func run(_ arguments: [String], outputFile: URL) throws -> String {
        let fd = open(outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw NSError(domain: "cable-e2e", code: 1) }
        defer { close(fd) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fd, 1)
        posix_spawn_file_actions_adddup2(&actions, fd, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw NSError(domain: "cable-e2e", code: Int(spawned), userInfo: [
                NSLocalizedDescriptionKey: "could not start \(arguments.joined(separator: " "))"])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        // Exited normally with status 0 (the low 7 bits are the signal, the next 8 the status).
        guard status & 0x7f == 0 && (status >> 8) & 0xff == 0 else {
            throw NSError(domain: "cable-e2e", code: Int(status), userInfo: [
                NSLocalizedDescriptionKey: "\(arguments.joined(separator: " ")) failed: \(text)"])
        }
        return text
    }

    /// Keys as tmux names them (`Enter`, `Escape`, `C-c`), or literal text with `literal`.
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "0"] + keys)
    }

    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "0", "-l", text])
    }

    func screen() -> String {
        (try? tmux(["capture-pane", "-p", "-t", "0"])) ?? ""
    }

    func display(_ format: String) -> String {
        ((try? tmux(["display-message", "-p", "-t", "0", format])) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `predicate` holds; fails the test with the last screen if it
    /// never does.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 15, file: StaticString = #filePath,
                 line: UInt = #line, _ predicate: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen()
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("timed out waiting for \(what); the screen was:\n\(last)", file: file, line: line)
        return last
    }

    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 15, file: StaticString = #filePath,
                 line: UInt = #line) -> String {
        waitFor("'\(text)'", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }

    /// The pid of the `cable` process under the pane's shell.
    func cablePID() throws -> Int32? {
        let shell = display("#{pane_pid}")
        let output = try Self.run(["pgrep", "-P", shell], outputFile: folder.appendingPathComponent("pgrep.out"))
        return output.split(separator: "\n").first.flatMap { Int32($0) }
    }
}
