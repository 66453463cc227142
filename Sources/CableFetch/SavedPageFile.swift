import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fetched page as a file in the library: the page's bytes unmodified, after the line
/// browsers write when they save a page (`<!-- saved from url=(0042)https://… -->`), under a
/// safe name made from its headline, written so that nothing half-written is ever seen there.
public enum SavedPageFile {
    /// The file's bytes: the "saved from" line with the address the page came from, then the
    /// page exactly as it arrived.
    public static func contents(of page: FetchedPage) -> Data {
        let address = page.final.absoluteString
        let count = String(address.utf8.count)
        let line = "<!-- saved from url=(" + String(repeating: "0", count: max(0, 4 - count.count)) + count + ")"
            + address + " -->\n"
        return Data(line.utf8) + page.body
    }

    /// `Headline of the Story.html`, from the headline when there is one, else from the
    /// address; no path separators, control characters or leading dots, at most 120 bytes.
    public static func fileName(headline: String?, address: URL) -> String {
        let fromAddress = [address.host ?? "page", address.deletingPathExtension().lastPathComponent]
            .filter { !$0.isEmpty && $0 != "/" }.joined(separator: " ")
        let base = cleaned(headline ?? "").isEmpty ? cleaned(fromAddress) : cleaned(headline ?? "")
        return fit(base.isEmpty ? "page" : base, bytes: 120) + ".html"
    }

    /// A folder's name made from a title the same way: safe characters, at most 80 bytes.
    public static func folderName(_ title: String) -> String {
        let name = fit(cleaned(title), bytes: 80)
        return name.isEmpty ? "feed" : name
    }

    static func cleaned(_ text: String) -> String {
        var out = ""
        var space = false
        for scalar in text.unicodeScalars {
            let unsafe = scalar == "/" || scalar == "\\" || scalar == ":" || scalar == "*" || scalar == "?"
                || scalar == "\"" || scalar == "<" || scalar == ">" || scalar == "|"
            let invisible = [.control, .format, .lineSeparator, .paragraphSeparator]
                .contains(scalar.properties.generalCategory)
            if unsafe || invisible || scalar.properties.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out += " " }
            space = false
            out.unicodeScalars.append(scalar)
        }
        while out.hasPrefix(".") || out.hasPrefix("-") { out.removeFirst() }
        return out
    }

    /// Cut at a character (and, where there is one, a word) boundary to fit `bytes`.
    static func fit(_ name: String, bytes limit: Int) -> String {
        guard name.utf8.count > limit else { return name }
        var kept = ""
        for character in name {
            if kept.utf8.count + character.utf8.count > limit { break }
            kept.append(character)
        }
        if let space = kept.lastIndex(of: " "), kept.distance(from: kept.startIndex, to: space) > limit / 2 {
            kept = String(kept[..<space])
        }
        return kept
    }

    /// Writes `data` as a new file named `name` (or `name (2)`, … when taken) in `folder`: into a
    /// hidden temporary file there first (sync never reads hidden files), then linked under
    /// its name, which fails rather than replace a file, then the temporary name removed.
    /// Returns the name used. No existing file is ever overwritten.
    ///
    /// `isSame` is asked about each name found taken: when it says the file there already is
    /// this one (saved by a run that was killed before it could note it), that name is
    /// returned and nothing is written.
    public static func write(_ data: Data, named name: String, in folder: URL,
                             isSame: (URL) -> Bool = { _ in false }) throws -> String {
        let temporary = folder.appendingPathComponent(".cable-add-\(UUID().uuidString).tmp")
        defer { unlink(temporary.path) }
        try data.write(to: temporary, options: .withoutOverwriting)
        let base = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        for attempt in 1...1_000 {
            let candidate = attempt == 1 ? name : "\(base) (\(attempt))" + (ext.isEmpty ? "" : ".\(ext)")
            let target = folder.appendingPathComponent(candidate)
            if link(temporary.path, target.path) == 0 { return candidate }
            guard errno == EEXIST else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
            if isSame(target) { return candidate }
        }
        throw CocoaError(.fileWriteFileExists)
    }
}
