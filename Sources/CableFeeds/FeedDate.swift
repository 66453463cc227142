import CableCore
import Foundation

/// The dates feeds carry: RFC 822 (RSS 2.0's `pubDate`: `Tue, 10 Jun 2003 04:00:00 +0200`,
/// and its common relaxations: no weekday, no seconds, a two-digit year, a full month name,
/// `GMT`/`UT`/`Z`, the US zone names, `+02:00`) and RFC 3339 (Atom, `dc:date`:
/// `2003-06-10T04:00:00.5-05:00`). Read by hand, never by pattern matching; a time with no
/// zone is UTC.
public enum FeedDate {
    public static func parse(_ text: String) -> Date? {
        let trimmed = PageText.clean(text)
        guard let first = trimmed.unicodeScalars.first else { return nil }
        if first.properties.numericType != nil, trimmed.count >= 10,
           trimmed.unicodeScalars.prefix(5).last == "-", let date = MachineDate.iso8601(trimmed) {
            return date
        }
        return rfc822(trimmed)
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Hours east of UTC of the zone names RFC 822 allows.
    static let zones: [String: Int] = [
        "gmt": 0, "ut": 0, "utc": 0, "z": 0,
        "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
    ]

    /// `[Day,] DD Mon YYYY HH:MM[:SS] [zone]`, made into an RFC 3339 string and read as one.
    static func rfc822(_ text: String) -> Date? {
        var words = text.split { $0 == " " || $0 == "," }.map { $0.lowercased() }
        if let first = words.first, first.first?.isLetter == true, !months.contains(String(first.prefix(3))) {
            words.removeFirst()  // the weekday, which says nothing the date does not
        }
        guard words.count >= 3 else { return nil }
        // The day and the month, either way round (`10 Jun` or `Jun 10`).
        var day: Int?
        var month: Int?
        for word in words.prefix(2) {
            if let number = Int(word) {
                day = number
            } else if let index = months.firstIndex(of: String(word.prefix(3))) {
                month = index + 1
            }
        }
        guard let day, (1...31).contains(day), let month, var year = Int(words[2]) else { return nil }
        if words[2].count == 2 { year += year < 50 ? 2000 : 1900 }
        guard (1000...9999).contains(year) else { return nil }
        var time = (hour: 0, minute: 0, second: 0)
        var offset = "Z"
        if words.count > 3 {
            let parts = words[3].split(separator: ":").map { Int($0) }
            guard parts.count >= 2, parts.count <= 3, let hour = parts[0], let minute = parts[1],
                  hour < 24, minute < 60 else { return nil }
            let second = parts.count == 3 ? parts[2] : 0
            guard let second, second <= 60 else { return nil }
            time = (hour, minute, second)
        }
        if words.count > 4 {
            guard let zone = zoneOffset(words[4]) else { return nil }
            offset = zone
        }
        let iso = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, time.hour, time.minute, time.second)
        return MachineDate.iso8601(iso + offset)
    }

    /// `+0200`, `-05:00`, `GMT`, `EST` as an RFC 3339 offset (`+02:00`, `Z`). Military letters
    /// other than Z are taken as UTC, as RFC 2822 advises.
    static func zoneOffset(_ word: String) -> String? {
        if let hours = zones[word] {
            return hours == 0 ? "Z" : (hours < 0 ? "-" : "+") + String(format: "%02d:00", abs(hours))
        }
        if word.count == 1, word.first?.isLetter == true { return "Z" }
        guard let sign = word.first, sign == "+" || sign == "-" else { return nil }
        let digits = word.dropFirst().filter { $0 != ":" }
        guard digits.count == 4, digits.allSatisfy(\.isASCII), let value = Int(digits) else { return nil }
        let hours = value / 100
        let minutes = value % 100
        guard hours < 24, minutes < 60 else { return nil }
        return String(sign) + String(format: "%02d:%02d", hours, minutes)
    }
}
