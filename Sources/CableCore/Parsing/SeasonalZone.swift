/// A US zone printed without its season (`ET`, `PT`): standard time, or daylight saving time
/// from 2:00 on the second Sunday of March to 2:00 on the first Sunday of November, local time
/// (the rule since 2007).
struct SeasonalZone: Equatable {
    let standardMinutes: Int

    /// The offset in minutes on the local day `day` (days since 1970-01-01, in `year`) at
    /// local hour `hour`.
    func offsetMinutes(year: Int, day: Int, hour: Int) -> Int {
        isDaylightTime(year: year, day: day, hour: hour) ? standardMinutes + 60 : standardMinutes
    }

    private func isDaylightTime(year: Int, day: Int, hour: Int) -> Bool {
        let start = Self.sunday(number: 2, ofMonth: 3, year: year)
        let end = Self.sunday(number: 1, ofMonth: 11, year: year)
        if day == start { return hour >= 2 }
        if day == end { return hour < 2 }
        return day > start && day < end
    }

    /// The `number`th Sunday of a month, in days since 1970-01-01 (a Thursday).
    static func sunday(number: Int, ofMonth month: Int, year: Int) -> Int {
        let first = Dateline.daysFromCivil(year, month, 1)
        let weekday = ((first + 4) % 7 + 7) % 7  // 0 is Sunday
        return first + (7 - weekday) % 7 + (number - 1) * 7
    }
}
