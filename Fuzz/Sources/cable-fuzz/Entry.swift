import Foundation

// Two ways in. Built with -sanitize=fuzzer and -DCABLE_LIBFUZZER, libFuzzer drives the
// target named by CABLE_FUZZ_TARGET (see Fuzz/README.md). Otherwise `cable-fuzz TARGET`
// runs the seeded random driver (`SeededDriver`), with no other tools needed.

#if CABLE_LIBFUZZER
nonisolated(unsafe) private var target: (any FuzzTarget)?

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>,
                             _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    let name = ProcessInfo.processInfo.environment["CABLE_FUZZ_TARGET"] ?? ""
    do {
        target = try FuzzTargets.make(name)
    } catch {
        fatalError("CABLE_FUZZ_TARGET: \(error)")
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    target?.run(data)
    return 0
}

// SwiftPM links an executable's `main` to `cable_fuzz_main` (its own entry point, renamed so
// tests can link the module), so libFuzzer's `main` is not used: this one hands over to
// libFuzzer's driver. Its arguments are pointers and integers, passed the same way by Swift
// and C on the platforms Cable runs on.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<Int32>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@_cdecl("cable_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzzerTestOneInput)
}
#else
@main
struct CableFuzz {
    static func main() {
        do {
            try SeededDriver(arguments: Array(CommandLine.arguments.dropFirst())).run()
        } catch {
            FileHandle.standardError.write(Data("cable-fuzz: \(error)\n".utf8))
            exit(2)
        }
    }
}
#endif
