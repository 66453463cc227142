import CableCore
import Foundation

/// The words and phrases of a search, as the reading pane looks for them: each a run of
/// words folded the way the full-text index folds them (case and accents ignored, anything
/// but letters and digits between words), so what is highlighted is what matched.
public struct SearchTerms: Hashable, Sendable {
    /// Each term as its folded words (a phrase has several).
    public var terms: [[String]]

    public init(_ query: Query) {
        var terms: [[String]] = []
        func collect(_ clauses: [Query.Clause]) {
            for clause in clauses {
                switch clause {
                case .word(let text, false), .phrase(let text, false):
                    let words = Self.words(in: text).map(\.folded)
                    if !words.isEmpty && !terms.contains(words) { terms.append(words) }
                case .any(let alternatives):
                    collect(alternatives)
                default:
                    break
                }
            }
        }
        collect(query.clauses)
        self.terms = terms
    }

    public var isEmpty: Bool { terms.isEmpty }

    static func fold(_ text: some StringProtocol) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The words of `text` with where each stands.
    static func words(in text: String) -> [(range: Range<String.Index>, folded: String)] {
        var words: [(Range<String.Index>, String)] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            let isWord = text[index].unicodeScalars.first.map(Self.isWordCharacter) ?? false
            if isWord, start == nil { start = index }
            if !isWord, let begun = start {
                words.append((begun..<index, fold(text[begun..<index])))
                start = nil
            }
            index = next
        }
        if let begun = start { words.append((begun..<text.endIndex, fold(text[begun...]))) }
        return words
    }

    /// Where the terms occur in `text`, in order, not overlapping.
    public func ranges(in text: String) -> [Range<String.Index>] {
        guard !terms.isEmpty else { return [] }
        // Most paragraphs hold none of the words: say so without splitting them.
        let folded = Self.fold(text)
        guard terms.contains(where: { folded.contains($0[0]) }) else { return [] }
        let words = Self.words(in: text)
        var found: [Range<String.Index>] = []
        var index = 0
        while index < words.count {
            let hit = terms.first { term in
                index + term.count <= words.count && term.indices.allSatisfy { words[index + $0].folded == term[$0] }
            }
            if let hit {
                found.append(words[index].range.lowerBound..<words[index + hit.count - 1].range.upperBound)
                index += hit.count
            } else {
                index += 1
            }
        }
        return found
    }
}
