import Benchmark
import DeviceDrivers
import Foundation
import KioskSimulation

/// Card reads: decoding a normal 1295-byte read response against copying the same bytes, and a
/// whole card read (find, select, read) through a pty paced at 115200 baud against the wire
/// time of the bytes exchanged (1359 bytes, 10 bits each: 117.97 ms).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal], timeUnits: .nanoseconds, maxDuration: .seconds(5))

    let frame = ReaderFrame.encodeResponse(status: .success, payload: IDCardReadResponse.encode(SampleCards.resident, photo: SampleCards.photo))
    precondition(frame.count == 1295)

    Benchmark("Decode a 1295-byte read response (frame and card)") { benchmark in
        for _ in benchmark.scaledIterations {
            var decoder = ReaderFrameDecoder()
            decoder.append(frame)
            guard case .success(let response)? = decoder.nextResponse() else { fatalError("no frame") }
            blackHole(try IDCardReadResponse.decode(response.payload))
        }
    }

    Benchmark("Copy 1295 bytes (baseline)") { benchmark in
        for _ in benchmark.scaledIterations {
            var copy = [UInt8](repeating: 0, count: frame.count)
            copy.withUnsafeMutableBytes { target in frame.withUnsafeBytes { target.copyMemory(from: $0) } }
            blackHole(copy)
        }
    }

    Benchmark(
        "Card read through a pty at 115200 baud (wire time 117.97 ms)",
        configuration: .init(metrics: [.wallClock], timeUnits: .milliseconds, maxDuration: .seconds(15), maxIterations: 60)
    ) { benchmark in
        let simulator = try PacedSimulator()
        defer { simulator.stop() }
        let transport = try await SerialReaderTransport.open(simulator.ptyPath)
        _ = try await IDCardReaderSteps.initialise(transport)
        for _ in benchmark.scaledIterations {
            try simulator.control("lift")
            try simulator.control("place resident")
            benchmark.startMeasurement()
            guard case .read = try await IDCardReaderSteps.readPlacedCard(on: transport) else { fatalError("no card read") }
            benchmark.stopMeasurement()
        }
        await transport.close()
    }
}

/// kiosk-sim idcard from the main package's build, pacing its answers at 115200 baud.
final class PacedSimulator {
    let process = Process()
    let controlPath: String
    private(set) var ptyPath = ""

    init() throws {
        let build = ProcessInfo.processInfo.environment["KIOSKD_BUILD_DIR"] ?? FileManager.default.currentDirectoryPath + "/../.build/debug"
        controlPath = NSTemporaryDirectory() + "kiosk-sim-bench-\(getpid()).sock"
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: build + "/kiosk-sim")
        process.arguments = ["idcard", "--control", controlPath, "--pace-baud", "115200"]
        process.standardOutput = output
        try process.run()
        var text = ""
        while !text.contains("control ") {
            text += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        }
        ptyPath = String(text.split(separator: "\n").first { $0.hasPrefix("pty ") }!.dropFirst(4))
        for _ in 0..<100 where (try? control("state")) == nil { usleep(20_000) }
    }

    @discardableResult
    func control(_ command: String) throws -> String {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(controlPath.utf8)) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        _ = Array((command + "\n").utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
    }

    func stop() {
        // SIGKILL: a child started by Foundation's Process may inherit a blocked SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
