import ArgumentParser
import CableCore
import CableUI
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Output for the commands: results on stdout, everything else on stderr.
enum Console {
    /// Human-readable output. Titles, paths and quotes come from untrusted files (a file name
    /// or a page can carry escape sequences that retitle or clear the user's terminal), so each
    /// line is sanitised the way the TUI sanitises what it draws.
    static func out(_ text: String) {
        write(clean(text))
    }

    /// Text made safe for the terminal, line by line (see `out`).
    static func clean(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { Sanitizer.clean(String($0)) }.joined(separator: "\n")
    }

    /// Output that is already safe: JSON escapes every control character itself.
    private static func write(_ text: String) {
        stdout(Data((text + "\n").utf8))
    }

    /// Every write to standard output goes through here, so that a command knows whether it
    /// has printed anything yet (`IndexHealing` runs one again only if it has not).
    static func stdout(_ data: Data) {
        guard !data.isEmpty else { return }
        printed.set()
        FileHandle.standardOutput.write(data)
    }

    /// Set once anything is written to standard output.
    static let printed = SetOnce()

    static func note(_ line: String) {
        // Messages quote file names and paths: sanitised like `out`.
        let clean = line.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { Sanitizer.clean(String($0)) }.joined(separator: "\n")
        FileHandle.standardError.write(Data(("cable: " + clean + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Runs a command body; errors become one line on stderr and exit status 1, never a trace.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch let error as QueryError {
            note("error: \(error)")
            throw ExitCode(2)
        } catch {
            note("error: \(ErrorText.describe(error))")
            throw ExitCode.failure
        }
    }

    /// Pretty JSON with sorted keys and ISO 8601 dates, on stdout (see `JSONWriter`).
    static func json<T: Encodable>(_ value: T) throws {
        // JSONWriter escapes DEL, the C1 controls, the separators and the bidi controls too.
        write(String(decoding: try JSONWriter(pretty: true).data(value), as: UTF8.self))
    }

    /// `2021-05-18T12:29:00Z`: the instant in UTC, to the second.
    static func iso8601(_ date: Date) -> String { JSONWriter.iso8601(date) }

    /// `2021-05-18` for the human tables (UTC).
    static func day(_ date: Date?) -> String {
        guard let date else { return "          " }
        return String(iso8601(date).prefix(10))
    }

    /// Ids are shown as their first 8 hex digits; any unique prefix is accepted back.
    static func short(_ id: ArticleID) -> String { String(id.rawValue.prefix(8)) }

    /// Parses the query arguments (joined by spaces) of a command.
    static func query(_ words: [String]) throws -> Query {
        try Query.parse(words.joined(separator: " "))
    }

    /// Cuts a string to `width` characters with `…`, so table columns stay aligned.
    static func fit(_ text: String, _ width: Int) -> String {
        let clean = text.replacingOccurrences(of: "\n", with: " ")
        guard clean.count > width, width > 1 else { return clean }
        return String(clean.prefix(width - 1)) + "…"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

/// A progress line (count, rate, ETA) redrawn in place on stderr, only when it is a terminal.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled && Console.stderrIsTerminal }

    func update(_ progress: SyncProgress) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.1 || progress.done == progress.total else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(progress.done) / elapsed
        let remaining = rate > 0 ? Double(progress.total - progress.done) / rate : 0
        let line = String(format: "\rcable: indexing %d/%d files, %.0f/s, ETA %.0fs ",
                          progress.done, progress.total, rate, remaining)
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// A flag set from any thread and read from any other.
final class SetOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
