// swift-tools-version:6.1
import PackageDescription

// Benchmarks live in their own package so that CI's `swift test` never builds package-benchmark.
// Run them with `make bench` (or `swift package benchmark` in this directory).
let package = Package(
    name: "kioskd-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        // Named explicitly: a path dependency's identity is otherwise its directory's name,
        // which differs between checkouts.
        .package(name: "kioskd", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The raw SQLite C API, for the baseline the journal is measured against.
        .systemLibrary(name: "CSQLiteRaw", path: "Sources/CSQLiteRaw", providers: [.apt(["libsqlite3-dev"])]),
        .executableTarget(
            name: "JournalBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Journal", package: "kioskd"),
                "CSQLiteRaw",
            ],
            path: "Benchmarks/JournalBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "IDCardBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "DeviceDrivers", package: "kioskd"),
                .product(name: "KioskSimulation", package: "kioskd"),
            ],
            path: "Benchmarks/IDCardBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "PrintingBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "DeviceDrivers", package: "kioskd"),
            ],
            path: "Benchmarks/PrintingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // 100,000 events from one kiosk to the hall over loopback mutual TLS, and the hall's
        // ingest rate with several kiosks at once.
        .executableTarget(
            name: "SyncBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Journal", package: "kioskd"),
                .product(name: "HallSync", package: "kioskd"),
                .product(name: "HallServer", package: "kioskd"),
                .product(name: "HallProtocol", package: "kioskd"),
                "CSQLiteRaw",
            ],
            path: "Benchmarks/SyncBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The reference kiosk scene (bench/reference-scene.md) at 1080x1920: cold first frame,
        // warm full repaint, a small repaint, against a memcpy of the same frame.
        .executableTarget(
            name: "ScreenBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Graphics", package: "kioskd"),
            ],
            path: "Benchmarks/ScreenBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
