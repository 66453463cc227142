import Foundation

/// Reads the dateline forms saved pages produce and turns them into an instant in UTC:
/// `12:29 GMT18 May 2021` (time and date glued), `Updated: 20 October 2020, 16:25 GMT`,
/// `Published 28.01.2020 18:40 UTC` (day first), `May 22, 2019 2:10 PM GMT`,
/// `2024-03-07 09:41`, `2024-03-07T09:41:00+03:00`, zone abbreviations and offsets.
///
/// A hand-written tokenizer and a few patterns over the tokens: linear time, no regex.
enum DatelineParser {
    /// A line is read as a dateline only if dates and times make up most of it; a sentence
    /// that mentions a date is not a dateline.
    static func parse(_ bytes: [UInt8]) -> Date? {
        // Every date form has at least four digits (`1.2.24` at the least, a four-digit year
        // in the others); most lines do not, and are turned away without tokenizing.
        guard bytes.count <= 160, hasFourDigits(bytes) else { return nil }
        return bytes.withUnsafeBufferPointer { line in
            // `Updated 02/01/2025 18:45 | Published 02/01/2025 09:30`: the article's time is
            // when it was published. (The label's part is read in place, not copied out.)
            if let label = publishedLabel(in: line), let date = read(line, from: label) { return date }
            return read(line, from: 0)
        }
    }

    /// Where a `Published` label starts, when it is not at the start of the line.
    static func publishedLabel(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { publishedLabel(in: $0) }
    }

    static func publishedLabel(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var k = 1
        // Sixteen bytes a step as a vector, only the `p`s and `P`s among them looked at
        // (`| 0x20` lower-cases the `P`, as `Bytes.lower` would); most lines have a few.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let bit5 = SIMD16<UInt8>(repeating: 0x20), letterP = SIMD16<UInt8>(repeating: 0x70)
            while k + 16 <= bytes.count {
                let block = raw.loadUnaligned(fromByteOffset: k, as: SIMD16<UInt8>.self)
                let lanes = unsafeBitCast((block | bit5) .== letterP, to: SIMD2<UInt64>.self)
                for (offset, half) in [(0, lanes[0]), (8, lanes[1])] {
                    var flags = half & 0x8080_8080_8080_8080
                    while flags != 0 {
                        let at = k + offset + flags.trailingZeroBitCount / 8
                        if at + 9 <= bytes.count, !Bytes.isASCIILetter(bytes[at - 1]), startsWithPublished(bytes, at: at) {
                            return at
                        }
                        flags &= flags &- 1
                    }
                }
                k += 16
            }
        }
        while k + 9 <= bytes.count {
            // (`| 0x20` lower-cases the `P`, as `Bytes.lower` would.)
            if bytes[k] | 0x20 == 0x70, !Bytes.isASCIILetter(bytes[k - 1]), startsWithPublished(bytes, at: k) {
                return k
            }
            k += 1
        }
        return nil
    }

    private static func startsWithPublished(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var k = start
        for p in "published".utf8 {
            guard k < bytes.count, Bytes.lower(bytes[k]) == p else { return false }
            k += 1
        }
        return true
    }

    /// Reads the line from `start`. The tokens go in room on the stack when they fit (a
    /// dateline is a few tokens; the array each line had was an allocation and a free for
    /// every line with four digits), and the tokenizer gives up on a line as soon as it has
    /// more words than a dateline allows.
    private static func read(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Date? {
        withUnsafeTemporaryAllocation(of: Token.self, capacity: stackTokens) { room in
            switch tokenize(line, from: start, into: room) {
            case .tooManyWords: return nil
            case .tokens(let count):
                guard count > 0 else { return nil }
                var reader = Reader(tokens: UnsafeBufferPointer(rebasing: room[..<count]))
                return reader.read()
            case .outOfRoom:
                // Only a line of more than `stackTokens` tokens: room for a token per byte.
                let more = UnsafeMutableBufferPointer<Token>.allocate(capacity: line.count - start)
                defer { more.deallocate() }
                guard case .tokens(let count) = tokenize(line, from: start, into: more), count > 0 else { return nil }
                var reader = Reader(tokens: UnsafeBufferPointer(rebasing: more[..<count]))
                return reader.read()
            }
        }
    }

    /// Tokens a line may have before its tokens need the heap (1 KB of stack, the size the
    /// standard library allocates on the stack without asking how much stack is left).
    static let stackTokens = 64

    static func hasFourDigits(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count >= 16 else {
                var digits = 0
                for b in buffer where Bytes.isDigit(b) { digits += 1 }
                return digits >= 4
            }
            // Digits counted sixteen bytes a step as a vector (most lines have none, and are
            // read to the end): a lane is a digit when it less `0` is under 10, and each lane
            // keeps its own count, summed at the end (and every 31 steps, so that eight lanes'
            // sum fits in a byte). The last bytes are the last sixteen, with the lanes already
            // counted masked off. (Eight bytes a step as an integer cost three times as much.)
            let raw = UnsafeRawPointer(base)
            let zero = SIMD16<UInt8>(repeating: 0x30), ten = SIMD16<UInt8>(repeating: 10)
            @inline(__always)
            func digitLanes(at offset: Int) -> SIMDMask<SIMD16<Int8>> {
                (raw.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self) &- zero) .< ten
            }
            @inline(__always)
            func sum(_ counts: SIMD16<UInt8>) -> Int {
                let halves = unsafeBitCast(counts, to: SIMD2<UInt64>.self)
                return Int(truncatingIfNeeded: (halves[0] &* 0x0101_0101_0101_0101) >> 56)
                    + Int(truncatingIfNeeded: (halves[1] &* 0x0101_0101_0101_0101) >> 56)
            }
            var digits = 0
            var counts = SIMD16<UInt8>()
            var steps = 0
            var index = 0
            while index + 16 <= buffer.count {
                // (A lane of the mask is all ones, minus one: subtracting it adds one.)
                counts &-= unsafeBitCast(digitLanes(at: index), to: SIMD16<UInt8>.self)
                index += 16
                steps += 1
                if steps == 31 {
                    digits += sum(counts)
                    counts = SIMD16<UInt8>()
                    steps = 0
                }
            }
            if index < buffer.count {
                let counted = UInt8(16 - (buffer.count - index))
                let laneNumbers = SIMD16<UInt8>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
                let fresh = laneNumbers .>= SIMD16<UInt8>(repeating: counted)
                counts &-= unsafeBitCast(digitLanes(at: buffer.count - 16) .& fresh, to: SIMD16<UInt8>.self)
            }
            return digits + sum(counts) >= 4
        }
    }

    struct Token {
        enum Kind: UInt8 { case number, word, symbol }
        var kind: Kind
        var spaceBefore: Bool
        /// A symbol's byte when it is ASCII, `-` for every dash, and `Token.otherSymbol`
        /// for any other character: the reader compares symbols only with ASCII ones.
        var symbol: UInt8 = 0
        /// A number's digits (up to 255: a dateline is at most 160 bytes) and its value
        /// (of the first nine digits).
        var digits: UInt8 = 0
        var value32: Int32 = 0
        /// What a word is to a dateline, looked up once when it is tokenized.
        var word = DatelineWord()

        static let otherSymbol: UInt8 = 0x80

        var value: Int { Int(value32) }
    }

    /// What a dateline makes of a word: a month, a filler, a zone, a word some pattern
    /// looks for. One table lookup per word when the line is tokenized, where the reader
    /// had looked the same word up in several tables as it went.
    struct DatelineWord: Sendable {
        enum Mark: UInt8, Sendable { case none, am, pm, a, p, m, t, z, h, hrs, ordinal }
        /// 1 to 12 for a month's name, 0 for any other word.
        var month: UInt8 = 0
        var isFiller = false
        /// The offset from UTC in minutes of a zone abbreviation.
        var zone: Int16?
        var mark = Mark.none

        /// A word no pattern uses and no dateline may carry many of.
        var isOther: Bool { month == 0 && !isFiller }
        /// A word the reader can never take into a date, time or zone, so that it always
        /// counts among the reader's other words: not a month, filler or zone, nor the `hrs`
        /// a time takes (the words the patterns take are all among those).
        var isNeverTaken: Bool { isOther && zone == nil && mark != .hrs }
    }

    enum Tokenized {
        /// The tokens, that many, are at the start of the room given.
        case tokens(Int)
        /// The line has more words no pattern takes than a dateline allows: it is not one.
        case tooManyWords
        /// The room given was too small.
        case outOfRoom
    }

    /// Splits `line` from `start` into numbers, words (ASCII letters) and symbols (every
    /// other character), written into `room`.
    static func tokenize(_ line: UnsafeBufferPointer<UInt8>, from start: Int, into room: UnsafeMutableBufferPointer<Token>) -> Tokenized {
        guard let out = room.baseAddress else { return start < line.count ? .outOfRoom : .tokens(0) }
        let table = words
        var count = 0
        var neverTaken = 0
        var k = start
        var spaceBefore = true
        while k < line.count {
            let b = line[k]
            if b == 0x20 { spaceBefore = true; k += 1; continue }
            guard count < room.count else { return .outOfRoom }
            var token = Token(kind: .symbol, spaceBefore: spaceBefore)
            if Bytes.isDigit(b) {
                var value: Int32 = 0
                var digits = 0
                while k < line.count && Bytes.isDigit(line[k]) {
                    if digits < 9 { value = value * 10 + Int32(line[k] - 0x30) }
                    digits += 1
                    k += 1
                }
                token.kind = .number
                token.value32 = value
                token.digits = UInt8(min(digits, 255))
            } else if Bytes.isASCIILetter(b) {
                let wordStart = k
                while k < line.count && Bytes.isASCIILetter(line[k]) { k += 1 }
                token.kind = .word
                if let known = table[WordKey(line, wordStart, k)] { token.word = known }
                if token.word.isNeverTaken {
                    neverTaken += 1
                    // The reader would stop at the fifth such word (see `Reader.read`).
                    if neverTaken > Reader.otherWordsAllowed { return .tooManyWords }
                }
            } else if b < 0x80 {
                token.symbol = b
                k += 1
            } else {
                let length = Bytes.utf8Length(b)
                // Dashes of every kind separate like a hyphen: en dash, em dash, minus sign.
                if b == 0xE2, k + 3 <= line.count,
                    line[k + 1] == 0x80 && (line[k + 2] == 0x93 || line[k + 2] == 0x94) || line[k + 1] == 0x88 && line[k + 2] == 0x92 {
                    token.symbol = Symbol.hyphen
                } else {
                    token.symbol = Token.otherSymbol
                }
                k += length
            }
            (out + count).initialize(to: token)
            count += 1
            spaceBefore = false
        }
        return .tokens(count)
    }

    /// Every word a dateline pattern or filler knows, with what it is.
    static let words: WordTable<DatelineWord> = {
        var entries: [String: DatelineWord] = [:]
        for (name, month) in monthList { entries[name, default: DatelineWord()].month = UInt8(month) }
        for (name, minutes) in zoneList { entries[name, default: DatelineWord()].zone = Int16(minutes) }
        for name in fillerList { entries[name, default: DatelineWord()].isFiller = true }
        let marks: [(String, DatelineWord.Mark)] = [
            ("am", .am), ("pm", .pm), ("a", .a), ("p", .p), ("m", .m), ("t", .t), ("z", .z), ("h", .h),
            ("hrs", .hrs), ("st", .ordinal), ("nd", .ordinal), ("rd", .ordinal), ("th", .ordinal),
        ]
        for (name, mark) in marks { entries[name, default: DatelineWord()].mark = mark }
        return WordTable(entries.map { ($0.key, $0.value) })
    }()

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

    /// The symbols the reader looks for.
    enum Symbol {
        static let hyphen: UInt8 = 0x2D
        static let period: UInt8 = 0x2E
        static let comma: UInt8 = 0x2C
        static let colon: UInt8 = 0x3A
        static let slash: UInt8 = 0x2F
        static let plus: UInt8 = 0x2B
    }

    struct Reader {
        let tokens: UnsafeBufferPointer<Token>
        var date: (year: Int, month: Int, day: Int, at: Int)?
        var time: (hour: Int, minute: Int, second: Int, at: Int)?
        var offset: Int?
        var otherWords = 0

        /// Words that are neither dates, times, zones nor fillers a dateline may have.
        static let otherWordsAllowed = 4

        init(tokens: UnsafeBufferPointer<Token>) { self.tokens = tokens }

        mutating func read() -> Date? {
            var i = 0
            while i < tokens.count {
                if let next = readDate(at: i) ?? readTime(at: i) ?? readZone(at: i) {
                    i = next
                    continue
                }
                let token = tokens[i]
                if token.kind == .word && token.word.isOther {
                    otherWords += 1
                    // A byline or a sentence with a date in it is not a dateline (and the
                    // rest of it need not be read to know).
                    if otherWords > Self.otherWordsAllowed { return nil }
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
        private func symbol(_ i: Int, _ s: UInt8) -> Bool {
            i < tokens.count && tokens[i].kind == .symbol && tokens[i].symbol == s
        }
        private func month(_ i: Int) -> Int? {
            i < tokens.count && tokens[i].kind == .word && tokens[i].word.month != 0 ? Int(tokens[i].word.month) : nil
        }
        private func word(_ i: Int) -> DatelineWord? {
            i < tokens.count && tokens[i].kind == .word ? tokens[i].word : nil
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
            if let w = word(i), w.mark == .ordinal, !tokens[i].spaceBefore { return i + 1 }
            return i
        }

        private mutating func readDate(at i: Int) -> Int? {
            guard date == nil else { return nil }
            // Numeric: 2024-03-07, 03.02.2020, 28/01/2020, 2020/01/28.
            if let a = number(i), i + 4 < tokens.count, let sep = symbolText(i + 1),
                sep == Symbol.hyphen || sep == Symbol.period || sep == Symbol.slash, let b = number(i + 2), symbol(i + 3, sep), let c = number(i + 4),
                !tokens[i + 1].spaceBefore, !tokens[i + 2].spaceBefore {
                if a.digits == 4, setDate(a.value, b.value, c.value, at: i) { return i + 5 }
                if let y = year(c), a.digits <= 2, b.digits <= 2 {
                    // Day first, as in most of the world; slashes with a month over 12 in the
                    // middle are American month-first.
                    if sep == Symbol.slash && b.value > 12 && a.value <= 12 {
                        if setDate(y, a.value, b.value, at: i) { return i + 5 }
                    } else if setDate(y, b.value, a.value, at: i) {
                        return i + 5
                    }
                }
            }
            // 18 May 2021, 18th May, 2021, 18-May-2021
            if let d = number(i), d.digits <= 2 {
                var j = afterOrdinal(i + 1)
                if symbol(j, Symbol.hyphen) || symbol(j, Symbol.period) { j += 1 }
                if let m = month(j) {
                    var k = j + 1
                    if symbol(k, Symbol.period) { k += 1 }
                    if symbol(k, Symbol.comma) || symbol(k, Symbol.hyphen) { k += 1 }
                    if let y = number(k), let year = year(y), y.digits == 4 {
                        if setDate(year, m, d.value, at: i) { return k + 1 }
                    }
                }
            }
            // May 18, 2021 / May 18 2021 / Mar. 7, 2024
            if let m = month(i) {
                var j = i + 1
                if symbol(j, Symbol.period) { j += 1 }
                if let d = number(j), d.digits <= 2 {
                    var k = afterOrdinal(j + 1)
                    if symbol(k, Symbol.comma) { k += 1 }
                    if let y = number(k), y.digits == 4, let year = year(y) {
                        if setDate(year, m, d.value, at: i) { return k + 1 }
                    }
                }
            }
            return nil
        }

        private func symbolText(_ i: Int) -> UInt8? {
            i < tokens.count && tokens[i].kind == .symbol ? tokens[i].symbol : nil
        }

        private mutating func readTime(at i: Int) -> Int? {
            guard time == nil, let h = number(i), h.digits <= 2, h.value <= 24 else { return nil }
            // 09:41, 09:41:05, 9.41am, 9:41 AM, 9:41 a.m.
            guard symbol(i + 1, Symbol.colon) || symbol(i + 1, Symbol.period), let m = number(i + 2), m.digits == 2,
                !tokens[i + 1].spaceBefore, !tokens[i + 2].spaceBefore, m.value < 60 else { return nil }
            var hour = h.value
            var second = 0
            var j = i + 3
            if symbol(j, Symbol.colon), let s = number(j + 1), s.digits == 2, s.value < 60 {
                second = s.value
                j += 2
                // Fractions of a second in ISO stamps.
                if symbol(j, Symbol.period), number(j + 1) != nil { j += 2 }
            }
            let isDotted = symbol(i + 1, Symbol.period)
            if let meridiem = readMeridiem(at: j) {
                guard hour >= 1 && hour <= 12 else { return nil }
                if meridiem.isPM && hour != 12 { hour += 12 }
                if !meridiem.isPM && hour == 12 { hour = 0 }
                j = meridiem.next
            } else if isDotted {
                // `03.02` without am/pm is more likely part of a date than a time.
                if symbol(j, Symbol.period), number(j + 1) != nil { return nil }
                if let w = word(j), w.mark == .h || w.mark == .hrs { j += 1 } else if hour > 23 { return nil }
            }
            guard hour <= 23 || (hour == 24 && m.value == 0) else { return nil }
            time = (hour == 24 ? 0 : hour, m.value, second, i)
            // An offset glued to the time: 09:41+03:00, 09:41Z
            if let next = readOffset(at: j, glued: true) { return next }
            return j
        }

        private func readMeridiem(at j: Int) -> (isPM: Bool, next: Int)? {
            guard let w = word(j) else { return nil }
            if w.mark == .am || w.mark == .pm { return (w.mark == .pm, j + 1) }
            if w.mark == .a || w.mark == .p, symbol(j + 1, Symbol.period), word(j + 2)?.mark == .m {
                var next = j + 3
                if symbol(next, Symbol.period) { next += 1 }
                return (w.mark == .p, next)
            }
            return nil
        }

        private mutating func readZone(at i: Int) -> Int? {
            guard let w = word(i) else {
                return readOffset(at: i, glued: false)
            }
            // The `T` of an ISO stamp is filler; a zone needs a time or a date near it.
            guard let minutes = w.zone, w.mark != .t else { return nil }
            if w.mark == .z && time == nil { return nil }
            if offset == nil { offset = Int(minutes) }
            // GMT+3, UTC+03:00, GMT-5
            if let next = readOffset(at: i + 1, glued: true, base: true) { return next }
            return i + 1
        }

        /// `+03:00`, `+0300`, `-05`, and after GMT/UTC `+3`.
        private mutating func readOffset(at i: Int, glued: Bool, base: Bool = false) -> Int? {
            guard i < tokens.count, tokens[i].kind == .symbol, tokens[i].symbol == Symbol.plus || tokens[i].symbol == Symbol.hyphen,
                time != nil || base else { return nil }
            if glued && tokens[i].spaceBefore && !base { return nil }
            guard let h = number(i + 1), !tokens[i + 1].spaceBefore else { return nil }
            let sign = tokens[i].symbol == Symbol.hyphen ? -1 : 1
            var minutes: Int
            var next = i + 2
            if h.digits == 4 {
                minutes = (h.value / 100) * 60 + h.value % 100
            } else if h.digits <= 2 {
                minutes = h.value * 60
                if symbol(i + 2, Symbol.colon), let m = number(i + 3), m.digits == 2 {
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
