import Benchmark
import Foundation
import HallProtocol
import HallSync
import Journal
import Logging

/// Sync throughput over loopback mutual TLS, hall and kiosk in one process but speaking HTTPS
/// through the kernel's loopback: the hall's SQLite with synchronous=FULL (one fsync per batch),
/// the kiosk's journal marking each batch synced (another fsync per batch).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal],
        timeUnits: .milliseconds,
        warmupIterations: 0,
        maxDuration: .seconds(120),
        maxIterations: 3)

    // Goal (issue 7): <= 5 s for 100,000 events.
    Benchmark("Sync 100,000 events, one kiosk -> hall (batch 500)") { benchmark in
        let directory = freshDirectory()
        let hall = try await BenchmarkHall(directory: directory, kioskIDs: ["K-BENCH"])
        let journal = try makeFilledJournal(path: directory + "/journal.sqlite", kioskID: "K-BENCH", count: 100_000)
        let client = try hall.client(for: "K-BENCH")
        let pusher = JournalPusher(journal: journal, client: client, kioskID: "K-BENCH", batchSize: 500, logger: Logger(label: "bench"))
        benchmark.startMeasurement()
        let (sent, acknowledged) = try await pusher.pushAll()
        benchmark.stopMeasurement()
        precondition(sent == 100_000 && acknowledged == 100_000, "sent \(sent), acknowledged \(String(describing: acknowledged))")
        await client.shutdown()
        try journal.close()
        await hall.stop()
        try FileManager.default.removeItem(atPath: directory)
    }

    // The hall alone: 4 kiosks each posting 25,000 prepared events in batches of 500, at once.
    Benchmark("Hall ingest, 4 kiosks at once, 100,000 events (batch 500)") { benchmark in
        let directory = freshDirectory()
        let kiosks = (1...4).map { "K-BENCH-\($0)" }
        let hall = try await BenchmarkHall(directory: directory, kioskIDs: kiosks)
        let clients = try kiosks.map { try hall.client(for: $0) }
        let batches = kiosks.map { kioskID in
            stride(from: Int64(1), through: 25_000, by: 500).map { start in
                EventBatch(kioskID: kioskID, events: (start..<(start + 500)).map { sequence in
                    WireEvent(sequence: sequence, id: UUID().uuidString, kind: "ticket.issued", occurredAtMs: 1_767_000_000_000 + sequence * 1000,
                              payload: #"{"category":"A","masked_id":"530622********0026","number":"A005","window":"3F-B-12"}"#)
                })
            }
        }
        benchmark.startMeasurement()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (client, kioskBatches) in zip(clients, batches) {
                group.addTask {
                    for batch in kioskBatches {
                        let acknowledgement = try await client.send(batch)
                        precondition(acknowledgement.highestContiguousSequence == batch.events.last!.sequence)
                    }
                }
            }
            try await group.waitForAll()
        }
        benchmark.stopMeasurement()
        for client in clients { await client.shutdown() }
        await hall.stop()
        try FileManager.default.removeItem(atPath: directory)
    }
}
