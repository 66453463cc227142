import Foundation

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
    /// is reported, not copied.
    public func importFiles(_ sources: [URL]) throws -> ImportReport {
        try sync()
        var report = ImportReport()
        var seen = Set<ArticleID>()
        for (source, display, folder) in try Library.expand(sources, report: &report) {
            switch ArticleFileReader.read(source, relativePath: source.lastPathComponent, parse: parse) {
            case .skipped(let reason):
                report.skipped.append((display, reason))
            case .article(let article):
                if !seen.insert(article.id).inserted {
                    report.skipped.append((display, "duplicate of another file in this import"))
                    continue
                }
                if let existing = try self.article(article.id) {
                    report.skipped.append((display, "already in the library as \(existing.file)"))
                    continue
                }
                do {
                    let data = try Data(contentsOf: source)
                    let target = folder.isEmpty ? root : root.appendingPathComponent(folder, isDirectory: true)
                    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                    let name = try Library.writeNew(data, named: source.lastPathComponent, in: target)
                    report.copied.append((display, folder.isEmpty ? name : folder + "/" + name))
                } catch {
                    report.skipped.append((display, "cannot copy: \(error.localizedDescription)"))
                }
            }
        }
        try sync()
        return report
    }

    /// Files as given, and the article files inside given folders (hidden ones left out, and
    /// reported), each with the library sub-folder it goes to: a given folder comes in under
    /// its own name, with the folders inside it.
    static func expand(_ sources: [URL], report: inout ImportReport) throws
        -> [(source: URL, display: String, folder: String)] {
        var files: [(source: URL, display: String, folder: String)] = []
        for source in sources {
            var isFolder = ObjCBool(false)
            guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder) else {
                report.missing.append(source.path)
                continue
            }
            if isFolder.boolValue {
                let base = safeFileName(source.standardizedFileURL.lastPathComponent)
                for path in FileScanner.files(under: source) {
                    let inside = path.split(separator: "/").dropLast().map { safeFileName(String($0)) }
                    files.append((source.appendingPathComponent(path), source.path + "/" + path,
                                  ([base] + inside).joined(separator: "/")))
                }
                report.hidden += FileScanner.hiddenNames(under: source).map { source.path + "/" + $0 }
            } else {
                files.append((source, source.path, ""))
            }
        }
        return files
    }

    /// Writes `data` under a safe version of `name` directly in `folder`, adding ` (2)`, ` (3)`
    /// … before the extension when the name is taken. Returns the name used.
    static func writeNew(_ data: Data, named name: String, in folder: URL) throws -> String {
        let safe = safeFileName(name)
        let base = (safe as NSString).deletingPathExtension
        let ext = (safe as NSString).pathExtension
        for attempt in 1...10_000 {
            let candidate = attempt == 1 ? safe
                : base + " (\(attempt))" + (ext.isEmpty ? "" : "." + ext)
            let url = folder.appendingPathComponent(candidate)
            if FileManager.default.fileExists(atPath: url.path) { continue }
            do {
                try data.write(to: url, options: .withoutOverwriting)
                return candidate
            } catch CocoaError.fileWriteFileExists {
                continue
            }
        }
        throw CocoaError(.fileWriteFileExists)
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
