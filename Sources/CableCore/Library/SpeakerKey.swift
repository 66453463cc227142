import Foundation

/// What makes two spellings of a speaker one speaker. The parser gives names as the page
/// writes them ("Chinese Foreign Ministry", "Chinese foreign ministry", "Strayer"); the index
/// keys them by `key` (case, apostrophes and spacing folded) and knows from `shape` whether a
/// key is a full name or a lone surname, which sync resolves to a full name (`SpeakerEntities`).
public enum SpeakerKey {
    /// The spelling folded: lower-cased, typographic apostrophes as `'`, runs of white space
    /// (NBSP included) as one space, trimmed.
    public static func key(_ name: String) -> String {
        var out = ""
        out.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for scalar in name.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            switch scalar {
            case "\u{2019}", "\u{2018}", "\u{02BC}", "\u{2032}", "`": out.append("'")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// How a key names someone: `surname` is the last word of a name of two to four words
    /// after any leading titles (`full`), or the one word left after them (`lone`: "Strayer",
    /// "Mr Strayer"); nil for longer descriptions and bare titles. `core` is the key without
    /// its titles ("president joe biden" and "joe biden" are one full name). A key opening
    /// with an article ("the minister", "a senior official") is a description, not a name.
    public struct Shape: Equatable, Sendable {
        public var surname: String
        public var lone: Bool
        public var core: String
    }

    public static func shape(_ key: String) -> Shape? {
        let words = key.split(separator: " ").map(String.init)
        if let first = words.first, ["the", "a", "an"].contains(first) { return nil }
        let core = words.drop { titles.contains($0) }
        guard let last = core.last, core.count <= 4, last.contains(where: \.isLetter) else { return nil }
        return Shape(surname: last, lone: core.count == 1, core: core.joined(separator: " "))
    }

    /// Words that stand before a name without being part of it.
    static let titles: Set<String> = [
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "miss", "dr", "dr.", "prof", "prof.", "professor",
        "sir", "dame", "lord", "lady", "president", "vice-president", "premier", "chancellor",
        "senator", "sen.", "rep.", "representative", "governor", "gov.", "general", "gen.", "minister",
        "ambassador", "secretary", "judge", "justice", "rev.", "mayor", "commissioner", "chairman",
        "chairwoman", "chief", "spokesman", "spokeswoman", "spokesperson", "foreign", "prime", "deputy",
    ]

    /// Whether a spelling could be a person's or body's name (its last word capitalised), so
    /// that a lone word such as "officials" never resolves to "US officials".
    static func looksLikeName(_ name: String) -> Bool {
        guard let last = name.split(whereSeparator: { $0.isWhitespace }).last, let first = last.first else { return false }
        return first.isUppercase
    }
}
