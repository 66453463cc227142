import Foundation

/// The article files under a folder outside the library (what `cable import` copies in): every
/// regular, non-hidden file in any non-hidden sub-folder, as `FolderListing` reads a folder.
enum FileScanner {
    /// Paths relative to `root`, sorted.
    static func files(under root: URL) -> [String] {
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let full = relative.isEmpty ? root.path : root.path + "/" + relative
            guard let listing = FolderListing.read(full) else { continue }
            let prefix = relative.isEmpty ? "" : relative + "/"
            found += listing.files.map { prefix + $0.name }
            pending += listing.folders.map { prefix + $0 }
        }
        return found.sorted()
    }
}
