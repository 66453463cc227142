import Foundation

/// Where a library's three parts live: the article folder (the truth, never written), the
/// derived index (a cache, one per library) and the user state (one for all libraries).
public struct LibraryLocations: Hashable, Sendable {
    /// The article folder, canonical (symlinks resolved) so one folder has one index.
    public var root: URL
    /// The SQLite index, derived from the files; safe to delete.
    public var index: URL
    /// The user's read/starred marks and tags; never deleted by Cable.
    public var state: URL

    public init(root: URL, index: URL, state: URL) {
        self.root = root
        self.index = index
        self.state = state
    }

    /// The standard places: the index under `$XDG_CACHE_HOME/cable/` named by a hash of the
    /// library's canonical path, the state in `$XDG_DATA_HOME/cable/state.sqlite`.
    public static func standard(
        root: URL, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> LibraryLocations {
        let canonical = canonicalFolder(root)
        let cache = XDG.cacheHome(environment).appendingPathComponent("cable", isDirectory: true)
        let data = XDG.dataHome(environment).appendingPathComponent("cable", isDirectory: true)
        let name = "index-\(stableHash(canonical.path)).sqlite"
        return LibraryLocations(
            root: canonical,
            index: cache.appendingPathComponent(name),
            state: data.appendingPathComponent("state.sqlite"))
    }

    static func canonicalFolder(_ url: URL) -> URL {
        url.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// 16 hex digits of FNV-1a over the UTF-8 bytes: stable across runs and machines.
    static func stableHash(_ text: String) -> String {
        let hex = String(StableHash.of(text.utf8), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// The XDG base directories, with their documented defaults.
public enum XDG {
    public static func dataHome(_ environment: [String: String]) -> URL {
        directory(environment["XDG_DATA_HOME"], fallback: ".local/share", environment)
    }

    public static func cacheHome(_ environment: [String: String]) -> URL {
        directory(environment["XDG_CACHE_HOME"], fallback: ".cache", environment)
    }

    public static func configHome(_ environment: [String: String]) -> URL {
        directory(environment["XDG_CONFIG_HOME"], fallback: ".config", environment)
    }

    public static func stateHome(_ environment: [String: String]) -> URL {
        directory(environment["XDG_STATE_HOME"], fallback: ".local/state", environment)
    }

    /// The spec says a relative path in these variables is invalid and must be ignored.
    private static func directory(_ value: String?, fallback: String,
                                  _ environment: [String: String]) -> URL {
        if let value, value.hasPrefix("/") {
            return URL(fileURLWithPath: value, isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.path
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(fallback, isDirectory: true)
    }
}
