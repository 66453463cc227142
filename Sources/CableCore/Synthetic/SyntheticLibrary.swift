import Foundation

/// A deterministic generator of realistic libraries for benchmarks and tests: `count` saved
/// pages in the format of docs/article-format.md, grouped in story threads of 3–12 articles
/// whose related blocks and READ MORE lines name each other (with the small variations real
/// pages make: a ` - Reports` suffix, curly quotes, a cut-off `…`), tags drawn from a Zipf-ish
/// vocabulary, quotes with speakers and roles, and several outlet styles (datelines, chrome,
/// pages without a headline). The same (count, seed) always gives byte-identical files.
public struct SyntheticLibrary: Sendable {
    public var count: Int
    public var seed: UInt64

    public init(count: Int, seed: UInt64 = 1) {
        self.count = count
        self.seed = seed
    }

    /// Where article `index` is written, relative to the library folder (1,000 a folder).
    public func path(_ index: Int) -> String {
        String(format: "batch%03d/article%06d.txt", index / 1000, index)
    }

    /// Writes every article under `folder`; returns the number of bytes written. The folders
    /// are written on every core (a folder each at a time): 300,000 articles in under a minute.
    @discardableResult
    public func write(into folder: URL) throws -> Int {
        let folders = (count + SyntheticLibrary.perFolder - 1) / SyntheticLibrary.perFolder
        let outcomes = FolderOutcomes(count: folders)
        DispatchQueue.concurrentPerform(iterations: folders) { number in
            outcomes.set(number, Result { try writeFolder(number, into: folder) })
        }
        return try outcomes.total()
    }

    /// Articles per folder.
    static let perFolder = 1000

    private func writeFolder(_ number: Int, into folder: URL) throws -> Int {
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(String(format: "batch%03d", number)),
            withIntermediateDirectories: true)
        var bytes = 0
        for index in (number * SyntheticLibrary.perFolder)..<min(count, (number + 1) * SyntheticLibrary.perFolder) {
            let text = text(index)
            bytes += text.utf8.count
            try SyntheticLibrary.writeFile(text, to: folder.appendingPathComponent(path(index)).path)
        }
        return bytes
    }

    /// Writes without `fsync` (Foundation's `Data.write` syncs every file, which made writing
    /// a large library wait on the disk): these are benchmark inputs, made again if lost.
    static func writeFile(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        var text = text
        let written = text.withUTF8 { bytes in Foundation.write(descriptor, bytes.baseAddress, bytes.count) }
        guard written == text.utf8.count else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    /// What each folder's writer gave: bytes written, or the error that stopped it.
    private final class FolderOutcomes: @unchecked Sendable {
        private var results: [Result<Int, Error>?]
        private let lock = NSLock()

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Result<Int, Error>) {
            lock.lock()
            results[index] = result
            lock.unlock()
        }

        func total() throws -> Int {
            lock.lock()
            defer { lock.unlock() }
            return try results.reduce(0) { $0 + (try $1?.get() ?? 0) }
        }
    }

    // MARK: - Threads

    struct Thread {
        var number: Int
        var first: Int
        var size: Int
    }

    /// Threads have 3–12 articles; their sizes come from the seed, so thread boundaries are
    /// found by walking from the start (cheap: a few arithmetic steps per thread).
    func thread(of index: Int) -> Thread {
        // Fixed-size blocks of 64 articles keep lookups O(1); inside a block the sizes vary.
        let block = index / 64
        var first = block * 64
        var number = block * 64
        while true {
            var rng = Random(seed: seed &+ UInt64(number) &* 0x9E37_79B9)
            let size = min(3 + rng.int(10), block * 64 + 64 - first)
            if index < first + size || size <= 0 {
                return Thread(number: number, first: first, size: max(1, min(size, count - first)))
            }
            first += size
            number += 1
        }
    }

    // MARK: - One article

    /// The full saved-page text of article `index`.
    public func text(_ index: Int) -> String {
        let thread = thread(of: index)
        let topic = Topic(thread: thread.number, seed: seed)
        var rng = Random(seed: seed ^ (UInt64(index) &* 0xD6E8_FEB8_6659_FD93))
        let style = rng.int(4)
        var lines: [String] = []
        // One page in eight starts at the dateline: no headline (the parser derives one).
        if rng.int(8) != 0 { lines.append(headline(index)) }
        lines.append(dateline(index, style: style))
        lines += SyntheticWords.topChrome[style]
        lines.append("")

        var paragraphs: [String] = []
        let paragraphCount = 4 + rng.int(6)
        for number in 0..<paragraphCount {
            if number == 1 || (number > 2 && rng.int(4) == 0) {
                paragraphs.append(quoteParagraph(topic, &rng, followUp: number > 1))
            } else {
                paragraphs.append(proseParagraph(topic, &rng, lead: number == 0))
            }
        }
        // READ MORE to an earlier story of the thread, between paragraphs.
        let position = index - thread.first
        if position > 0 && rng.int(2) == 0 {
            let target = thread.first + rng.int(position)
            paragraphs.insert("READ MORE: " + headline(target), at: min(2, paragraphs.count))
        }
        if style == 2 && paragraphs.count > 3 { paragraphs.insert("Advertisement", at: 3) }
        for paragraph in paragraphs {
            lines.append("    " + paragraph)
            lines.append("")
        }
        lines.append("")
        for headline in relatedBlock(index, thread: thread, topic: topic, &rng) {
            lines.append("    " + headline)
        }
        let tags = self.tags(topic, &rng)
        lines.append("    " + (style == 3 ? "Tags: " : "") + tags.joined(separator: ", "))
        lines.append(SyntheticWords.bottomChrome[style])
        var text = lines.joined(separator: style == 1 ? "\r\n" : "\n")
        if style != 3 { text += "\n" }
        return text
    }

    /// The headline article `index` is saved (and linked) under.
    public func headline(_ index: Int) -> String {
        let thread = thread(of: index)
        let topic = Topic(thread: thread.number, seed: seed)
        var rng = Random(seed: seed &+ UInt64(index) &* 0x2545_F491_4F6C_DD1D)
        let verb = rng.pick(SyntheticWords.verbs)
        let tail: String
        switch rng.int(6) {
        case 0: tail = "With \(topic.other)"
        case 1: tail = "Amid \(rng.pick(SyntheticWords.concerns)) Fears"
        case 2: tail = "After Talks in \(topic.place)"
        case 3: tail = "Over \(topic.place) \(rng.pick(SyntheticWords.concerns))"
        case 4: tail = "as \(topic.other) \(rng.pick(SyntheticWords.reactions))"
        default: tail = "Near \(topic.place)"
        }
        return "\(topic.country) \(verb) \(topic.subject) \(tail), \(rng.pick(SyntheticWords.sources)) Says \(index % 97)"
    }

    /// Related headlines: other stories in the thread as pages write them (with variations),
    /// plus one now and then that is not in the library at all.
    func relatedBlock(_ index: Int, thread: Thread, topic: Topic, _ rng: inout Random) -> [String] {
        var block: [String] = []
        let others = (thread.first..<(thread.first + thread.size)).filter { $0 != index && $0 < count }
        for other in others.prefix(2 + rng.int(3)) {
            var headline = self.headline(other)
            switch rng.int(6) {
            case 0: headline += " - Reports"
            case 1: headline = headline.replacingOccurrences(of: ", ", with: " – ")
            case 2:
                let cut = headline.index(headline.startIndex, offsetBy: min(headline.count, 30 + rng.int(12)))
                headline = String(headline[..<cut]).trimmingCharacters(in: .whitespaces) + "…"
            default: break
            }
            block.append(headline)
        }
        if rng.int(3) == 0 {
            block.append("\(topic.other) \(rng.pick(SyntheticWords.verbs)) \(rng.pick(SyntheticWords.subjects)) Plan")
        }
        return block
    }

    func dateline(_ index: Int, style: Int) -> String {
        // Threads run over ten years, newest indices roughly newest.
        let day = 86_400.0
        let start = 1_420_070_400.0  // 2015-01-01
        let offset = Double(index) / Double(max(count, 1)) * 3650 * day + Double(index % 7) * 3_600
        let parts = CivilTime(secondsSince1970: Int64((start + offset).rounded(.down)))
        let (year, month, dayOfMonth) = (parts.year, parts.month, parts.day)
        let time = String(format: "%02d:%02d", parts.hour, parts.minute)
        let name = SyntheticWords.months[(month - 1) % 12]
        switch style {
        case 0: return "\(time) GMT\(String(format: "%02d", dayOfMonth)) \(name) \(year)"
        case 1: return "Updated \(dayOfMonth) \(name) \(year), \(time) UTC"
        case 2: return String(format: "Published %02d.%02d.%d %@", dayOfMonth, month, year, time)
        default: return "\(name) \(dayOfMonth), \(year) \(time) GMT"
        }
    }

    func proseParagraph(_ topic: Topic, _ rng: inout Random, lead: Bool) -> String {
        var sentences: [String] = []
        for number in 0..<(lead ? 1 : 2 + rng.int(2)) {
            var words: [String] = []
            for _ in 0..<(12 + rng.int(14)) { words.append(rng.zipf(SyntheticWords.filler)) }
            // Each sentence mentions the thread's story so threads are similar to each other.
            words.insert(topic.keyword, at: rng.int(words.count))
            if number == 0 { words.insert(topic.country, at: 0) }
            if rng.int(2) == 0 { words.insert(topic.subject.lowercased(), at: rng.int(words.count)) }
            var sentence = words.joined(separator: " ")
            sentence = sentence.prefix(1).uppercased() + sentence.dropFirst()
            sentences.append(sentence + ".")
        }
        return sentences.joined(separator: " ")
    }

    func quoteParagraph(_ topic: Topic, _ rng: inout Random, followUp: Bool) -> String {
        var words: [String] = []
        for _ in 0..<(8 + rng.int(10)) { words.append(rng.zipf(SyntheticWords.filler)) }
        words.insert(topic.keyword, at: rng.int(words.count))
        let quoted = (words.first?.capitalized ?? "") + " " + words.dropFirst().joined(separator: " ")
        let speaker = topic.speakers[rng.int(topic.speakers.count)]
        if followUp && rng.int(2) == 0 {
            return "\(speaker.name) said: “\(quoted).”"
        }
        return "\"\(quoted),\" \(speaker.role) \(speaker.name) told reporters in \(topic.place)."
    }

    func tags(_ topic: Topic, _ rng: inout Random) -> [String] {
        var tags = [topic.country, topic.subject]
        if rng.int(2) == 0 { tags.append(topic.other) }
        for _ in 0..<(1 + rng.int(3)) {
            let tag = rng.zipf(SyntheticWords.tags)
            if !tags.contains(tag) { tags.append(tag) }
        }
        return tags
    }
}

/// What a thread is about: its countries, subject, place, a rare keyword and its speakers.
struct Topic {
    var country: String
    var other: String
    var subject: String
    var place: String
    var keyword: String
    var speakers: [(name: String, role: String)]

    init(thread: Int, seed: UInt64) {
        var rng = Random(seed: seed ^ (UInt64(thread) &* 0xA076_1D64_78BD_642F) ^ 0x5151)
        country = rng.pick(SyntheticWords.countries)
        repeat { other = rng.pick(SyntheticWords.countries) } while other == country
        subject = rng.pick(SyntheticWords.subjects)
        place = rng.pick(SyntheticWords.places)
        // A made-up name (a vessel, a project) that only this thread uses.
        keyword = (0..<3).map { _ in rng.pick(SyntheticWords.syllables) }.joined().capitalized
        speakers = (0..<2).map { _ in
            (name: rng.pick(SyntheticWords.firstNames) + " " + rng.pick(SyntheticWords.lastNames),
             role: rng.pick(SyntheticWords.roles))
        }
    }
}

/// A UTC instant as calendar fields, by the days-to-civil arithmetic of the proleptic
/// Gregorian calendar (Foundation's `Calendar` was most of the generator's time).
struct CivilTime: Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int

    init(year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        (self.year, self.month, self.day, self.hour, self.minute) = (year, month, day, hour, minute)
    }

    init(secondsSince1970 seconds: Int64) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let inDay = Int(seconds - days * 86_400)
        hour = inDay / 3600
        minute = inDay % 3600 / 60
        // Days since 1970-01-01 to (year, month, day), with March-based years so that the
        // leap day is the last of its year.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
    }
}

/// SplitMix64: tiny, fast, and the same on every platform (unlike the system generator).
/// Public for the seeded fuzz driver.
public struct Random {
    var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func int(_ bound: Int) -> Int {
        bound <= 1 ? 0 : Int(next() % UInt64(bound))
    }

    mutating func double() -> Double { Double(next() >> 11) / Double(1 << 53) }

    public mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    /// Early items far more often than late ones (roughly Zipf), like words and tags are.
    mutating func zipf<T>(_ items: [T]) -> T {
        let index = Int(pow(Double(items.count), double())) - 1
        return items[max(0, min(items.count - 1, index))]
    }
}
