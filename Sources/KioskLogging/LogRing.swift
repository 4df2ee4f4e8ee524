import Synchronization

/// The daemon's most recent log lines, kept in memory for `kioskctl logs`: a technician at the
/// kiosk sees what happened without journalctl or root. Bounded: the oldest line goes first.
public final class LogRing: Sendable {
    public let capacity: Int
    private let state: Mutex<(lines: [String], next: Int, dropped: Int)>

    public init(capacity: Int = 1000) {
        precondition(capacity > 0, "a log ring needs room for a line")
        self.capacity = capacity
        state = Mutex(([], 0, 0))
    }

    public func append(_ line: String) {
        let line = line.hasSuffix("\n") ? String(line.dropLast()) : line
        state.withLock { state in
            if state.lines.count < capacity {
                state.lines.append(line)
            } else {
                state.lines[state.next] = line
                state.dropped += 1
            }
            state.next = (state.next + 1) % capacity
        }
    }

    /// The last `limit` lines, oldest first.
    public func lines(last limit: Int) -> [String] {
        state.withLock { state in
            let ordered = state.lines.count < capacity ? state.lines : Array(state.lines[state.next...] + state.lines[..<state.next])
            return Array(ordered.suffix(max(0, limit)))
        }
    }
}
