import Crypto
import Foundation
import KioskValues

extension MorningReport {
    /// The terminal form of `kiosk-hall report`: one block per kiosk, then the total. With
    /// `callbackKey` (on the hall's server) each complaint shows the number to call back.
    public func text(timeZone: TimeZone = .current, callbackKey: P256.KeyAgreement.PrivateKey? = nil) -> String {
        var lines = ["Morning report for \(date)"]
        for day in kiosks + [total] {
            lines.append("")
            lines.append(day.kioskID == "Total" ? "All kiosks" : "Kiosk \(day.kioskID)")
            let rows: [(String, String)] = [
                ("Sessions", "\(day.sessions)"),
                ("Services used", day.servicesUsed.isEmpty ? "none" : Self.list(day.servicesUsed)),
                ("Tickets", "\(day.ticketsIssued)" + (day.ticketsByCategory.isEmpty ? "" : " (\(Self.list(day.ticketsByCategory)))")),
                ("Forms printed", "\(day.formsPrinted)"),
                ("Ratings", "\(day.ratings)" + (day.satisfactionRate.map { String(format: ", %.1f%% satisfied", $0 * 100) } ?? "")),
                ("Complaints", "\(day.complaints.count) to call back"),
                ("Device faults", "\(day.faults.count)"),
                ("Last contact", day.lastContact.map { Self.timestamp($0, timeZone: timeZone) } ?? "never"),
                ("Unsynced backlog", day.unsyncedBacklog.map { "\($0) events" } ?? "n/a"),
            ]
            let width = rows.map(\.0.count).max() ?? 0
            lines += rows.map { "  " + String(repeating: " ", count: width - $0.0.count) + $0.0 + ": " + $0.1 }
            for fault in day.faults where day.kioskID != "Total" {
                lines.append("    fault \(fault.device): \(fault.fault), \(Self.timestamp(fault.start, timeZone: timeZone)) to \(fault.end.map { Self.timestamp($0, timeZone: timeZone) } ?? "ongoing")")
            }
            for complaint in day.complaints where day.kioskID != "Total" {
                lines.append("    complaint \(Self.timestamp(complaint.at, timeZone: timeZone)): \(complaint.topic) (call \(Self.phone(complaint, callbackKey)))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The full number when the key opens it; otherwise the masked one, saying why.
    static func phone(_ complaint: Complaint, _ key: P256.KeyAgreement.PrivateKey?) -> String {
        guard let key, let sealed = complaint.phoneSealed else {
            return complaint.phoneMasked + (complaint.phoneSealed == nil ? ", the kiosk sent no number: give it callback_public_key" : "")
        }
        do {
            return try CallbackPhone.open(sealed, with: key)
        } catch {
            return complaint.phoneMasked + ", full number unreadable: \(error)"
        }
    }
}
