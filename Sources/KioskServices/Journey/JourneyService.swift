import DeviceDrivers
import Foundation
import Journal
import KioskConfiguration
import KioskCore
import Logging
import NIOPosix
import ServiceLifecycle
import KioskValues

/// Drives the citizen's journey: the pure `Flow` fed from the inbox (taps, cards, codes, device
/// states, print results, hall answers, ticks), its effects carried out in order. One task owns
/// the Flow, so events never race.
///
/// "Journaled before confirmed": each `.journal` effect is awaited (a durable append) before the
/// next effect, and every confirming screen comes after its record in the list; when an append
/// fails the rest of the list is dropped and the Flow hears `.journalFailed`.
///
/// Idle costs nothing: the task sleeps on the inbox, with one timer set for `Flow.nextWakeUp`
/// (the dimming, the countdown's seconds, the timeout), and none at all on the dimmed screen.
/// The watchdog's probes pass through the same inbox: a journey stuck in an effect misses them.
package final class JourneyService: Service {
    let settings: JourneySettings
    let inbox: JourneyInbox
    let journal: Journal
    let screen: ScreenService?
    let cardReader: (reader: IDCardReader, idleOff: Bool)?
    let printer: JourneyPrinter
    let hall: JourneyHall
    let catalogChanges: AsyncStream<[UInt8]>?
    let stateDirectory: String
    /// Seals complaints' phone numbers for the hall; nil: they are left out of the journal.
    let callbackKey: CallbackKey?
    let logger: Logger
    private let voice: VoicePrompter?

    package init(settings: JourneySettings, inbox: JourneyInbox, journal: Journal, screen: ScreenService?, cardReader: (reader: IDCardReader, idleOff: Bool)?,
         printer: JourneyPrinter, hall: JourneyHall, catalogChanges: AsyncStream<[UInt8]>?, stateDirectory: String, callbackKey: CallbackKey?, logger: Logger) {
        self.settings = settings
        self.inbox = inbox
        self.journal = journal
        self.screen = screen
        self.cardReader = cardReader
        self.printer = printer
        self.hall = hall
        self.catalogChanges = catalogChanges
        self.stateDirectory = stateDirectory
        self.callbackKey = callbackKey
        self.logger = logger
        voice = settings.voicePrompts ? VoicePrompter(command: settings.voiceCommand, logger: logger) : nil
    }

    package func run() async throws {
        if callbackKey == nil {
            logger.warning("No callback_public_key in [journey]: a complaint reaches the hall with a masked phone number only, so nobody can call back. Copy hall-callback.pem from 'kiosk-hall enroll'.")
        }
        if settings.maintenancePIN == nil {
            logger.notice("No maintenance PIN in [journey]: the technicians' screen cannot be opened from the touchscreen. Make one with 'kioskctl pin-hash'.")
        }
        var flow = Flow(configuration: settings.flowConfiguration, catalog: await loadCatalog(), now: LocalClock.now())
        await restoreTicketClaims(&flow)
        logger.info("Journey started", metadata: ["catalog.version": "\(flow.catalog.version)", "catalog.services": "\(flow.catalog.services.count)"])
        let catalogReader = Task { [inbox, logger, catalogChanges] in
            guard let catalogChanges else { return }
            for await bytes in catalogChanges {
                do {
                    inbox.send(.catalogUpdated(try JSONDecoder().decode(ServiceCatalog.self, from: Data(bytes))))
                } catch {
                    logger.error("The hall's new catalog cannot be shown by this kioskd; keeping the current one", metadata: ["cause": "\(error)"])
                }
            }
        }
        var timer: Task<Void, Never>?
        // A graceful shutdown ends the inbox, which ends the loop after the event in hand.
        await withGracefulShutdownHandler {
            await carryOut(flow.start(at: LocalClock.now()), &flow)
            timer = arm(flow.nextWakeUp)
            for await item in inbox.items {
                switch item {
                case .probe(let answered):
                    answered.resume()
                case .event(let event):
                    timer?.cancel()
                    await carryOut(flow.handle(event, at: LocalClock.now()), &flow)
                    timer = arm(flow.nextWakeUp)
                case .outOfService(let on, let reason, let answered):
                    timer?.cancel()
                    let failure = await carryOut(flow.handle(.outOfServiceSet(on, reason: reason), at: LocalClock.now()), &flow)
                    timer = arm(flow.nextWakeUp)
                    answered.resume(returning: failure.map { .notJournaled(cause: "\($0)") } ?? .applied(isOutOfService: flow.isOutOfService))
                }
            }
        } onGracefulShutdown: { [inbox] in
            inbox.finish()
        }
        timer?.cancel()
        catalogReader.cancel()
        voice?.stop()
    }

    /// Carries out the effects in order; see the type's comment for the journal rule. Returns the
    /// append's error when a record could not be journaled (the rest was dropped).
    @discardableResult
    private func carryOut(_ effects: [FlowEffect], _ flow: inout Flow) async -> (any Error)? {
        var language = flow.language
        for effect in effects {
            switch effect {
            case .show(let view):
                language = view.language
                screen?.showKiosk(view)
            case .journal(let clear):
                // A phone number for a callback is sealed for the hall, or left out.
                let record = clear.sealing { [callbackKey] phone in callbackKey?.seal(phone) }
                do {
                    _ = try await journal.append(JournalEventKind(rawValue: record.kind), json: record.payloadJSON)
                } catch {
                    logger.critical("Unable to journal a citizen's step; the screen tells them it was not recorded", metadata: ["event.kind": "\(record.kind)", "cause": "\(error)"])
                    await carryOut(flow.handle(.journalFailed, at: LocalClock.now()), &flow)
                    return error
                }
            case .print(let job):
                // Not awaited: the answer comes back through the inbox, and taps meanwhile are
                // handled (the Flow ignores what does not apply while it waits).
                Task { [printer, inbox] in
                    inbox.send(.printed(job.id, await printer.print(job)))
                }
            case .askHall(let request):
                Task { [hall, inbox] in
                    inbox.send(.hallAnswered(await hall.answer(request)))
                }
            case .setCardPolling(let polling):
                guard let cardReader else { continue }
                cardReader.reader.setPolling(polling == .fast ? .fast : cardReader.idleOff ? .off : .slow)
            case .speak(let text):
                voice?.say(text, in: language)
            case .wipeCardData:
                // The reader keeps no card; the monitor hands each read over as masked data and
                // drops the card at once. What remains (the masked data) left with the session.
                logger.debug("Session ended; card data wiped")
            }
        }
        return nil
    }

    /// A timer that sends one `.tick` at `wakeUp` (local time); nil when nothing will change.
    private func arm(_ wakeUp: FlowTime?) -> Task<Void, Never>? {
        guard let wakeUp else { return nil }
        let seconds = max(0, wakeUp.seconds - LocalClock.now().seconds)
        return Task { [inbox] in
            // A little past the second, so the Flow's clock has reached it.
            try? await Task.sleep(for: .seconds(seconds) + .milliseconds(20))
            if !Task.isCancelled { inbox.send(.tick) }
        }
    }

    /// Tickets issued before this start (a restart, a power cut) still count for "one per person
    /// per category per day": read back from the journal's `ticket.issued` records of the last
    /// week (a ticket is for the next working day, at most a long holiday away).
    private func restoreTicketClaims(_ flow: inout Flow) async {
        struct Issued: Decodable {
            var category: String
            var holder: String?
            var for_date: String?
        }
        do {
            let events = try await journal.events(kind: JournalEventKind(rawValue: JournalKind.ticketIssued), since: Date().addingTimeInterval(-8 * 86_400), limit: 100_000)
            var restored = 0
            for event in events {
                guard let issued = try? JSONDecoder().decode(Issued.self, from: Data(event.payload.utf8)),
                      let holder = issued.holder, let day = issued.for_date.flatMap({ CalendarDate(yyyymmdd: $0.filter { $0 != "-" }) }) else { continue }
                flow.restoreTicketClaim(holderHash: holder, category: issued.category, day: day)
                restored += 1
            }
            if restored > 0 { logger.info("Restored this week's tickets for the one-per-person limit", metadata: ["tickets": "\(restored)"]) }
        } catch {
            logger.error("Unable to read the journal's tickets; the one-ticket-per-person limit starts empty", metadata: ["cause": "\(error)"])
        }
    }

    /// The hall's catalog as last cached (HallSync keeps it in the state directory); the sample
    /// county catalog until the hall has sent one.
    private func loadCatalog() async -> ServiceCatalog {
        let path = stateDirectory + "/catalog.json"
        let bytes = try? await NIOThreadPool.singleton.runIfActive { FileManager.default.contents(atPath: path) }
        if let bytes = bytes ?? nil {
            do {
                return try JSONDecoder().decode(ServiceCatalog.self, from: bytes)
            } catch {
                logger.error("The cached catalog cannot be read; showing the built-in sample until the hall sends one", metadata: ["catalog.path": "\(path)", "cause": "\(error)"])
            }
        } else {
            logger.notice("No catalog from the hall yet; showing the built-in sample until it sends one", metadata: ["catalog.path": "\(path)"])
        }
        return .sample
    }
}

extension JourneyService: CustomStringConvertible {
    package var description: String { "journey" }
}
