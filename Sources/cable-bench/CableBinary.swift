import Foundation

/// A `cable` binary to time, with the label its column gets: the default release build, say,
/// beside the one the README's install section builds (`--static-swift-stdlib`).
struct CableBinary {
    var label: String
    var path: String

    /// `--cable` values: `PATH` or `LABEL=PATH`, as often as there are binaries to compare.
    /// None: the `cable` built beside this benchmark. Unlabelled ones are named by their place.
    static func parse(_ values: [String]) throws -> [CableBinary] {
        guard !values.isEmpty else { return [try beside()] }
        return try values.map { value in
            let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
            let binary = parts.count == 2 ? CableBinary(label: parts[0], path: parts[1])
                : CableBinary(label: values.count == 1 ? "cable" : value, path: value)
            guard FileManager.default.isExecutableFile(atPath: binary.path) else {
                throw ValidationFailure("no cable binary at \(binary.path)")
            }
            return binary
        }
    }

    /// The `cable` built beside this benchmark.
    static func beside() throws -> CableBinary {
        let path = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("cable").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ValidationFailure("no cable binary at \(path): build it (swift build -c release) or give --cable")
        }
        return CableBinary(label: "cable", path: path)
    }
}
