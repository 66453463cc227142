import CableCore
import CableUI
import Foundation
import TOMLKit

/// What the config file sets: the default library, and what the UI does (keys, colours,
/// the list's width and order, the mark-read delay, saved searches).
public struct Config: Sendable {
    /// The library folder when neither `--library` nor `$CABLE_LIBRARY` names one.
    public var library: String?
    public var settings = Settings()
    public var theme = Theme.standard

    public init() {}
}

/// One thing wrong in the config file: where, and what. Cable says it and goes on with the
/// default for that setting.
public struct ConfigProblem: Hashable, Sendable, CustomStringConvertible {
    public var line: Int?
    public var message: String

    public var description: String { (line.map { "line \($0): " } ?? "") + message }
}

/// `$XDG_CONFIG_HOME/cable/config.toml`, read with TOMLKit:
///
///     library = "~/news"
///     list-width = 50
///     mark-read-delay = 3        # seconds; 0 at once, -1 (or false) never
///     sort = "newest"            # newest, oldest, title, source, unread
///     theme = "no-colour"        # or "default"
///     [colours]
///     quote = "magenta"          # roles: title quote link tag user-tag error unread star match
///     [keys]
///     quit = "x"                 # or a list: quit = ["x", "C-q"]
///     [searches]
///     "Arctic, unread" = "tag:Arctic is:unread"
public enum ConfigFile {
    public static func url(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        XDG.configHome(environment).appendingPathComponent("cable/config.toml")
    }

    /// The config in force: the file's, or the defaults when there is none. A file that
    /// cannot be read at all is one problem; Cable then runs on the defaults.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> (config: Config, problems: [ConfigProblem]) {
        let file = url(environment: environment)
        guard FileManager.default.fileExists(atPath: file.path) else { return (Config(), []) }
        do {
            let data = try Data(contentsOf: file)
            var config = parse(String(decoding: data, as: UTF8.self))
            config.config.library = config.config.library.map { expandingHome($0, environment) }
            return config
        } catch {
            return (Config(), [ConfigProblem(line: nil, message: "cannot read it: \(error.localizedDescription)")])
        }
    }

    static func expandingHome(_ path: String, _ environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        return home + path.dropFirst()
    }

    /// The settings a config text asks for, and what is wrong with it (each with its line).
    public static func parse(_ text: String) -> (config: Config, problems: [ConfigProblem]) {
        var reader = ConfigReader(text: text)
        do {
            let table = try TOMLTable(string: text)
            reader.read(table)
        } catch let error as TOMLParseError {
            reader.problems.append(ConfigProblem(line: error.source.begin.line,
                                                 message: "\(error.description) (the whole file is ignored)"))
        } catch {
            reader.problems.append(ConfigProblem(line: nil, message: "\(error)"))
        }
        return (reader.config, reader.problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
    }
}

/// Reads a parsed config table setting by setting, keeping what is right and saying what is not.
struct ConfigReader {
    let lines: ConfigLines
    var config = Config()
    var problems: [ConfigProblem] = []

    init(text: String) { lines = ConfigLines(text) }

    mutating func problem(_ message: String, section: String? = nil, key: String? = nil) {
        problems.append(ConfigProblem(line: lines.line(section: section, key: key), message: message))
    }

    mutating func read(_ table: TOMLTable) {
        for (key, value) in table {
            switch key {
            case "library":
                guard let path = value.string, !path.isEmpty else { problem("library must be a folder's path", key: key); continue }
                config.library = path
            case "list-width":
                guard let width = value.int, width > 0 else { problem("list-width must be a number of columns", key: key); continue }
                config.settings.listWidth = width
            case "mark-read-delay":
                readDelay(value)
            case "sort":
                guard let name = value.string, let order = ListOrder(rawValue: name) else {
                    problem("sort must be one of \(ListOrder.allCases.map(\.rawValue).joined(separator: ", "))", key: key)
                    continue
                }
                config.settings.order = order
            case "theme":
                switch value.string {
                case "default": config.theme.usesColour = true
                case "no-colour", "no-color": config.theme.usesColour = false
                default: problem("theme must be \"default\" or \"no-colour\"", key: key)
                }
            case "colours", "colors":
                guard let colours = value.table else { problem("[\(key)] must be a table", key: key); continue }
                readColours(colours, section: key)
            case "keys":
                guard let keys = value.table else { problem("[keys] must be a table", key: key); continue }
                readKeys(keys)
            case "searches":
                guard let searches = value.table else { problem("[searches] must be a table", key: key); continue }
                readSearches(searches)
            default:
                problem("unknown setting '\(key)' (library, list-width, mark-read-delay, sort, theme, "
                        + "[colours], [keys], [searches])", key: key)
            }
        }
    }

    mutating func readDelay(_ value: TOMLValueConvertible) {
        if value.bool == false {
            config.settings.markReadDelay = nil
        } else if let seconds = value.double ?? value.int.map(Double.init) {
            config.settings.markReadDelay = seconds < 0 ? nil : seconds
        } else {
            problem("mark-read-delay must be seconds (0 at once, -1 or false never)", key: "mark-read-delay")
        }
    }

    mutating func readColours(_ table: TOMLTable, section: String) {
        let roles = Style.Role.allCases.filter { $0 != .plain }
        for (key, value) in table {
            guard let role = Style.Role(rawValue: key), role != .plain else {
                problem("[\(section)] \(key): no such part (\(roles.map(\.rawValue).joined(separator: ", ")))",
                        section: section, key: key)
                continue
            }
            guard let name = value.string, let colour = Theme.Colour(rawValue: name.lowercased()) else {
                problem("[\(section)] \(key): colours are \(Theme.Colour.allCases.map(\.rawValue).joined(separator: ", "))",
                        section: section, key: key)
                continue
            }
            config.theme.colours[role] = colour
        }
    }

    mutating func readKeys(_ table: TOMLTable) {
        // In file order, so that of two actions given the same key the later one wins, as read.
        let entries = Array(table).sorted { lines.line(section: "keys", key: $0.0) ?? 0 < lines.line(section: "keys", key: $1.0) ?? 0 }
        for (name, value) in entries {
            guard let command = Command(rawValue: name) else {
                problem("[keys] \(name): no such action (the help screen, ?, lists them)", section: "keys", key: name)
                continue
            }
            let names = value.string.map { [$0] } ?? value.array.map { $0.compactMap(\.string) } ?? []
            guard !names.isEmpty else {
                problem("[keys] \(name): give a key (\"x\") or a list of keys ([\"x\", \"C-x\"])", section: "keys", key: name)
                continue
            }
            var keys: [Key] = []
            for keyName in names {
                guard let key = Key(name: keyName) else {
                    problem("[keys] \(name): '\(keyName)' is not a key (a character, or Enter, Tab, Esc, Space, "
                            + "Up, Down, PageUp, Home, C-x …)", section: "keys", key: name)
                    continue
                }
                if key == .control("c") {
                    problem("[keys] \(name): Ctrl-C always quits and cannot be bound", section: "keys", key: name)
                    continue
                }
                keys.append(key)
            }
            if !keys.isEmpty { config.settings.keymap.bind(command, to: keys) }
        }
    }

    mutating func readSearches(_ table: TOMLTable) {
        var searches: [(line: Int, search: SavedSearch)] = []
        for (name, value) in table {
            let line = lines.line(section: "searches", key: name)
            guard let text = value.string else {
                problem("[searches] \(name): a saved search is a query in quotes", section: "searches", key: name)
                continue
            }
            do {
                _ = try Query.parse(text)
                searches.append((line ?? 0, SavedSearch(name: name, query: text)))
            } catch let error as QueryError {
                problem("[searches] \(name): \(error.description)", section: "searches", key: name)
            } catch {
                problem("[searches] \(name): \(error)", section: "searches", key: name)
            }
        }
        // As the file lists them (TOML tables have no order of their own).
        config.settings.savedSearches = searches.sorted { $0.line < $1.line }.map(\.search)
    }
}

/// Where each setting is written in the config text, so a problem can name its line.
struct ConfigLines {
    /// (section, key) → first line (1-based); the top level is section "".
    private var places: [String: Int] = [:]

    init(_ text: String) {
        var section = ""
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                section = Self.unquoted(line.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t")))
                if places[Self.place(section, nil)] == nil { places[Self.place(section, nil)] = index + 1 }
                continue
            }
            guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            let key = Self.unquoted(String(line[..<equals]).trimmingCharacters(in: .whitespaces))
            if places[Self.place(section, key)] == nil { places[Self.place(section, key)] = index + 1 }
        }
    }

    func line(section: String?, key: String?) -> Int? {
        if let key, let line = places[Self.place(section ?? "", key)] { return line }
        // A table given as a whole (`[keys]`) is on its header's line.
        if let key, section == nil { return places[Self.place(key, nil)] }
        return places[Self.place(section ?? "", nil)]
    }

    private static func place(_ section: String, _ key: String?) -> String { section + "\u{0}" + (key ?? "") }

    private static func unquoted(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == text.last, first == "\"" || first == "'" else { return text }
        return String(text.dropFirst().dropLast())
    }
}
