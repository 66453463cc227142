import Foundation

/// Stage 1 of parsing: bytes → text. UTF-8, and when a file is not valid UTF-8 it is still
/// read (invalid bytes become U+FFFD) with a warning, rather than rejected.
enum ArticleDecoding {
    static func decode(_ data: Data) -> (String, [String]) {
        if let text = String(validating: data, as: UTF8.self) { return (text, []) }
        return (String(decoding: data, as: UTF8.self), ["text is not valid UTF-8; invalid bytes were replaced"])
    }

    /// The bytes of the page file at `url`, or why it is not one: missing, a folder, unreadable,
    /// over `ArticleParser.maximumFileSize`, or binary. (`displayPath` names it in errors.)
    static func pageBytes(at url: URL, as displayPath: String) throws -> Data {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ArticleReadError.missing(displayPath)
        }
        if isDirectory.boolValue { throw ArticleReadError.directory(displayPath) }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ArticleReadError.permissionDenied(displayPath)
        }
        let limit = ArticleParser.maximumFileSize
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
            throw ArticleReadError.tooLarge(displayPath, bytes: size, limit: limit)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ArticleReadError.unreadable(displayPath, reason: error.localizedDescription)
        }
        return try checkedPageBytes(data, as: displayPath)
    }

    /// The byte-level half of `pageBytes(at:as:)`: `data` itself, unless it is over
    /// `ArticleParser.maximumFileSize` or binary.
    static func checkedPageBytes(_ data: Data, as displayPath: String) throws -> Data {
        let limit = ArticleParser.maximumFileSize
        if data.count > limit { throw ArticleReadError.tooLarge(displayPath, bytes: data.count, limit: limit) }
        if looksBinary(data) { throw ArticleReadError.binary(displayPath) }
        return data
    }

    /// Binary data, not text: NUL bytes, many control bytes, or bytes that are mostly not
    /// UTF-8 at all (a Latin-1 page has a few bad bytes among its letters and is still read).
    static func looksBinary(_ data: Data) -> Bool {
        let sample = [UInt8](data.prefix(65_536))
        guard !sample.isEmpty else { return false }
        var suspicious = 0
        for byte in sample {
            if byte == 0 { return true }
            if byte < 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09 && byte != 0x0C { suspicious += 1 }
        }
        if suspicious * 10 > sample.count { return true }
        // Mostly UTF-8 (nearly every file): a sample cut through a character at its end still
        // decodes with one replacement at most.
        if String(validating: sample.dropLast(min(3, sample.count)), as: UTF8.self) != nil { return false }
        var scalars = 0
        var replaced = 0
        for scalar in String(decoding: sample, as: UTF8.self).unicodeScalars {
            scalars += 1
            if scalar == "\u{FFFD}" { replaced += 1 }
        }
        return replaced * 10 > scalars * 3
    }
}

/// Why a file could not be read as an article.
public enum ArticleReadError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case missing(String)
    case directory(String)
    case permissionDenied(String)
    case binary(String)
    case tooLarge(String, bytes: Int, limit: Int)
    case unreadable(String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path): return "\(path): no such file"
        case .directory(let path): return "\(path): is a directory, not an article file"
        case .permissionDenied(let path): return "\(path): permission denied"
        case .binary(let path): return "\(path): binary file, not saved page text"
        case .tooLarge(let path, let bytes, let limit):
            return "\(path): too large (\(bytes / 1_048_576) MB; articles are read up to \(limit / 1_048_576) MB)"
        case .unreadable(let path, let reason): return "\(path): cannot be read (\(reason))"
        }
    }

    public var errorDescription: String? { description }
}

extension ArticleParser {
    /// Files larger than this are refused: no saved article is anywhere near it, and reading
    /// a huge file by mistake must not stall the library.
    public static let maximumFileSize = 50 * 1_048_576

    /// Reads and parses the file at `url`; `displayPath` is what the article and any error
    /// message call it. Throws `ArticleReadError` for files that are not readable text.
    public static func read(fileAt url: URL, as displayPath: String) throws -> Article {
        parse(data: try ArticleDecoding.pageBytes(at: url, as: displayPath), file: displayPath)
    }
}
