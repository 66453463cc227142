import Foundation

/// A headline reduced to what identifies the story, so that the related block of one page
/// finds the article another page saved: case, diacritics, curly or straight quotes,
/// dashes, NBSP, spacing, punctuation and a trailing ` - Reports`-style source all fold away.
public struct HeadlineKey: Hashable, Sendable {
    /// The folded words joined by single spaces.
    public var key: String
    /// The page cut the headline short with `…`: the key is a prefix of the story's key.
    public var truncated: Bool

    public var tokens: [Substring] { key.split(separator: " ") }

    /// A key computed earlier (the index stores link keys), without folding again.
    init(key: String, truncated: Bool) {
        self.key = key
        self.truncated = truncated
    }

    static func isTruncated(_ headline: String) -> Bool {
        let text = headline.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.hasSuffix("…") || text.hasSuffix("...")
    }

    public init(_ headline: String) {
        var text = headline.replacingOccurrences(of: "\u{00A0}", with: " ")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        truncated = false
        for ellipsis in ["…", "..."] where text.hasSuffix(ellipsis) {
            text = String(text.dropLast(ellipsis.count)).trimmingCharacters(in: .whitespaces)
            truncated = true
        }
        if !truncated { text = HeadlineKey.droppingSourceSuffix(text) }
        key = HeadlineKey.fold(text)
    }

    /// Lower-cased, diacritics removed, every run of non-alphanumerics one space. Apostrophes
    /// and full stops join rather than split (`Won’t` → `wont`, `U.S.` → `us`).
    static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            switch scalar {
            case ".", "'", "\u{2019}", "\u{2018}", "\u{02BC}", "\u{2032}":
                continue
            default:
                let props = scalar.properties
                if props.isAlphabetic || props.numericType != nil {
                    if pendingSpace && !out.isEmpty { out.append(" ") }
                    pendingSpace = false
                    out.append(scalar)
                } else {
                    pendingSpace = true
                }
            }
        }
        return String(out)
    }

    /// `… - Reports`, `… | BBC News`: one or two capitalised words after a spaced dash or bar
    /// at the end name the outlet, not the story.
    static func droppingSourceSuffix(_ text: String) -> String {
        let separators = [" - ", " – ", " — ", " − ", " | "]
        var best: Range<String.Index>?
        for separator in separators {
            if let range = text.range(of: separator, options: .backwards),
               best.map({ range.lowerBound > $0.lowerBound }) ?? true {
                best = range
            }
        }
        guard let cut = best else { return text }
        let head = text[..<cut.lowerBound]
        let tail = text[cut.upperBound...].split(separator: " ")
        guard !head.isEmpty, (1...2).contains(tail.count),
              tail.allSatisfy({ $0.first?.isUppercase ?? false }) else { return text }
        return String(head)
    }
}
