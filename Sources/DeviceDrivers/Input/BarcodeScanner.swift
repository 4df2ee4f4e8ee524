/// A QR/barcode scanner that types like a USB keyboard: grabbed, so that its codes reach
/// nothing else, and decoded on a US layout, one code per Enter.
///
///     let scanner = try BarcodeScanner.open("/dev/input/by-id/usb-…-event-kbd")
///     for try await code in scanner.codes() { … }
public struct BarcodeScanner: Sendable {
    public let device: InputDevice

    public static func open(_ path: String) throws(DeviceError) -> BarcodeScanner {
        BarcodeScanner(device: try InputDevice.open(path, grab: true))
    }

    public init(device: InputDevice) { self.device = device }

    /// Each scanned code, without its Enter. Read once.
    public func codes() -> AsyncThrowingStream<String, any Error> {
        InputReader.stream(device) { ScannerProcessor() }
    }
}

struct ScannerProcessor: InputEventProcessor {
    var decoder = ScannerDecoder()

    mutating func process(_ events: [InputEvent], device: InputDevice) -> [String] {
        events.compactMap { decoder.handle($0) }
    }
}
