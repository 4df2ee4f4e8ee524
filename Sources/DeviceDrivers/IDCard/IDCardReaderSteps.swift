/// The command sequences of a card read, shared by the reader service and `kioskctl card read`.
public enum IDCardReaderSteps {
    public enum CardAttempt: Sendable {
        case noCard
        case read(IDCard, duration: Duration)
        /// A card is there but could not be read; it must be lifted and placed again.
        case failed(ReaderStatusError)
    }

    /// Reset, status, SAM ID: a reader whose SAM does not pass these cannot read cards.
    public static func initialise(_ transport: any IDCardReaderTransport) async throws(DeviceError) -> SAMIdentifier {
        for command in [ReaderCommand.resetSAM, .samStatus] {
            let response = try await perform(command, on: transport)
            guard response.status == .success else {
                throw DeviceError(code: .deviceFault, message: ReaderStatusError(command: command, status: response.status).description)
            }
        }
        let response = try await perform(.readSAMID, on: transport)
        guard response.status == .success, let samID = SAMIdentifier(payload: response.payload) else {
            throw DeviceError(code: .deviceFault, message: "'\(transport.name)' did not give its SAM ID (SW3 \(response.status)); replace the reader.")
        }
        return samID
    }

    /// Find, select, read, decode.
    /// - Throws: `DeviceError` when the reader itself fails (gone, silent, SAM fault).
    public static func readPlacedCard(on transport: any IDCardReaderTransport) async throws(DeviceError) -> CardAttempt {
        let found = try await perform(.findCard, on: transport)
        switch found.status {
        case .cardFound: break
        case .noCard: return .noCard
        case let status where status.isReaderFault:
            throw DeviceError(code: .deviceFault, message: ReaderStatusError(command: .findCard, status: status).description)
        default:
            return .failed(ReaderStatusError(command: .findCard, status: found.status))
        }
        let started = ContinuousClock.now
        let selected = try await perform(.selectCard, on: transport)
        guard selected.status == .success else {
            return .failed(ReaderStatusError(command: .selectCard, status: selected.status))
        }
        let read = try await perform(.readTextAndPhoto, on: transport)
        guard read.status == .success else {
            return .failed(ReaderStatusError(command: .readTextAndPhoto, status: read.status))
        }
        do {
            return .read(try IDCardReadResponse.decode(read.payload), duration: ContinuousClock.now - started)
        } catch {
            // The frame's checksum was right, so the card itself holds something we cannot read.
            return .failed(ReaderStatusError(command: .readTextAndPhoto, status: .unrecognisedCardType))
        }
    }

    /// One exchange; a garbled answer is asked for once more before it counts as a fault.
    public static func perform(_ command: ReaderCommand, on transport: any IDCardReaderTransport) async throws(DeviceError) -> ReaderResponse {
        do {
            return try await transport.exchange(command)
        } catch let error where error.code == .protocolViolation {
            return try await transport.exchange(command)
        }
    }
}
