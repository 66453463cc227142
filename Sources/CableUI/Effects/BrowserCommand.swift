import Foundation

/// How `o` starts the user's browser on an article's address: `$BROWSER`, else `xdg-open`,
/// always as an argument vector (Foundation's `Process`: `posix_spawn` of the executable
/// itself), never through a shell. An address is data from a web page, and newsbeuter's
/// CVE-2017-12904 came from handing such data to `sh -c`; here `;`, `$(…)`, quotes and
/// spaces in it reach the browser as one argument, unchanged.
///
/// `$BROWSER` is read as the convention has it: commands separated by `:`, the first one
/// found on `PATH` wins; each command is split into words at spaces (no shell quoting);
/// a word holding `%s` has it replaced by the address (the word stays one argument, `%%` is
/// a `%`), and a command with no `%s` gets the address as its last argument.
public struct BrowserCommand: Equatable, Sendable {
    public var executable: URL
    public var arguments: [String]
    /// A browser that draws in the terminal (lynx, w3m…), or any browser when there is no
    /// display to put a window on: the reader gives the screen to it until it exits. A
    /// graphical one is started and left to run.
    public var inTerminal: Bool

    /// The name to tell the user (the executable's file name).
    public var name: String { executable.lastPathComponent }

    /// Browsers that run in the terminal, by executable name.
    static let terminalBrowsers: Set<String> = [
        "lynx", "w3m", "links", "links2", "elinks", "browsh", "carbonyl", "www-browser", "netrik",
        "retawq", "edbrowse", "chawan", "cha", "amfora",
    ]

    /// The command for `address`, or why there is none.
    public static func resolve(_ address: String, environment: [String: String]) -> Result<BrowserCommand, BrowserError> {
        // Only a web address: anything else (`-o…`, `file:`, `javascript:`) could be read by
        // the browser as an option or a local action.
        let lower = address.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return .failure(.notWebAddress) }
        let configured = environment["BROWSER"].map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let entries = configured.isEmpty ? ["xdg-open"] : configured.split(separator: ":").map(String.init)
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let hasDisplay = !(environment["DISPLAY"] ?? "").isEmpty || !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty
        for entry in entries {
            let words = entry.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let program = words.first, let executable = find(program, path: path) else { continue }
            var arguments = words.dropFirst().map { substitute(address, into: $0) }
            if !words.dropFirst().contains(where: { $0.contains("%s") }) { arguments.append(address) }
            let inTerminal = terminalBrowsers.contains(executable.lastPathComponent) || !hasDisplay
            return .success(BrowserCommand(executable: executable, arguments: arguments, inTerminal: inTerminal))
        }
        return .failure(configured.isEmpty ? .noOpener : .notFound(configured))
    }

    /// A word of the command with `%s` replaced by the address and `%%` by `%`.
    static func substitute(_ address: String, into word: String) -> String {
        var result = ""
        var characters = word.makeIterator()
        while let character = characters.next() {
            guard character == "%" else {
                result.append(character)
                continue
            }
            switch characters.next() {
            case "s": result += address
            case "%": result.append("%")
            case let other?: result.append("%"); result.append(other)
            case nil: result.append("%")
            }
        }
        return result
    }

    /// An executable named by path (it holds a `/`) or found on `path`.
    static func find(_ program: String, path: String) -> URL? {
        let manager = FileManager.default
        if program.contains("/") {
            return manager.isExecutableFile(atPath: program) ? URL(fileURLWithPath: program) : nil
        }
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(program)
            var isFolder = ObjCBool(false)
            if manager.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
               manager.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }

    /// Starts the browser and returns at once. In the terminal it inherits the terminal (the
    /// caller waits for it); a graphical one gets /dev/null for its standard streams, so that
    /// it never writes over the screen.
    public func start() throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !inTerminal {
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }
}

/// Why no browser could be started.
public enum BrowserError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No `$BROWSER`, and no `xdg-open` on `PATH`.
    case noOpener
    /// None of `$BROWSER`'s commands was found.
    case notFound(String)
    /// The address is not an http or https one.
    case notWebAddress

    public var description: String {
        switch self {
        case .noOpener: return "No browser: set $BROWSER (xdg-open is not installed)"
        case .notFound(let browser): return "$BROWSER names no program found on PATH: \(browser)"
        case .notWebAddress: return "Not opened: the article's address is not an http or https one"
        }
    }
}
