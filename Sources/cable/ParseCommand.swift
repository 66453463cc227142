import ArgumentParser
import CableCore
import Foundation

/// `cable parse [--json] FILE...`: what the parser makes of saved pages. The debugging tool
/// for the parser, and what scripts and checks read (with `--json`).
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Show what Cable reads out of saved article files.",
        discussion: """
            Without --json, prints a readable summary per file. With --json, prints one JSON \
            array with an object per file, in argument order. A file that cannot be read gets \
            an object with "error" set; the others are still printed, and the exit status is 1.
            """
    )

    @Flag(name: .long, help: "Print JSON instead of a readable summary.")
    var json = false

    @Argument(help: "Saved article files (.txt page text, or .html/.htm pages).")
    var files: [String]

    func run() throws {
        var results: [(file: String, outcome: Result<Article, ArticleReadError>)] = []
        for file in files {
            let url = URL(fileURLWithPath: file)
            do {
                results.append((file, .success(try PageReader.read(fileAt: url, as: file))))
            } catch let error as ArticleReadError {
                results.append((file, .failure(error)))
            } catch {
                results.append((file, .failure(.unreadable(file, reason: "\(error)"))))
            }
        }
        if json {
            let output = BufferedOutput()
            let stream = JSONOutput.ArrayStream(output, pretty: false)
            for result in results { try stream.append(ParsedFileJSON(file: result.file, outcome: result.outcome)) }
            stream.finish()
        } else {
            for (index, result) in results.enumerated() {
                if index > 0 { Console.out("") }
                var summary = ParseSummary.text(file: result.file, outcome: result.outcome)
                if summary.hasSuffix("\n") { summary.removeLast() }
                Console.out(summary)
            }
        }
        if results.contains(where: { if case .failure = $0.outcome { return true } else { return false } }) {
            throw ExitCode(1)
        }
    }
}

/// The readable summary of one parsed file.
enum ParseSummary {
    static func text(file: String, outcome: Result<Article, ArticleReadError>) -> String {
        var out = "\(file)\n"
        switch outcome {
        case .failure(let error):
            out += "  error: \(error.description)\n"
        case .success(let article):
            out += "  title: \(article.title)\(article.titleDerived ? "  (derived from the lead)" : "")\n"
            out += "  published: \(article.published.map(Console.iso8601) ?? "unknown")\n"
            if let source = article.source { out += "  source: \(source)\n" }
            if let url = article.url { out += "  url: \(url)\n" }
            out += "  paragraphs: \(article.paragraphs.count)\n"
            for (index, paragraph) in article.paragraphs.enumerated() {
                out += "    \(index). \(shortened(paragraph, to: 100))\n"
            }
            out += "  quotes: \(article.quotes.count)\n"
            for quote in article.quotes {
                var who = quote.speaker ?? "(speaker unknown)"
                if let role = quote.role { who += " (\(role))" }
                out += "    ¶\(quote.paragraph) \u{201C}\(shortened(quote.text, to: 70))\u{201D} — \(who)\n"
            }
            func linked(_ headline: String) -> String {
                "    \(headline)" + (article.linkURLs[headline].map { "  <\($0)>" } ?? "") + "\n"
            }
            if !article.readMore.isEmpty {
                out += "  read more:\n" + article.readMore.map(linked).joined()
            }
            if !article.related.isEmpty {
                out += "  related:\n" + article.related.map(linked).joined()
            }
            out += "  tags: \(article.tags.isEmpty ? "none" : article.tags.joined(separator: ", "))\n"
            for warning in article.warnings { out += "  warning: \(warning)\n" }
        }
        return out
    }

    static func shortened(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
