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
        /// Its numbers, entities and negation, interned (see `Signature`).
        var signature: Int32
    }

    /// What must be identical for two headlines to be one story, however many words agree:
    /// another number, a negation, or other countries (or the same ones in another order:
    /// who sanctions whom) make another story.
    private struct Signature: Hashable, Sendable {
        var numbers: [Int32]
        var entities: [Int32]
        var negated: Bool
    }

    private var entries: [Entry] = []
    private var exact: [String: Int64] = [:]
    /// Keys sorted by their UTF-8 bytes, for prefix search.
    private var sorted: [(key: String, id: Int64)] = []
    private var vocabulary: [String: Int32] = [:]
    private var signatures: [Signature: Int32] = [:]
    /// What a token as spelled in a title says, so each distinct spelling is stemmed and
    /// classified once (titles repeat their words; building the matcher was mostly this).
    private struct Token: Sendable {
        var word: Int32
        var isNumber: Bool
        var isEntity: Bool
        var isNegation: Bool
    }
    private var tokens: [String: Token] = [:]
    /// Per word id: is it a function word (weight ¼)?
    private var light: [Bool] = []
    /// The entries holding each content word, flat: word `w`'s are
    /// `postings[postingStart[w]..<postingStart[w + 1]]`, ordered by (signature, entry), so
    /// the titles that could match a headline (same signature) are one binary-searched run.
    /// Two flat arrays instead of an array per word: less memory and no per-word allocation.
    private var postings: [Int32] = []
    private var postingStart: [Int32] = []

    /// Which headlines a matcher is built to resolve: link resolution builds one for whole
    /// headlines and one for headlines cut short, each over other titles (`LinkResolution`).
    public struct Purpose: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Exact and near matches.
        public static let wholeHeadlines = Purpose(rawValue: 1)
        /// Titles a headline cut short with `…` begins.
        public static let cutHeadlines = Purpose(rawValue: 2)
        public static let all: Purpose = [.wholeHeadlines, .cutHeadlines]
    }

    /// `titles`: (article number, title key), in the order that wins ties (first wins). A
    /// matcher built for one purpose only answers the other kind of headline with nil.
    public init(titles: [(id: Int64, key: String)], for purpose: Purpose = .all) {
        if purpose.contains(.cutHeadlines) {
            sorted = titles.filter { !$0.key.isEmpty }.map { (key: $0.key, id: $0.id) }
            sorted.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        }
        guard purpose.contains(.wholeHeadlines) else { return }
        entries.reserveCapacity(titles.count)
        for (id, key) in titles where !key.isEmpty {
            if exact[key] == nil { exact[key] = id }
            let (words, signature) = describe(key, intern: true)
            let number: Int32
            if let known = signatures[signature] {
                number = known
            } else {
                number = Int32(signatures.count)
                signatures[signature] = number
            }
            entries.append(Entry(id: id, words: words, signature: number))
        }
        // A counting sort into the flat postings, visiting entries in (signature, entry) order.
        var start = [Int32](repeating: 0, count: light.count + 1)
        for entry in entries {
            for word in entry.words where !light[Int(word)] { start[Int(word) + 1] += 1 }
        }
        for word in light.indices { start[word + 1] += start[word] }
        var next = start
        var flat = [Int32](repeating: 0, count: Int(start[light.count]))
        let order = entries.indices.sorted {
            (entries[$0].signature, $0) < (entries[$1].signature, $1)
        }
        for index in order {
            for word in entries[index].words where !light[Int(word)] {
                flat[Int(next[Int(word)])] = Int32(index)
                next[Int(word)] += 1
            }
        }
        postings = flat
        postingStart = start
    }

    /// A key's sorted distinct word ids and its signature. `intern`: give new words an id;
    /// otherwise a word no title has gets a negative id of its own (it can only count
    /// against a match, and a signature holding one matches no title).
    private mutating func describe(_ key: String, intern: Bool) -> ([Int32], Signature) {
        var words: [Int32] = []
        var numbers: [Int32] = []
        var entities: [Int32] = []
        var negated = false
        for token in key.split(separator: " ") {
            let spelled = String(token)
            let info: Token
            if let known = tokens[spelled] {
                info = known
            } else {
                let facts = HeadlineMatcher.facts(spelled)
                let number: Int32
                if let known = vocabulary[facts.stem] {
                    number = known
                } else if intern {
                    number = Int32(light.count)
                    vocabulary[facts.stem] = number
                    light.append(HeadlineMatcher.stopwords.contains(facts.stem))
                } else {
                    number = -Int32(words.count) - 1
                }
                info = Token(word: number, isNumber: facts.isNumber, isEntity: facts.isEntity,
                             isNegation: facts.isNegation)
                // A probe's unknown word has a number of its own: not one to remember.
                if intern { tokens[spelled] = info }
            }
            words.append(info.word)
            if info.isNumber { numbers.append(info.word) }
            if info.isEntity { entities.append(info.word) }
            if info.isNegation { negated = true }
        }
        return (HeadlineMatcher.sortedUnique(words),
                Signature(numbers: HeadlineMatcher.sortedUnique(numbers), entities: entities, negated: negated))
    }

    static func sortedUnique(_ values: [Int32]) -> [Int32] {
        var sorted = values.sorted()
        var kept = 0
        for value in sorted where kept == 0 || sorted[kept - 1] != value {
            sorted[kept] = value
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
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
        // Describing a probe never interns, so the copy's tables are never written (no copy).
        var scratch = self
        let (words, signature) = scratch.describe(key, intern: false)
        // Only titles with the same signature can match: when none has it, nothing does.
        guard let wanted = signatures[signature] else { return nil }
        // Candidates: titles sharing two of the headline's three rarest content words (rarest
        // among the titles with its signature, so that the answer depends only on those
        // titles: link resolution builds a matcher per group of signatures, see
        // `LinkResolution`). A small edit changes a word or two, so a true match shares at
        // least two of them; asking for two, not one, keeps the candidates few when every
        // word is common.
        var counted: [(word: Int32, titles: ArraySlice<Int32>)] = []
        for word in words where word >= 0 && !light[Int(word)] {
            let titles = postingsOf(word, signature: wanted)
            if !titles.isEmpty { counted.append((word, titles)) }
        }
        counted.sort { $0.titles.count != $1.titles.count ? $0.titles.count < $1.titles.count : $0.word < $1.word }
        let rare = counted.prefix(3).map(\.titles)
        var best: (score: Double, index: Int32)?
        for index in HeadlineMatcher.inAtLeast(min(2, rare.count), of: rare) {
            let entry = entries[Int(index)]
            guard entry.id != excluding else { continue }
            let score = similarity(words, entry.words)
            if score >= HeadlineMatcher.threshold,
               best.map({ score > $0.score || (score == $0.score && index < $0.index) }) ?? true {
                best = (score, index)
            }
        }
        return best.map { entries[Int($0.index)].id }
    }

    /// The titles with `word` and `signature`, in entry order.
    private func postingsOf(_ word: Int32, signature: Int32) -> ArraySlice<Int32> {
        let all = postings[Int(postingStart[Int(word)])..<Int(postingStart[Int(word) + 1])]
        func firstAtLeast(_ wanted: Int32) -> Int {
            var low = all.startIndex
            var high = all.endIndex
            while low < high {
                let mid = (low + high) / 2
                if entries[Int(all[mid])].signature < wanted { low = mid + 1 } else { high = mid }
            }
            return low
        }
        return all[firstAtLeast(signature)..<firstAtLeast(signature + 1)]
    }

    /// The values found in at least `needed` of the sorted lists (a k-way merge).
    static func inAtLeast(_ needed: Int, of lists: [ArraySlice<Int32>]) -> [Int32] {
        guard needed > 0 else { return [] }
        if lists.count == 1 { return Array(lists[0]) }
        var heads = lists.map(\.startIndex)
        var found: [Int32] = []
        while true {
            var smallest = Int32.max
            var live = 0
            for (list, head) in zip(lists, heads) where head < list.endIndex {
                live += 1
                smallest = min(smallest, list[head])
            }
            guard live >= needed else { return found }
            var hits = 0
            for position in lists.indices where heads[position] < lists[position].endIndex
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

    /// What one word of a key is, as the matcher compares it.
    struct TokenFacts {
        var stem: String
        var isNumber: Bool
        var isEntity: Bool
        var isNegation: Bool
    }

    static func facts(_ token: String) -> TokenFacts {
        let role = signatureRoles[token]
        return TokenFacts(stem: role?.stem ?? stem(token), isNumber: token.first?.isNumber ?? false,
                          isEntity: role?.isEntity ?? false, isNegation: role?.isNegation ?? false)
    }

    /// Every spelling whose stem is a listed entity or negation, with that stem: `stem` drops
    /// at most a plural `s`, so those are the words themselves and their plurals. A title's
    /// signature is then read with one lookup per word (sync reads one for every title and
    /// link); `facts` reads it too, so the two cannot disagree.
    private static let signatureRoles: [String: (stem: String, isEntity: Bool, isNegation: Bool)] = {
        var roles: [String: (stem: String, isEntity: Bool, isNegation: Bool)] = [:]
        for word in entityWords.union(negations) {
            for spelling in [word, word + "s"] where stem(spelling) == word {
                roles[spelling] = (word, entityWords.contains(word), negations.contains(word))
            }
        }
        return roles
    }()

    /// The group a headline's match must be in, so that links can be resolved a group at a
    /// time without every title in memory: for a whole headline, a hash of its signature
    /// (numbers, entities, negation), which an exact or fuzzy match shares; for one cut short
    /// (`truncated`), a hash of its first `minimumPrefix` bytes, which every title it begins
    /// shares. Nil when the headline can match nothing. Titles are grouped both ways
    /// (`matchGroup`, `prefixGroup`). Hashes may collide: a group then holds titles that
    /// cannot match, which the matcher rejects as it would anyway.
    static func group(ofKey key: String, truncated: Bool) -> Int64? {
        guard !key.isEmpty else { return nil }
        if truncated { return key.count >= minimumPrefix ? prefixGroup(ofKey: key) : nil }
        return matchGroup(ofKey: key)
    }

    /// The hash of a key's signature (see `Signature`).
    static func matchGroup(ofKey key: String) -> Int64 {
        var numbers: [String] = []
        var entities: [String] = []
        var negated = false
        for token in key.split(separator: " ") {
            let spelled = String(token)
            if token.first?.isNumber ?? false { numbers.append(stem(spelled)) }
            if let role = signatureRoles[spelled] {
                if role.isEntity { entities.append(role.stem) }
                if role.isNegation { negated = true }
            }
        }
        let text = Set(numbers).sorted().joined(separator: " ") + "|" + entities.joined(separator: " ")
            + (negated ? "|not" : "|")
        return Int64(bitPattern: StableHash.of(text.utf8))
    }

    /// The hash of a key's first `minimumPrefix` bytes; nil for a shorter key, which no cut
    /// headline long enough to match can begin.
    static func prefixGroup(ofKey key: String) -> Int64? {
        let bytes = key.utf8.prefix(minimumPrefix)
        return bytes.count == minimumPrefix ? Int64(bitPattern: StableHash.of(bytes)) : nil
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
