/// What re-saving a page may change in its text, folded away before the text is hashed into
/// the article's id (`ArticleID.forContent`). Every other character counts as it is written.
///
/// A re-save (another editor, browser or operating system, "smart punctuation") may change
/// line endings and other whitespace, add or drop a byte-order mark or a soft hyphen, swap
/// the shapes of quotation marks, dashes and the ellipsis, and compose or decompose accents
/// (NFC and NFD are the same text). It does not change letters, digits, their case or other
/// punctuation, which can change the meaning: "$1.5bn" and "$15bn", "1,500" and "1.500",
/// "US" and "us", "re-sign" and "resign" are different texts. (Case is kept for that reason:
/// no re-save changes it.)
enum ContentFold {
    /// What a scalar folds to.
    enum Folded: Equatable {
        /// Whitespace: a run of it is one space, and none at the start or the end.
        case space
        /// A dash: a run of them is one hyphen-minus ("--" is what smart punctuation makes "—").
        case dash
        /// Left out (invisible).
        case nothing
        case text(String)
    }

    /// The folding table, the one place that says which characters a re-save may swap.
    /// Whitespace is every scalar with Unicode's White_Space property besides these
    /// (space, tab, CR, LF, NBSP, the en and em spaces, U+2028, U+3000, ...).
    static let table: [(scalars: String, folded: Folded)] = [
        // Apostrophes and single quotation marks, straight, curly, low, reversed, angle and
        // full-width, and the prime that smart punctuation makes of an apostrophe after a digit.
        ("'\u{2018}\u{2019}\u{201A}\u{201B}\u{2039}\u{203A}\u{2032}\u{2035}\u{FF07}", .text("'")),
        // Double quotation marks, the same, with guillemets and the double prime.
        ("\"\u{201C}\u{201D}\u{201E}\u{201F}\u{00AB}\u{00BB}\u{2033}\u{2036}\u{301D}\u{301E}\u{301F}\u{FF02}",
         .text("\"")),
        // Hyphen-minus, hyphen, non-breaking hyphen, figure, en and em dashes, horizontal bar,
        // minus sign, small and full-width forms.
        ("-\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2015}\u{2212}\u{FE58}\u{FE63}\u{FF0D}", .dash),
        ("\u{2026}", .text("...")),
        // Byte-order mark (zero-width no-break space), soft hyphen, zero-width space, word joiner.
        ("\u{FEFF}\u{00AD}\u{200B}\u{2060}", .nothing),
    ]

    private static let byScalar: [Unicode.Scalar: Folded] = {
        var map: [Unicode.Scalar: Folded] = [:]
        for (scalars, folded) in table {
            for scalar in scalars.unicodeScalars { map[scalar] = folded }
        }
        return map
    }()

    /// What one scalar folds to; nil when it counts as it is.
    static func fold(_ scalar: Unicode.Scalar) -> Folded? {
        if scalar.isASCII {
            // Of ASCII, only whitespace and the hyphen-minus fold (the quotes fold to themselves).
            if scalar == "-" { return .dash }
            return scalar == " " || (0x09...0x0D).contains(scalar.value) ? .space : nil
        }
        guard mayFold(scalar.value) else { return nil }
        if let folded = byScalar[scalar] { return folded }
        return scalar.properties.isWhitespace ? .space : nil
    }

    /// Every scalar the table lists and every whitespace scalar is in these ranges, so the
    /// letters of most scripts are passed over without a look-up.
    static let foldableRanges: [ClosedRange<UInt32>] = [
        0x80...0xFF, 0x1680...0x1680, 0x2000...0x206F, 0x2212...0x2212, 0x3000...0x301F, 0xFE00...0xFFFF,
    ]

    static func mayFold(_ value: UInt32) -> Bool {
        foldableRanges.contains { $0.contains(value) }
    }

    /// The folded text (what the id hashes), for tests and for reading.
    static func folded(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        forEachScalar(of: text) { out.append($0) }
        return String(out)
    }

    /// Calls `body` with each scalar of the folded text, in order.
    static func forEachScalar(of text: String, _ body: (Unicode.Scalar) -> Void) {
        var separators = Separators()
        for scalar in composed(text).unicodeScalars {
            switch fold(scalar) {
            case nil: separators.write(scalar, body)
            case .nothing: continue
            case .space: separators.add(.space)
            case .dash: separators.add(.dash)
            case .text(let text): for scalar in text.unicodeScalars { separators.write(scalar, body) }
            }
        }
        separators.end(body)
    }

    /// Whitespace and dashes waiting for the next scalar: each run of one kind is written as
    /// one space or one hyphen-minus; spaces at the start and at the end are not written.
    private struct Separators {
        /// `.space` and `.dash`, never two alike in a row.
        private var pending: [Folded] = []
        private var started = false

        mutating func add(_ kind: Folded) {
            if pending.last != kind { pending.append(kind) }
        }

        mutating func write(_ scalar: Unicode.Scalar, _ body: (Unicode.Scalar) -> Void) {
            flush(body)
            body(scalar)
            started = true
        }

        mutating func end(_ body: (Unicode.Scalar) -> Void) {
            while pending.last == .space { pending.removeLast() }
            flush(body)
        }

        private mutating func flush(_ body: (Unicode.Scalar) -> Void) {
            // Most scalars have nothing before them: emptying an empty array is not free.
            guard !pending.isEmpty else { return }
            for kind in pending {
                if kind == .dash {
                    body("-")
                    started = true
                } else if started {
                    body(" ")
                }
            }
            pending.removeAll(keepingCapacity: true)
        }
    }

    /// The text in Unicode's composed form (NFC): "é" written as one scalar or as "e" and a
    /// combining accent (macOS, some editors) is the same text. Most pages already are, which
    /// the standard library's quick check sees without normalising them. The others go
    /// through the standard library's normaliser (the one `String`'s `==` uses; Foundation's
    /// takes time growing with the square of the text's length). Both take that long over one
    /// long run of combining marks, which no page has: a text with a run longer than Unicode's
    /// stream-safe limit is hashed as written.
    private static func composed(_ text: String) -> String {
        var span = text.utf8Span
        guard !span.checkForNFC(quickCheck: true), longestMarkRun(text) <= streamSafeLimit else { return text }
        return String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }

    /// The most combining marks in a row that a stream-safe text has (UAX #15).
    static let streamSafeLimit = 30

    private static func longestMarkRun(_ text: String) -> Int {
        var longest = 0
        var run = 0
        for scalar in text.unicodeScalars {
            run = scalar.properties.canonicalCombiningClass == .notReordered ? 0 : run + 1
            longest = max(longest, run)
        }
        return longest
    }
}
