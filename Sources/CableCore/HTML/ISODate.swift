import Foundation

/// The dates machine-readable page metadata carries (ISO 8601 and its common relaxations):
/// `2024-03-07`, `2024-03-07T09:41Z`, `2024-03-07T09:41:00.000+01:00`, `2024-03-07 09:41:00`,
/// `20240307T094100Z`. A date alone is 00:00 UTC; a time without a zone is taken as UTC.
enum ISODate {
    static func parse(_ text: String) -> Date? {
        let digitsAndMarks = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        var reader = Reader(bytes: digitsAndMarks)
        guard let year = reader.number(4) else { return nil }
        let dashed = reader.skip("-")
        guard let month = reader.number(2), (1...12).contains(month) else { return nil }
        if dashed { guard reader.skip("-") else { return nil } }
        guard let day = reader.number(2), (1...31).contains(day) else { return nil }
        var seconds = 0
        var offset = 0
        if reader.skip("T") || reader.skip("t") || reader.skip(" ") {
            guard let hour = reader.number(2), hour < 24 else { return nil }
            _ = reader.skip(":")
            guard let minute = reader.number(2), minute < 60 else { return nil }
            var second = 0
            if reader.skip(":") || reader.peekDigit {
                guard let value = reader.number(2), value <= 60 else { return nil }
                second = value
            }
            if reader.skip(".") || reader.skip(",") { reader.skipDigits() }
            seconds = hour * 3600 + minute * 60 + second
            _ = reader.skip(" ")
            if reader.skip("Z") || reader.skip("z") {
                offset = 0
            } else if let sign = reader.sign() {
                guard let hours = reader.number(2) else { return nil }
                _ = reader.skip(":")
                let minutes = reader.number(2) ?? 0
                offset = sign * (hours * 3600 + minutes * 60)
            }
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + seconds - offset))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private struct Reader {
        var bytes: [UInt8]
        var position = 0

        var peekDigit: Bool { position < bytes.count && (0x30...0x39).contains(bytes[position]) }

        mutating func number(_ count: Int) -> Int? {
            guard position + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[position..<(position + count)] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            position += count
            return value
        }

        mutating func skip(_ mark: Character) -> Bool {
            guard position < bytes.count, let ascii = mark.asciiValue, bytes[position] == ascii else { return false }
            position += 1
            return true
        }

        mutating func skipDigits() {
            while peekDigit { position += 1 }
        }

        mutating func sign() -> Int? {
            if skip("+") { return 1 }
            if skip("-") { return -1 }
            return nil
        }
    }
}
