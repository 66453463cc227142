import CableCore
import Foundation

/// Any bytes as a saved page, read as `cable parse` reads a file of that name (`page`: a
/// `.txt` through the text parser; `html`: an `.html` page through the HTML reader), the
/// byte-level refusals included: the bytes are refused as too large or binary and nothing
/// else, or read into an article for which `ArticleInvariants` hold; the same bytes read
/// twice give the same article. (A hang is libFuzzer's timeout, or the seeded driver's
/// count of inputs over 1 s.)
///
/// The second read doubles an input's cost, so it is made for one input in eight, chosen by
/// the bytes (`checksDeterminism`): the same input is always checked or always not.
final class PageTarget: FuzzTarget {
    let file: String

    init(file: String) { self.file = file }

    func run(_ data: Data) {
        guard let article = read(data) else { return }
        if let broken = ArticleInvariants.violation(in: article) { FuzzFailure.report(broken, data) }
        if Self.checksDeterminism(data), read(data) != article {
            FuzzFailure.report("the same bytes read twice give two articles", data)
        }
    }

    /// Whether `data` is one of the inputs read twice: one in eight, by the sum of its bytes.
    static func checksDeterminism(_ data: Data) -> Bool {
        data.reduce(0) { $0 &+ UInt32($1) } % 8 == 0
    }

    private func read(_ data: Data) -> Article? {
        do {
            return try PageReader.read(data: data, as: file)
        } catch ArticleReadError.binary, ArticleReadError.tooLarge {
            return nil
        } catch {
            FuzzFailure.report("refused for another reason: \(error)", data)
        }
    }
}

/// What every article guarantees, whichever reader made it.
enum ArticleInvariants {
    /// The first invariant `article` breaks, or nil.
    static func violation(in article: Article) -> String? {
        let id = article.id.rawValue
        if id.utf8.count != 16 || !id.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) {
            return "id \(id.debugDescription) is not 16 lower-case hex digits"
        }
        if article.title.isEmpty { return "empty title" }
        if let index = article.paragraphs.firstIndex(where: \.isEmpty) { return "paragraph \(index) is empty" }
        for (number, quote) in article.quotes.enumerated() {
            guard article.paragraphs.indices.contains(quote.paragraph) else {
                return "quote \(number) points at paragraph \(quote.paragraph) of \(article.paragraphs.count)"
            }
            if quote.text.isEmpty { return "quote \(number) is empty" }
            // The quoted words as they stand in the paragraph, without the marks, trimmed, and
            // without the comma, semicolon or colon that ran into the attribution
            // (`Quote.standalone`): so they occur in it, scalar for scalar, and end in none of those.
            if Quote.standalone(quote.text) != quote.text || quote.text.first?.isWhitespace == true {
                return "quote \(number) \(quote.text.debugDescription) is not trimmed"
            }
            if !occurs(quote.text, in: article.paragraphs[quote.paragraph]) {
                return "quote \(number) \(quote.text.debugDescription) is not in paragraph \(quote.paragraph)"
            }
            if quote.speaker?.isEmpty == true { return "quote \(number) has an empty speaker" }
        }
        let headlines = Set(article.readMore + article.related)
        if let stray = article.linkURLs.keys.first(where: { !headlines.contains($0) }) {
            return "link address for \(stray.debugDescription), which is no READ MORE or related headline"
        }
        return nil
    }

    /// Whether `part` occurs in `text` byte for byte (so scalar for scalar: no folding).
    static func occurs(_ part: String, in text: String) -> Bool {
        Array(text.utf8).firstRange(of: Array(part.utf8)) != nil
    }
}
