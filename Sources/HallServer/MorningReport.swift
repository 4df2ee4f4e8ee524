import Foundation
import HallProtocol
import KioskValues

/// One day of the hall's self-service zone, per kiosk and in total: what the morning report
/// page and `kiosk-hall report` show. Built from stored events by `MorningReport.build`; pure.
public struct MorningReport: Sendable, Equatable {
    public var date: String
    public var kiosks: [KioskDay]
    public var total: KioskDay

    public struct KioskDay: Sendable, Equatable {
        public var kioskID: String
        public var sessions = 0
        /// Service id -> times used.
        public var servicesUsed: [String: Int] = [:]
        /// Ticket category -> tickets issued.
        public var ticketsByCategory: [String: Int] = [:]
        public var formsPrinted = 0
        public var ratings = 0
        /// Ratings of 4 (satisfied) or 5 (very satisfied).
        public var satisfiedRatings = 0
        public var complaints: [Complaint] = []
        public var faults: [Fault] = []
        /// Sessions started in each hour of the day, 0...23, local time.
        public var sessionsByHour = [Int](repeating: 0, count: 24)
        public var lastContact: Date?
        /// From the kiosk's last heartbeat: events it still had to send.
        public var unsyncedBacklog: Int?

        public init(kioskID: String) { self.kioskID = kioskID }

        /// Satisfied ratings over all ratings, or nil with no ratings.
        public var satisfactionRate: Double? { ratings == 0 ? nil : Double(satisfiedRatings) / Double(ratings) }
        public var ticketsIssued: Int { ticketsByCategory.values.reduce(0, +) }
    }

    public struct Complaint: Sendable, Equatable {
        public var kioskID: String
        public var at: Date
        public var topic: String
        /// Masked by the kiosk (138****1234), for the report page.
        public var phoneMasked: String
        /// The full number sealed for the hall's callback key (`CallbackPhone`); nil from a kiosk
        /// without the key. Only `kiosk-hall report` on the hall's server opens it.
        public var phoneSealed: String?
    }

    public struct Fault: Sendable, Equatable {
        public var kioskID: String
        public var device: String
        public var fault: String
        public var start: Date
        /// nil while the device has not recovered (within the day).
        public var end: Date?
        /// Never negative: a kiosk clock set back between fault and recovery must not show "-5 min".
        public var duration: TimeInterval? { end.map { max(0, $0.timeIntervalSince(start)) } }
    }

    /// Counts the events of one day. `events` are that day's events in (kiosk, sequence) order.
    public static func build(date: String, events: [(kioskID: String, event: WireEvent)], kiosks: [HallKioskRecord], calendar: Calendar) -> MorningReport {
        var days: [String: KioskDay] = [:]
        for record in kiosks {
            var day = KioskDay(kioskID: record.kioskID)
            day.lastContact = record.lastContact
            day.unsyncedBacklog = record.lastHeartbeat.flatMap(Self.backlog(ofHeartbeat:))
            days[record.kioskID] = day
        }
        var openFaults: [String: [String: Int]] = [:]  // kiosk -> device -> index in faults
        for (kioskID, event) in events {
            var day = days[kioskID] ?? KioskDay(kioskID: kioskID)
            let payload = (try? JSONSerialization.jsonObject(with: Data(event.payload.utf8))) as? [String: Any] ?? [:]
            let at = Date(timeIntervalSince1970: Double(event.occurredAtMs) / 1000)
            switch event.kind {
            case EventKinds.sessionStarted:
                day.sessions += 1
                day.sessionsByHour[calendar.component(.hour, from: at)] += 1
            case EventKinds.serviceUsed:
                day.servicesUsed[payload["service"] as? String ?? "unknown", default: 0] += 1
            case EventKinds.ticketIssued:
                day.ticketsByCategory[payload["category"] as? String ?? "?", default: 0] += 1
            case EventKinds.formPrinted:
                day.formsPrinted += 1
            case EventKinds.ratingGiven:
                if let level = payload["level"] as? Int, (1...5).contains(level) {
                    day.ratings += 1
                    if level >= 4 { day.satisfiedRatings += 1 }
                }
            case EventKinds.complaintFiled:
                day.complaints.append(Complaint(kioskID: kioskID, at: at, topic: payload["topic"] as? String ?? "", phoneMasked: payload["phone_masked"] as? String ?? "",
                                                phoneSealed: payload["phone_sealed"] as? String))
            case EventKinds.deviceFault:
                let device = payload["device"] as? String ?? "unknown"
                if openFaults[kioskID]?[device] == nil {
                    day.faults.append(Fault(kioskID: kioskID, device: device, fault: payload["fault"] as? String ?? "", start: at, end: nil))
                    openFaults[kioskID, default: [:]][device] = day.faults.count - 1
                }
            case EventKinds.deviceRecovered:
                let device = payload["device"] as? String ?? "unknown"
                if let index = openFaults[kioskID]?[device] {
                    day.faults[index].end = at
                    openFaults[kioskID]?[device] = nil
                }
            default:
                break
            }
            days[kioskID] = day
        }
        let perKiosk = days.values.sorted { $0.kioskID < $1.kioskID }
        var total = KioskDay(kioskID: "Total")
        for day in perKiosk {
            total.sessions += day.sessions
            total.servicesUsed.merge(day.servicesUsed, uniquingKeysWith: +)
            total.ticketsByCategory.merge(day.ticketsByCategory, uniquingKeysWith: +)
            total.formsPrinted += day.formsPrinted
            total.ratings += day.ratings
            total.satisfiedRatings += day.satisfiedRatings
            total.complaints += day.complaints
            total.faults += day.faults
            total.sessionsByHour = zip(total.sessionsByHour, day.sessionsByHour).map(+)
            if let contact = day.lastContact, contact > (total.lastContact ?? .distantPast) { total.lastContact = contact }
            if let backlog = day.unsyncedBacklog { total.unsyncedBacklog = Self.saturatingSum(total.unsyncedBacklog ?? 0, backlog) }
        }
        // Staff call back and fix in time order, whichever kiosk it was.
        total.complaints.sort { $0.at < $1.at }
        total.faults.sort { $0.start < $1.start }
        return MorningReport(date: date, kiosks: perKiosk, total: total)
    }

    /// The backlog of a stored heartbeat, or nil when it is unreadable or out of the protocol's
    /// range: a database written before the hall bounded heartbeats may still hold Int.max.
    static func backlog(ofHeartbeat json: String) -> Int? {
        guard let backlog = try? JSONDecoder().decode(Heartbeat.self, from: Data(json.utf8)).unsyncedEvents,
              (0...HallProtocol.maximumSequence).contains(Int64(backlog)) else { return nil }
        return backlog
    }

    /// Adds without trapping: the total of many bounded backlogs still fits, but a report must
    /// never be the thing that stops the hall.
    static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b < 0 ? .min : .max) : sum
    }

    /// The day `date` ("YYYY-MM-DD") in `calendar`'s time zone, as [start, end).
    public static func interval(of date: String, calendar: Calendar) -> (start: Date, end: Date)? {
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        // Digits only: Int("+026") is 26, and "+026-01-01" is no date.
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              let start = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              calendar.component(.day, from: start) == day, calendar.component(.month, from: start) == month,
              let end = calendar.date(byAdding: .day, value: 1, to: start) else { return nil }
        return (start, end)
    }

    /// Reads the day's events and kiosks from the store and counts them.
    public static func load(date: String, from store: some HallStorage, calendar: Calendar = .current) async throws -> MorningReport? {
        guard let (start, end) = interval(of: date, calendar: calendar) else { return nil }
        let events = try await store.events(from: start, to: end).map { (kioskID: $0.kioskID, event: $0.event) }
        let kiosks = try await store.kiosks()
        return build(date: date, events: events, kiosks: kiosks, calendar: calendar)
    }
}
