import Foundation

/// The one query language of the command line and the TUI:
///
///     tag:Huawei -tag:US speaker:Strayer after:2021-01-01 before:2021-12-31 is:unread "five eyes" cable
///
/// Bare words are full-text terms, a quoted run is a phrase, every clause must hold (AND), and a
/// leading `-` negates a clause. `OR` between clauses makes them alternatives, binding tighter
/// than the AND (`tag:Huawei OR tag:ZTE is:unread` is unread articles with either tag). `tag:`,
/// `speaker:` and `source:` take a quoted value for names with spaces (`tag:"Five Eyes"`);
/// `source:` is a case-insensitive substring of the outlet's name. Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in UTC; both bounds are
/// inclusive of the period named. `is:` takes `unread`, `read`, `starred` or `unstarred`.
public struct Query: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, CaseIterable {
        case unread, read, starred, unstarred
    }

    public enum Clause: Hashable, Sendable {
        /// A full-text word.
        case word(String, negated: Bool)
        /// A full-text phrase (the words in this order).
        case phrase(String, negated: Bool)
        /// An article tag or user tag, compared case-insensitively.
        case tag(String, negated: Bool)
        /// A quote speaker, case-insensitive substring of the name.
        case speaker(String, negated: Bool)
        /// The outlet, case-insensitive substring of its name (`source:"ledger post"`).
        case source(String, negated: Bool)
        /// Published at or after this instant.
        case after(Date)
        /// Published strictly before this instant (the end of the period the user named).
        case before(Date)
        case status(Status)
        /// At least one of these (`tag:Huawei OR tag:ZTE`).
        indirect case any([Clause])
    }

    public var clauses: [Clause]

    public init(clauses: [Clause] = []) { self.clauses = clauses }

    /// Matches every article.
    public static let all = Query()

    public var isEmpty: Bool { clauses.isEmpty }

    /// The tags this query requires (not negated), in order.
    public var requiredTags: [String] {
        clauses.compactMap { if case .tag(let tag, false) = $0 { return tag } else { return nil } }
    }

    /// This query with one more clause.
    public func adding(_ clause: Clause) -> Query { Query(clauses: clauses + [clause]) }

    /// Both queries' clauses.
    public func and(_ other: Query) -> Query { Query(clauses: clauses + other.clauses) }

    /// The longest query, in characters. Far beyond what anyone types; it bounds the work a
    /// pasted text costs (the TUI parses the search on every key).
    public static let maximumLength = 2_000
    /// The most clauses in a query (words, phrases and fields, each side of an `OR`
    /// counted): SQLite refuses a statement nested past a depth of 1,000, and each clause
    /// nests its condition once.
    public static let maximumClauses = 100

    /// Parses the query language; throws a `QueryError` that says what is wrong and where.
    public static func parse(_ text: String) throws -> Query {
        // Only the first `maximumLength` characters are read, so a pasted megabyte costs
        // no more than that. In a text past the limit, too many clauses within it is the
        // error worth naming; anything else there may be the cut's doing.
        let head = text.prefix(maximumLength + 1)
        var parser = QueryParser(head.prefix(maximumLength))
        guard head.count > maximumLength else { return try parser.parse() }
        do {
            _ = try parser.parse()
        } catch let error as QueryError where error.isClauseLimit {
            throw error
        } catch {}
        throw QueryError("the query is longer than \(maximumLength) characters", column: maximumLength + 1)
    }
}

/// A malformed query: what is wrong and at which column (1-based, in characters).
public struct QueryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var column: Int
    public init(_ message: String, column: Int) {
        self.message = message
        self.column = column
    }
    public var description: String { "query error at column \(column): \(message)" }

    static func clauseLimit(column: Int) -> QueryError {
        QueryError("more than \(Query.maximumClauses) clauses (words, phrases and fields, each side of "
            + "an OR counted); search for fewer things at once", column: column)
    }

    var isClauseLimit: Bool { message == QueryError.clauseLimit(column: 0).message }
}

private struct QueryParser {
    let chars: [Character]
    var index = 0
    var clauseCount = 0

    init(_ text: Substring) { chars = Array(text) }

    mutating func parse() throws -> Query {
        var clauses: [Query.Clause] = []
        while true {
            skipSpace()
            guard index < chars.count else { break }
            if atOr() { throw QueryError("'OR' needs something to search for before it", column: index + 1) }
            var alternatives = [try clause()]
            while true {
                let afterClause = index
                skipSpace()
                guard atOr() else {
                    index = afterClause
                    break
                }
                let orColumn = index + 1
                index += 2
                skipSpace()
                guard index < chars.count, !atOr() else {
                    throw QueryError("'OR' needs something to search for after it", column: orColumn)
                }
                alternatives.append(try clause())
            }
            clauses.append(alternatives.count == 1 ? alternatives[0] : .any(alternatives))
        }
        return Query(clauses: clauses)
    }

    /// `OR` in capitals, as a word of its own (a lower-case `or` is searched for).
    func atOr() -> Bool {
        index + 1 < chars.count && chars[index] == "O" && chars[index + 1] == "R"
            && (index + 2 == chars.count || chars[index + 2].isWhitespace)
    }

    mutating func skipSpace() {
        while index < chars.count, chars[index].isWhitespace { index += 1 }
    }

    mutating func clause() throws -> Query.Clause {
        let start = index
        clauseCount += 1
        guard clauseCount <= Query.maximumClauses else { throw QueryError.clauseLimit(column: start + 1) }
        var negated = false
        if chars[index] == "-" {
            negated = true
            index += 1
            guard index < chars.count, !chars[index].isWhitespace else {
                throw QueryError("a '-' must be followed by what to exclude", column: start + 1)
            }
        }
        if isQuote(chars[index]) {
            let phrase = try quoted()
            return .phrase(phrase, negated: negated)
        }
        // A field is letters followed by ':'; anything else is a plain word.
        var probe = index
        while probe < chars.count, chars[probe].isLetter { probe += 1 }
        if probe > index, probe < chars.count, chars[probe] == ":" {
            let field = String(chars[index..<probe]).lowercased()
            let fieldColumn = index + 1
            index = probe + 1
            let valueColumn = index + 1
            let value = try fieldValue(field: field, column: fieldColumn)
            return try fieldClause(field, value: value, negated: negated,
                                   fieldColumn: fieldColumn, valueColumn: valueColumn)
        }
        let word = bareWord()
        return .word(word, negated: negated)
    }

    /// A quote, also with combining marks on it (`"` and a mark are one character; the
    /// marks are dropped with the quote).
    func isQuote(_ c: Character) -> Bool {
        guard let first = c.unicodeScalars.first else { return false }
        return (first == "\"" || first == "“" || first == "”")
            && c.unicodeScalars.dropFirst().allSatisfy(PrintableText.isCombiningMark)
    }

    mutating func quoted() throws -> String {
        let open = index
        index += 1
        let start = index
        while index < chars.count, !isQuote(chars[index]) { index += 1 }
        guard index < chars.count else {
            throw QueryError("unclosed quote", column: open + 1)
        }
        let text = String(chars[start..<index]).trimmingCharacters(in: .whitespaces)
        index += 1
        guard !text.isEmpty else { throw QueryError("empty quotes", column: open + 1) }
        return text
    }

    mutating func bareWord() -> String {
        let start = index
        while index < chars.count, !chars[index].isWhitespace { index += 1 }
        return String(chars[start..<index])
    }

    mutating func fieldValue(field: String, column: Int) throws -> String {
        guard index < chars.count, !chars[index].isWhitespace else {
            throw QueryError("'\(field):' needs a value", column: column)
        }
        return isQuote(chars[index]) ? try quoted() : bareWord()
    }

    func fieldClause(_ field: String, value: String, negated: Bool,
                     fieldColumn: Int, valueColumn: Int) throws -> Query.Clause {
        func notNegatable() throws {
            if negated {
                throw QueryError("'\(field):' cannot be negated", column: fieldColumn - 1)
            }
        }
        switch field {
        case "tag":
            return .tag(value, negated: negated)
        case "speaker":
            return .speaker(value, negated: negated)
        case "source":
            return .source(value, negated: negated)
        case "after", "before":
            try notNegatable()
            guard let period = DatePeriod(value) else {
                throw QueryError("'\(value)' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)",
                                 column: valueColumn)
            }
            return field == "after" ? .after(period.start) : .before(period.end)
        case "is":
            try notNegatable()
            guard let status = Query.Status(rawValue: value.lowercased()) else {
                let known = Query.Status.allCases.map(\.rawValue).joined(separator: ", ")
                throw QueryError("'is:\(value)' is not known (use \(known))", column: valueColumn)
            }
            return .status(status)
        default:
            throw QueryError("unknown field '\(field):' (use tag:, speaker:, source:, after:, before:, is:)",
                             column: fieldColumn)
        }
    }
}

/// A calendar period in UTC named by `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
struct DatePeriod {
    let start: Date
    let end: Date

    init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              parts[0].count == 4,
              let year = Int(parts[0]) else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) : 1
        let day = parts.count > 2 ? Int(parts[2]) : 1
        guard let month, let day, (1...12).contains(month), (1...31).contains(day) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let components = DateComponents(year: year, month: month, day: day)
        guard let start = calendar.date(from: components),
              calendar.component(.day, from: start) == day else { return nil }
        let unit: Calendar.Component = parts.count == 1 ? .year : parts.count == 2 ? .month : .day
        guard let end = calendar.date(byAdding: unit, value: 1, to: start) else { return nil }
        self.start = start
        self.end = end
    }
}
