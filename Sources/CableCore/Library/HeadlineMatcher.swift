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

    /// One title, as numbers: memory matters at 100,000 titles, and comparing two sorted
    /// integer arrays is fast.
    private struct Entry: Sendable {
        var id: Int64
        /// Interned stemmed words, sorted, each once.
        var words: [Int32]
        var numbers: [Int32]
        var entities: [Int32]
        var negated: Bool
    }

    private var entries: [Entry] = []
    private var exact: [String: Int64] = [:]
    /// Keys sorted by their UTF-8 bytes, for prefix search.
    private var sorted: [(key: String, id: Int64)] = []
    private var postings: [Int32: [Int32]] = [:]
    private var vocabulary: [String: Int32] = [:]
    /// Per word id: is it a function word (weight ¼)?
    private var light: [Bool] = []

    /// `titles`: (article number, title key), in the order that wins ties (first wins).
    public init(titles: [(id: Int64, key: String)]) {
        entries.reserveCapacity(titles.count)
        for (id, key) in titles where !key.isEmpty {
            if exact[key] == nil { exact[key] = id }
            let index = Int32(entries.count)
            let entry = makeEntry(key, id: id, intern: true)
            entries.append(entry)
            for word in entry.words where !light[Int(word)] {
                postings[word, default: []].append(index)
            }
            sorted.append((key, id))
        }
        sorted.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    private mutating func makeEntry(_ key: String, id: Int64, intern: Bool) -> Entry {
        var words: [Int32] = []
        var numbers: [Int32] = []
        var entities: [Int32] = []
        var negated = false
        for token in key.split(separator: " ") {
            let word = HeadlineMatcher.stem(String(token))
            let number: Int32
            if let known = vocabulary[word] {
                number = known
            } else if intern {
                number = Int32(light.count)
                vocabulary[word] = number
                light.append(HeadlineMatcher.stopwords.contains(word))
            } else {
                // A word no title has: it can only count against a match, as a unique id.
                number = -Int32(words.count) - 1
            }
            words.append(number)
            if token.first?.isNumber ?? false { numbers.append(number) }
            if HeadlineMatcher.entityWords.contains(word) { entities.append(number) }
            if HeadlineMatcher.negations.contains(word) { negated = true }
        }
        return Entry(id: id, words: Array(Set(words)).sorted(), numbers: Array(Set(numbers)).sorted(),
                     entities: entities, negated: negated)
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
        let bytes = prefix.utf8
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid].key.utf8.lexicographicallyPrecedes(bytes) { low = mid + 1 } else { high = mid }
        }
        var index = low
        while index < sorted.count, sorted[index].key.utf8.starts(with: bytes) {
            if sorted[index].id != excluding { return sorted[index].id }
            index += 1
        }
        return nil
    }

    private func fuzzyMatch(_ key: String, excluding: Int64?) -> Int64? {
        var scratch = self
        let probe = scratch.makeEntry(key, id: -1, intern: false)
        // Candidates: titles sharing two of the headline's three rarest content words. A small
        // edit changes a word or two, so a true match shares at least two of them; asking for
        // two, not one, keeps the candidates few when every word is common.
        var counted: [(word: Int32, list: [Int32])] = []
        for word in probe.words where word >= 0 && !light[Int(word)] {
            if let list = postings[word] { counted.append((word, list)) }
        }
        counted.sort { $0.list.count != $1.list.count ? $0.list.count < $1.list.count : $0.word < $1.word }
        let rare = counted.prefix(3).map(\.list)
        var best: (score: Double, index: Int32)?
        for index in HeadlineMatcher.inAtLeast(min(2, rare.count), of: rare) {
            let entry = entries[Int(index)]
            // Another number, a negation, or other countries (or the same ones in another
            // order: who sanctions whom) make another story, however many words agree.
            guard entry.id != excluding, entry.numbers == probe.numbers,
                  entry.negated == probe.negated, entry.entities == probe.entities else { continue }
            let score = similarity(probe.words, entry.words)
            if score >= HeadlineMatcher.threshold,
               best.map({ score > $0.score || (score == $0.score && index < $0.index) }) ?? true {
                best = (score, index)
            }
        }
        return best.map { entries[Int($0.index)].id }
    }

    /// The values found in at least `needed` of the sorted lists (a k-way merge).
    static func inAtLeast(_ needed: Int, of lists: [[Int32]]) -> [Int32] {
        guard needed > 0 else { return [] }
        if lists.count == 1 { return lists[0] }
        var heads = Array(repeating: 0, count: lists.count)
        var found: [Int32] = []
        while true {
            var smallest = Int32.max
            var live = 0
            for (list, head) in zip(lists, heads) where head < list.count {
                live += 1
                smallest = min(smallest, list[head])
            }
            guard live >= needed else { return found }
            var hits = 0
            for position in lists.indices where heads[position] < lists[position].count
                && lists[position][heads[position]] == smallest {
                hits += 1
                heads[position] += 1
            }
            if hits >= needed { found.append(smallest) }
        }
    }

    private func weight(_ word: Int32) -> Double {
        word >= 0 && light[Int(word)] ? 0.25 : 1
    }

    /// Weighted Jaccard over two sorted word lists.
    private func similarity(_ a: [Int32], _ b: [Int32]) -> Double {
        var shared = 0.0
        var total = 0.0
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                total += weight(a[i]); i += 1
            } else if i == a.count || b[j] < a[i] {
                total += weight(b[j]); j += 1
            } else {
                shared += weight(a[i]); total += weight(a[i]); i += 1; j += 1
            }
        }
        return total > 0 ? shared / total : 0
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

    static let stopwords: Set<String> = [
        "a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "with", "from", "as", "and",
        "or", "but", "is", "be", "will", "can", "could", "may", "might", "should", "have", "do",
        "doe", "did", "it", "it", "its", "this", "that", "these", "those", "into", "onto", "over",
        "amid", "after", "about", "up", "out", "say", "report", "new", "s", "their", "his", "her",
    ]
}
