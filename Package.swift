// swift-tools-version: 6.0
import PackageDescription

/// Where Debian puts the HarfBuzz and FreeType headers (libharfbuzz-dev, libfreetype-dev).
let fontHeaders = ["-I/usr/include/harfbuzz", "-I/usr/include/freetype2"]

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
        // Protocol files: reading and checking YAML (the only Yams user), the catalog of
        // built-in and user protocols, agendas, and the plan a `run` asks for.
        .target(
            name: "ThinkingProtocols",
            dependencies: ["ThinkingCore", .product(name: "Yams", package: "Yams")]
        ),
        // The session log: where it lives, the writer (fsync, lock, fallback), the reader and
        // follower, loading and resuming a session, the live session a display follows.
        .target(name: "ThinkingLog", dependencies: ["ThinkingCore"]),
        // Transcripts: one document built from a replayed log, its writers (show, Markdown,
        // HTML, JSON, CSV, SVG), equality figures, component evidence, stats across sessions.
        .target(name: "ThinkingTranscripts", dependencies: ["ThinkingCore", "ThinkingLog"]),
        // ncursesw, through a small shim (see Sources/CNcurses/shim.h).
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // Screens as pure functions state -> cell grid, and the ncurses runner.
        .target(name: "ThinkingTUI", dependencies: ["ThinkingCore", "CNcurses"]),
        // HarfBuzz, FreeType and fontconfig, for the room's big names (see Sources/CFontStack/shim.h).
        // Headers only: no pkg-config, whose -lharfbuzz would load the libraries at start.
        .systemLibrary(name: "CFontStack", path: "Sources/CFontStack"),
        // Names set in a real font, any script: the `Lettering` the screens draw big names with.
        // Their functions, forwarding to the libraries opened on first use (fontloader.c), so the
        // screen's process, linked --as-needed, never maps them: the letters helper does.
        .target(name: "CFontLoader", dependencies: ["CFontStack"], cSettings: [.unsafeFlags(fontHeaders)]),
        .target(
            name: "ThinkingFonts", dependencies: ["ThinkingCore", "ThinkingTUI", "CFontStack", "CFontLoader"],
            swiftSettings: [.unsafeFlags(fontHeaders.flatMap { ["-Xcc", $0] })]),
        // The review screens: transcripts drawn as cell grids (ThinkingTUI).
        .target(
            name: "ThinkingReview", dependencies: ["ThinkingCore", "ThinkingLog", "ThinkingTranscripts", "ThinkingTUI"]),
        .executableTarget(
            name: "thinkenv",
            dependencies: [
                "ThinkingCore", "ThinkingProtocols", "ThinkingLog", "ThinkingTranscripts", "ThinkingTUI",
                "ThinkingReview", "ThinkingFonts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // --as-needed: the font libraries are not loaded at start (CFontLoader).
            linkerSettings: [.unsafeFlags(["-Xlinker", "--as-needed"])]
        ),
        // Benchmarks: `swift run -c release thinkenv-bench` rewrites docs/PERFORMANCE.md's figures.
        .executableTarget(
            name: "thinkenv-bench",
            dependencies: ["ThinkingCore", "ThinkingProtocols", "ThinkingLog", "ThinkingTranscripts", "ThinkingTUI"]),
        .testTarget(name: "ThinkingCoreTests", dependencies: ["ThinkingCore"]),
        // The three store targets' tests (protocol files, the log, transcripts), which share fixtures.
        .testTarget(
            name: "ThinkingStoreTests", dependencies: ["ThinkingProtocols", "ThinkingLog", "ThinkingTranscripts"]),
        .testTarget(name: "ThinkingTUITests", dependencies: ["ThinkingTUI", "ThinkingCore"]),
        .testTarget(name: "ThinkingFontsTests", dependencies: ["ThinkingFonts", "ThinkingTUI", "ThinkingCore"]),
        .testTarget(
            name: "ThinkingReviewTests",
            dependencies: ["ThinkingReview", "ThinkingLog", "ThinkingTranscripts", "ThinkingTUI", "ThinkingCore"]),
    ],
    swiftLanguageModes: [.v6]
)
