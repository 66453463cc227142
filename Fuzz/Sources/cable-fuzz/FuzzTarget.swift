import CableCore
import Foundation

/// One thing to fuzz: bytes in, and a crash (`FuzzFailure.report`) when a property that must
/// hold for every input does not. Add a target by writing one of these and listing it in
/// `FuzzTarget.all`; both drivers (libFuzzer and the seeded one) pick it up by name.
protocol FuzzTarget: AnyObject {
    /// Called for every input. Must be deterministic for a given input and state.
    func run(_ data: Data)
}

enum FuzzTargets {
    /// Every target, by the name given on the command line or in `CABLE_FUZZ_TARGET`.
    static let all: [String: @Sendable () throws -> any FuzzTarget] = [
        "query": { try QueryTarget() },
        "state-import": { try StateImportTarget() },
        "page": { PageTarget(file: "fuzz.txt") },
        "html": { PageTarget(file: "fuzz.html") },
    ]

    static func make(_ name: String) throws -> any FuzzTarget {
        guard let make = all[name] else {
            throw FuzzFailure("unknown target '\(name)'; the targets are \(all.keys.sorted().joined(separator: ", "))")
        }
        return try make()
    }
}

/// A property that failed: the input is what libFuzzer saves as a crash.
struct FuzzFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }

    static func report(_ what: String, _ input: Data) -> Never {
        let shown = String(decoding: input.prefix(400), as: UTF8.self).debugDescription
        fatalError("fuzz property failed: \(what)\ninput (\(input.count) bytes): \(shown)")
    }
}

/// A scratch folder for a target's library, index and state, removed at exit.
final class ScratchFolder {
    let url: URL

    init(_ name: String) throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("cable-fuzz-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A library of the bundled samples (found from this file's place in the source tree),
    /// indexed, with its index and state in here.
    func sampleLibrary() throws -> LibraryLocations {
        let samples = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleData", isDirectory: true)
        return LibraryLocations(root: samples.standardizedFileURL.resolvingSymlinksInPath(),
                                index: url.appendingPathComponent("index.sqlite"),
                                state: url.appendingPathComponent("state.sqlite"))
    }
}
