import Foundation

extension MorningReport {
    /// A plain HTML page with inline CSS, readable on a phone: totals first, then each kiosk,
    /// complaints and faults, and a bar chart of sessions by hour. Every text from a kiosk is
    /// escaped.
    public func html(timeZone: TimeZone = .current) -> String {
        var body = "<h1>Self-service zone, \(Self.escape(date))</h1>\n"
        body += "<p class=\"muted\"><a href=\"/report?date=\(Self.escape(date))&amp;format=csv\">CSV</a></p>\n"
        body += section(total, title: "All kiosks", timeZone: timeZone)
        body += "<h2>Complaints to call back (\(total.complaints.count))</h2>\n"
        body += total.complaints.isEmpty ? "<p class=\"muted\">None.</p>\n" : "<table><tr><th>Time</th><th>Kiosk</th><th>Topic</th><th>Phone</th></tr>\n" + total.complaints.map {
            "<tr><td>\(Self.time($0.at, timeZone))</td><td>\(Self.escape($0.kioskID))</td><td>\(Self.escape($0.topic))</td><td>\(Self.escape($0.phoneMasked))</td></tr>\n"
        }.joined() + "</table>\n"
        body += "<h2>Device faults (\(total.faults.count))</h2>\n"
        body += total.faults.isEmpty ? "<p class=\"muted\">None.</p>\n" : "<table><tr><th>Kiosk</th><th>Device</th><th>Fault</th><th>Start</th><th>End</th><th>Duration</th></tr>\n" + total.faults.map {
            "<tr><td>\(Self.escape($0.kioskID))</td><td>\(Self.escape($0.device))</td><td>\(Self.escape($0.fault))</td><td>\(Self.time($0.start, timeZone))</td><td>\($0.end.map { Self.time($0, timeZone) } ?? "ongoing")</td><td>\($0.duration.map(Self.duration) ?? "–")</td></tr>\n"
        }.joined() + "</table>\n"
        for day in kiosks { body += section(day, title: "Kiosk \(day.kioskID)", timeZone: timeZone) }
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Morning report \(Self.escape(date))</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 1em; max-width: 60em; color: #222; }
            table { border-collapse: collapse; margin: .5em 0; width: 100%; }
            th, td { border-bottom: 1px solid #ddd; padding: .3em .5em; text-align: left; font-size: .95em; }
            .figures { display: flex; flex-wrap: wrap; gap: .5em; }
            .figure { background: #f3f5f8; border-radius: .4em; padding: .5em .8em; min-width: 7em; }
            .figure b { display: block; font-size: 1.5em; }
            .chart { display: flex; align-items: flex-end; height: 8em; gap: 2px; margin: .5em 0 1.5em; }
            .bar { flex: 1; background: #4a7bd0; position: relative; min-height: 1px; }
            .bar span { position: absolute; bottom: -1.3em; width: 100%; text-align: center; font-size: .6em; color: #666; }
            .muted { color: #777; }
            </style></head><body>
            \(body)</body></html>
            """
    }

    private func section(_ day: KioskDay, title: String, timeZone: TimeZone) -> String {
        let figures: [(String, String)] = [
            ("Sessions", "\(day.sessions)"),
            ("Tickets", "\(day.ticketsIssued)"),
            ("Forms printed", "\(day.formsPrinted)"),
            ("Ratings", "\(day.ratings)"),
            ("Satisfaction", day.satisfactionRate.map { String(format: "%.1f%%", $0 * 100) } ?? "–"),
            ("Complaints", "\(day.complaints.count)"),
            ("Faults", "\(day.faults.count)"),
            ("Last contact", day.lastContact.map { Self.time($0, timeZone) } ?? "never"),
            ("Unsynced", day.unsyncedBacklog.map(String.init) ?? "–"),
        ]
        var html = "<h2>\(Self.escape(title))</h2>\n<div class=\"figures\">" + figures.map { "<div class=\"figure\"><b>\(Self.escape($0.1))</b>\($0.0)</div>" }.joined() + "</div>\n"
        if !day.ticketsByCategory.isEmpty {
            html += "<table><tr><th>Ticket category</th><th>Tickets</th></tr>" + day.ticketsByCategory.sorted { $0.key < $1.key }.map { "<tr><td>\(Self.escape($0.key))</td><td>\($0.value)</td></tr>" }.joined() + "</table>\n"
        }
        if !day.servicesUsed.isEmpty {
            html += "<table><tr><th>Service</th><th>Uses</th></tr>" + day.servicesUsed.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map { "<tr><td>\(Self.escape($0.key))</td><td>\($0.value)</td></tr>" }.joined() + "</table>\n"
        }
        let peak = max(1, day.sessionsByHour.max() ?? 1)
        html += "<p class=\"muted\">Sessions by hour</p><div class=\"chart\">" + day.sessionsByHour.enumerated().map { hour, count in
            "<div class=\"bar\" style=\"height:\(count * 100 / peak)%\" title=\"\(String(format: "%02d", hour)):00 \(count)\"><span>\(hour)</span></div>"
        }.joined() + "</div>\n"
        return html
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    static func time(_ date: Date, _ timeZone: TimeZone) -> String { timestamp(date, timeZone: timeZone) }

    static func duration(_ interval: TimeInterval) -> String {
        let minutes = Int(interval / 60)
        return minutes >= 60 ? "\(minutes / 60) h \(minutes % 60) min" : "\(minutes) min"
    }
}
