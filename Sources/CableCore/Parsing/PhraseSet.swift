/// A fixed set of lower-case phrases, found anywhere in a lower-cased line (`contains`) or at
/// its start (`isPrefix`). Phrases are grouped by their first byte (an array indexed by the
/// byte), so that a line is walked once and only the phrases that could start at each place
/// are compared.
struct PhraseSet: Sendable {
    private let byFirstByte: [[[UInt8]]]

    init(_ phrases: [String]) {
        var groups = [[[UInt8]]](repeating: [], count: 256)
        for phrase in phrases {
            let bytes = Array(phrase.utf8)
            guard let first = bytes.first else { continue }
            groups[Int(first)].append(bytes)
        }
        byFirstByte = groups
    }

    /// Whether any phrase occurs in `line`, which must already be lower-cased.
    func contains(in line: [UInt8]) -> Bool {
        line.indices.contains { matches(line, at: $0, foldingCase: false) }
    }

    /// Whether any phrase occurs in `line` with its ASCII letters in either case (other
    /// characters as they are): for long lines (body paragraphs), where a lower-cased copy
    /// would cost more than the search.
    func contains(foldingCaseIn line: String) -> Bool {
        let bytes = Array(line.utf8)
        return bytes.indices.contains { matches(bytes, at: $0, foldingCase: true) }
    }

    /// Whether `line` (lower-cased) starts with any phrase.
    func isPrefix(of line: [UInt8]) -> Bool {
        !line.isEmpty && matches(line, at: 0, foldingCase: false)
    }

    private func matches(_ line: [UInt8], at start: Int, foldingCase: Bool) -> Bool {
        func byte(_ index: Int) -> UInt8 {
            let byte = line[index]
            return foldingCase && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        for phrase in byFirstByte[Int(byte(start))] where start + phrase.count <= line.count {
            // The first byte is equal: compare the rest, and stop at the first that differs.
            var k = 1
            while k < phrase.count && byte(start + k) == phrase[k] { k += 1 }
            if k == phrase.count { return true }
        }
        return false
    }
}
