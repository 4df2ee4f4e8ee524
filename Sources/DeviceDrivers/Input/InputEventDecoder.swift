/// Turns bytes read from an evdev node or a pipe into `InputEvent`s. Bytes of an incomplete
/// event are kept until the rest arrives. Records that cannot be kernel events (a type above
/// EV_MAX) are counted and skipped: a stream of 24-byte records has no marker to resynchronise
/// on, so one bad record never stops the stream.
public struct InputEventDecoder: Sendable {
    private var pending: [UInt8] = []
    /// Records skipped because their type is not an event type.
    public private(set) var skippedRecords = 0

    public init() {}

    /// Bytes of an incomplete event still waiting for the rest.
    public var pendingByteCount: Int { pending.count }

    public mutating func append<Bytes: Collection>(_ bytes: Bytes) -> [InputEvent] where Bytes.Element == UInt8 {
        pending.append(contentsOf: bytes)
        let complete = pending.count / InputEvent.size
        guard complete > 0 else { return [] }
        var events: [InputEvent] = []
        events.reserveCapacity(complete)
        pending.withUnsafeBytes { raw in
            for index in 0..<complete {
                let record = UnsafeRawBufferPointer(rebasing: raw[(index * InputEvent.size)..<((index + 1) * InputEvent.size)])
                let type = UInt16(littleEndian: record.loadUnaligned(fromByteOffset: 16, as: UInt16.self))
                guard type <= EventType.maximum else {
                    skippedRecords += 1
                    continue
                }
                events.append(InputEvent(
                    seconds: Int64(littleEndian: record.loadUnaligned(fromByteOffset: 0, as: Int64.self)),
                    microseconds: Int64(littleEndian: record.loadUnaligned(fromByteOffset: 8, as: Int64.self)),
                    type: type,
                    code: UInt16(littleEndian: record.loadUnaligned(fromByteOffset: 18, as: UInt16.self)),
                    value: Int32(littleEndian: record.loadUnaligned(fromByteOffset: 20, as: Int32.self))))
            }
        }
        pending.removeFirst(complete * InputEvent.size)
        return events
    }
}
