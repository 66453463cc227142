import Foundation

/// The headline and the outlet from a page's title candidates: `og:title`, JSON-LD's
/// headline, the article's `<h1>`, and `<title>`, which usually ends with the outlet's name
/// (`G7 Backs Loan | The Ledger Post`). The headline never keeps that suffix.
enum PageTitle {
    /// What stands between a headline and the outlet's name in a `<title>`.
    static let separators = [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: ", " \u{00B7} ", " // ", " \u{2022} "]

    /// Words that end headlines after a separator and are not outlets (`… - Reports`).
    static let notOutlets: Set<String> = ["reports", "report", "live", "analysis", "opinion", "video", "explainer", "update"]

    /// Kinds of page a `<title>` may name instead of a headline, beside the outlet's name.
    static let pageKinds: Set<String> = notOutlets.union([
        "press release", "press releases", "news release", "media release", "press statement", "media statement",
        "statement", "announcement", "media advisory", "news", "home",
    ])
    /// Splits a title into headline and suffix at its last separator.
    static func split(_ title: String) -> (headline: String, suffix: String)? {
        var best: Range<String.Index>?
        for separator in separators {
            if let range = title.range(of: separator, options: .backwards), range.lowerBound > (best?.lowerBound ?? title.startIndex) {
                best = range
            }
        }
        guard let best else { return nil }
        let headline = String(title[..<best.lowerBound]).trimmingCharacters(in: .whitespaces)
        let suffix = String(title[best.upperBound...]).trimmingCharacters(in: .whitespaces)
        guard !headline.isEmpty, !suffix.isEmpty else { return nil }
        return (headline, suffix)
    }

    /// The outlet a `<title>` names beside the headline (`Headline | Outlet`, or
    /// `Outlet | Headline` as some systems write it): the part that is not the known headline,
    /// else the part that spells the site's host name (`Caucasus Wire` on caucasuswire.example),
    /// else a short last part that is not a headline's own ending.
    static func outlet(in title: String, headline: String?, host: String?) -> String? {
        if let headline, title.count > headline.count {
            if title.hasPrefix(headline) { return trimmedSeparators(title.dropFirst(headline.count)).map { farPart($0, atEnd: true) } }
            if title.hasSuffix(headline) { return trimmedSeparators(title.dropLast(headline.count)).map { farPart($0, atEnd: false) } }
        }
        guard let (first, last) = split(title) else { return nil }
        // `Press release | East African Freight Forwarders’ Alliance`: beside the page's kind
        // stands the outlet.
        if pageKinds.contains(first.lowercased()), !pageKinds.contains(last.lowercased()), isWrittenAsName(last) { return last }
        if let host {
            if spells(host: host, last) { return last }
            if spells(host: host, first) { return first }
        }
        let lastWords = last.split(separator: " ").count
        guard lastWords <= 5, first.split(separator: " ").count > lastWords,
              !notOutlets.contains(last.lowercased()), isWrittenAsName(last) else { return nil }
        return last
    }

    /// Whether words are written as a name is: one word, or every word but the small ones
    /// capitalised (`The Frontier Ledger`), not a phrase (`Slovak media law`, the last item of
    /// a newsletter's subject line).
    static func isWrittenAsName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count > 1 else { return true }
        return words.allSatisfy { word in
            Vocabulary.smallWords.contains(word.lowercased()) || word.first.map { !$0.isLowercase } == true
        }
    }

    /// Whether a name, without spaces and punctuation, is one of the labels of a host name;
    /// or most of it is, the rest a word the address leaves out (`Central Eurasia Online` on
    /// centraleurasia.example, `BBC News` on bbc.co.uk): a run of at least half its words.
    static func spells(host: String, _ name: String) -> Bool {
        let labels = Set(host.lowercased().split(separator: ".").map(String.init))
        let words = name.lowercased().split(separator: " ").map { word in
            String(word.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
        }
        guard words.count <= 6 else { return false }
        let least = (words.count + 1) / 2
        for start in words.indices {
            for end in (start + 1)...words.count where end - start >= least {
                let squeezed = words[start..<end].joined()
                if squeezed.count >= 3, labels.contains(squeezed) { return true }
            }
        }
        return false
    }

    /// The part of what stands beside the headline that is farthest from it: the outlet, where
    /// a section or the page's kind stands between them (`Headline :: Print version :: Outlet`,
    /// `Headline - World - Outlet`).
    private static func farPart(_ rest: String, atEnd: Bool) -> String {
        guard let (first, last) = split(rest) else { return rest }
        return atEnd ? last : first
    }

    /// Whether an `<h1>` is the site's name, a logo written as a heading, not the headline:
    /// the whole of the shorter side of the `<title>` (`Headline - South East Europe Bulletin`).
    static func isSiteName(_ heading: String, title: String) -> Bool {
        guard let (first, last) = split(title) else { return false }
        let name = heading.lowercased()
        if name == last.lowercased() { return first.count > last.count }
        if name == first.lowercased() { return last.count > first.count }
        return false
    }

    private static func trimmedSeparators(_ text: Substring) -> String? {
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: " |-\u{2013}\u{2014}:\u{00B7}/\u{2022}"))
        return trimmed.isEmpty ? nil : trimmed
    }

    /// `title` without the outlet's name at its end or start, and the separator beside it.
    static func removing(_ outlet: String?, from title: String) -> String {
        guard let outlet, title.count > outlet.count else { return title }
        if title.hasSuffix(outlet) { return trimmedSeparators(title.dropLast(outlet.count)) ?? title }
        if title.hasPrefix(outlet) { return trimmedSeparators(title.dropFirst(outlet.count)) ?? title }
        return title
    }

    /// A title with the outlet's name taken off its end, when it carries it.
    static func withoutOutlet(_ title: String, outlet: String?) -> String {
        guard let outlet, let (headline, suffix) = split(title) else { return title }
        let a = suffix.lowercased()
        let b = outlet.lowercased()
        return a == b || a.contains(b) || b.contains(a) ? headline : title
    }
}
