import ControlProtocol
import DeviceDrivers
import Journal
import Logging
import ServiceLifecycle

/// Turns the card reader's events into logs and journal entries: faults and recoveries are
/// journaled (the hall's morning report lists them); card reads are logged without any
/// personal data. Later the citizen's journey takes the card reads.
struct CardReaderMonitor: Service, DeviceStatusReporting {
    let reader: IDCardReader
    let journal: Journal
    let logger: Logger

    func run() async throws {
        var faulted = false
        // Ends when the reader stops at shutdown (the reader is shut down before this service).
        for await event in reader.events {
            switch event {
            case let .ready(samID, device):
                logger.info("Card reader ready", metadata: ["device.path": "\(device)", "sam.id": "\(samID)"])
                if faulted {
                    faulted = false
                    await record(.deviceRecovered, DeviceEventPayload(device: "card_reader", path: device, code: nil, message: "ready again"))
                }
            case let .fault(error):
                let device = reader.snapshot.device
                logger.error("Card reader fault; retrying by itself", metadata: ["device.path": "\(device)", "cause": "\(error.message)"])
                faulted = true
                await record(.deviceFault, DeviceEventPayload(device: "card_reader", path: device, code: error.code.rawValue, message: error.message))
            case let .cardRead(card, duration):
                let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
                logger.info("Card read", metadata: ["card.type": "\(card.type.rawValue)", "read.ms": "\(milliseconds)"])
            case .cardRemoved:
                logger.debug("Card lifted")
            case let .readFailed(error):
                logger.notice("Card could not be read; the citizen is asked to place it again", metadata: ["cause": "\(error)"])
            }
        }
    }

    func deviceSummaries() async -> [DeviceSummary] {
        let snapshot = reader.snapshot
        let state = switch snapshot.phase {
        case .ready, .cardPresent: "ready"
        case .connecting: "connecting"
        case .faulted: "faulted"
        }
        return [DeviceSummary(name: "card reader", kind: "idcard", path: snapshot.device, state: state, lastError: snapshot.lastError)]
    }

    func cardReaderStatus() -> CardReaderStatus {
        let snapshot = reader.snapshot
        return CardReaderStatus(
            device: snapshot.device, state: snapshot.phase.rawValue, polling: snapshot.polling.rawValue, samID: snapshot.samID,
            lastError: snapshot.lastError, lastErrorAt: snapshot.lastErrorAt, lastCardAt: snapshot.lastCardAt,
            cardsRead: snapshot.cardsRead, readFailures: snapshot.readFailures, faults: snapshot.faults)
    }

    private func record(_ kind: JournalEventKind, _ payload: DeviceEventPayload) async {
        do {
            try await journal.append(kind, payload: payload)
        } catch {
            logger.error("Unable to journal a device event", metadata: ["event.kind": "\(kind)", "error": "\(error)"])
        }
    }
}

/// The payload of device.fault and device.recovered events.
struct DeviceEventPayload: Encodable, Sendable {
    var device: String
    var path: String
    var code: String?
    var message: String
}

extension CardReaderMonitor: CustomStringConvertible {
    var description: String { "card reader monitor" }
}
