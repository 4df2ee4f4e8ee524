import ControlProtocol
import Crypto
import DeviceDrivers
import Journal
import KioskCore
import Logging
import ServiceLifecycle

/// Turns the card reader's events into logs, journal entries and the journey's events: faults
/// and recoveries are journaled (the hall's morning report lists them); card reads are logged
/// without any personal data and handed to the journey as a `CardHolder` (masked, keyed hash),
/// so the full name and number never leave this function.
package struct CardReaderMonitor: Service, DeviceStatusReporting {
    let reader: IDCardReader
    let logger: Logger
    /// The journey and the key of its keyed hash; nil on a kiosk without a screen.
    let journey: (inbox: JourneyInbox, linkingKey: LinkingKey)?
    private let faults: DeviceFaultRecorder

    package init(reader: IDCardReader, journal: Journal, journey: (inbox: JourneyInbox, linkingKey: LinkingKey)?, logger: Logger) {
        self.reader = reader
        self.logger = logger
        self.journey = journey
        faults = DeviceFaultRecorder(device: "card_reader", path: reader.snapshot.device, journal: journal, logger: logger)
    }

    package func run() async throws {
        // Ends when the reader stops at shutdown (the reader is shut down before this service).
        for await event in reader.events {
            switch event {
            case let .ready(samID, device):
                logger.info("Card reader ready", metadata: ["device.path": "\(device)", "sam.id": "\(samID)"])
                await faults.recovered(path: device)
                journey?.inbox.send(.cardReaderChanged(.ready))
            case let .fault(error):
                let device = reader.snapshot.device
                logger.error("Card reader fault; retrying by itself", metadata: ["device.path": "\(device)", "cause": "\(error.message)"])
                await faults.fault(code: error.code.rawValue, message: error.message, path: device)
                journey?.inbox.send(.cardReaderChanged(.faulted))
            case let .cardRead(card, duration):
                let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
                logger.info("Card read", metadata: ["card.type": "\(card.type.rawValue)", "read.ms": "\(milliseconds)"])
                if let journey { journey.inbox.send(.cardRead(Self.holder(of: card, key: journey.linkingKey.symmetricKey))) }
            case .cardRemoved:
                logger.debug("Card lifted")
                journey?.inbox.send(.cardRemoved)
            case let .readFailed(error):
                logger.notice("Card could not be read; the citizen is asked to place it again", metadata: ["cause": "\(error)"])
                journey?.inbox.send(.cardReadFailed)
            }
        }
    }

    /// What the journey may know of the card: masked forms and the keyed hash.
    static func holder(of card: IDCard, key: SymmetricKey) -> CardHolder {
        let type: CardHolder.CardType = switch card.type {
        case .residentID: .residentID
        case .residencePermit: .residencePermit
        case .foreignerPermanentResidence2017, .foreignerPermanentResidence2023: .foreignPermanentResident
        }
        return CardHolder(name: card.name.isEmpty ? card.englishName : card.name, idNumber: card.idNumber, cardType: type,
                          isExpired: card.isExpired(on: LocalClock.now().date), key: key)
    }

    package func deviceSummaries() async -> [DeviceSummary] {
        let snapshot = reader.snapshot
        let state = switch snapshot.phase {
        case .ready, .cardPresent: "ready"
        case .connecting: "connecting"
        case .faulted: "faulted"
        }
        return [DeviceSummary(name: "card reader", kind: "idcard", path: snapshot.device, state: state, lastError: snapshot.lastError,
                              model: snapshot.samID.map { "SAM \($0)" }, lastErrorAt: snapshot.lastErrorAt,
                              counters: ["cards read": snapshot.cardsRead, "read failures": snapshot.readFailures, "faults": snapshot.faults])]
    }

    func cardReaderStatus() -> CardReaderStatus {
        let snapshot = reader.snapshot
        return CardReaderStatus(
            device: snapshot.device, state: snapshot.phase.rawValue, polling: snapshot.polling.rawValue, samID: snapshot.samID,
            lastError: snapshot.lastError, lastErrorAt: snapshot.lastErrorAt, lastCardAt: snapshot.lastCardAt,
            cardsRead: snapshot.cardsRead, readFailures: snapshot.readFailures, faults: snapshot.faults)
    }
}

extension CardReaderMonitor: CustomStringConvertible {
    package var description: String { "card reader monitor" }
}
