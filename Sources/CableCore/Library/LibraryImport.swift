import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an import did with each file it was given.
public struct ImportReport: Sendable {
    /// (source path, name in the library)
    public var copied: [(source: String, file: String)] = []
    /// (source path, why it was not copied)
    public var skipped: [(source: String, reason: String)] = []
    /// Paths given that do not exist: the user's mistake, an error once the rest is imported.
    public var missing: [String] = []
    /// Hidden files and folders inside given folders, left out (they are never articles).
    public var hidden: [String] = []
}

extension Library {
    /// Copies article files (and the article files in folders, keeping their sub-folders)
    /// into the library folder, then syncs. The only code that writes into a library, and
    /// only new files: names are made safe (no path separators, no leading dot, no control
    /// characters), never overwrite, and an article already in the library (same content id)
    /// is reported, not copied. Symbolic links are never followed and hidden files in folders
    /// are reported (`ImportWalk`); a copy gets its source's permission bits, never wider
    /// (less, by the umask).
    public func importFiles(_ sources: [URL]) throws -> ImportReport {
        try sync()
        var report = ImportReport()
        var seen = Set<ArticleID>()
        try ImportWalk.walk(sources.map(\.path), limit: ArticleFileReader.maximumSize) { found in
            switch found {
            case .missing(let path):
                report.missing.append(path)
            case .hidden(let display):
                report.hidden.append(display)
            case .skipped(let display, let reason):
                report.skipped.append((display, reason))
            case .file(let file):
                switch ArticleFileReader.read(file.data, relativePath: file.name, parse: parse) {
                case .skipped(let reason):
                    report.skipped.append((file.display, reason))
                case .article(let article):
                    if !seen.insert(article.id).inserted {
                        report.skipped.append((file.display, "duplicate of another file in this import"))
                    } else if let existing = try self.article(article.id) {
                        report.skipped.append((file.display, "already in the library as \(existing.file)"))
                    } else {
                        do {
                            // A given folder comes in under its own name, with the folders inside it.
                            let folder = file.folders.map(Library.safeFileName).joined(separator: "/")
                            let target = try Library.makeFolder(folder, in: root)
                            let name = try Library.writeNew(file.data, named: file.name,
                                                            permissions: file.permissions, in: target)
                            report.copied.append((file.display, folder.isEmpty ? name : folder + "/" + name))
                        } catch {
                            report.skipped.append((file.display, "cannot copy: \(error)"))
                        }
                    }
                }
            }
        }
        try sync()
        return report
    }

    /// The library folder `relative` (folders separated by `/`) under `root`, made when
    /// missing. A folder on the way that is a symbolic link (or not a folder) is refused, so a
    /// copy never lands outside the library.
    static func makeFolder(_ relative: String, in root: URL) throws -> URL {
        var url = root
        for part in relative.split(separator: "/") {
            url = url.appendingPathComponent(String(part), isDirectory: true)
            if mkdir(url.path, 0o777) != 0, errno != EEXIST { throw NewFile.Failure(code: errno) }
            var info = stat()
            guard lstat(url.path, &info) == 0 else { throw NewFile.Failure(code: errno) }
            guard info.st_mode & S_IFMT == S_IFDIR else { throw NewFile.Failure(code: ENOTDIR) }
        }
        return url
    }

    /// Writes `data` under a safe version of `name` directly in `folder`, adding ` (2)`, ` (3)`
    /// … before the extension when the name is taken (`NewFile`). Returns the name used.
    static func writeNew(_ data: Data, named name: String, permissions: mode_t, in folder: URL) throws -> String {
        let safe = safeFileName(name)
        let base = (safe as NSString).deletingPathExtension
        let ext = (safe as NSString).pathExtension
        for attempt in 1...10_000 {
            let candidate = attempt == 1 ? safe
                : base + " (\(attempt))" + (ext.isEmpty ? "" : "." + ext)
            if try NewFile.create(folder.appendingPathComponent(candidate).path, data, permissions: permissions) {
                return candidate
            }
        }
        throw NewFile.Failure(code: EEXIST)
    }

    static func safeFileName(_ name: String) -> String {
        var cleaned = String(name.unicodeScalars.map { scalar -> Character in
            if scalar == "/" || scalar == "\\" || scalar.properties.generalCategory == .control {
                return "_"
            }
            return Character(scalar)
        })
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        cleaned = cleaned.trimmingCharacters(in: .whitespaces)
        if cleaned.isEmpty { cleaned = "article.txt" }
        return fitName(cleaned, bytes: 200)
    }

    /// File names are limited in bytes (NAME_MAX is 255), not characters: 180 CJK characters
    /// are 540 bytes. Cuts the name before its extension at a character boundary, leaving
    /// room for a ` (2)` suffix.
    static func fitName(_ name: String, bytes limit: Int) -> String {
        guard name.utf8.count > limit else { return name }
        var ext = (name as NSString).pathExtension
        if ext.utf8.count > 16 { ext = "" }
        let suffix = ext.isEmpty ? "" : "." + ext
        let base = ext.isEmpty ? name : String(name.dropLast(suffix.count))
        var kept = ""
        var used = suffix.utf8.count
        for character in base {
            let size = character.utf8.count
            if used + size > limit { break }
            kept.append(character)
            used += size
        }
        return kept + suffix
    }
}
