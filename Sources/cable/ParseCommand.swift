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

    @Argument(help: "Saved article files (.txt).")
    var files: [String]

    func run() throws {
        var results: [(file: String, outcome: Result<Article, ArticleReadError>)] = []
        for file in files {
            let url = URL(fileURLWithPath: file)
            do {
                results.append((file, .success(try ArticleParser.read(fileAt: url, as: file))))
            } catch let error as ArticleReadError {
                results.append((file, .failure(error)))
            } catch {
                results.append((file, .failure(.unreadable(file, reason: "\(error)"))))
            }
        }
        if json {
            print(Console.escapingTerminalControls(
                ParseJSON.array(results.map { ParseJSON.object(file: $0.file, outcome: $0.outcome) })))
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
            out += "  published: \(article.published.map(ParseJSON.iso8601) ?? "unknown")\n"
            if let source = article.source { out += "  source: \(source)\n" }
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
            if !article.readMore.isEmpty {
                out += "  read more:\n" + article.readMore.map { "    \($0)\n" }.joined()
            }
            if !article.related.isEmpty {
                out += "  related:\n" + article.related.map { "    \($0)\n" }.joined()
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

/// The JSON of `cable parse --json`, written by hand to keep the documented key order.
enum ParseJSON {
    static func object(file: String, outcome: Result<Article, ArticleReadError>) -> String {
        switch outcome {
        case .success(let a):
            let quotes = a.quotes.map { q in
                "{\"text\": \(string(q.text)), \"speaker\": \(optional(q.speaker)), "
                    + "\"role\": \(optional(q.role)), \"paragraph\": \(q.paragraph)}"
            }
            return "{\"file\": \(string(file)), \"id\": \(string(a.id.rawValue)), \"title\": \(string(a.title)), "
                + "\"titleDerived\": \(a.titleDerived), \"published\": \(optional(a.published.map(iso8601))), "
                + "\"source\": \(optional(a.source)), "
                + "\"paragraphs\": \(strings(a.paragraphs)), \"readMore\": \(strings(a.readMore)), "
                + "\"related\": \(strings(a.related)), \"tags\": \(strings(a.tags)), "
                + "\"quotes\": [\(quotes.joined(separator: ", "))], "
                + "\"warnings\": \(strings(a.warnings)), \"error\": null}"
        case .failure(let error):
            return "{\"file\": \(string(file)), \"id\": null, \"title\": null, \"titleDerived\": false, "
                + "\"published\": null, \"source\": null, \"paragraphs\": [], \"readMore\": [], "
                + "\"related\": [], \"tags\": [], \"quotes\": [], \"warnings\": [], "
                + "\"error\": \(string(error.description))}"
        }
    }

    static func array(_ objects: [String]) -> String {
        objects.isEmpty ? "[]" : "[\n  " + objects.joined(separator: ",\n  ") + "\n]"
    }

    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func optional(_ value: String?) -> String { value.map(string) ?? "null" }

    static func strings(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ", ") + "]"
    }

    static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value) {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
