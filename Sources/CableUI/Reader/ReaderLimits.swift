import CableCore

/// Caps what the reading pane lays out. A saved page can hold a multi-megabyte paragraph
/// (a one-line dump, a pasted data table); wrapping it on every key would freeze the UI for
/// a minute. The UI shows the start of such text and says how much it left out: the whole
/// article is always one `cable show ID` away. Applied once, where a loaded article enters
/// the UI, so the layout code never sees the oversized text.
public enum ReaderLimits {
    /// Characters of one paragraph laid out; the rest is replaced by a note.
    public static let paragraphCharacters = 20_000
    /// Paragraphs laid out; the rest is replaced by a note.
    public static let paragraphs = 2_000
    /// Characters of a title laid out (a page with no line breaks can make its one line the title).
    public static let titleCharacters = 1_000
    /// Separates a cut paragraph's text from its note, so the reading pane can draw the note
    /// dim. A control character: the sanitiser drops it from article text, so it never shows.
    public static let noteSeparator: Character = "\u{1F}"

    /// The article as the reading pane shows it: long paragraphs cut at a word boundary,
    /// paragraphs past the limit replaced by one note. Quotes keep their paragraph numbers,
    /// because cut paragraphs keep their place.
    public static func capped(_ article: Article) -> Article {
        var article = article
        let command = "`cable show \(article.id)` prints it all"
        if article.title.count > titleCharacters {
            article.title = cut(article.title, to: titleCharacters).text + "…"
        }
        if article.paragraphs.count > paragraphs {
            let left = article.paragraphs.count - paragraphs
            article.paragraphs.removeLast(left)
            article.paragraphs.append(String(noteSeparator)
                + "… (article cut: \(NumberText.grouped(left)) more paragraph\(left == 1 ? "" : "s"); \(command))")
        }
        for index in article.paragraphs.indices where article.paragraphs[index].count > paragraphCharacters {
            let (kept, left) = cut(article.paragraphs[index], to: paragraphCharacters)
            article.paragraphs[index] = kept + String(noteSeparator)
                + "… (paragraph cut: \(NumberText.grouped(left)) more characters; \(command))"
        }
        return article
    }

    /// The first `limit` characters of `text`, backed up to the last space when there is one
    /// near the end (a word is not split), and how many characters were left out.
    static func cut(_ text: String, to limit: Int) -> (text: String, left: Int) {
        var end = text.index(text.startIndex, offsetBy: limit)
        let floor = text.index(end, offsetBy: -limit / 10)
        if let space = text[floor..<end].lastIndex(where: \.isWhitespace) { end = space }
        let kept = String(text[..<end])
        return (kept, text.count - kept.count)
    }

    /// A paragraph's own text and the note put after it by `capped`, if any.
    public static func splitNote(_ paragraph: String) -> (text: Substring, note: String?) {
        guard let separator = paragraph.lastIndex(of: noteSeparator) else { return (paragraph[...], nil) }
        return (paragraph[..<separator], String(paragraph[paragraph.index(after: separator)...]))
    }
}
