import CableCore
import Foundation
import XCTest

/// Scores the parser against every hand-labelled sample (`Labels/`) and the held-out set
/// (`Holdout/`, `Holdout2/`), prints the figures, and holds the parser to the issue's bars.
///
/// `CABLE_SAMPLE_ROOT` may point at another checkout holding `SampleData/` and the labels
/// (useful while labels are being written); by default the package root is used.
final class ParserScoringTests: XCTestCase {
    func testLabelledSamplesMeetTheBars() throws {
        let score = try scoreSet("Labels")
        print(score.report(title: "Labelled samples"))
        assertBars(score)
    }

    func testHoldoutMeetsTheBars() throws {
        let score = try scoreSet("Holdout")
        print(score.report(title: "Held-out samples"))
        assertBars(score)
    }

    /// A second held-out set, written later by someone who had not seen the parser or the
    /// first held-out set (scored blind first; see BENCHMARKS.md for that first score).
    func testSecondHoldoutMeetsTheBars() throws {
        let score = try scoreSet("Holdout2")
        print(score.report(title: "Second held-out samples"))
        assertBars(score)
    }

    /// The first blind round's tuning set: pages in ten styles the parser had not seen, written
    /// blind and scored blind first (see BENCHMARKS.md); rules were then fixed on them.
    func testFirstBlindRoundTuningSet() throws {
        let score = try scoreSet("Blind1")
        print(score.report(title: "Blind round 1, tuning set"))
        assertFloors(score, BlindFloors.tuning)
    }

    /// The second blind round's tuning set: new pages in the first round's held-out styles.
    func testSecondBlindRoundTuningSet() throws {
        let score = try scoreSet("Blind2")
        print(score.report(title: "Blind round 2, tuning set"))
        assertFloors(score, BlindFloors.secondTuning)
    }

    /// The fourth blind round's tuning set: new pages in the third round's held-out styles.
    func testFourthBlindRoundTuningSet() throws {
        let score = try scoreSet("Blind3")
        print(score.report(title: "Blind round 4, tuning set"))
        assertFloors(score, BlindFloors.fourthTuning)
    }

    /// The sixth blind round's tuning set: five styles no one had used (public broadcasters'
    /// English services, Japanese and Korean dailies, timelines and factboxes, print and
    /// reader-mode copies, Turkish and Gulf English sites); scored blind first (BENCHMARKS.md).
    func testSixthBlindRoundTuningSet() throws {
        let score = try scoreSet("Blind4")
        print(score.report(title: "Blind round 6, tuning set"))
        assertFloors(score, BlindFloors.sixthTuning)
    }

    /// The seventh blind round's tuning set: five styles no one had used (smart-brevity pages,
    /// aggregator republications, law firms' client alerts, photo galleries, blog-platform
    /// posts); scored blind first (BENCHMARKS.md).
    func testSeventhBlindRoundTuningSet() throws {
        let score = try scoreSet("Blind5")
        print(score.report(title: "Blind round 7, tuning set"))
        assertFloors(score, BlindFloors.seventhTuning)
    }

    /// The eighth blind round's tuning set: five styles no one had used (forwarded e-mails,
    /// messaging-channel posts, text-only "lite" sites, book reviews, magazine features with
    /// pull quotes); scored blind first (BENCHMARKS.md).
    func testEighthBlindRoundTuningSet() throws {
        let score = try scoreSet("Blind6")
        print(score.report(title: "Blind round 8, tuning set"))
        assertFloors(score, BlindFloors.eighthTuning)
    }

    /// The ninth blind round's tuning set: five styles no one had used (profiles of
    /// politicians, foreign-press reviews, unrolled social-media threads, OCR'd archive
    /// clippings, diplomatic gossip columns); scored blind first (BENCHMARKS.md).
    func testNinthBlindRoundTuningSet() throws {
        let score = try scoreSet("Blind7")
        print(score.report(title: "Blind round 9, tuning set"))
        assertFloors(score, BlindFloors.ninthTuning)
    }

    /// The first blind round's held-out set: ten more unseen styles. Only its figures are
    /// printed, never its problems: no rule may be tuned on it.
    func testFirstBlindRoundHeldOutSet() throws {
        let score = try scoreSet("BlindHeld1")
        print(score.report(title: "Blind round 1, held-out set (figures only)", withProblems: false))
        assertFloors(score, BlindFloors.heldOut)
    }

    /// The third blind round: ten styles no one had used, held out (figures only).
    func testThirdBlindRoundHeldOutSet() throws {
        let score = try scoreSet("BlindHeld2")
        print(score.report(title: "Blind round 3, held-out set (figures only)", withProblems: false))
        assertFloors(score, BlindFloors.secondHeldOut)
    }

    /// The fifth blind round: ten more styles no one had used (committee hearings, Gulf and
    /// Indian dailies, trade press, podcast pages, Ukrainian, African and Latin American English
    /// editions, law blogs, print PDFs), held out (figures only).
    func testFifthBlindRoundHeldOutSet() throws {
        let score = try scoreSet("BlindHeld3")
        print(score.report(title: "Blind round 5, held-out set (figures only)", withProblems: false))
        assertFloors(score, BlindFloors.thirdHeldOut)
    }

    /// The sixth blind round: five more styles no one had used (web-archive snapshots,
    /// syndicated republications, Pacific and Caribbean outlets, editorials and letters,
    /// Balkan English editions), held out (figures only).
    func testSixthBlindRoundHeldOutSet() throws {
        let score = try scoreSet("BlindHeld4")
        print(score.report(title: "Blind round 6, held-out set (figures only)", withProblems: false))
        assertFloors(score, BlindFloors.fourthHeldOut)
    }

    /// The seventh blind round: five more styles no one had used (pages read through a
    /// browser's translation, stories updated several times, data stories, community news
    /// sites, news apps' share views), held out (figures only).
    func testSeventhBlindRoundHeldOutSet() throws {
        let score = try scoreSet("BlindHeld5")
        print(score.report(title: "Blind round 7, held-out set (figures only)", withProblems: false))
        assertFloors(score, BlindFloors.fifthHeldOut)
    }

    /// The eighth blind round: five more styles no one had used (leaked diplomatic cables,
    /// student newspapers, paywall teasers, read-later exports, NGO releases), held out
    /// (figures only).
    func testEighthBlindRoundHeldOutSet() throws {
        let score = try scoreSet("BlindHeld6")
        print(score.report(title: "Blind round 8, held-out set (figures only)", withProblems: false))
        assertFloors(score, BlindFloors.sixthHeldOut)
    }

    /// The ninth blind round's second half: five styles no one had used (financial-terminal
    /// stories, correspondents' letters, professional-network posts, anniversary retrospectives,
    /// citizen wiki news). Held out until its first run was recorded (BENCHMARKS.md), then
    /// released for tuning in session 13 (the other held-out sets still hold over a third of the pages).
    func testNinthBlindRoundSecondTuningSet() throws {
        let score = try scoreSet("Blind8")
        print(score.report(title: "Blind round 9, second tuning set"))
        assertFloors(score, BlindFloors.ninthSecondTuning)
    }

    /// The tenth blind round's tuning set: five styles no one had used (obituaries of
    /// statesmen, election-night results, sports desks on geopolitics, defence trade
    /// magazines, parliamentary sketches); scored blind first (BENCHMARKS.md).
    func testTenthBlindRoundTuningSet() throws {
        let score = try scoreSet("Blind9")
        print(score.report(title: "Blind round 10, tuning set"))
        assertFloors(score, BlindFloors.tenthTuning)
    }

    /// The tenth blind round: five more styles no one had used (UN meetings coverage, video
    /// news pages with transcripts, travel advisories, expert roundtables, Central Asian and
    /// Caucasus agencies), held out (figures only).
    func testTenthBlindRoundHeldOutSet() throws {
        let score = try scoreSet("BlindHeld8")
        print(score.report(title: "Blind round 10, held-out set (figures only)", withProblems: false))
        assertFloors(score, BlindFloors.eighthHeldOut)
    }

    private func assertFloors(_ score: ParserScore, _ floors: BlindFloors, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertGreaterThanOrEqual(score.share(score.titlesRight), floors.titles, "titles", file: file, line: line)
        XCTAssertGreaterThanOrEqual(score.share(score.paragraphsExact), floors.paragraphs, "paragraphs exact", file: file, line: line)
        XCTAssertGreaterThanOrEqual(score.quotePrecision, floors.quotePrecision, "quote precision", file: file, line: line)
        XCTAssertGreaterThanOrEqual(score.quoteRecall, floors.quoteRecall, "quote recall", file: file, line: line)
        XCTAssertGreaterThanOrEqual(score.speakerAccuracy, floors.speakers, "speaker accuracy", file: file, line: line)
        XCTAssertLessThanOrEqual(score.wrongSpeakerShare, floors.wrongSpeakers, "wrong speakers", file: file, line: line)
    }

    private func assertBars(_ score: ParserScore, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertGreaterThanOrEqual(score.quotePrecision, 0.97, "quote precision", file: file, line: line)
        XCTAssertGreaterThanOrEqual(score.quoteRecall, 0.95, "quote recall", file: file, line: line)
        XCTAssertGreaterThanOrEqual(score.speakerAccuracy, 0.95, "speaker accuracy", file: file, line: line)
        XCTAssertEqual(score.leakedLines, 0, "furniture or other lines leaked into bodies", file: file, line: line)
        XCTAssertEqual(score.lostParagraphs, 0, "body paragraphs lost", file: file, line: line)
        XCTAssertEqual(score.datesRight, score.articles, "dates right", file: file, line: line)
    }

    private func scoreSet(_ folder: String) throws -> ParserScore {
        let root = ScoringFiles.root
        let labelDir = root.appendingPathComponent("Tests/CableCoreTests/\(folder)")
        let labels = ScoringFiles.jsonFiles(under: labelDir)
        if labels.isEmpty { throw XCTSkip("no labels under \(labelDir.path)") }
        var score = ParserScore()
        for labelURL in labels {
            let data = try Data(contentsOf: labelURL)
            let label = try JSONDecoder().decode(ArticleLabel.self, from: data)
            let article = try ArticleParser.read(fileAt: ScoringFiles.article(for: label, labelURL: labelURL, root: root), as: label.file)
            score.add(article: article, label: label)
        }
        return score
    }
}

/// Scores the blind sets may not fall below: what they scored when last measured, so that a
/// change that makes unseen pages worse fails here.
struct BlindFloors {
    var titles: Double
    var paragraphs: Double
    var quotePrecision: Double
    var quoteRecall: Double
    var speakers: Double

    /// The most quotes found that may have a wrong speaker (rather than none), as a share.
    var wrongSpeakers: Double

    static let tuning = BlindFloors(titles: 1.0, paragraphs: 0.96, quotePrecision: 0.99, quoteRecall: 0.99, speakers: 0.98, wrongSpeakers: 0.0)
    static let secondTuning = BlindFloors(titles: 0.96, paragraphs: 0.93, quotePrecision: 0.98, quoteRecall: 0.97, speakers: 0.93, wrongSpeakers: 0.0)
    static let fourthTuning = BlindFloors(titles: 1.0, paragraphs: 0.89, quotePrecision: 0.96, quoteRecall: 0.97, speakers: 0.85, wrongSpeakers: 0.0)
    // (Session 13: the desk's notes about the article are furniture, as Blind3 and Blind6 label
    // them and BlindHeld4-5's gains bear out; one page here reads otherwise: 0.70 -> 0.67.)
    static let secondHeldOut = BlindFloors(titles: 0.83, paragraphs: 0.66, quotePrecision: 0.98, quoteRecall: 0.97, speakers: 0.82, wrongSpeakers: 0.055)
    static let thirdHeldOut = BlindFloors(titles: 0.9, paragraphs: 0.64, quotePrecision: 0.98, quoteRecall: 0.95, speakers: 0.76, wrongSpeakers: 0.085)
    static let sixthTuning = BlindFloors(titles: 1.0, paragraphs: 1.0, quotePrecision: 0.99, quoteRecall: 0.98, speakers: 0.89, wrongSpeakers: 0.0)
    static let fourthHeldOut = BlindFloors(titles: 0.93, paragraphs: 0.53, quotePrecision: 0.99, quoteRecall: 0.99, speakers: 0.87, wrongSpeakers: 0.06)
    static let seventhTuning = BlindFloors(titles: 1.0, paragraphs: 0.86, quotePrecision: 0.96, quoteRecall: 0.98, speakers: 0.90, wrongSpeakers: 0.0)
    static let fifthHeldOut = BlindFloors(titles: 0.93, paragraphs: 0.59, quotePrecision: 0.96, quoteRecall: 0.93, speakers: 0.76, wrongSpeakers: 0.009)
    static let eighthTuning = BlindFloors(titles: 1.0, paragraphs: 1.0, quotePrecision: 0.98, quoteRecall: 0.99, speakers: 0.97, wrongSpeakers: 0.0)
    static let sixthHeldOut = BlindFloors(titles: 1.0, paragraphs: 0.33, quotePrecision: 0.96, quoteRecall: 0.92, speakers: 0.80, wrongSpeakers: 0.035)
    static let ninthTuning = BlindFloors(titles: 0.93, paragraphs: 0.59, quotePrecision: 0.99, quoteRecall: 0.98, speakers: 0.88, wrongSpeakers: 0.015)
    static let ninthSecondTuning = BlindFloors(titles: 0.53, paragraphs: 0.73, quotePrecision: 0.98, quoteRecall: 0.98, speakers: 0.89, wrongSpeakers: 0.015)
    static let tenthTuning = BlindFloors(titles: 1.0, paragraphs: 0.8, quotePrecision: 0.99, quoteRecall: 0.98, speakers: 0.92, wrongSpeakers: 0.01)
    static let eighthHeldOut = BlindFloors(titles: 0.8, paragraphs: 0.4, quotePrecision: 0.98, quoteRecall: 0.97, speakers: 0.62, wrongSpeakers: 0.20)
    static let heldOut = BlindFloors(titles: 0.76, paragraphs: 0.69, quotePrecision: 0.99, quoteRecall: 0.97, speakers: 0.84, wrongSpeakers: 0.025)
}

/// One hand-written expectation (the format the sample writers use).
struct ArticleLabel: Decodable {
    struct LabelQuote: Decodable {
        var text: String
        var speaker: String?
        var role: String?
        var paragraph: Int
    }
    var file: String
    var title: String?
    var titleDerived: Bool
    var published: String?
    var paragraphs: [String]
    var readMore: [String]
    var related: [String]
    var tags: [String]
    var quotes: [LabelQuote]
    /// The outlet, in labels that give it (a key that is absent is not scored; `null` is "none").
    var source: String??

    enum CodingKeys: String, CodingKey {
        case file, title, titleDerived, published, paragraphs, readMore, related, tags, quotes, source
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        titleDerived = try container.decode(Bool.self, forKey: .titleDerived)
        published = try container.decodeIfPresent(String.self, forKey: .published)
        paragraphs = try container.decode([String].self, forKey: .paragraphs)
        readMore = try container.decode([String].self, forKey: .readMore)
        related = try container.decode([String].self, forKey: .related)
        tags = try container.decode([String].self, forKey: .tags)
        quotes = try container.decode([LabelQuote].self, forKey: .quotes)
        source = container.contains(.source) ? .some(try container.decodeIfPresent(String.self, forKey: .source)) : .none
    }
}

enum ScoringFiles {
    static var root: URL {
        if let override = ProcessInfo.processInfo.environment["CABLE_SAMPLE_ROOT"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static func jsonFiles(under directory: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        var files: [URL] = []
        for case let url as URL in walker where url.pathExtension == "json" { files.append(url) }
        return files.sorted { $0.path < $1.path }
    }

    /// The article a label describes: `file` relative to the root, or else next to the label.
    static func article(for label: ArticleLabel, labelURL: URL, root: URL) -> URL {
        let fromRoot = root.appendingPathComponent(label.file)
        if FileManager.default.fileExists(atPath: fromRoot.path) { return fromRoot }
        let name = URL(fileURLWithPath: label.file).lastPathComponent
        let besideLabel = labelURL.deletingLastPathComponent().appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: besideLabel.path) { return besideLabel }
        return labelURL.deletingPathExtension().appendingPathExtension("txt")
    }
}

/// The figures, and what went wrong where (printed so a failure says why).
struct ParserScore {
    var articles = 0
    var parsedQuotes = 0
    var labelledQuotes = 0
    var matchedQuotes = 0
    var quotesWithSpeaker = 0
    var speakersRight = 0
    var rolesRight = 0
    var leakedLines = 0
    var lostParagraphs = 0
    var datesRight = 0
    var titlesRight = 0
    var tagsExact = 0
    var relatedExact = 0
    var readMoreExact = 0
    var paragraphsExact = 0
    var sourcesLabelled = 0
    var sourcesRight = 0
    /// Quotes given a speaker other than the label's (a wrong answer, not a missing one).
    var wrongSpeakers = 0
    var problems: [String] = []

    func share(_ count: Int) -> Double { articles == 0 ? 1 : Double(count) / Double(articles) }

    var quotePrecision: Double { parsedQuotes == 0 ? (labelledQuotes == 0 ? 1 : 0) : Double(matchedQuotes) / Double(parsedQuotes) }
    var quoteRecall: Double { labelledQuotes == 0 ? 1 : Double(matchedQuotes) / Double(labelledQuotes) }
    var speakerAccuracy: Double { quotesWithSpeaker == 0 ? 1 : Double(speakersRight) / Double(quotesWithSpeaker) }
    var wrongSpeakerShare: Double { matchedQuotes == 0 ? 0 : Double(wrongSpeakers) / Double(matchedQuotes) }

    /// Quote text compared without case, quote marks, trailing punctuation or spacing.
    static func key(_ text: String) -> String {
        var folded = ""
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\"", "'", "\u{AB}", "\u{BB}": continue
            case "\u{A0}": folded.unicodeScalars.append(" ")
            default: folded.unicodeScalars.append(scalar)
            }
        }
        var words = folded.split(separator: " ").joined(separator: " ")
        while let last = words.last, ",.;:!?… ".contains(last) { words.removeLast() }
        return words
    }

    mutating func add(article: Article, label: ArticleLabel) {
        articles += 1
        let name = label.file

        let published = article.published.map(Self.iso8601)
        if published == label.published { datesRight += 1 } else {
            problems.append("\(name): date \(published ?? "nil") expected \(label.published ?? "nil")")
        }
        if label.titleDerived ? article.titleDerived : (!article.titleDerived && article.title == label.title) {
            titlesRight += 1
        } else {
            problems.append("\(name): title \(article.title.debugDescription) (derived \(article.titleDerived)) expected \(label.title.debugDescription)")
        }

        if article.paragraphs.map(Self.key) == label.paragraphs.map(Self.key) { paragraphsExact += 1 }
        if case .some(let source) = label.source {
            sourcesLabelled += 1
            if article.source == source { sourcesRight += 1 } else {
                problems.append("\(name): source \(article.source.debugDescription) expected \(source.debugDescription)")
            }
        }
        let expected = Set(label.paragraphs.map(Self.key))
        let parsed = Set(article.paragraphs.map(Self.key))
        for paragraph in article.paragraphs where !expected.contains(Self.key(paragraph)) {
            leakedLines += 1
            problems.append("\(name): leaked \(paragraph.prefix(90).debugDescription)")
        }
        for paragraph in label.paragraphs where !parsed.contains(Self.key(paragraph)) {
            lostParagraphs += 1
            problems.append("\(name): lost \(paragraph.prefix(90).debugDescription)")
        }

        if article.tags == label.tags { tagsExact += 1 } else {
            problems.append("\(name): tags \(article.tags) expected \(label.tags)")
        }
        if article.related == label.related { relatedExact += 1 } else {
            problems.append("\(name): related \(article.related) expected \(label.related)")
        }
        if article.readMore == label.readMore { readMoreExact += 1 } else {
            problems.append("\(name): readMore \(article.readMore) expected \(label.readMore)")
        }

        addQuotes(article.quotes, label: label)
    }

    /// Each labelled quote matched with a parsed one by its words, and its speaker and role compared.
    private mutating func addQuotes(_ quotes: [Quote], label: ArticleLabel) {
        let name = label.file
        parsedQuotes += quotes.count
        labelledQuotes += label.quotes.count
        var unmatched = quotes
        for quote in label.quotes {
            let key = Self.key(quote.text)
            guard let index = unmatched.firstIndex(where: { Self.key($0.text) == key }) else {
                problems.append("\(name): missed quote ¶\(quote.paragraph) \(quote.text.prefix(60).debugDescription)")
                if quote.speaker != nil { quotesWithSpeaker += 1 }
                continue
            }
            let found = unmatched.remove(at: index)
            matchedQuotes += 1
            if found.role == quote.role { rolesRight += 1 }
            guard quote.speaker != nil else {
                if found.speaker != nil {
                    wrongSpeakers += 1
                    problems.append("\(name): quote \(quote.text.prefix(40).debugDescription) speaker \(found.speaker ?? "") expected none")
                }
                continue
            }
            quotesWithSpeaker += 1
            if found.speaker == quote.speaker { speakersRight += 1 } else {
                if found.speaker != nil { wrongSpeakers += 1 }
                problems.append("\(name): quote \(quote.text.prefix(40).debugDescription) speaker \(found.speaker ?? "nil") expected \(quote.speaker ?? "nil")")
            }
            if found.role != quote.role {
                problems.append("\(name): quote \(quote.text.prefix(40).debugDescription) role \(found.role ?? "nil") expected \(quote.role ?? "nil")")
            }
        }
        for quote in unmatched {
            problems.append("\(name): extra quote ¶\(quote.paragraph) \(quote.text.prefix(60).debugDescription)")
        }
    }

    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    func report(title: String, withProblems: Bool = true) -> String {
        func f(_ value: Double) -> String { String(format: "%.3f", value) }
        func percent(_ count: Int, of total: Int) -> String {
            total == 0 ? "n/a" : "\(count)/\(total) (\(Int((100 * Double(count) / Double(total)).rounded()))%)"
        }
        var lines = ["== \(title): \(articles) articles"]
        lines.append("quote precision \(f(quotePrecision)) (\(matchedQuotes)/\(parsedQuotes)), recall \(f(quoteRecall)) (\(matchedQuotes)/\(labelledQuotes))")
        lines.append("speaker accuracy \(f(speakerAccuracy)) (\(speakersRight)/\(quotesWithSpeaker)), roles right \(rolesRight)/\(matchedQuotes)")
        lines.append("furniture leaked into bodies \(leakedLines), body paragraphs lost \(lostParagraphs)")
        lines.append("dates right \(datesRight)/\(articles), titles right \(titlesRight)/\(articles)")
        lines.append("exact: tags \(tagsExact)/\(articles), related \(relatedExact)/\(articles), readMore \(readMoreExact)/\(articles)")
        lines.append("pages right: titles \(percent(titlesRight, of: articles)), paragraphs \(percent(paragraphsExact, of: articles)), "
            + "tags \(percent(tagsExact, of: articles)), related \(percent(relatedExact, of: articles)), source \(percent(sourcesRight, of: sourcesLabelled))")
        lines.append("wrong speakers \(wrongSpeakers) (\(percent(wrongSpeakers, of: matchedQuotes)) of quotes found)")
        if withProblems { lines += problems.map { "  - " + $0 } }
        return lines.joined(separator: "\n")
    }
}
