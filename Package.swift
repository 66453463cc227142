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
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        // The model, the parser for saved pages, and the library (files + SQLite index).
        .target(
            name: "CableCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .target(name: "CMalloc", condition: .when(platforms: [.linux])),
                "CLibXML2",
            ]
        ),
        // libxml2's HTML parser for saved web pages; see Sources/CLibXML2/shim.h.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // glibc's malloc.h (for malloc_trim after a bulk sync); see Sources/CMalloc/shim.h.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // Pure UI: state, actions, reducer, layout, render into a cell grid. No curses here.
        .target(name: "CableUI", dependencies: ["CableCore"]),
        // The config file ($XDG_CONFIG_HOME/cable/config.toml) read into settings for the UI.
        .target(
            name: "CableConfig",
            dependencies: ["CableCore", "CableUI", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // ncursesw through a tiny shim header; see Sources/CNcursesw/shim.h.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The only code that touches the terminal.
        .target(name: "CableTerminal", dependencies: ["CableUI", "CNcursesw"]),
        // Fetching web pages for `cable add` (URLSession; FoundationNetworking on Linux).
        .target(name: "CableFetch"),
        // Subscriptions (OPML), RSS/Atom reading, and fetching feeds into the library.
        .target(
            name: "CableFeeds",
            dependencies: ["CableCore", "CableFetch", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "cable",
            dependencies: [
                "CableCore", "CableUI", "CableConfig", "CableTerminal", "CableFetch", "CableFeeds",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks print figures; they are not tests (see BENCHMARKS.md).
        .executableTarget(
            name: "cable-bench",
            dependencies: [
                "CableCore", "CableUI", "LocalHTTPServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzz targets (Fuzz/README.md): a seeded random driver, or libFuzzer's when built
        // with -sanitize=fuzzer -DCABLE_LIBFUZZER.
        .executableTarget(name: "cable-fuzz", dependencies: ["CableCore"], path: "Fuzz/Sources/cable-fuzz"),
        // Labelled articles and fixtures are read by path from the tests, not bundled.
        .testTarget(
            name: "CableCoreTests", dependencies: ["CableCore"],
            exclude: ["Labels", "Holdout", "Holdout2", "Blind1", "Blind2", "Blind3", "Blind4", "Blind5", "BlindHeld1", "BlindHeld2", "BlindHeld3", "BlindHeld4", "BlindHeld5", "Blind6", "BlindHeld6", "Blind7", "Blind8", "Blind9", "BlindHeld8", "Fixtures", "HTMLPages", "HTMLHoldout", "HTMLBlind1", "HTMLBlind2", "HTMLBlind3", "HTMLBlind4", "HTMLBlind5", "HTMLBlind6", "HTMLBlind7"]
        ),
        .testTarget(name: "CableUITests", dependencies: ["CableUI", "CableCore", "CableConfig"],
                    exclude: ["Snapshots"]),
        .testTarget(
            name: "CableEndToEndTests",
            dependencies: ["CableCore", "LocalHTTPServer", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The fetching tests talk to a server they start on 127.0.0.1, never further.
        .target(name: "LocalHTTPServer", path: "Tests/LocalHTTPServer"),
        .testTarget(name: "CableFetchTests", dependencies: ["CableFetch", "CableCore", "LocalHTTPServer"]),
        .testTarget(
            name: "CableFeedsTests",
            dependencies: ["CableFeeds", "CableFetch", "CableCore", "LocalHTTPServer", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
