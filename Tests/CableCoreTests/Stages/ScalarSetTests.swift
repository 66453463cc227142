import XCTest
@testable import CableCore

/// `ScalarSet` answers as a `Set` of the same scalars does, for every scalar a page can hold
/// near the ones the parser asks about (ASCII, Latin-1, general punctuation and beyond).
final class ScalarSetTests: XCTestCase {
    func testAnswersAsASetOfTheSameScalars() {
        let members: [[Unicode.Scalar]] = [
            [], ["\u{0}"], ["?", "@", "\u{7F}", "\u{80}"],
            ["\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{201E}", "\u{AB}", "\u{BB}"],
            [" ", "-", "|", "*", ">", ":", ".", "/", "\u{3F}", "\u{40}"], ["\u{1F600}", "a", "a"],
        ]
        let probes = (0...0x3100).compactMap(Unicode.Scalar.init) + ["\u{FEFF}", "\u{1F600}", "\u{10FFFF}"]
        for scalars in members {
            let set = Set(scalars)
            let scalarSet = ScalarSet(scalars)
            for probe in probes where scalarSet.contains(probe) != set.contains(probe) {
                XCTFail("\(scalars): \(probe.value) is \(set.contains(probe) ? "in" : "not in") the set")
            }
        }
    }
}
