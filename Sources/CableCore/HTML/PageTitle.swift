/// The headline and the outlet from a page's title candidates: `og:title`, JSON-LD's
/// headline, the article's `<h1>`, and `<title>`, which usually ends with the outlet's name
/// (`G7 Backs Loan | The Ledger Post`). The headline never keeps that suffix.
enum PageTitle {
    /// What stands between a headline and the outlet's name in a `<title>`.
    static let separators = [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: ", " \u{00B7} ", " // ", " \u{2022} "]

    /// Words that end headlines after a separator and are not outlets (`… - Reports`).
    static let notOutlets: Set<String> = ["reports", "report", "live", "analysis", "opinion", "video", "explainer", "update"]

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

    /// The outlet named by a `<title>` suffix: the part after the headline when the headline is
    /// known, else a short last part that is not a headline's own ending.
    static func outletSuffix(of title: String, headline: String?) -> String? {
        if let headline, title.count > headline.count, title.hasPrefix(headline) {
            var rest = Substring(title.dropFirst(headline.count))
            while let first = rest.first, first == " " || "|-\u{2013}\u{2014}:\u{00B7}/\u{2022}".contains(first) {
                rest.removeFirst()
            }
            return rest.isEmpty ? nil : String(rest)
        }
        guard let (headline, suffix) = split(title) else { return nil }
        let suffixWords = suffix.split(separator: " ").count
        guard suffixWords <= 5, headline.split(separator: " ").count > suffixWords,
              !notOutlets.contains(suffix.lowercased()) else { return nil }
        return suffix
    }

    /// `title` without `suffix` at its end and the separator before it.
    static func removing(_ suffix: String?, from title: String) -> String {
        guard let suffix, title.count > suffix.count, title.hasSuffix(suffix) else { return title }
        var rest = Substring(title.dropLast(suffix.count))
        while let last = rest.last, last == " " || "|-\u{2013}\u{2014}:\u{00B7}/\u{2022}".contains(last) {
            rest.removeLast()
        }
        return rest.isEmpty ? title : String(rest)
    }

    /// A title with the outlet's name taken off its end, when it carries it.
    static func withoutOutlet(_ title: String, outlet: String?) -> String {
        guard let outlet, let (headline, suffix) = split(title) else { return title }
        let a = suffix.lowercased()
        let b = outlet.lowercased()
        return a == b || a.contains(b) || b.contains(a) ? headline : title
    }
}
