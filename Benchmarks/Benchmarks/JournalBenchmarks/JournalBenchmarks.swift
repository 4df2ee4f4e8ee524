import Benchmark
import Foundation
import Journal

/// Durable appends: kioskd's Journal against the raw SQLite C API doing the same statements with
/// the same pragmas (WAL, synchronous=FULL), in the same run and on the same disk, so that their
/// ratio means something on a machine whose fsync rate drifts. The journal lives under
/// KIOSKD_BENCH_DIR (default: .build/bench in this directory), never /tmp, which may be tmpfs.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 20,
        maxDuration: .seconds(5),
        maxIterations: 2000)

    let payload = #"{"category":"A","masked_id":"530622********0026","number":"A005","window":"3F-B-12"}"#

    Benchmark("Journal.append (durable)") { benchmark in
        let directory = freshDirectory()
        let journal = try Journal(path: directory + "/journal.sqlite", kioskID: "K-BENCH")
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try await journal.append(.init(rawValue: "ticket.issued"), json: payload))
        }
        benchmark.stopMeasurement()
        try journal.close()
        try FileManager.default.removeItem(atPath: directory)
    }

    Benchmark("Raw SQLite C API append (durable, baseline)") { benchmark in
        let directory = freshDirectory()
        var raw: RawSQLiteJournal? = RawSQLiteJournal(path: directory + "/raw.sqlite")
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            raw!.append(uuid: UUID().uuidString, kind: "ticket.issued", occurredAt: Int64(Date().timeIntervalSince1970 * 1000), payload: payload)
        }
        benchmark.stopMeasurement()
        raw = nil
        try FileManager.default.removeItem(atPath: directory)
    }
}

private func freshDirectory() -> String {
    let base = ProcessInfo.processInfo.environment["KIOSKD_BENCH_DIR"] ?? FileManager.default.currentDirectoryPath + "/.build/bench"
    let directory = base + "/" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    return directory
}
