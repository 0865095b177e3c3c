// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "thinkenv",
    products: [
        .executable(name: "thinkenv", targets: ["thinkenv"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // Model, protocol schema, session engine, clock arithmetic. No I/O.
        .target(name: "ThinkingCore"),
        // Protocol loading and validation, the session log, paths, transcripts.
        .target(
            name: "ThinkingStore",
            dependencies: ["ThinkingCore", .product(name: "Yams", package: "Yams")]
        ),
        // ncursesw, through a small shim (see Sources/CNcurses/shim.h).
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // Screens as pure functions state -> cell grid, and the ncurses runner.
        .target(name: "ThinkingTUI", dependencies: ["ThinkingCore", "CNcurses"]),
        // The review screens: transcripts (ThinkingStore) drawn as cell grids (ThinkingTUI).
        .target(name: "ThinkingReview", dependencies: ["ThinkingCore", "ThinkingStore", "ThinkingTUI"]),
        .executableTarget(
            name: "thinkenv",
            dependencies: [
                "ThinkingCore", "ThinkingStore", "ThinkingTUI", "ThinkingReview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks: `swift run -c release thinkenv-bench` rewrites docs/PERFORMANCE.md's figures.
        .executableTarget(name: "thinkenv-bench", dependencies: ["ThinkingCore", "ThinkingStore", "ThinkingTUI"]),
        .testTarget(name: "ThinkingCoreTests", dependencies: ["ThinkingCore"]),
        .testTarget(name: "ThinkingStoreTests", dependencies: ["ThinkingStore"]),
        .testTarget(name: "ThinkingTUITests", dependencies: ["ThinkingTUI", "ThinkingCore"]),
        .testTarget(
            name: "ThinkingReviewTests",
            dependencies: ["ThinkingReview", "ThinkingStore", "ThinkingTUI", "ThinkingCore"]),
    ],
    swiftLanguageModes: [.v6]
)
