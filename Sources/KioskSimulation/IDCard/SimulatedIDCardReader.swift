import DeviceDrivers

/// A SAM card reader's behaviour, as specs/idcard-sam.md describes it, with no I/O: frames in,
/// frames out. kiosk-sim puts it behind a pty; tests can drive it directly.
///
/// States: no card -> present (placed) -> selected -> read. After a read (or a failed read)
/// find answers 80 until the card is lifted and placed again; reading before select gives 23.
public struct SimulatedIDCardReader: Sendable {
    public enum CardState: String, Sendable {
        case absent, present, selected, read, failed
    }

    public private(set) var card: IDCard?
    public private(set) var cardState = CardState.absent
    /// 60 or 66: every SAM and card command fails with it until cleared.
    public var samFault: ReaderStatus?
    /// 41, 31, 32, 33, 40…: the next card read fails with it.
    public var nextReadFault: ReaderStatus?
    public var samID = SAMIdentifier.encode(5, 1, 20_100_101, 12_345_678, 1_234_567_890)

    public init() {}

    public mutating func place(_ card: IDCard) {
        self.card = card
        cardState = .present
    }

    public mutating func lift() {
        card = nil
        cardState = .absent
    }

    /// The answer to one command frame body (CMD PARA DATA).
    public mutating func respond(toCommandBody body: [UInt8]) -> ReaderResponse {
        guard let command = ReaderCommand(body: body) else { return ReaderResponse(status: .badCommand) }
        return respond(to: command)
    }

    public mutating func respond(to command: ReaderCommand) -> ReaderResponse {
        if let samFault { return ReaderResponse(status: samFault) }
        switch command {
        case .resetSAM, .samStatus, .setSAMBaud, .setMaximumRFFrameBytes:
            return ReaderResponse(status: .success)
        case .readSAMID:
            return ReaderResponse(status: .success, payload: samID)
        case .findCard:
            return cardState == .present ? ReaderResponse(status: .cardFound, payload: [0, 0, 0, 0]) : ReaderResponse(status: .noCard)
        case .selectCard:
            guard cardState == .present else { return ReaderResponse(status: .selectFailed) }
            cardState = .selected
            return ReaderResponse(status: .success, payload: [UInt8](repeating: 0, count: 8))
        case .readTextAndPhoto, .readTextPhotoAndFingerprint:
            guard cardState == .selected, let card else { return ReaderResponse(status: .notAllowedNow) }
            if let fault = nextReadFault {
                nextReadFault = nil
                cardState = .failed
                return ReaderResponse(status: fault)
            }
            cardState = .read
            var payload = IDCardReadResponse.encode(card, photo: SampleCards.photo)
            if command == .readTextPhotoAndFingerprint {
                payload.insert(contentsOf: [0, 0], at: 4)  // FL = 0: no fingerprint
            }
            return ReaderResponse(status: .success, payload: payload)
        case .readNewestAddress:
            switch cardState {
            case .absent: return ReaderResponse(status: .noCard)
            case .read: return ReaderResponse(status: .noContent)
            case .present, .selected, .failed: return ReaderResponse(status: .notAllowedNow)
            }
        }
    }
}
