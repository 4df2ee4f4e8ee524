extension Flow {
    /// The hidden gesture: top-left, top-right, bottom-right, bottom-left within 10 s on the
    /// attract (or out-of-service) screen opens PIN entry.
    static let cornerSequence: [ScreenCorner] = [.topLeft, .topRight, .bottomRight, .bottomLeft]
    static let cornerSequenceSeconds = 10

    mutating func cornerTapped(_ corner: ScreenCorner) {
        guard page == .attract else { return }
        if let started = cornerTapsStartedAt, now.seconds - started.seconds > Self.cornerSequenceSeconds { cornerTaps = [] }
        if corner == Self.cornerSequence[cornerTaps.count] {
            if cornerTaps.isEmpty { cornerTapsStartedAt = now }
            cornerTaps.append(corner)
        } else {
            cornerTaps = corner == Self.cornerSequence[0] ? [corner] : []
            cornerTapsStartedAt = now
        }
        if cornerTaps.count == Self.cornerSequence.count {
            cornerTaps = []
            pinDigits = ""
            page = .pinEntry
        }
    }

    var isPINLocked: Bool {
        guard let until = pinLockedUntil else { return false }
        return now < until
    }

    mutating func pinEntryTapped(_ intent: Intent, _ effects: inout [FlowEffect]) {
        if let until = pinLockedUntil, now >= until {
            pinLockedUntil = nil
            pinFailures = 0
        }
        switch intent {
        case .digit(let digit) where !isPINLocked && pinDigits.count < 12:
            pinDigits += String(digit)
        case .deleteDigit:
            pinDigits = String(pinDigits.dropLast())
        case .submit where !isPINLocked && !pinDigits.isEmpty:
            let entered = pinDigits
            pinDigits = ""
            if configuration.maintenancePIN.matches(entered) {
                pinFailures = 0
                journal(JournalKind.maintenanceEntered, [:], &effects)
                page = .maintenance
                return
            }
            pinFailures += 1
            journal(JournalKind.maintenancePINFailed, ["failures": .int(pinFailures)], &effects)
            if pinFailures >= configuration.pinAttempts {
                pinLockedUntil = now.adding(seconds: configuration.pinLockoutSeconds)
                journal(JournalKind.maintenanceLocked, ["minutes": .int(configuration.pinLockoutSeconds / 60)], &effects)
            }
        case .back, .home:
            pinDigits = ""
            page = .attract
        default:
            return
        }
    }

    mutating func outOfServiceSet(_ on: Bool, reason: String, _ effects: inout [FlowEffect]) {
        guard on != isOutOfService else { return }
        isOutOfService = on
        outOfServiceBeforeUnconfirmedChange = !on
        journal(JournalKind.maintenanceOutOfService, ["on": .bool(on), "reason": .string(String(reason.prefix(200))), "by": .string("kioskctl")], &effects)
    }

    mutating func maintenanceTapped(_ intent: Intent, _ effects: inout [FlowEffect]) {
        switch intent {
        case .maintenance(.setOutOfService(let on)):
            guard on != isOutOfService else { return }
            isOutOfService = on
            outOfServiceBeforeUnconfirmedChange = !on
            journal(JournalKind.maintenanceOutOfService, ["on": .bool(on)], &effects)
        case .maintenance(.exit), .back, .home:
            page = .attract
        default:
            return
        }
    }
}
