import Foundation
import HallSync
import KioskCore
import Logging

/// Asks the hall the Flow's questions and turns the answers (or the silence) into `HallAnswer`s.
/// A citizen is waiting, so each try is short; a ticket request is tried twice with the same
/// request id, so the hall counts it once even when only its answer was lost.
package struct JourneyHall: Sendable {
    /// nil when sync is off: every question is "unreachable", and the screen says what to do.
    let client: HallClient?
    let logger: Logger

    package init(client: HallClient?, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// One try's limit: the screen shows "please wait" meanwhile.
    static let tryTimeout: Duration = .seconds(6)

    func answer(_ request: HallRequest) async -> HallAnswer {
        switch request {
        case let .ticket(id, category, forDate, _):
            guard let client else { return .unreachable(id) }
            let ticket = await twice("The hall did not give a ticket number", ["ticket.category": "\(category)"]) { requestID throws(HallClientError) in
                try await client.ticket(category: category, forDate: forDate.description, requestID: requestID, timeout: Self.tryTimeout)
            }
            guard let ticket else { return .unreachable(id) }
            return .ticketAssigned(id, number: ticket.number, ahead: ticket.ahead)
        case let .progress(id, caseNumber):
            guard let client else { return .unreachable(id) }
            do {
                guard let progress = try await client.progress(caseNumber: caseNumber, timeout: Self.tryTimeout) else { return .caseNotFound(id) }
                return .progress(id, status: progress.status, nextStep: progress.nextStep)
            } catch {
                // The case number is the citizen's: not logged.
                logger.warning("The hall did not answer a progress inquiry", metadata: ["cause": "\(error)"])
                return .unreachable(id)
            }
        case let .checkIn(id, key):
            guard let client else { return .unreachable(id) }
            let (code, holder): (String?, String?) = switch key {
            case .qrCode(let code): (code, nil)
            case .holderHash(let hash): (nil, hash)
            }
            let answer = await twice("The hall did not check in a booking", [:]) { requestID throws(HallClientError) in
                try await client.checkIn(code: code, holder: holder, forDate: LocalClock.now().date.description, requestID: requestID, timeout: Self.tryTimeout)
            }
            guard let answer else { return .unreachable(id) }
            guard let booking = answer else { return .noBooking(id) }
            return .bookingCheckedIn(id, BookingCheckIn(number: booking.number, category: booking.category, serviceID: booking.serviceID, ahead: booking.ahead))
        }
    }

    /// Asks up to twice with one request id (the hall then counts a request whose answer was
    /// lost only once); the second try only when the hall could not be reached. nil: no answer.
    private func twice<T: Sendable>(_ failure: String, _ metadata: Logger.Metadata,
                                    _ ask: (String) async throws(HallClientError) -> T) async -> T? {
        let requestID = UUID().uuidString
        for attempt in 1...2 {
            do {
                return try await ask(requestID)
            } catch {
                logger.warning("\(failure)", metadata: metadata.merging(["attempt": "\(attempt)", "cause": "\(error)"]) { $1 })
                if error.code != .unreachable { break }
            }
        }
        return nil
    }
}
