// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "kioskd",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kioskd", targets: ["kioskd"]),
        .executable(name: "kioskctl", targets: ["kioskctl"]),
        .executable(name: "kiosk-sim", targets: ["kiosk-sim"]),
        .executable(name: "kiosk-hall", targets: ["kiosk-hall"]),
        .library(name: "HallProtocol", targets: ["HallProtocol"]),
        // For the benchmarks package: the sync client and the hall server as libraries.
        .library(name: "HallSync", targets: ["HallSync"]),
        .library(name: "HallServer", targets: ["HallServer"]),
        .library(name: "Journal", targets: ["Journal"]),
        .library(name: "DeviceDrivers", targets: ["DeviceDrivers"]),
        .library(name: "KioskSimulation", targets: ["KioskSimulation"]),
        // For the screen benchmarks: the renderer, text and the reference scene.
        .library(name: "Graphics", targets: ["Graphics"]),
        // For `make fuzz`'s configuration target: the TOML loader with TOMLKit and its other
        // dependencies linked into one shared library, which the fuzzer links against.
        .library(name: "KioskConfigurationForFuzzing", type: .dynamic, targets: ["KioskConfiguration"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Sync with the hall: the hall's server, the kiosk's client, per-kiosk certificates.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The hall on PostgreSQL (kiosk-hall serve --database postgres://...).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // C system libraries, installed from Debian packages by scripts/install-deps.sh.
        .systemLibrary(name: "CLibUSB", pkgConfig: "libusb-1.0", providers: [.apt(["libusb-1.0-0-dev"])]),
        // Debian's libcups2-dev ships no cups.pc: the module map links "cups" directly.
        .systemLibrary(name: "CCUPS", providers: [.apt(["libcups2-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CDRM", pkgConfig: "libdrm", providers: [.apt(["libdrm-dev"])]),
        // The kernel's fbdev, evdev, VT and DRM ioctls: their request numbers are C macros that
        // Swift cannot import, so small C functions wrap them (Sources/CLinuxDevices).
        .target(name: "CLinuxDevices", dependencies: ["CDRM"]),

        // Libraries.
        // Values every part shares: calendar dates, ID numbers and their checks, personal-data
        // masking, the keyed hash and the sealed callback phone, hex, the version. A leaf: it
        // imports no other module of ours and reads no clock.
        .target(name: "KioskValues", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // The concurrency helpers every service shares: the wake signal, the retry policy and the
        // reopening loop, generic over Clock so that tests drive them with a manual one. A leaf.
        .target(name: "KioskConcurrency"),
        // The citizen's journey (the pure Flow) and the service catalog.
        .target(name: "KioskCore", dependencies: ["KioskValues", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "KioskConfiguration", dependencies: ["TOMLKit", "DeviceDrivers", "KioskCore"]),
        .target(name: "KioskLogging", dependencies: [.product(name: "Logging", package: "swift-log")]),
        .target(
            name: "Journal",
            dependencies: ["KioskValues", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "ControlProtocol"),
        .target(
            name: "DeviceDrivers",
            dependencies: [
                "CLibUSB", "CCUPS", "CLinuxDevices", "KioskValues", "KioskConcurrency", "Graphics",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(name: "Graphics", dependencies: ["CFreeType", "CQRencode", "CPNG"]),
        // Screens as draw lists: what the kiosk shows (the Flow's screens later) and the
        // technicians' screens. Knows pixels and text, nothing about devices.
        .target(name: "KioskUI", dependencies: ["Graphics", "KioskCore", "KioskValues"]),
        // Simulated devices' behaviour, shared by kiosk-sim and the tests. It imports none of the
        // drivers: its SAM frames, card texts and ESC/POS parsing are its own, from docs/protocols.
        .target(name: "KioskSimulation", dependencies: ["ControlProtocol", "Graphics"]),
        // Sync with the hall: wire types (no logic), the kiosk's client, the hall's server.
        .target(name: "HallProtocol"),
        .target(
            name: "HallSync",
            dependencies: [
                "HallProtocol", "Journal", "ControlProtocol", "KioskConcurrency",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "HallServer",
            dependencies: [
                "HallProtocol", "KioskCore", "KioskValues",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Executables: wiring only.
        // kioskd's parts: the control socket and its commands, the journey's driver, the device
        // services (card reader, printers, screen and its technician modes, scanner), sync set-up,
        // systemd notification. A library, so that tests import what they test; kioskd wires it.
        .target(
            name: "KioskServices",
            dependencies: [
                "KioskConfiguration", "KioskLogging", "Journal", "ControlProtocol", "DeviceDrivers", "Graphics", "KioskUI", "KioskCore", "KioskValues", "KioskConcurrency",
                "HallSync", "HallProtocol",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "kioskd",
            dependencies: [
                "KioskServices", "KioskConfiguration", "KioskLogging", "Journal", "ControlProtocol", "DeviceDrivers", "KioskCore", "KioskValues", "HallSync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "kioskctl",
            dependencies: [
                "KioskConfiguration", "ControlProtocol", "KioskCore", "KioskValues", "DeviceDrivers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "kiosk-sim",
            dependencies: [
                "KioskSimulation", "Graphics", "ControlProtocol",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // `kiosk-sim demo`: the web page in front of the simulated kiosk.
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "kiosk-hall",
            dependencies: [
                "HallServer", "HallProtocol", "KioskLogging", "KioskValues",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // A test fixture: appends journal events until killed, for the power-cut and kill -9 tests.
        .executableTarget(name: "journal-crash-probe", dependencies: ["Journal"], path: "Tests/Fixtures/journal-crash-probe"),

        // Tests.
        .testTarget(name: "KioskCoreTests", dependencies: ["KioskCore", "KioskValues"]),
        .testTarget(name: "KioskValuesTests", dependencies: ["KioskValues", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "KioskConcurrencyTests", dependencies: ["KioskConcurrency"]),
        .testTarget(name: "KioskConfigurationTests", dependencies: ["KioskConfiguration"]),
        .testTarget(name: "KioskLoggingTests", dependencies: ["KioskLogging", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "JournalTests", dependencies: ["Journal", "KioskTestSupport"]),
        .testTarget(name: "ControlProtocolTests", dependencies: ["ControlProtocol", "KioskTestSupport"]),
        .testTarget(name: "DeviceDriversTests", dependencies: ["DeviceDrivers", "Graphics", "KioskValues", "KioskSimulation", "KioskTestSupport"]),
        .testTarget(name: "KioskSimulationTests", dependencies: ["KioskSimulation"]),
        .testTarget(name: "GraphicsTests", dependencies: ["Graphics"]),
        .testTarget(name: "KioskUITests", dependencies: ["KioskUI", "Graphics", "KioskCore", "KioskValues"]),
        .testTarget(name: "DisplayInputTests", dependencies: ["DeviceDrivers", "Graphics", "KioskTestSupport"]),
        .testTarget(name: "PrintingTests", dependencies: ["DeviceDrivers", "Graphics", "KioskTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Journal", "ControlProtocol", "Graphics", "KioskTestSupport"]),
        .testTarget(name: "HallSyncUnitTests", dependencies: ["HallSync", "HallServer", "HallProtocol", "Journal", "KioskValues", .product(name: "Hummingbird", package: "hummingbird")]),
        .testTarget(
            name: "HallSyncTests",
            dependencies: [
                "HallProtocol", "HallSync", "Journal", "ControlProtocol", "KioskTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The hall's store, one suite run against SQLite and a private PostgreSQL.
        .testTarget(
            name: "HallStorageTests",
            dependencies: [
                "HallServer", "HallProtocol", "HallSync", "KioskTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Helpers shared by the test targets: temp directories, running the built executables.
        .target(name: "KioskTestSupport", dependencies: ["ControlProtocol", "KioskSimulation"], path: "Tests/KioskTestSupport"),
    ],
    swiftLanguageModes: [.v6]
)
