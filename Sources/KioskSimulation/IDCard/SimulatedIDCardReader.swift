/// A SAM card reader's behaviour, as docs/protocols/sam.md describes it, with no I/O: command
/// bodies in, answers out. `IDCardSimulator` puts it behind a pty; tests can drive it directly.
///
/// States: no card -> present (placed) -> selected -> read. After a read (or a failed read)
/// find answers 80 until the card is lifted and placed again; reading before select gives 23.
public struct SimulatedIDCardReader: Sendable {
    public enum CardState: String, Sendable {
        case absent, present, selected, read, failed
    }

    /// One answer: SW3 and the data after it.
    public struct Answer: Equatable, Sendable {
        public var status: SAMStatus
        public var data: [UInt8]

        public init(_ status: SAMStatus, _ data: [UInt8] = []) {
            self.status = status
            self.data = data
        }
    }

    public private(set) var card: SimulatedCard?
    public private(set) var cardState = CardState.absent
    /// 60 or 66: every SAM and card command fails with it until cleared.
    public var samFault: SAMStatus?
    /// 41, 31, 32, 33, 40…: the next card read fails with it.
    public var nextReadFault: SAMStatus?
    /// Shown by a driver as 05.01-20100101-0012345678-1234567890.
    public var samID = Self.samIdentity(5, 1, 20_100_101, 12_345_678, 1_234_567_890)

    public init() {}

    /// The 16 bytes `12 FF` answers with: two u16 and three u32, each little-endian.
    public static func samIdentity(_ first: UInt16, _ second: UInt16, _ third: UInt32, _ fourth: UInt32, _ fifth: UInt32) -> [UInt8] {
        func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
            withUnsafeBytes(of: value.littleEndian) { Array($0) }
        }
        return littleEndian(first) + littleEndian(second) + littleEndian(third) + littleEndian(fourth) + littleEndian(fifth)
    }

    /// The data of a `30 01` answer: text length and photo length (u16 big-endian each), the
    /// 256-byte text, the photo. `30 10` adds a third length, the fingerprint's, here 0.
    public static func readData(for card: SimulatedCard, withFingerprintLength: Bool = false) -> [UInt8] {
        let text = SimulatedCardText.block(for: card)
        func bigEndian(_ count: Int) -> [UInt8] { [UInt8(count >> 8), UInt8(count & 0xFF)] }
        let lengths = bigEndian(text.count) + bigEndian(card.photo.count) + (withFingerprintLength ? bigEndian(0) : [])
        return lengths + text + card.photo
    }

    public mutating func place(_ card: SimulatedCard) {
        self.card = card
        cardState = .present
    }

    public mutating func lift() {
        card = nil
        cardState = .absent
    }

    /// The answer to one command frame's body (CMD PARA DATA).
    public mutating func respond(toCommandBody body: [UInt8]) -> Answer {
        guard let command = SAMCommand(body: body) else { return Answer(.unknownCommand) }
        return respond(to: command)
    }

    public mutating func respond(to command: SAMCommand) -> Answer {
        if let samFault { return Answer(samFault) }
        switch command {
        case .resetSAM, .samStatus, .setBaud, .setMaximumRFFrameBytes:
            return Answer(.ok)
        case .readSAMID:
            return Answer(.ok, samID)
        case .findCard:
            return cardState == .present ? Answer(.cardPresent, [0, 0, 0, 0]) : Answer(.noCardFound)
        case .selectCard:
            guard cardState == .present else { return Answer(.cannotSelect) }
            cardState = .selected
            return Answer(.ok, [UInt8](repeating: 0, count: 8))
        case .readTextAndPhoto, .readTextPhotoAndFingerprint:
            guard cardState == .selected, let card else { return Answer(.wrongState) }
            if let fault = nextReadFault {
                nextReadFault = nil
                cardState = .failed
                return Answer(fault)
            }
            cardState = .read
            return Answer(.ok, Self.readData(for: card, withFingerprintLength: command == .readTextPhotoAndFingerprint))
        case .readNewestAddress:
            switch cardState {
            case .absent: return Answer(.noCardFound)
            case .read: return Answer(.nothingToRead)
            case .present, .selected, .failed: return Answer(.wrongState)
            }
        }
    }
}
