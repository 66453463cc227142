import Foundation

/// Reads a dateline into an instant in UTC: `12:29 GMT18 May 2021` (time and date glued),
/// `Updated: 20 October 2020, 16:25 GMT`, `Published 28.01.2020 18:40 UTC` (day first),
/// `May 22, 2019 2:10 PM GMT`, `2024-03-07T09:41:00+03:00`, zone names and offsets.
///
/// The line is split into numbers, words and symbols; a date, a time and a zone are then read
/// wherever they stand. A line is a dateline only when dates, times and filler words make up
/// most of it: a sentence that mentions a date is not one.
enum Dateline {
    static func date(in line: String) -> Date? {
        // Every date form has at least four digits; most lines do not.
        guard line.utf8.reduce(0, { $0 + ((0x30...0x39).contains($1) ? 1 : 0) }) >= 4 else { return nil }
        if let date = dateOfWholeLine(line) { return date }
        // `Source: CGN | 2024-10-08 21:14:30 (GMT+8) | Editor: Zhao Lan`: a line of fields, one
        // of them the date.
        for separator in [" | ", " · ", " • "] where Text.contains(line, separator) {
            for field in line.split(separator: separator).map(String.init) {
                if let date = dateOfWholeLine(field) { return date }
            }
        }
        return nil
    }

    private static func dateOfWholeLine(_ line: String) -> Date? {
        // A line that introduces something (`stated on April 2, 2024 in a speech:`) is not one.
        guard line.utf8.count <= 160, !line.hasSuffix(":"),
            line.utf8.reduce(0, { $0 + ((0x30...0x39).contains($1) ? 1 : 0) }) >= 4 else { return nil }
        let tokens = DatelineToken.tokens(of: line)
        guard let whole = read(tokens) else { return nil }
        // `Updated 02/01/2025 18:45 | Published 02/01/2025 09:30`, `Updated May 14, 2025 — 6.02pm
        // AEST, first published at 4.35pm AEST`: the article's time is when it was first
        // published, on the line's date when the label gives only a time (`Updated: May 15, 2024 |
        // Published: May 14, 2024`: its own date when it gives one).
        if let label = tokens.indices.dropFirst().first(where: { tokens[$0].word == "published" }),
            var published = read(Array(tokens[label...])), published.time != nil || published.date != nil {
            if published.date == nil { published.date = whole.date }
            if let instant = published.instant { return instant }
        }
        return whole.instant
    }

    private static func read(_ tokens: [DatelineToken]) -> DatelineParts? {
        var reader = DatelineReader(tokens: tokens)
        return reader.read()
    }

    /// Whether the text is a time of day and nothing else (`9:12 AM GMT+4`, `14:30`), as a
    /// list gives it beside a headline.
    static func isTimeOfDay(_ text: String) -> Bool {
        var reader = DatelineReader(tokens: DatelineToken.tokens(of: text))
        return reader.readsTimeOnly()
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's civil algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

/// A number, a word of ASCII letters (lower-cased) or one other character of a dateline.
struct DatelineToken: Equatable {
    enum Kind { case number, word, symbol }
    var kind: Kind
    /// Whether a space comes before it (`09:41` glued, `9 :41` not).
    var spaceBefore: Bool
    /// A word lower-cased, a symbol's character (every dash as `-`), a number's digits.
    var text: String

    var word: String? { kind == .word ? text : nil }
    var digits: Int { kind == .number ? text.count : 0 }
    /// The value of a number (of its first nine digits).
    var value: Int { Int(text.prefix(9)) ?? 0 }

    /// The year at the start of five or six digits glued to a time (`20256:32`, `202511:05`).
    static func gluedYear(_ digits: String, followedBy next: Unicode.Scalar?) -> String? {
        guard (5...6).contains(digits.count), next == ":", let year = Int(digits.prefix(4)),
            (1990...2100).contains(year), let hour = Int(digits.dropFirst(4)), hour <= 23 else { return nil }
        return String(digits.prefix(4))
    }

    static func tokens(of line: String) -> [DatelineToken] {
        var tokens: [DatelineToken] = []
        var spaceBefore = true
        let scalars = Array(line.unicodeScalars)
        var k = 0
        while k < scalars.count {
            let scalar = scalars[k]
            if scalar == " " {
                spaceBefore = true
                k += 1
                continue
            }
            let kind: Kind
            var end = k + 1
            if Text.isDigit(scalar) {
                kind = .number
                while end < scalars.count && Text.isDigit(scalars[end]) { end += 1 }
            } else if scalar.isASCII && scalar.properties.isAlphabetic {
                kind = .word
                while end < scalars.count && scalars[end].isASCII && scalars[end].properties.isAlphabetic { end += 1 }
            } else {
                kind = .symbol
            }
            var text = String(String.UnicodeScalarView(scalars[k..<end])).lowercased()
            // Dashes of every kind separate like a hyphen: en dash, em dash, minus sign.
            if ["\u{2013}", "\u{2014}", "\u{2212}"].contains(text) { text = "-" }
            if kind == .number, let year = gluedYear(text, followedBy: end < scalars.count ? scalars[end] : nil) {
                // `February 19, 20256:32 AM`: the page put the year and the time in two elements
                // with no space between.
                tokens.append(DatelineToken(kind: .number, spaceBefore: spaceBefore, text: year))
                text = String(text.dropFirst(4))
                spaceBefore = true
            }
            tokens.append(DatelineToken(kind: kind, spaceBefore: spaceBefore, text: text))
            spaceBefore = false
            k = end
        }
        return tokens
    }
}
