import Foundation

/// What a dateline gives: a date, a time of day and a zone, each when found.
struct DatelineParts {
    var date: (year: Int, month: Int, day: Int)?
    var time: (hour: Int, minute: Int, second: Int)?
    var offsetMinutes: Int?
    /// A zone named without its season (`ET`), when that is what the line gives.
    var seasonalZone: SeasonalZone?

    /// The instant in UTC; a date without a time is midnight UTC.
    var instant: Date? {
        guard let date else { return nil }
        let days = Dateline.daysFromCivil(date.year, date.month, date.day)
        var seconds = days * 86_400
        if let time {
            let offset = offsetMinutes ?? seasonalZone?.offsetMinutes(year: date.year, day: days, hour: time.hour) ?? 0
            seconds += time.hour * 3600 + time.minute * 60 + time.second - offset * 60
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}

/// Reads a date, a time and a zone out of a dateline's tokens, wherever they stand. Each pattern is one function that either reads its tokens at `i` and
/// returns where it stopped, or returns nil.
struct DatelineReader {
    let tokens: [DatelineToken]
    private var date: (year: Int, month: Int, day: Int)?
    private var time: (hour: Int, minute: Int, second: Int)?
    private var offsetMinutes: Int?
    private var seasonalZone: SeasonalZone?

    /// Words that are neither dates, times, zones nor fillers a dateline may have (a byline
    /// with a date, `By Jane Doe | 7 March 2024`, is still one).
    static let otherWordsAllowed = 4

    init(tokens: [DatelineToken]) { self.tokens = tokens }

    /// The date, time and zone the tokens give, or nil when they are not a dateline (too many
    /// other words).
    mutating func read() -> DatelineParts? {
        var otherWords = 0
        var i = 0
        var firstDates: DatelineParts?
        while i < tokens.count {
            // `Published March 3, 2024Updated March 4, 2024, 12:05 p.m. ET`: a second date starts
            // another dateline (an update); the time and zone after it are its own.
            if firstDates == nil, date != nil, startsDate(at: i) {
                firstDates = DatelineParts(date: date, time: time, offsetMinutes: offsetMinutes, seasonalZone: seasonalZone)
            }
            if let next = readDate(at: i) ?? readTime(at: i) ?? readZone(at: i) {
                i = next
                continue
            }
            if let word = tokens[i].word, Vocabulary.months[word] == nil, !Vocabulary.datelineFillers.contains(word) {
                otherWords += 1
                if otherWords > Self.otherWordsAllowed { return nil }
            }
            i += 1
        }
        return firstDates ?? DatelineParts(date: date, time: time, offsetMinutes: offsetMinutes, seasonalZone: seasonalZone)
    }

    /// Whether a date starts at token `i`.
    private func startsDate(at i: Int) -> Bool {
        var probe = DatelineReader(tokens: tokens)
        return probe.readDate(at: i) != nil
    }

    /// Whether the tokens are a time (with its zone) and nothing else.
    mutating func readsTimeOnly() -> Bool {
        guard let end = readTime(at: 0) else { return false }
        var i = end
        while i < tokens.count, let next = readZone(at: i) { i = next }
        return i == tokens.count && date == nil
    }

    // MARK: - Looking at tokens

    private func number(_ i: Int) -> DatelineToken? {
        i < tokens.count && tokens[i].kind == .number ? tokens[i] : nil
    }
    private func symbol(_ i: Int, _ text: String) -> Bool {
        i < tokens.count && tokens[i].kind == .symbol && tokens[i].text == text
    }
    private func word(_ i: Int) -> String? { i < tokens.count ? tokens[i].word : nil }
    private func month(_ i: Int) -> Int? { word(i).flatMap { Vocabulary.months[$0] } }
    private func glued(_ i: Int) -> Bool { i < tokens.count && !tokens[i].spaceBefore }

    private func year(_ token: DatelineToken) -> Int? {
        if token.digits == 4 && (1900...2200).contains(token.value) { return token.value }
        if token.digits == 2 { return 2000 + token.value }
        return nil
    }

    private mutating func setDate(_ year: Int, _ month: Int, _ day: Int) -> Bool {
        guard date == nil, (1...12).contains(month), day >= 1, day <= Dateline.daysIn(month, year) else { return false }
        date = (year, month, day)
        return true
    }

    /// Past an ordinal suffix glued to a day number (`18th`).
    private func afterOrdinal(_ i: Int) -> Int {
        if let suffix = word(i), Vocabulary.ordinalSuffixes.contains(suffix), glued(i) { return i + 1 }
        return i
    }

    // MARK: - Dates

    private mutating func readDate(at i: Int) -> Int? {
        guard date == nil else { return nil }
        return readNumericDate(at: i) ?? readDayMonthYear(at: i) ?? readMonthDayYear(at: i)
    }

    /// `2024-03-07`, `03.02.2020` (day first), `28/01/2020`, `2020/01/28`; with slashes and a
    /// middle number over 12, American month first (`01/28/2020`).
    private mutating func readNumericDate(at i: Int) -> Int? {
        guard let a = number(i), i + 4 < tokens.count, tokens[i + 1].kind == .symbol,
            ["-", ".", "/"].contains(tokens[i + 1].text), let b = number(i + 2),
            symbol(i + 3, tokens[i + 1].text), let c = number(i + 4), glued(i + 1), glued(i + 2) else { return nil }
        let separator = tokens[i + 1].text
        if a.digits == 4, setDate(a.value, b.value, c.value) { return i + 5 }
        guard let y = year(c), a.digits <= 2, b.digits <= 2 else { return nil }
        if separator == "/" && b.value > 12 && a.value <= 12 {
            return setDate(y, a.value, b.value) ? i + 5 : nil
        }
        return setDate(y, b.value, a.value) ? i + 5 : nil
    }

    /// `18 May 2021`, `18th May, 2021`, `18-May-2021`, `8 Feb. 2025`.
    private mutating func readDayMonthYear(at i: Int) -> Int? {
        guard let d = number(i), d.digits <= 2 else { return nil }
        var j = afterOrdinal(i + 1)
        if symbol(j, "-") || symbol(j, ".") { j += 1 }
        guard let m = month(j) else { return nil }
        var k = j + 1
        if symbol(k, ".") { k += 1 }
        if symbol(k, ",") || symbol(k, "-") { k += 1 }
        guard let y = number(k), y.digits == 4, let year = year(y), setDate(year, m, d.value) else { return nil }
        return k + 1
    }

    /// `May 18, 2021`, `May 18 2021`, `Mar. 7, 2024`, `March 7th, 2024`.
    private mutating func readMonthDayYear(at i: Int) -> Int? {
        guard let m = month(i) else { return nil }
        var j = i + 1
        if symbol(j, ".") { j += 1 }
        guard let d = number(j), d.digits <= 2 else { return nil }
        var k = afterOrdinal(j + 1)
        if symbol(k, ",") { k += 1 }
        guard let y = number(k), y.digits == 4, let year = year(y), setDate(year, m, d.value) else { return nil }
        return k + 1
    }

    // MARK: - Times and zones

    /// `09:41`, `09:41:05`, `9.41am`, `9:41 AM`, `9:41 a.m.`, `12.29 BST`, `09:41+03:00`.
    private mutating func readTime(at i: Int) -> Int? {
        if time == nil, let hourOnly = readHourWithMeridiem(at: i) { return hourOnly }
        guard time == nil, let h = number(i), h.digits <= 2, h.value <= 24,
            symbol(i + 1, ":") || symbol(i + 1, "."), let m = number(i + 2), m.digits == 2,
            glued(i + 1), glued(i + 2), m.value < 60 else { return nil }
        var hour = h.value
        var second = 0
        var j = i + 3
        if symbol(j, ":"), let s = number(j + 1), s.digits == 2, s.value < 60 {
            second = s.value
            j += 2
            if symbol(j, "."), number(j + 1) != nil { j += 2 }  // fractions of a second
        }
        if let meridiem = readMeridiem(at: j) {
            guard (1...12).contains(hour) else { return nil }
            if meridiem.isPM && hour != 12 { hour += 12 }
            if !meridiem.isPM && hour == 12 { hour = 0 }
            j = meridiem.next
        } else if symbol(i + 1, ".") {
            // `03.02` without am/pm is more likely part of a date than a time.
            if symbol(j, "."), number(j + 1) != nil { return nil }
            if let w = word(j), w == "h" || w == "hrs" { j += 1 } else if hour > 23 { return nil }
        }
        guard hour <= 23 || (hour == 24 && m.value == 0) else { return nil }
        time = (hour == 24 ? 0 : hour, m.value, second)
        return readOffset(at: j, glued: true) ?? j
    }

    /// `5 a.m.`, `11pm`: an hour on the clock without minutes, with its am or pm.
    private mutating func readHourWithMeridiem(at i: Int) -> Int? {
        guard let h = number(i), h.digits <= 2, (1...12).contains(h.value), let meridiem = readMeridiem(at: i + 1) else { return nil }
        var hour = h.value
        if meridiem.isPM && hour != 12 { hour += 12 }
        if !meridiem.isPM && hour == 12 { hour = 0 }
        time = (hour, 0, 0)
        return readOffset(at: meridiem.next, glued: true) ?? meridiem.next
    }

    private func readMeridiem(at j: Int) -> (isPM: Bool, next: Int)? {
        guard let w = word(j) else { return nil }
        if w == "am" || w == "pm" { return (w == "pm", j + 1) }
        guard w == "a" || w == "p", symbol(j + 1, "."), word(j + 2) == "m" else { return nil }
        return (w == "p", symbol(j + 3, ".") ? j + 4 : j + 3)
    }

    /// `GMT`, `MSK`, `UTC+3`, `GMT-5`, or an offset after a time (`+0300`).
    private mutating func readZone(at i: Int) -> Int? {
        guard let w = word(i) else { return readOffset(at: i, glued: false) }
        // The `T` of an ISO stamp is filler; `Z` is a zone only after a time.
        if let zone = Vocabulary.seasonalZones[w] {
            if offsetMinutes == nil, seasonalZone == nil { seasonalZone = zone }
            return i + 1
        }
        // `08:50 (Moscow time)`: a city's time, where it has one offset all year.
        if time != nil, word(i + 1) == "time", let minutes = Vocabulary.cityTimes[w] {
            if offsetMinutes == nil, seasonalZone == nil { offsetMinutes = minutes }
            return i + 2
        }
        guard w != "t", let minutes = Vocabulary.timeZones[w], w != "z" || time != nil else { return nil }
        if offsetMinutes == nil, seasonalZone == nil { offsetMinutes = minutes }
        return readOffset(at: i + 1, glued: true, afterZone: true) ?? i + 1
    }

    /// `+03:00`, `+0300`, `-05`, and after GMT/UTC also `+3`.
    private mutating func readOffset(at i: Int, glued mustBeGlued: Bool, afterZone: Bool = false) -> Int? {
        // (`… 19:02 KST Modified on : 2024-06-21`: the dashes of a later date are not an offset.)
        guard symbol(i, "+") || symbol(i, "-"), time != nil || afterZone, offsetMinutes == nil || afterZone else { return nil }
        if mustBeGlued && tokens[i].spaceBefore && !afterZone { return nil }
        guard let h = number(i + 1), glued(i + 1) else { return nil }
        var minutes: Int
        var next = i + 2
        if h.digits == 4 {
            minutes = (h.value / 100) * 60 + h.value % 100
        } else if h.digits <= 2 {
            minutes = h.value * 60
            if symbol(i + 2, ":"), let m = number(i + 3), m.digits == 2 {
                minutes += m.value
                next = i + 4
            } else if !afterZone && h.digits != 2 {
                return nil
            }
        } else {
            return nil
        }
        // A date that follows (`12:29 -18 May`) is not an offset.
        guard month(next) == nil, minutes <= 14 * 60 else { return nil }
        offsetMinutes = (symbol(i, "-") ? -1 : 1) * minutes
        return next
    }
}
