import Foundation
import HallProtocol
import KioskTestSupport
import Testing

/// A thousand connections held open and idle, as a careless or hostile client on the hall's
/// network (or a stuck script on the kiosk) would: kiosks and kioskctl must still be answered,
/// and the memory they cost must come back.
@Suite(.serialized) struct ConnectionLoadTests {
    static let idleConnections = 1000

    /// Should store a kiosk's batch while 1,000 connections sit idle on the hall's port (a long
    /// handshake timeout keeps them open), with bounded memory that is given back when they close
    @Test func hallServesKiosksUnderIdleConnections() async throws {
        let hall = try await HallRefusalTests.makeHall(extraArguments: ["--handshake-timeout", "600"])
        let caller = try HallRefusalTests.Caller(hall: hall, credentials: hall.directory.file("K-A"), kioskID: "K-A")
        #expect(try await caller.post(EventBatch(kioskID: "K-A", events: HallRefusalTests.events(1...1)), kioskPath: "K-A").status == 200)
        let pid = try #require(hall.process?.pid)
        let before = try #require(residentKiB(of: pid))

        var idle: [RawConnection] = []
        for _ in 0..<Self.idleConnections { idle.append(try await RawConnection.connect(port: hall.port)) }
        let clock = ContinuousClock()
        let started = clock.now
        let answer = try await caller.post(EventBatch(kioskID: "K-A", events: HallRefusalTests.events(2...2)), kioskPath: "K-A")
        let elapsed = clock.now - started
        #expect(answer.status == 200, "\(answer.body)")
        let during = try #require(residentKiB(of: pid))
        print("kiosk-hall with \(Self.idleConnections) idle connections: a batch answered in \(elapsed); RSS \(before) KiB before, \(during) KiB with them open")
        #expect(idle.allSatisfy { $0.channel.isActive }, "the hall dropped idle connections it had room for")
        // A TLS handler and its buffers per connection: well under 100 KiB each.
        #expect(during - before < Self.idleConnections * 100, "RSS grew by \(during - before) KiB")

        for connection in idle { await connection.close() }
        // Every connection's memory is back once they are gone: a further thousand open and close
        // without the process growing past what the first thousand took.
        for _ in 0..<Self.idleConnections { await (try await RawConnection.connect(port: hall.port)).close() }
        #expect(try await caller.post(EventBatch(kioskID: "K-A", events: HallRefusalTests.events(3...3)), kioskPath: "K-A").status == 200)
        let after = try #require(residentKiB(of: pid))
        print("kiosk-hall RSS after they closed and a thousand more came and went: \(after) KiB")
        #expect(after - during < Self.idleConnections * 20, "RSS grew by \(after - during) KiB after the connections closed")
        #expect(try HallDatabase(path: hall.databasePath).eventCount() == 3)
        await caller.shutdown()
        _ = await hall.stop()
    }

    /// Should answer kioskctl while 1,000 clients hold the control socket open without a request
    @Test func kioskdAnswersKioskctlUnderIdleConnections() async throws {
        let kioskd = try await KioskdInstance()
        #expect(try await kioskd.kioskctl(["status"]).status == 0)
        let before = try #require(residentKiB(of: kioskd.process.pid))
        var idle: [RawConnection] = []
        for _ in 0..<Self.idleConnections { idle.append(try await RawConnection.connect(unixPath: kioskd.socketPath)) }
        let clock = ContinuousClock()
        let started = clock.now
        let status = try await kioskd.kioskctl(["status"])
        let elapsed = clock.now - started
        #expect(status.status == 0, "\(status.standardError)")
        let during = try #require(residentKiB(of: kioskd.process.pid))
        print("kioskd with \(Self.idleConnections) idle control connections: kioskctl status answered in \(elapsed); RSS \(before) KiB before, \(during) KiB with them open")
        #expect(during - before < Self.idleConnections * 100, "RSS grew by \(during - before) KiB")
        // The control socket gives each client 5 s for its request, then hangs up.
        var closed = 0
        for connection in idle where await connection.closedByServer(within: .seconds(60)) { closed += 1 }
        #expect(closed == Self.idleConnections)
        #expect(await kioskd.stop() == 0)
    }
}
