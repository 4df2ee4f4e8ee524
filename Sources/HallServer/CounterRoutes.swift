import Foundation
import HallProtocol
import Hummingbird
import KioskValues

/// What a kiosk asks the hall on a citizen's behalf: a queue number, a case's progress.
struct CounterRoutes: Sendable {
    let store: any HallStorage
    let catalog: HallCatalog
    let bodyTimeout: Duration

    func register(in router: Router<HallRequestContext>) {
        router.post("/v1/kiosks/:kiosk/tickets") { request, context in await HallRoutes.respond(request) { try await postTicket(request, context) } }
        router.get("/v1/progress/:case") { request, context in await HallRoutes.respond(request) { try await getProgress(request, context) } }
        router.post("/v1/kiosks/:kiosk/checkins") { request, context in await HallRoutes.respond(request) { try await postCheckIn(request, context) } }
    }

    private func postCheckIn(_ request: Request, _ context: HallRequestContext) async throws -> Response {
        let kioskID = try await KioskAuthentication.kioskID(of: context, store: store)
        try HallRoutes.checkPath(context, kioskID: kioskID)
        let checkIn = try await HallRoutes.decodeBody(CheckInRequest.self, request, kioskID: kioskID, within: bodyTimeout)
        try ProtocolVersionCheck.check(checkIn.protocolVersion, of: "check-in")
        guard checkIn.kioskID == kioskID else {
            throw HallFailure(.forbidden, .wrongKiosk, "The client certificate is kiosk '\(kioskID)', but the check-in is for '\(checkIn.kioskID)'.")
        }
        guard UUID(uuidString: checkIn.requestID) != nil else {
            throw HallFailure(.unprocessableContent, .malformed, "requestID must be a UUID, got '\(checkIn.requestID.prefix(64))'.")
        }
        guard MorningReport.interval(of: checkIn.forDate, calendar: Calendar(identifier: .gregorian)) != nil else {
            throw HallFailure(.unprocessableContent, .malformed, "forDate must look like 2026-03-02, got '\(checkIn.forDate.prefix(20))'.")
        }
        switch (checkIn.code, checkIn.holder) {
        case let (code?, nil):
            guard !code.isEmpty, code.count <= 256 else { throw HallFailure(.unprocessableContent, .malformed, "code must be 1 to 256 characters.") }
        case let (nil, holder?):
            guard PersonalData.isKeyedHash(holder) else {
                throw HallFailure(.unprocessableContent, .malformed, "holder must be the keyed hash: 64 hex digits (never an ID number).")
            }
        default:
            throw HallFailure(.unprocessableContent, .malformed, "Send exactly one of code (the booking's QR code) and holder (the keyed hash).")
        }
        guard let answer = try await store.checkIn(checkIn) else {
            throw HallFailure(.notFound, .notFound, "No booking for today matches. The citizen can take an ordinary ticket or ask at the window.")
        }
        return JSONResponse.make(answer)
    }

    private func postTicket(_ request: Request, _ context: HallRequestContext) async throws -> Response {
        let kioskID = try await KioskAuthentication.kioskID(of: context, store: store)
        try HallRoutes.checkPath(context, kioskID: kioskID)
        let ticket = try await HallRoutes.decodeBody(TicketRequest.self, request, kioskID: kioskID, within: bodyTimeout)
        try ProtocolVersionCheck.check(ticket.protocolVersion, of: "ticket request")
        guard ticket.kioskID == kioskID else {
            throw HallFailure(.forbidden, .wrongKiosk, "The client certificate is kiosk '\(kioskID)', but the ticket request is for '\(ticket.kioskID)'.")
        }
        guard UUID(uuidString: ticket.requestID) != nil else {
            throw HallFailure(.unprocessableContent, .malformed, "requestID must be a UUID, got '\(ticket.requestID.prefix(64))'.")
        }
        guard MorningReport.interval(of: ticket.forDate, calendar: Calendar(identifier: .gregorian)) != nil else {
            throw HallFailure(.unprocessableContent, .malformed, "forDate must look like 2026-03-02, got '\(ticket.forDate.prefix(20))'.")
        }
        let categories = catalog.catalog.ticketCategories.map(\.prefix)
        guard categories.contains(ticket.category) else {
            throw HallFailure(.unprocessableContent, .malformed, "Unknown ticket category '\(ticket.category.prefix(16))'; the hall's catalog has \(categories.isEmpty ? "none" : categories.joined(separator: ", ")).")
        }
        return JSONResponse.make(try await store.assignTicket(ticket))
    }

    private func getProgress(_ request: Request, _ context: HallRequestContext) async throws -> Response {
        _ = try await KioskAuthentication.kioskID(of: context, store: store)
        let caseNumber = context.parameters.get("case") ?? ""
        guard !caseNumber.isEmpty, caseNumber.count <= 64, caseNumber.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw HallFailure(.badRequest, .malformed, "A case number is 1 to 64 letters, digits or '-'.")
        }
        guard let progress = try await store.progress(caseNumber: caseNumber) else {
            throw HallFailure(.notFound, .notFound, "The hall has no case '\(caseNumber)'. Check the number on the receipt.")
        }
        return JSONResponse.make(progress)
    }
}
