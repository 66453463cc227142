import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of a program, timed as a user would see it: wall-clock seconds from start to exit,
/// and the kernel's own account of its CPU time and peak memory (`wait4`).
struct ChildRun {
    var seconds: Double
    var cpuSeconds: Double
    /// Peak resident set size, in megabytes.
    var peakMB: Double
    var status: Int32
    /// What it wrote on standard output (kept in a file while it runs).
    var output: String
}

enum ChildProcess {
    /// Runs `arguments[0]` (a path, or a name looked up in PATH) with `environment` added to
    /// this process's; standard output goes to a file read back afterwards (so writing it is
    /// part of the time, as with a pipe to a script), standard error is discarded.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ChildRun {
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("cable-bench-out-\(getpid())-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let started = Date()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw ValidationFailure("cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(started)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // The exit status is in bits 8-15 when the child exited normally.
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return ChildRun(seconds: seconds, cpuSeconds: cpu, peakMB: Double(usage.ru_maxrss) / 1024,
                        status: exit, output: output)
    }

    /// Whether a program of that name is on PATH.
    static func exists(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    /// Like `run`, but a non-zero exit status is an error.
    static func succeed(_ arguments: [String], environment: [String: String] = [:]) throws -> ChildRun {
        let result = try run(arguments, environment: environment)
        guard result.status == 0 else {
            throw ValidationFailure("\(arguments.joined(separator: " ")) exited with status \(result.status)")
        }
        return result
    }
}

/// A benchmark that cannot go on, said plainly.
struct ValidationFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Medians and the load average: every figure the benchmarks print is a median of runs on a
/// shared machine, with the load it ran under.
enum Stats {
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2]
            : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// The 1-minute load average.
    static func load() -> Double {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return Double(text.split(separator: " ").first ?? "") ?? 0
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
}
