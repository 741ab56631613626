// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "speedwork",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "speedwork", targets: ["speedwork"]),
        .library(name: "Speedwork", targets: ["Speedwork"]),
        .library(name: "SpeedworkFiles", targets: ["SpeedworkFiles"]),
        .library(name: "SpeedworkStore", targets: ["SpeedworkStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The domain: units, fitness models, paces. Foundation only.
        .target(name: "Speedwork"),
        // File formats: FIT decoding, FIT workout export, iCalendar, GPX, TCX, gzip. Depends on the
        // domain and the system zlib only.
        .target(name: "SpeedworkFiles", dependencies: ["Speedwork", "CZlib"]),
        // The system zlib, for gzip-compressed activity files (Strava bulk exports).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The training log: one schema, SQLite (GRDB) and PostgreSQL (postgres-nio) behind
        // TrainingStore. Depends on the domain only (and the system zlib for the sample blobs).
        .target(
            name: "SpeedworkStore",
            dependencies: [
                "Speedwork",
                "CZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // The command tree, a library so tests can run it in-process.
        .target(
            name: "SpeedworkCLI",
            dependencies: [
                "Speedwork",
                "SpeedworkFiles",
                "SpeedworkStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The thin executable.
        .executableTarget(name: "speedwork", dependencies: ["SpeedworkCLI"]),
        // The Swift side of the FIT decoding benchmark (Benchmarks/fit-decode/run); not part of the tests.
        .executableTarget(
            name: "speedwork-fit-bench", dependencies: ["SpeedworkFiles"], path: "Benchmarks/fit-decode/Swift"),
        // The Swift side of the GPX/TCX reading benchmark (Benchmarks/xml-read/run); not part of the tests.
        .executableTarget(
            name: "speedwork-xml-bench", dependencies: ["SpeedworkFiles", "Speedwork"], path: "Benchmarks/xml-read/Swift"),
        // The archive generator of the import benchmark (Benchmarks/import/run); not part of the tests.
        .executableTarget(
            name: "speedwork-archive-gen", dependencies: ["SpeedworkFiles", "Speedwork"], path: "Benchmarks/import/Swift"),
        // Helpers shared by the test targets (seeded generators).
        .target(name: "SpeedworkTestSupport", path: "Tests/SpeedworkTestSupport"),
        .testTarget(name: "SpeedworkTests", dependencies: ["Speedwork", "SpeedworkTestSupport"]),
        .testTarget(name: "SpeedworkFilesTests", dependencies: ["SpeedworkFiles", "Speedwork", "SpeedworkTestSupport"]),
        .testTarget(
            name: "SpeedworkStoreTests",
            dependencies: [
                "SpeedworkStore", "Speedwork", "SpeedworkTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "SpeedworkCLITests",
            dependencies: [
                "SpeedworkCLI", "Speedwork", "SpeedworkFiles", "SpeedworkStore", "SpeedworkTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)
