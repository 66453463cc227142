import XCTest
@testable import CableCore

/// The index and the user's state are keyed by `ArticleID.forContent`; its ASCII fast path
/// must give exactly the ids the property-based definition gives, or marks would be orphaned.
final class LibraryIDTests: XCTestCase {
    func reference(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            guard properties.isAlphabetic || properties.numericType != nil else { continue }
            var value = scalar.value
            if value >= 0x41 && value <= 0x5A { value += 0x20 }
            for shift in stride(from: 0, to: 32, by: 8) {
                hash ^= UInt64((value >> UInt32(shift)) & 0xFF)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    func testFastPathGivesTheSameIDs() {
        let samples = [
            "", "Plain ASCII headline, with punctuation! 2024-03-07 09:41 GMT",
            "Won’t back down ‘only because it's pressured’ — Éire, Ω, 北京, ١٢٣, ½, Ⅻ",
            "\u{FEFF}BOM\r\nCRLF\u{00A0}NBSP\ttab", SyntheticLibrary(count: 10, seed: 1).text(3),
        ]
        for sample in samples {
            XCTAssertEqual(ArticleID.forContent(sample).rawValue, reference(sample), sample)
        }
    }
}
