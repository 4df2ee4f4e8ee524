/// A reader on a serial line (a USB-serial bridge, a native UART, or the simulator's pty).
public struct SerialReaderTransport: IDCardReaderTransport {
    public let line: SerialLine
    public var name: String { line.path }

    public init(line: SerialLine) { self.line = line }

    public static func open(_ path: String, baud: Int = 115200) async throws(DeviceError) -> SerialReaderTransport {
        SerialReaderTransport(line: try await SerialLine.open(path, baud: baud))
    }

    public func exchange(_ command: ReaderCommand) async throws(DeviceError) -> ReaderResponse {
        let outcome = try await line.transact(command.frame, timeout: command.timeout) { received in
            var decoder = ReaderFrameDecoder()
            decoder.append(received)
            // Skip garbled frames: a good one may follow within the deadline.
            while let next = decoder.nextResponse() {
                if case .success(let response) = next { return response }
            }
            return nil
        }
        switch outcome {
        case .completed(let response):
            return response
        case .timedOut(let received) where received.isEmpty:
            throw DeviceError(code: .timedOut, message: "'\(name)' did not answer '\(command)' within \(command.timeout); check the reader's power and cable.")
        case .timedOut(let received):
            var decoder = ReaderFrameDecoder()
            decoder.append(received)
            var problem = "\(received.count) bytes that hold no frame"
            while let next = decoder.nextResponse() {
                if case .failure(let error) = next { problem = "a garbled frame (\(error))" }
            }
            throw DeviceError(code: .protocolViolation, message: "'\(name)' answered '\(command)' with \(problem); check the baud (\(line.baud)) and the cable.")
        }
    }

    public func close() async { line.close() }
}
