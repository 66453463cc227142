import CableUI
import Foundation
import XCTest

/// Plain-text screen snapshots under Tests/CableUITests/Snapshots. Set
/// CABLE_RECORD_SNAPSHOTS=1 to write them anew; a missing snapshot is written and fails
/// the test once, so a new snapshot is always looked at before it is trusted.
func assertSnapshot(_ screen: Screen, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let directory = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
        .appendingPathComponent("Snapshots", isDirectory: true)
    let url = directory.appendingPathComponent(name + ".txt")
    let width = screen.size.width
    // A frame makes trailing spaces and the screen's edges visible in the file.
    let border = "+" + String(repeating: "-", count: width) + "+"
    let actual = ([border] + screen.lines.map { line in
        "|" + line + String(repeating: " ", count: max(0, width - DisplayWidth.of(line))) + "|"
    } + [border]).joined(separator: "\n") + "\n"
    let record = ProcessInfo.processInfo.environment["CABLE_RECORD_SNAPSHOTS"] == "1"
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            XCTFail("could not write snapshot \(url.path): \(error)", file: file, line: line)
            return
        }
        if !record {
            XCTFail("recorded new snapshot \(name); check it and run again", file: file, line: line)
        }
        return
    }
    if expected != actual {
        XCTFail("snapshot \(name) differs:\n" + lineDiff(expected, actual), file: file, line: line)
    }
}

/// The rows that differ, expected (-) above actual (+), with row numbers.
func lineDiff(_ expected: String, _ actual: String) -> String {
    let old = expected.components(separatedBy: "\n")
    let new = actual.components(separatedBy: "\n")
    var out: [String] = []
    for index in 0..<max(old.count, new.count) {
        let a = index < old.count ? old[index] : "<none>"
        let b = index < new.count ? new[index] : "<none>"
        if a != b {
            out.append("row \(index) - \(a)")
            out.append("row \(index) + \(b)")
        }
    }
    return out.joined(separator: "\n")
}
