import Foundation

/// A page's bytes in a declared legacy charset (Shift_JIS, windows-1251, GBK…) decoded to
/// UTF-8 by the system's iconv, before libxml2 sees them. A byte that does not fit the charset
/// becomes U+FFFD and decoding goes on after it: libxml2's own conversion stops at the first
/// such byte, and the rest of the page would be lost.
enum LegacyCharset {
    struct Decoded: Equatable {
        var utf8: [UInt8]
        /// How many bytes did not fit the charset (each is one U+FFFD in `utf8`).
        var unfit: Int
    }

    /// `bytes` decoded from `charset`, or nil when iconv does not know the charset.
    static func decode(_ bytes: [UInt8], from charset: String) -> Decoded? {
        guard let converter = iconv_open("UTF-8", charset), converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var decoded = Decoded(utf8: [], unfit: 0)
        decoded.utf8.reserveCapacity(bytes.count * 2)
        var output = [CChar](repeating: 0, count: 16_384)
        var input = bytes.map { CChar(bitPattern: $0) }
        input.withUnsafeMutableBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                guard let start = input.baseAddress, let outStart = output.baseAddress else { return }
                var next: UnsafeMutablePointer<CChar>? = start
                var left = input.count
                while left > 0 {
                    var out: UnsafeMutablePointer<CChar>? = outStart
                    var room = output.count
                    let result = iconv(converter, &next, &left, &out, &room)
                    let stopped = errno
                    decoded.utf8 += UnsafeBufferPointer(start: outStart, count: output.count - room).map(UInt8.init(bitPattern:))
                    // A full output buffer only needs emptying; anything else that stopped the
                    // conversion is the byte at `next` (not in the charset, or a sequence
                    // cut short by the end of the page).
                    if result == -1, stopped != E2BIG, left > 0 {
                        decoded.utf8 += [0xEF, 0xBF, 0xBD]
                        decoded.unfit += 1
                        next = next.map { $0 + 1 }
                        left -= 1
                        iconv(converter, nil, nil, nil, nil)
                    }
                }
            }
        }
        return decoded
    }
}
