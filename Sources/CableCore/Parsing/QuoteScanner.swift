/// Finds the top-level quotations in a paragraph: `"…"`, `“…”`, `‘…’`, `«…»` (and `„…“`).
///
/// One pass over the UTF-8 bytes with a small state machine, so unbalanced or adversarial
/// quote marks cost linear time. Quotes nested inside a quote belong to it. An apostrophe
/// (`it's`, `Won’t`, `Ukraine’s`) never opens or closes a single-quoted span: a closing `’` must
/// not be followed by a letter, an opening `‘` must not follow one.
struct QuoteSpan {
    /// Byte offsets: the opening mark, the first content byte, the end of the content (the
    /// closing mark) and the first byte after the closing mark.
    var open: Int
    var contentStart: Int
    var contentEnd: Int
    var after: Int
}

enum QuoteScanner {
    private enum Mark {
        case straight, straightSingle, curlyDouble, curlySingle, guillemet, low
    }

    static func spans(in bytes: [UInt8]) -> [QuoteSpan] {
        var spans: [QuoteSpan] = []
        bytes.withUnsafeBufferPointer { appendSpans(in: $0, to: &spans) }
        return spans
    }

    /// Appends the paragraph's quotations to `spans`, in order. (One array for all of an
    /// article's paragraphs: an array for each paragraph with a quote was an allocation and
    /// a free each time.)
    static func appendSpans(in bytes: UnsafeBufferPointer<UInt8>, to spans: inout [QuoteSpan]) {
        func add(_ span: QuoteSpan) {
            // (Room for an article's first few quotes at once, not by doubling from one.)
            if spans.capacity == 0 { spans.reserveCapacity(8) }
            spans.append(span)
        }
        var open: (mark: Mark, at: Int, content: Int)?
        var k = 0
        let n = bytes.count
        while k < n {
            // Most bytes can neither open nor close a quote: skip them.
            k = nextCandidate(in: bytes, from: k)
            guard k < n else { break }
            let b = bytes[k]
            if b == 0x27 {
                // Straight single quotes (British style): an apostrophe has a letter on
                // both sides, or is an `s'` possessive before a lower-case word.
                if let current = open {
                    if current.mark == .straightSingle, k > current.content, bytes[k - 1] != 0x20,
                        !isLetterAfter(bytes, k + 1), !isPluralPossessive(bytes, k, width: 1) {
                        add(QuoteSpan(open: current.at, contentStart: current.content, contentEnd: k, after: k + 1))
                        open = nil
                    }
                } else if !isLetterBefore(bytes, k) && k + 1 < n && (Bytes.isASCIILetter(bytes[k + 1]) || bytes[k + 1] >= 0xC3) {
                    open = (.straightSingle, k, k + 1)
                }
                k += 1
                continue
            }
            if b == 0x22 {
                if let current = open {
                    if current.mark == .straightSingle {
                        // A double quote inside a single-quoted span: the single quote was an
                        // apostrophe after all.
                        open = (.straight, k, k + 1)
                    } else if current.mark == .straight || current.mark == .curlyDouble || current.mark == .low {
                        add(QuoteSpan(open: current.at, contentStart: current.content, contentEnd: k, after: k + 1))
                        open = nil
                    }
                } else {
                    open = (.straight, k, k + 1)
                }
                k += 1
                continue
            }
            if b == 0xE2 && k + 2 < n && bytes[k + 1] == 0x80 {
                let c = bytes[k + 2]
                switch c {
                case 0x9C:  // “
                    if let current = open {
                        if current.mark == .low {
                            add(QuoteSpan(open: current.at, contentStart: current.content, contentEnd: k, after: k + 3))
                            open = nil
                        } else if current.mark == .curlyDouble && isSpaceBefore(bytes, k) {
                            // A fresh opening mark: the previous quote was never closed.
                            open = (.curlyDouble, k, k + 3)
                        }
                    } else {
                        open = (.curlyDouble, k, k + 3)
                    }
                case 0x9D:  // ”
                    if let current = open {
                        if current.mark == .curlyDouble || current.mark == .straight {
                            add(QuoteSpan(open: current.at, contentStart: current.content, contentEnd: k, after: k + 3))
                            open = nil
                        }
                    } else if isSpaceBefore(bytes, k) && !isSpaceAfter(bytes, k + 3) {
                        open = (.curlyDouble, k, k + 3)  // a closing mark typed as an opener
                    }
                case 0x9E:  // „
                    if open == nil { open = (.low, k, k + 3) }
                case 0x98:  // ‘
                    if open == nil && !isLetterBefore(bytes, k) && !isSpaceAfter(bytes, k + 3) {
                        open = (.curlySingle, k, k + 3)
                    }
                case 0x99:  // ’
                    if let current = open, current.mark == .curlySingle, !isLetterAfter(bytes, k + 3),
                        !isPluralPossessive(bytes, k, width: 3) {
                        add(QuoteSpan(open: current.at, contentStart: current.content, contentEnd: k, after: k + 3))
                        open = nil
                    }
                default: break
                }
                k += 3
                continue
            }
            if b == 0xC2 && k + 1 < n {
                if bytes[k + 1] == 0xAB && open == nil {  // «
                    open = (.guillemet, k, k + 2)
                } else if bytes[k + 1] == 0xBB, let current = open, current.mark == .guillemet {  // »
                    add(QuoteSpan(open: current.at, contentStart: current.content, contentEnd: k, after: k + 2))
                    open = nil
                }
                k += 2
                continue
            }
            k += 1
        }
        // A quote left open at the end of a paragraph that began with it runs on into the
        // next paragraph (the news convention for long quotes): keep it to here.
        if let current = open, current.at == 0 {
            add(QuoteSpan(open: current.at, contentStart: current.content, contentEnd: n, after: n))
        }
    }

    /// The index of the first byte at or after `start` that may begin a quote mark (`"`, `'`,
    /// the lead byte 0xE2 of the curly marks, 0xC2 of the guillemets) or is `#` or `&`, or the
    /// end: `spans` passes over the other bytes, and those two as it finds them.
    ///
    /// Eight bytes at a time while eight remain: XOR with a repeated byte turns that byte to
    /// zero, and the usual has-a-zero-byte test flags it. That test can also flag a byte above
    /// a real zero, never below one, so the lowest flag over the tests is the first match.
    /// Setting bits 0 and 2 first makes `"` (0x22) and `'` (0x27) the same byte, 0x27, so one
    /// test finds both, and `#` (0x23) and `&` (0x26) with them, rare in prose; setting bit 5
    /// makes 0xC2 and 0xE2 the same, and nothing else.
    ///
    /// (Inlined into `appendSpans`: it is called at every apostrophe, and the call cost
    /// as much as a short skip.)
    @inline(__always)
    static func nextCandidate(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let count = buffer.count
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            func zeros(_ x: UInt64) -> UInt64 { (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 }
            @inline(__always)
            func candidates(_ word: UInt64) -> UInt64 {
                let found = zeros((word | 0x0505_0505_0505_0505) ^ 0x2727_2727_2727_2727)
                // (Eight ASCII bytes, most of prose, cannot hold the lead bytes 0xE2 and 0xC2.)
                guard word & 0x8080_8080_8080_8080 != 0 else { return found }
                return found | zeros((word | 0x2020_2020_2020_2020) ^ 0xE2E2_E2E2_E2E2_E2E2)
            }
            // Sixteen bytes a step as vectors while sixteen remain, the same two tests lane by
            // lane; the block that holds a match is then read eight bytes at a time.
            let low = SIMD16<UInt8>(repeating: 0x05), quote = SIMD16<UInt8>(repeating: 0x27)
            let bit5 = SIMD16<UInt8>(repeating: 0x20), lead = SIMD16<UInt8>(repeating: 0xE2)
            while index + 16 <= count {
                let block = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
                let matches = (block | low) .== quote .| (block | bit5) .== lead
                // (The lanes as two integers: `any` was a call for every block.)
                let lanes = unsafeBitCast(matches, to: SIMD2<UInt64>.self)
                if lanes[0] | lanes[1] != 0 { break }
                index += 16
            }
            while index + 8 <= count {
                let found = candidates(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < count {
            let c = buffer[index]
            if c == 0x22 || c == 0x27 || c == 0xE2 || c == 0xC2 { break }
            index += 1
        }
        return index
    }

    /// `the ministers’ plan`: an `s’` followed by a lower-case word is a possessive.
    private static func isPluralPossessive(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int, width: Int) -> Bool {
        guard k > 0, bytes[k - 1] == 0x73, k + width + 1 < bytes.count, bytes[k + width] == 0x20 else { return false }
        return Bytes.isLower(bytes[k + width + 1])
    }

    private static func isSpaceBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        k == 0 || bytes[k - 1] == 0x20 || bytes[k - 1] == 0x28
    }

    private static func isSpaceAfter(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        k >= bytes.count || bytes[k] == 0x20
    }

    private static func isLetterBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        guard k > 0 else { return false }
        let b = bytes[k - 1]
        return Bytes.isASCIILetter(b) || Bytes.isDigit(b) || b >= 0x80 && b < 0xC0 && isLetterLead(bytes, k - 1)
    }

    private static func isLetterAfter(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        guard k < bytes.count else { return false }
        let b = bytes[k]
        if Bytes.isASCIILetter(b) || Bytes.isDigit(b) { return true }
        if b >= 0xC3 && b < 0xE0 { return true }  // Latin letters with accents
        return false
    }

    /// Whether the multi-byte character ending at `end` is a letter (é in `café‘`).
    private static func isLetterLead(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        var start = end
        while start > 0 && bytes[start] >= 0x80 && bytes[start] < 0xC0 { start -= 1 }
        return bytes[start] >= 0xC3 && bytes[start] < 0xE0
    }
}
