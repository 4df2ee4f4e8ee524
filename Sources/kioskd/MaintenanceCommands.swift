import ControlProtocol
import Foundation
import KioskCore

/// The control socket's "maintenance": a technician puts the kiosk out of service (the screen
/// then says where to go instead) or back in service, with a reason for the journal.
enum MaintenanceCommands {
    static func answer(_ request: ControlRequest, journey: JourneyInbox?) -> ControlResponse {
        guard let journey else {
            return .failure(.notConfigured, "This kiosk has no screen ([devices.display]), so there is no citizen's journey to take out of service.")
        }
        guard let on = request.arguments?["on"].flatMap(Bool.init) else {
            return .failure(.badRequest, "on must be true or false.")
        }
        let reason = request.arguments?["reason"] ?? ""
        guard reason.count <= 200, reason.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            return .failure(.badRequest, "The reason must be one line of at most 200 characters.")
        }
        if on && reason.trimmingCharacters(in: .whitespaces).isEmpty {
            return .failure(.badRequest, "Give a reason (for the hall's report), e.g. --reason \"printer jammed, part ordered\".")
        }
        journey.send(.outOfServiceSet(on, reason: reason))
        return ControlResponse(ok: true, outOfService: on)
    }
}
