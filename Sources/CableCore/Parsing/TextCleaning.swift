import Foundation

/// Turns a saved page's text into clean lines.
///
/// Works on UTF-8 bytes in one pass (linear time, no regular expressions): saved pages can be
/// large and the parser must keep pace with `wc -w`. What it does, and why:
/// - drops a byte-order mark and zero-width characters (invisible, but they break matching);
/// - treats CRLF and a lone CR as line ends (pages saved on other systems);
/// - folds NBSP and the other Unicode spaces to a plain space (pages glue short words with NBSP);
/// - removes control characters (a saved page must never drive the terminal);
/// - trims each line and collapses runs of spaces, remembering the indentation.
struct PageLine {
    /// The line's text: trimmed, spaces collapsed, valid UTF-8.
    var bytes: [UInt8]
    /// Leading spaces before cleaning (some outlets indent the body by four).
    var indent: Int

    var isBlank: Bool { bytes.isEmpty }
    var text: String { String(decoding: bytes, as: UTF8.self) }
}

enum TextCleaning {
    /// Splits `utf8` (valid UTF-8) into cleaned lines.
    static func lines(of utf8: UnsafeBufferPointer<UInt8>) -> [PageLine] {
        read(utf8, validating: false)?.lines ?? []
    }

    /// Splits `utf8` into cleaned lines and makes its `ArticleID` hash in the same pass (see
    /// `ContentHash`); nil when `validating` and the bytes are not well-formed UTF-8 (without
    /// `validating`, they must be).
    static func read(_ utf8: UnsafeBufferPointer<UInt8>, validating: Bool) -> (lines: [PageLine], hash: ContentHash)? {
        var hash = ContentHash()
        var builder = LineBuilder()
        // Room for a line per 32 bytes: fewer regrowths of the list than starting empty.
        builder.lines.reserveCapacity(utf8.count / 32 + 16)
        var i = 0
        let end = utf8.count
        while i < end {
            let b = utf8[i]
            if b > 0x20 && b < 0x7F {
                // The common case, ordinary ASCII words with single spaces between them:
                // copied as one run rather than a byte at a time, and measured eight bytes
                // at a time while it lasts.
                var j = i + 1
                hash.addASCII(utf8, from: i, to: j)
                while true {
                    // Eight bytes at a time as far as they are plainly in the run (hashed as
                    // they are read), then one step a byte at a time (past what stopped the
                    // eight), then eight again.
                    j = plainRunEnd(utf8, from: j, hashing: &hash)
                    guard j < end else { break }
                    let c = utf8[j]
                    if c > 0x20 && c < 0x7F {
                        hash.addASCII(utf8, from: j, to: j + 1)
                        j += 1
                    } else if c == 0x20 && j + 1 < end && utf8[j + 1] > 0x20 && utf8[j + 1] < 0x7F {
                        hash.addASCII(utf8, from: j + 1, to: j + 2)
                        j += 2
                    } else {
                        break
                    }
                }
                builder.reserveLine(utf8, from: i)
                builder.emit(utf8[i..<j])
                i = j
                continue
            }
            if b < 0x80 {
                switch b {
                case 0x0A: builder.endLine()
                case 0x0D:
                    builder.endLine()
                    if i + 1 < end && utf8[i + 1] == 0x0A { i += 1 }
                case 0x20, 0x09: builder.space()
                case 0x00..<0x20, 0x7F: break  // control characters
                default: break  // printable ASCII: always taken by the run above
                }
                i += 1
                continue
            }
            // Multi-byte sequences: look at the few that need care, copy the rest (those
            // dropped or turned into spaces are none of them letters or digits: the hash
            // skips them).
            if validating && ArticleDecoding.wellFormedLength(utf8, at: i) == nil { return nil }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            let next = i + 1 < end ? utf8[i + 1] : 0
            var copy = false
            if b == 0xC2 && next == 0xA0 {  // NBSP
                builder.space()
            } else if b == 0xC2 && next >= 0x80 && next <= 0x9F {  // C1 controls
            } else if b == 0xE2 && next == 0x80 && i + 2 < end {
                switch utf8[i + 2] {
                case 0x80...0x8A, 0xAF: builder.space()  // en/em/thin/hair spaces, narrow NBSP
                case 0x8B...0x8F: break  // zero-width space/joiners, direction marks
                case 0xA8, 0xA9: builder.endLine()  // line and paragraph separators
                case 0xAA...0xAE: break  // bidi embedding controls
                default: copy = true
                }
            } else if b == 0xE2 && next == 0x81 && i + 2 < end && utf8[i + 2] >= 0xA0 && utf8[i + 2] <= 0xAF {
                // word joiner and invisible operators
            } else if b == 0xEF && next == 0xBB && i + 2 < end && utf8[i + 2] == 0xBF {
                // byte-order mark, at the start or pasted mid-text
            } else {
                copy = true
            }
            if copy {
                hash.add(scalar: ContentHash.decodeScalar(utf8, at: i).0)
                builder.reserveLine(utf8, from: i)
                var k = i
                while k < i + length && k < end {
                    builder.emit(utf8[k])
                    k += 1
                }
            }
            i += length
        }
        builder.finish()
        return (builder.lines, hash)
    }

    /// How far a run of plain text (printable ASCII, single spaces each followed by printable
    /// ASCII) goes on from `start`, in whole eight-byte steps; the caller finishes the run a
    /// byte at a time. A lane that is a space followed by a space, or a space in the last
    /// lane not followed by printable ASCII, stops the step: the byte loop decides.
    @inline(__always)
    private static func plainRunEnd(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int, hashing hash: inout ContentHash) -> Int {
        guard let base = utf8.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var j = start
        while j + 8 <= utf8.count {
            let word = raw.loadUnaligned(fromByteOffset: j, as: UInt64.self)
            // Any byte from 0x80 up, below 0x20, or equal to 0x7F (the "has a byte less
            // than n" test has no false negatives, so a clean word is truly clean).
            let control = (word &- ones &* 0x20) & ~word
            let delete = word ^ (ones &* 0x7F)
            if (word | control | ((delete &- ones) & ~delete)) & highs != 0 { break }
            let spaces = exactZeroBytes(word ^ (ones &* 0x20))
            if spaces & (spaces >> 8) != 0 { break }
            // A space in the last lane is followed by the next word's first byte.
            if spaces >> 63 != 0 {
                guard j + 8 < utf8.count, utf8[j + 8] > 0x20 && utf8[j + 8] < 0x7F else { break }
            }
            // Hashed from the register, in the same loop: the hash's chain of
            // multiplications runs while the next eight bytes are checked.
            hash.addASCII(word)
            j += 8
        }
        return j
    }

    /// 0x80 in exactly the lanes of `word` that are zero (no borrow between lanes).
    @inline(__always)
    static func exactZeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word | low)
    }

    /// Accumulates one line at a time: indentation counted, runs of spaces collapsed, trailing
    /// spaces dropped.
    private struct LineBuilder {
        var lines: [PageLine] = []
        var current: [UInt8] = []
        var indent = 0
        var atLineStart = true
        var pendingSpace = false

        mutating func endLine() {
            // A line that cleaning shrank a lot (runs of spaces, or lines split by U+2028, which
            // `reserveLine` does not look for) keeps only what it needs.
            if current.capacity > 2 * current.count + 64 {
                current = current.withUnsafeBufferPointer { line in
                    [UInt8](unsafeUninitializedCapacity: line.count) { copy, count in
                        count = copy.initialize(fromContentsOf: line)
                    }
                }
            }
            // The line's storage moves into the list (swapped out, not copied and released);
            // no storage until the next line has text: half the lines of a page are blank.
            var line: [UInt8] = []
            swap(&line, &current)
            lines.append(PageLine(bytes: line, indent: indent))
            indent = 0
            atLineStart = true
            pendingSpace = false
        }

        /// Gives the line being built room for the rest of the page's line, once, when its
        /// first text arrives: cleaning never lengthens a line, so a line (a paragraph, often
        /// hundreds of bytes) is allocated once instead of grown by doubling.
        mutating func reserveLine(_ utf8: UnsafeBufferPointer<UInt8>, from i: Int) {
            guard current.capacity == 0, let base = utf8.baseAddress else { return }
            let start = base + i
            func distance(to byte: Int32, within limit: Int) -> Int {
                memchr(start, byte, limit).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - start } ?? limit
            }
            let lineFeed = distance(to: 0x0A, within: utf8.count - i)
            current.reserveCapacity(distance(to: 0x0D, within: lineFeed))
        }

        mutating func space() {
            if atLineStart { indent += 1 } else { pendingSpace = true }
        }

        mutating func emit(_ byte: UInt8) {
            if pendingSpace {
                current.append(0x20)
                pendingSpace = false
            }
            atLineStart = false
            current.append(byte)
        }

        /// A run of printable ASCII, possibly with single spaces inside (never at its ends).
        mutating func emit<S: Collection>(_ run: S) where S.Element == UInt8 {
            if pendingSpace {
                current.append(0x20)
                pendingSpace = false
            }
            atLineStart = false
            current.append(contentsOf: run)
        }

        mutating func finish() {
            if !current.isEmpty || !atLineStart { endLine() }
        }
    }

    /// Collapses whitespace in a piece of text the way lines are cleaned (for derived strings).
    static func collapsed(_ text: String) -> String {
        let cleaned = Array(text.utf8).withUnsafeBufferPointer { lines(of: $0) }.filter { !$0.isBlank }.map(\.text)
        return cleaned.joined(separator: " ")
    }
}
