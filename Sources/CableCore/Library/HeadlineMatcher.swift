import Foundation

/// Finds the article a headline names, among a set of titles: the same key, else (for a
/// headline cut short with `…`) a title it is the start of, else a title with nearly the same
/// words. Built in memory once per sync: 100,000 titles take a few megabytes, and resolving a
/// headline then costs microseconds instead of a query.
public struct HeadlineMatcher: Sendable {
    /// Below this weighted share of words two headlines are different stories. Tuned against
    /// the adversarial table in `RelatedHeadlineTests`, where the closest different stories
    /// (one changed verb in a short headline) score 0.71 and the loosest same story (one
    /// changed word in a long headline) 0.79. Entities, numbers and negations are checked
    /// separately because one of them changed is another story at any score.
    public static let threshold = 0.75
    /// A truncated headline shorter than this many characters says too little to match.
    static let minimumPrefix = 12

    private struct Entry: Sendable {
        var id: Int64
        var key: String
        var words: [String: Double]
        var numbers: Set<String>
        var negated: Bool
        var entities: [String]
    }

    private var entries: [Entry] = []
    private var exact: [String: Int64] = [:]
    /// Keys sorted by their UTF-8 bytes, for prefix search.
    private var sorted: [(key: [UInt8], id: Int64)] = []
    private var postings: [String: [Int32]] = [:]

    /// `titles`: (article number, title key), in the order that wins ties (first wins).
    public init(titles: [(id: Int64, key: String)]) {
        entries.reserveCapacity(titles.count)
        for (id, key) in titles where !key.isEmpty {
            if exact[key] == nil { exact[key] = id }
            let index = Int32(entries.count)
            let words = HeadlineMatcher.weightedWords(key)
            entries.append(Entry(id: id, key: key, words: words,
                                 numbers: HeadlineMatcher.numbers(key),
                                 negated: HeadlineMatcher.isNegated(words),
                                 entities: HeadlineMatcher.entities(key)))
            for word in words.keys where !HeadlineMatcher.stopwords.contains(word) {
                postings[word, default: []].append(index)
            }
            sorted.append((Array(key.utf8), id))
        }
        sorted.sort { $0.key.lexicographicallyPrecedes($1.key) }
    }

    /// The article the headline names, never `excluding` (a page does not link to itself).
    public func resolve(_ headline: HeadlineKey, excluding: Int64? = nil) -> Int64? {
        guard !headline.key.isEmpty else { return nil }
        if headline.truncated {
            return prefixMatch(headline.key, excluding: excluding)
        }
        if let id = exact[headline.key], id != excluding { return id }
        return fuzzyMatch(headline.key, excluding: excluding)
    }

    private func prefixMatch(_ prefix: String, excluding: Int64?) -> Int64? {
        guard prefix.count >= HeadlineMatcher.minimumPrefix else { return nil }
        let bytes = Array(prefix.utf8)
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid].key.lexicographicallyPrecedes(bytes) { low = mid + 1 } else { high = mid }
        }
        var index = low
        while index < sorted.count, sorted[index].key.starts(with: bytes) {
            if sorted[index].id != excluding { return sorted[index].id }
            index += 1
        }
        return nil
    }

    private func fuzzyMatch(_ key: String, excluding: Int64?) -> Int64? {
        let words = HeadlineMatcher.weightedWords(key)
        // Candidates: titles sharing one of the three rarest content words. A small edit
        // changes one or two words, so a true match always shares one of them.
        var counted: [(word: String, count: Int)] = []
        for word in words.keys where !HeadlineMatcher.stopwords.contains(word) {
            if let list = postings[word] { counted.append((word, list.count)) }
        }
        counted.sort { $0.count != $1.count ? $0.count < $1.count : $0.word < $1.word }
        let rare = counted.prefix(3)
        var seen = Set<Int32>()
        var best: (score: Double, index: Int32)?
        let numbers = HeadlineMatcher.numbers(key)
        let negated = HeadlineMatcher.isNegated(words)
        let entities = HeadlineMatcher.entities(key)
        for (word, _) in rare {
            for index in postings[word] ?? [] where seen.insert(index).inserted {
                let entry = entries[Int(index)]
                // Another number, a negation, or other countries (or the same ones in another
                // order: who sanctions whom) make another story, however many words agree.
                guard entry.id != excluding, entry.numbers == numbers,
                      entry.negated == negated, entry.entities == entities else { continue }
                let score = HeadlineMatcher.similarity(words, entry.words)
                if score >= HeadlineMatcher.threshold,
                   best.map({ score > $0.score || (score == $0.score && index < $0.index) }) ?? true {
                    best = (score, index)
                }
            }
        }
        return best.map { entries[Int($0.index)].id }
    }

    /// Weighted Jaccard: the weight of shared words over the weight of all words.
    static func similarity(_ a: [String: Double], _ b: [String: Double]) -> Double {
        var shared = 0.0
        var total = 0.0
        for (word, weight) in a {
            if b[word] != nil { shared += weight }
            total += weight
        }
        for (word, weight) in b where a[word] == nil { total += weight }
        return total > 0 ? shared / total : 0
    }

    /// Each word stemmed lightly, with its weight: function words count a quarter, because
    /// `Will`/`Would` or an added `The` is a wording edit, not another story.
    static func weightedWords(_ key: String) -> [String: Double] {
        var words: [String: Double] = [:]
        for token in key.split(separator: " ") {
            let word = stem(String(token))
            words[word] = stopwords.contains(word) ? 0.25 : 1
        }
        return words
    }

    static func stem(_ word: String) -> String {
        switch word {
        case "said", "says": return "say"
        case "would": return "will"
        case "has", "had": return "have"
        case "was", "were", "are", "been": return "is"
        default: break
        }
        if word.count > 3, word.hasSuffix("s"),
           !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") {
            return String(word.dropLast())
        }
        return word
    }

    static func numbers(_ key: String) -> Set<String> {
        Set(key.split(separator: " ").filter { $0.first?.isNumber ?? false }.map(String.init))
    }

    /// The places, peoples and bodies a geopolitical headline is about, in order.
    static func entities(_ key: String) -> [String] {
        key.split(separator: " ").map { stem(String($0)) }.filter { entityWords.contains($0) }
    }

    /// Title Case hides proper nouns, so the ones that matter most here are listed.
    static let entityWords: Set<String> = [
        "us", "usa", "uk", "eu", "un", "nato", "america", "american", "china", "chinese", "russia",
        "russian", "ukraine", "ukrainian", "japan", "japanese", "taiwan", "taiwanese", "korea",
        "korean", "india", "indian", "iran", "iranian", "israel", "israeli", "turkey", "turkish",
        "germany", "german", "france", "french", "italy", "italian", "spain", "spanish", "poland",
        "polish", "sweden", "swedish", "finland", "finnish", "norway", "norwegian", "denmark",
        "danish", "estonia", "estonian", "latvia", "latvian", "lithuania", "lithuanian", "dutch",
        "netherland", "britain", "british", "australia", "australian", "canada", "canadian",
        "brazil", "mexico", "egypt", "ethiopia", "somalia", "somaliland", "mali", "niger",
        "nigeria", "syria", "iraq", "afghanistan", "pakistan", "vietnam", "philippine",
        "indonesia", "serbia", "bulgaria", "hungary", "romania", "greece", "georgia", "armenia",
        "azerbaijan", "kazakhstan", "belarus", "moscow", "beijing", "washington", "london",
        "brussel", "kyiv", "tokyo", "taipei", "houthi", "hamas", "g7", "g20", "asean", "opec",
        "imf", "wto", "kremlin", "pentagon", "baltic", "arctic", "europe", "european", "asia",
        "africa", "african", "gulf", "saudi", "qatar", "yemen", "sudan", "libya", "venezuela",
        "cuba", "north", "south", "east", "west",
    ]

    static let negations: Set<String> = [
        "not", "no", "wont", "dont", "doesnt", "didnt", "cant", "cannot", "isnt", "arent",
        "never", "wasnt", "werent", "shouldnt", "wouldnt", "wont", "nor",
    ]

    static func isNegated(_ words: [String: Double]) -> Bool {
        words.keys.contains { negations.contains($0) }
    }

    static let stopwords: Set<String> = [
        "a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "with", "from", "as", "and",
        "or", "but", "is", "be", "will", "can", "could", "may", "might", "should", "have", "do",
        "doe", "did", "it", "it", "its", "this", "that", "these", "those", "into", "onto", "over",
        "amid", "after", "about", "up", "out", "say", "report", "new", "s", "their", "his", "her",
    ]
}
