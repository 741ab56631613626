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
        .library(name: "SpeedworkReports", targets: ["SpeedworkReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The domain: units, fitness models, paces. Foundation only.
        .target(name: "Speedwork"),
        // File formats: FIT decoding, FIT workout export, iCalendar, GPX, TCX, gzip. Depends on the
        // domain and the system zlib only.
        .target(name: "SpeedworkFiles", dependencies: ["Speedwork", "CZlib"]),
        // The system zlib, for gzip-compressed activity files (Strava bulk exports).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The SHA-256 compression function on the x86 SHA extensions, for the store's content hash
        // when the processor has them (elsewhere the store's Swift SHA-256 runs alone).
        .target(name: "CSHA256"),
        // The training log: one schema, SQLite (GRDB) and PostgreSQL (postgres-nio) behind
        // TrainingStore. Depends on the domain only (and the system zlib for the sample blobs).
        .target(
            name: "SpeedworkStore",
            dependencies: [
                "Speedwork",
                "CZlib",
                "CSHA256",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // The self-hosted web app (issue 11): Hummingbird 2, accounts, pages, the JSON API.
        .target(name: "SpeedworkReports", dependencies: ["Speedwork", "SpeedworkFiles", "SpeedworkStore"]),
        .target(
            name: "SpeedworkServer",
            dependencies: [
                "Speedwork",
                "SpeedworkFiles",
                "SpeedworkStore",
                "SpeedworkReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // The command tree, a library so tests can run it in-process.
        .target(
            name: "SpeedworkCLI",
            dependencies: [
                "Speedwork",
                "SpeedworkFiles",
                "SpeedworkStore",
                "SpeedworkReports",
                "SpeedworkServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The thin executable.
        .executableTarget(name: "speedwork", dependencies: ["SpeedworkCLI", "SpeedworkServer"]),
        // The Swift side of the FIT decoding benchmark (Benchmarks/fit-decode/run); not part of the tests.
        .executableTarget(
            name: "speedwork-fit-bench", dependencies: ["SpeedworkFiles"], path: "Benchmarks/fit-decode/Swift"),
        // The Swift side of the GPX/TCX reading benchmark (Benchmarks/xml-read/run); not part of the tests.
        .executableTarget(
            name: "speedwork-xml-bench", dependencies: ["SpeedworkFiles", "Speedwork"], path: "Benchmarks/xml-read/Swift"),
        // Fills a generated year of training log for the `log` benchmark (Benchmarks/log/run); not part of the tests.
        .executableTarget(
            name: "speedwork-log-bench", dependencies: ["SpeedworkStore", "Speedwork"], path: "Benchmarks/log/Swift"),
        // The fill side of the progress benchmark (Benchmarks/progress/run); not part of the tests.
        .executableTarget(
            name: "speedwork-progress-bench", dependencies: ["Speedwork", "SpeedworkStore"], path: "Benchmarks/progress/Swift"),
        // The archive generator of the import benchmark (Benchmarks/import/run); not part of the tests.
        .executableTarget(
            name: "speedwork-archive-gen", dependencies: ["SpeedworkFiles", "Speedwork"], path: "Benchmarks/import/Swift"),
        // Helpers shared by the test targets (seeded generators).
        .target(name: "SpeedworkTestSupport", path: "Tests/SpeedworkTestSupport"),
        .target(
            name: "SpeedworkStoreTestSupport",
            dependencies: [
                "Speedwork", "SpeedworkStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Tests/SpeedworkStoreTestSupport"),
        .testTarget(name: "SpeedworkTests", dependencies: ["Speedwork", "SpeedworkTestSupport"]),
        .testTarget(name: "SpeedworkFilesTests", dependencies: ["SpeedworkFiles", "Speedwork", "SpeedworkTestSupport"]),
        .testTarget(
            name: "SpeedworkStoreTests",
            dependencies: [
                "SpeedworkStore", "Speedwork", "SpeedworkTestSupport", "SpeedworkStoreTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "SpeedworkServerTests",
            dependencies: [
                "SpeedworkServer", "SpeedworkStore", "Speedwork", "SpeedworkCLI", "SpeedworkReports", "SpeedworkTestSupport", "SpeedworkStoreTestSupport", "SpeedworkFiles",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "SpeedworkCLITests",
            dependencies: [
                "SpeedworkCLI", "Speedwork", "SpeedworkFiles", "SpeedworkStore", "SpeedworkReports", "SpeedworkTestSupport", "SpeedworkStoreTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)
