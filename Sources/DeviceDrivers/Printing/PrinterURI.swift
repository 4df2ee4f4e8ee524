/// Where a printer is, as the configuration writes it:
///
///     file:/var/tmp/receipts.bin        append the bytes to a file (tests, dry runs); no status
///     tcp:192.168.1.50:9100             raw TCP (JetDirect), bidirectional
///     usblp:/dev/usb/lp0                the kernel usblp driver's character device
///     usb:0dd4:0205                     libusb by vendor:product, kernel driver detached
///     cups:receipt                      a CUPS queue, through libcups on the local scheduler
///     ipp://host:631/ipp/print          an IPP printer directly, through libcups
public enum PrinterURI: Sendable, Equatable, Hashable, CustomStringConvertible {
    case file(path: String)
    case tcp(host: String, port: Int)
    case usblp(path: String)
    case usb(vendorID: UInt16, productID: UInt16)
    case cups(queue: String)
    case ipp(host: String, port: Int, resource: String)

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var uri: String
        public var problem: String
        public init(uri: String, problem: String) {
            self.uri = uri
            self.problem = problem
        }
        public var description: String { "The printer URI '\(uri)' \(problem)" }
    }

    static let forms = "use file:PATH, tcp:HOST:PORT, usblp:/dev/usb/lpN, usb:VVVV:PPPP, cups:QUEUE or ipp://HOST:PORT/RESOURCE"

    public init(parsing text: String) throws(ParseError) {
        func fail(_ problem: String) -> ParseError { ParseError(uri: text, problem: problem) }
        guard !text.isEmpty, text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
            throw fail("is empty or contains spaces or control characters; \(Self.forms).")
        }
        if text.hasPrefix("ipp://") {
            let rest = text.dropFirst("ipp://".count)
            guard let slash = rest.firstIndex(of: "/") else { throw fail("has no resource path; write ipp://HOST:PORT/ipp/print.") }
            let (host, port) = try Self.hostAndPort(String(rest[..<slash]), defaultPort: 631, uri: text)
            self = .ipp(host: host, port: port, resource: String(rest[slash...]))
            return
        }
        guard let colon = text.firstIndex(of: ":") else { throw fail("has no scheme; \(Self.forms).") }
        let scheme = text[..<colon]
        let rest = String(text[text.index(after: colon)...])
        switch scheme {
        case "file":
            guard rest.hasPrefix("/") else { throw fail("must name an absolute path, e.g. file:/var/tmp/receipts.bin.") }
            self = .file(path: rest)
        case "usblp":
            guard rest.hasPrefix("/dev/") else { throw fail("must name a device node, e.g. usblp:/dev/usb/lp0.") }
            self = .usblp(path: rest)
        case "tcp":
            guard rest.contains(":") else { throw fail("needs a port, e.g. tcp:192.168.1.50:9100.") }
            let (host, port) = try Self.hostAndPort(rest, defaultPort: nil, uri: text)
            self = .tcp(host: host, port: port)
        case "usb":
            let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ $0.count == 4 }),
                  let vendor = UInt16(parts[0], radix: 16), let product = UInt16(parts[1], radix: 16) else {
                throw fail("must be usb:VVVV:PPPP with four hex digits each, as lsusb prints them (e.g. usb:0dd4:0205).")
            }
            self = .usb(vendorID: vendor, productID: product)
        case "cups":
            // CUPS queue names: printable, no '/', '#' or space (lpadmin(8)).
            guard !rest.isEmpty, rest.count <= 127, !rest.contains("/"), !rest.contains("#") else {
                throw fail("must name a CUPS queue (letters, digits, '-', '_'; see lpstat -p), e.g. cups:receipt.")
            }
            self = .cups(queue: rest)
        default:
            throw fail("has the unknown scheme '\(scheme)'; \(Self.forms).")
        }
    }

    private static func hostAndPort(_ text: String, defaultPort: Int?, uri: String) throws(ParseError) -> (String, Int) {
        guard let colon = text.lastIndex(of: ":") else {
            guard let defaultPort, !text.isEmpty else { throw ParseError(uri: uri, problem: "needs HOST:PORT.") }
            return (text, defaultPort)
        }
        let host = String(text[..<colon])
        guard !host.isEmpty else { throw ParseError(uri: uri, problem: "has no host name before the port.") }
        guard let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port) else {
            throw ParseError(uri: uri, problem: "has a port that is not a number from 1 to 65535.")
        }
        return (host, port)
    }

    public var description: String {
        switch self {
        case .file(let path): "file:\(path)"
        case let .tcp(host, port): "tcp:\(host):\(port)"
        case .usblp(let path): "usblp:\(path)"
        case let .usb(vendor, product): "usb:\(USBDeviceDescription.hex(vendor)):\(USBDeviceDescription.hex(product))"
        case .cups(let queue): "cups:\(queue)"
        case let .ipp(host, port, resource): "ipp://\(host):\(port)\(resource)"
        }
    }
}
