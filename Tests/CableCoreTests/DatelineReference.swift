@testable import CableCore
import Foundation

/// The dateline reading as it was before its fast paths (a `[Token]` array per line, a
/// `WordKey` per word and symbol, the tables looked up as the reader goes), kept to check
/// `DatelineParser` against: the two must give the same date, or none, for every line.
enum DatelineReference {
    /// A line is read as a dateline only if dates and times make up most of it; a sentence
    /// that mentions a date is not a dateline.
    static func parse(_ bytes: [UInt8]) -> Date? {
        // Every date form has at least four digits (`1.2.24` at the least, a four-digit year
        // in the others); most lines do not, and are turned away without tokenizing.
        guard bytes.count <= 160, bytes.filter(Bytes.isDigit).count >= 4 else { return nil }
        // `Updated 02/01/2025 18:45 | Published 02/01/2025 09:30`: the article's time is
        // when it was published.
        if let label = publishedLabel(in: bytes), let date = read(Array(bytes[label...])) { return date }
        return read(bytes)
    }

    /// Where a `Published` label starts, when it is not at the start of the line.
    static func publishedLabel(in bytes: [UInt8]) -> Int? {
        var k = 1
        while k + 9 <= bytes.count {
            if Bytes.lower(bytes[k]) == 0x70, !Bytes.isASCIILetter(bytes[k - 1]), Bytes.hasPrefix(bytes, "published", at: k) {
                return k
            }
            k += 1
        }
        return nil
    }

    private static func read(_ bytes: [UInt8]) -> Date? {
        let tokens = tokenize(bytes)
        guard !tokens.isEmpty else { return nil }
        var reader = Reader(tokens: tokens)
        return reader.read()
    }

    struct Token {
        enum Kind { case number, word, symbol }
        var kind: Kind
        /// A word lower-cased, or a symbol (every dash as `-`); empty for a number.
        var text: WordKey
        var value: Int
        var digits: Int
        var spaceBefore: Bool
    }

    static func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        // Room made once (a line has at most a token per byte; date lines are short), not
        // by doubling from one.
        tokens.reserveCapacity(min(bytes.count, 48))
        var k = 0
        var spaceBefore = true
        while k < bytes.count {
            let b = bytes[k]
            if b == 0x20 { spaceBefore = true; k += 1; continue }
            if Bytes.isDigit(b) {
                var value = 0
                var digits = 0
                while k < bytes.count && Bytes.isDigit(bytes[k]) {
                    if digits < 9 { value = value * 10 + Int(bytes[k] - 0x30) }
                    digits += 1
                    k += 1
                }
                tokens.append(Token(kind: .number, text: WordKey(), value: value, digits: digits, spaceBefore: spaceBefore))
            } else if Bytes.isASCIILetter(b) {
                // A key, not a String: tokenizing every line with a date-like number made
                // and hashed Strings for every word.
                let start = k
                while k < bytes.count && Bytes.isASCIILetter(bytes[k]) { k += 1 }
                tokens.append(Token(kind: .word, text: WordKey(bytes, start, k), value: 0, digits: 0, spaceBefore: spaceBefore))
            } else {
                let length = Bytes.utf8Length(b)
                var symbol = WordKey(bytes, k, min(k + length, bytes.count))
                // Dashes of every kind separate like a hyphen.
                if symbol == Keys.enDash || symbol == Keys.emDash || symbol == Keys.minus { symbol = Keys.hyphen }
                tokens.append(Token(kind: .symbol, text: symbol, value: 0, digits: 0, spaceBefore: spaceBefore))
                k += length
            }
            spaceBefore = false
        }
        return tokens
    }

    static let months = WordTable<Int>(monthList.map { ($0.key, $0.value) })
    static let zones = WordTable<Int>(zoneList.map { ($0.key, $0.value) })
    static let fillerWords = WordTable<Bool>(fillerList.map { ($0, true) })

    private static let monthList: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
        "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
        "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
        "dec": 12, "december": 12,
    ]

    /// Zone abbreviations and their offsets from UTC in minutes. Ambiguous ones take the
    /// reading most common in English-language news.
    private static let zoneList: [String: Int] = [
        "gmt": 0, "utc": 0, "z": 0, "ut": 0, "wet": 0, "bst": 60, "ist": 330, "cet": 60,
        "cest": 120, "met": 60, "mest": 120, "west": 60, "eet": 120, "eest": 180, "msk": 180,
        "trt": 180, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420,
        "mdt": -360, "pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600,
        "ast": -240, "adt": -180, "nst": -210, "ndt": -150, "jst": 540, "kst": 540,
        "hkt": 480, "sgt": 480, "awst": 480, "acst": 570, "aest": 600, "aedt": 660,
        "nzst": 720, "nzdt": 780, "pkt": 300, "ict": 420, "wib": 420, "sast": 120, "cat": 120,
        "eat": 180, "wat": 60, "gst": 240, "irst": 210, "art": -180, "brt": -180, "et": -300,
        "pt": -480, "ct": -360,
    ]

    /// Words a dateline may carry besides the date itself.
    private static let fillerList = [
        "updated", "update", "published", "posted", "last", "first", "on", "at", "am", "pm",
        "a", "p", "m", "th", "st", "nd", "rd", "t", "the", "of", "date", "time", "created",
        "modified", "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu",
        "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
        "local", "edited", "issued", "release", "released", "and", "by", "h",
    ]

    /// The words and symbols the reader compares tokens with, as keys made once.
    enum Keys {
        static let hyphen: WordKey = "-"
        static let period: WordKey = "."
        static let comma: WordKey = ","
        static let colon: WordKey = ":"
        static let slash: WordKey = "/"
        static let plus: WordKey = "+"
        static let enDash: WordKey = "\u{2013}"
        static let emDash: WordKey = "\u{2014}"
        static let minus: WordKey = "\u{2212}"
        static let ordinals: [WordKey] = ["st", "nd", "rd", "th"]
        static let dateSeparators: [WordKey] = ["-", ".", "/"]
        static let h: WordKey = "h"
        static let hrs: WordKey = "hrs"
        static let am: WordKey = "am"
        static let pm: WordKey = "pm"
        static let a: WordKey = "a"
        static let p: WordKey = "p"
        static let m: WordKey = "m"
        static let t: WordKey = "t"
        static let z: WordKey = "z"
    }

    struct Reader {
        let tokens: [Token]
        var date: (year: Int, month: Int, day: Int, at: Int)?
        var time: (hour: Int, minute: Int, second: Int, at: Int)?
        var offset: Int?
        var otherWords = 0

        init(tokens: [Token]) { self.tokens = tokens }

        mutating func read() -> Date? {
            var i = 0
            while i < tokens.count {
                if let next = readDate(at: i) ?? readTime(at: i) ?? readZone(at: i) {
                    i = next
                    continue
                }
                let token = tokens[i]
                if token.kind == .word && DatelineReference.fillerWords[token.text] == nil
                    && DatelineReference.months[token.text] == nil {
                    otherWords += 1
                    // A byline or a sentence with a date in it is not a dateline (and the
                    // rest of it need not be read to know).
                    if otherWords > 4 { return nil }
                }
                i += 1
            }
            guard let date else { return nil }
            var seconds = DatelineParser.daysFromCivil(date.year, date.month, date.day) * 86_400
            if let time {
                seconds += time.hour * 3600 + time.minute * 60 + time.second
                seconds -= (offset ?? 0) * 60
            }
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }

        private func number(_ i: Int) -> Token? {
            i < tokens.count && tokens[i].kind == .number ? tokens[i] : nil
        }
        private func symbol(_ i: Int, _ s: WordKey) -> Bool {
            i < tokens.count && tokens[i].kind == .symbol && tokens[i].text == s
        }
        private func month(_ i: Int) -> Int? {
            i < tokens.count && tokens[i].kind == .word ? DatelineReference.months[tokens[i].text] : nil
        }
        private func word(_ i: Int) -> WordKey? {
            i < tokens.count && tokens[i].kind == .word ? tokens[i].text : nil
        }

        private func year(_ token: Token) -> Int? {
            if token.digits == 4 && token.value >= 1900 && token.value <= 2200 { return token.value }
            if token.digits == 2 { return 2000 + token.value }
            return nil
        }

        private mutating func setDate(_ y: Int, _ m: Int, _ d: Int, at i: Int) -> Bool {
            guard date == nil, m >= 1, m <= 12, d >= 1, d <= DatelineParser.daysIn(m, y) else { return false }
            date = (y, m, d, i)
            return true
        }

        /// Skips an ordinal suffix (`18th`) after a day number.
        private func afterOrdinal(_ i: Int) -> Int {
            if let w = word(i), Keys.ordinals.contains(w), !tokens[i].spaceBefore { return i + 1 }
            return i
        }

        private mutating func readDate(at i: Int) -> Int? {
            guard date == nil else { return nil }
            // Numeric: 2024-03-07, 03.02.2020, 28/01/2020, 2020/01/28.
            if let a = number(i), i + 4 < tokens.count, let sep = symbolText(i + 1),
                Keys.dateSeparators.contains(sep), let b = number(i + 2), symbol(i + 3, sep), let c = number(i + 4),
                !tokens[i + 1].spaceBefore, !tokens[i + 2].spaceBefore {
                if a.digits == 4, setDate(a.value, b.value, c.value, at: i) { return i + 5 }
                if let y = year(c), a.digits <= 2, b.digits <= 2 {
                    // Day first, as in most of the world; slashes with a month over 12 in the
                    // middle are American month-first.
                    if sep == Keys.slash && b.value > 12 && a.value <= 12 {
                        if setDate(y, a.value, b.value, at: i) { return i + 5 }
                    } else if setDate(y, b.value, a.value, at: i) {
                        return i + 5
                    }
                }
            }
            // 18 May 2021, 18th May, 2021, 18-May-2021
            if let d = number(i), d.digits <= 2 {
                var j = afterOrdinal(i + 1)
                if symbol(j, Keys.hyphen) || symbol(j, Keys.period) { j += 1 }
                if let m = month(j) {
                    var k = j + 1
                    if symbol(k, Keys.period) { k += 1 }
                    if symbol(k, Keys.comma) || symbol(k, Keys.hyphen) { k += 1 }
                    if let y = number(k), let year = year(y), y.digits == 4 {
                        if setDate(year, m, d.value, at: i) { return k + 1 }
                    }
                }
            }
            // May 18, 2021 / May 18 2021 / Mar. 7, 2024
            if let m = month(i) {
                var j = i + 1
                if symbol(j, Keys.period) { j += 1 }
                if let d = number(j), d.digits <= 2 {
                    var k = afterOrdinal(j + 1)
                    if symbol(k, Keys.comma) { k += 1 }
                    if let y = number(k), y.digits == 4, let year = year(y) {
                        if setDate(year, m, d.value, at: i) { return k + 1 }
                    }
                }
            }
            return nil
        }

        private func symbolText(_ i: Int) -> WordKey? {
            i < tokens.count && tokens[i].kind == .symbol ? tokens[i].text : nil
        }

        private mutating func readTime(at i: Int) -> Int? {
            guard time == nil, let h = number(i), h.digits <= 2, h.value <= 24 else { return nil }
            // 09:41, 09:41:05, 9.41am, 9:41 AM, 9:41 a.m.
            guard symbol(i + 1, Keys.colon) || symbol(i + 1, Keys.period), let m = number(i + 2), m.digits == 2,
                !tokens[i + 1].spaceBefore, !tokens[i + 2].spaceBefore, m.value < 60 else { return nil }
            var hour = h.value
            var second = 0
            var j = i + 3
            if symbol(j, Keys.colon), let s = number(j + 1), s.digits == 2, s.value < 60 {
                second = s.value
                j += 2
                // Fractions of a second in ISO stamps.
                if symbol(j, Keys.period), number(j + 1) != nil { j += 2 }
            }
            let isDotted = symbol(i + 1, Keys.period)
            if let meridiem = readMeridiem(at: j) {
                guard hour >= 1 && hour <= 12 else { return nil }
                if meridiem.isPM && hour != 12 { hour += 12 }
                if !meridiem.isPM && hour == 12 { hour = 0 }
                j = meridiem.next
            } else if isDotted {
                // `03.02` without am/pm is more likely part of a date than a time.
                if symbol(j, Keys.period), number(j + 1) != nil { return nil }
                if let w = word(j), w == Keys.h || w == Keys.hrs { j += 1 } else if hour > 23 { return nil }
            }
            guard hour <= 23 || (hour == 24 && m.value == 0) else { return nil }
            time = (hour == 24 ? 0 : hour, m.value, second, i)
            // An offset glued to the time: 09:41+03:00, 09:41Z
            if let next = readOffset(at: j, glued: true) { return next }
            return j
        }

        private func readMeridiem(at j: Int) -> (isPM: Bool, next: Int)? {
            guard let w = word(j) else { return nil }
            if w == Keys.am || w == Keys.pm { return (w == Keys.pm, j + 1) }
            if w == Keys.a || w == Keys.p, symbol(j + 1, Keys.period), word(j + 2) == Keys.m {
                var next = j + 3
                if symbol(next, Keys.period) { next += 1 }
                return (w == Keys.p, next)
            }
            return nil
        }

        private mutating func readZone(at i: Int) -> Int? {
            guard let w = word(i) else {
                return readOffset(at: i, glued: false)
            }
            // The `T` of an ISO stamp is filler; a zone needs a time or a date near it.
            guard let minutes = DatelineReference.zones[w], w != Keys.t else { return nil }
            if w == Keys.z && time == nil { return nil }
            if offset == nil { offset = minutes }
            // GMT+3, UTC+03:00, GMT-5
            if let next = readOffset(at: i + 1, glued: true, base: true) { return next }
            return i + 1
        }

        /// `+03:00`, `+0300`, `-05`, and after GMT/UTC `+3`.
        private mutating func readOffset(at i: Int, glued: Bool, base: Bool = false) -> Int? {
            guard i < tokens.count, tokens[i].kind == .symbol, tokens[i].text == Keys.plus || tokens[i].text == Keys.hyphen,
                time != nil || base else { return nil }
            if glued && tokens[i].spaceBefore && !base { return nil }
            guard let h = number(i + 1), !tokens[i + 1].spaceBefore else { return nil }
            let sign = tokens[i].text == Keys.hyphen ? -1 : 1
            var minutes: Int
            var next = i + 2
            if h.digits == 4 {
                minutes = (h.value / 100) * 60 + h.value % 100
            } else if h.digits <= 2 {
                minutes = h.value * 60
                if symbol(i + 2, Keys.colon), let m = number(i + 3), m.digits == 2 {
                    minutes += m.value
                    next = i + 4
                } else if !base && h.digits != 2 {
                    return nil
                }
            } else {
                return nil
            }
            // A date that follows (`12:29 -18 May`) is not an offset.
            if month(next) != nil { return nil }
            guard minutes <= 14 * 60 else { return nil }
            offset = sign * minutes
            return next
        }
    }

}
