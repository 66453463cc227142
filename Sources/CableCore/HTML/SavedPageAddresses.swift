import Foundation

/// The addresses the library's saved web pages came from, read from their "saved from" lines
/// (the first 4 KB of each `.html`/`.htm` file), so that `cable add` can tell a page it
/// already has without fetching it again.
public enum SavedPageAddresses {
    /// Address → the file (relative to `root`) saved from it.
    public static func inLibrary(_ root: URL) -> [String: String] {
        var found: [String: String] = [:]
        for path in FileScanner.files(under: root) where PageReader.format(of: path) == .html {
            guard let handle = try? FileHandle(forReadingFrom: root.appendingPathComponent(path)) else { continue }
            let head = (try? handle.read(upToCount: 4096)) ?? Data()
            try? handle.close()
            if let address = PageMetadata.savedFromURL([UInt8](head)), found[address] == nil { found[address] = path }
        }
        return found
    }
}
