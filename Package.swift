// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Cable",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cable", targets: ["cable"]),
        .executable(name: "cable-bench", targets: ["cable-bench"]),
        .library(name: "CableCore", targets: ["CableCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // The model, the parser for saved pages, and the library (files + SQLite index).
        .target(
            name: "CableCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .target(name: "CMalloc", condition: .when(platforms: [.linux])),
            ]
        ),
        // glibc's malloc.h (for malloc_trim after a bulk sync); see Sources/CMalloc/shim.h.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // Pure UI: state, actions, reducer, layout, render into a cell grid. No curses here.
        .target(name: "CableUI", dependencies: ["CableCore"]),
        // ncursesw through a tiny shim header; see Sources/CNcursesw/shim.h.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The only code that touches the terminal.
        .target(name: "CableTerminal", dependencies: ["CableUI", "CNcursesw"]),
        .executableTarget(
            name: "cable",
            dependencies: [
                "CableCore", "CableUI", "CableTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks print figures; they are not tests (see BENCHMARKS.md).
        .executableTarget(
            name: "cable-bench",
            dependencies: [
                "CableCore", "CableUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzz targets (Fuzz/README.md): a seeded random driver, or libFuzzer's when built
        // with -sanitize=fuzzer -DCABLE_LIBFUZZER.
        .executableTarget(name: "cable-fuzz", dependencies: ["CableCore"], path: "Fuzz/Sources/cable-fuzz"),
        // Labelled articles and fixtures are read by path from the tests, not bundled.
        .testTarget(
            name: "CableCoreTests", dependencies: ["CableCore"],
            exclude: ["Labels", "Holdout", "Holdout2", "Fixtures"]
        ),
        .testTarget(name: "CableUITests", dependencies: ["CableUI", "CableCore"], exclude: ["Snapshots"]),
        .testTarget(name: "CableEndToEndTests", dependencies: ["CableCore"]),
    ]
)
