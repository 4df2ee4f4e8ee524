import Foundation

extension MorningReport {
    /// One row per kiosk and a "Total" row; categories and services as `name=count` lists.
    public func csv(timeZone: TimeZone = .current) -> String {
        var lines = ["date,kiosk,sessions,services_used,tickets,tickets_by_category,forms_printed,ratings,satisfied_ratings,satisfaction_rate,complaints,faults,fault_seconds,last_contact,unsynced_backlog"]
        for day in kiosks + [total] {
            let faultSeconds = day.faults.compactMap(\.duration).reduce(0, +)
            let fields: [String] = [
                date, day.kioskID, "\(day.sessions)",
                Self.list(day.servicesUsed), "\(day.ticketsIssued)", Self.list(day.ticketsByCategory),
                "\(day.formsPrinted)", "\(day.ratings)", "\(day.satisfiedRatings)",
                day.satisfactionRate.map { String(format: "%.3f", $0) } ?? "",
                "\(day.complaints.count)", "\(day.faults.count)", "\(Int(faultSeconds))",
                day.lastContact.map { Self.timestamp($0, timeZone: timeZone) } ?? "",
                day.unsyncedBacklog.map(String.init) ?? "",
            ]
            lines.append(fields.map(Self.quote).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func list(_ counts: [String: Int]) -> String {
        counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }

    /// RFC 4180: quote fields holding a comma, quote or newline; double inner quotes. A field
    /// that a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage
    /// return, as OWASP lists them) gets a leading apostrophe and is quoted: service ids and
    /// categories come from kiosks and the catalog, and "=HYPERLINK(…)" must stay text.
    static func quote(_ field: String) -> String {
        let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]
        let isFormula = field.first.map(formulaStarts.contains) ?? false
        let text = isFormula ? "'" + field : field
        guard isFormula || text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func timestamp(_ date: Date, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
