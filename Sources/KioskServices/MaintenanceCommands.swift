import ControlProtocol
import Foundation
import KioskCore
import KioskValues

/// The control socket's "maintenance": a technician puts the kiosk out of service (the screen
/// then says where to go instead) or back in service, with a reason for the journal. The answer
/// comes after the record is journaled: "OK" means the journal holds it.
enum MaintenanceCommands {
    static func answer(on: Bool, reason: String, journey: JourneyInbox?) async -> ControlResponse {
        guard let journey else {
            return .failure(.notConfigured, "This kiosk has no screen ([devices.display]), so there is no citizen's journey to take out of service.")
        }
        guard reason.count <= 200, reason.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            return .failure(.badRequest, "The reason must be one line of at most 200 characters.")
        }
        if on && reason.trimmingCharacters(in: .whitespaces).isEmpty {
            return .failure(.badRequest, "Give a reason (for the hall's report), e.g. --reason \"printer jammed, part ordered\".")
        }
        guard !PersonalData.containsResidentIDNumber(decoded: reason) else {
            return .failure(.badRequest, "The reason holds a full ID number, which never goes into the journal. Describe the fault instead, e.g. --reason \"card reader fails on every card\". Nothing was changed.")
        }
        switch await journey.setOutOfService(on, reason: reason) {
        case .applied(let isOutOfService):
            return ControlResponse(ok: true, outOfService: isOutOfService)
        case .notJournaled(let cause):
            return .failure(.internalError, "The journal did not take the record (\(cause)), so nothing was changed: the kiosk is still \(on ? "in" : "out of") service. Check the state disk with 'kioskctl journal stats' and kioskd's log.")
        case .shuttingDown:
            return .failure(.internalError, "kioskd is stopping and took no more changes; nothing was changed.")
        }
    }
}
