import Foundation
import HallSync
import KioskCore
import Logging

/// Asks the hall the Flow's questions and turns the answers (or the silence) into `HallAnswer`s.
/// A citizen is waiting, so each try is short; a ticket request is tried twice with the same
/// request id, so the hall counts it once even when only its answer was lost.
struct JourneyHall: Sendable {
    /// nil when sync is off: every question is "unreachable", and the screen says what to do.
    let client: HallClient?
    let logger: Logger

    /// One try's limit: the screen shows "please wait" meanwhile.
    static let tryTimeout: Duration = .seconds(6)

    func answer(_ request: HallRequest) async -> HallAnswer {
        switch request {
        case let .ticket(id, category, forDate, _):
            guard let client else { return .unreachable(id) }
            let requestID = UUID().uuidString
            for attempt in 1...2 {
                do {
                    let ticket = try await client.ticket(category: category, forDate: forDate.description, requestID: requestID, timeout: Self.tryTimeout)
                    return .ticketAssigned(id, number: ticket.number, ahead: ticket.ahead)
                } catch {
                    logger.warning("The hall did not give a ticket number", metadata: ["attempt": "\(attempt)", "ticket.category": "\(category)", "cause": "\(error)"])
                    if error.code != .unreachable { break }
                }
            }
            return .unreachable(id)
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
            let requestID = UUID().uuidString
            for attempt in 1...2 {
                do {
                    guard let booking = try await client.checkIn(code: code, holder: holder, forDate: LocalClock.now().date.description,
                                                                 requestID: requestID, timeout: Self.tryTimeout) else { return .noBooking(id) }
                    return .bookingCheckedIn(id, BookingCheckIn(number: booking.number, category: booking.category, serviceID: booking.serviceID, ahead: booking.ahead))
                } catch {
                    logger.warning("The hall did not check in a booking", metadata: ["attempt": "\(attempt)", "cause": "\(error)"])
                    if error.code != .unreachable { break }
                }
            }
            return .unreachable(id)
        }
    }
}
