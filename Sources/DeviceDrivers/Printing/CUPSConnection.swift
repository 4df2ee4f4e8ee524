import CCUPS

/// One http_t to a CUPS scheduler or an IPP printer, with bounded timeouts, used by one thread
/// for one operation and then closed (http_t is not thread-safe; docs/protocols/escpos.md).
///
/// Every call blocks: use it only inside `NIOThreadPool.singleton.runIfActive`.
/// Never calls cupsGetNamedDest or any function on libcups' default connection, which has no read
/// timeout and can hang for 25 s against a silent server.
final class CUPSConnection {
    let http: OpaquePointer
    /// Names the printer in messages.
    let name: String
    /// The IPP printer-uri attribute and the HTTP resource to post to.
    let printerURI: String
    let resource: String

    /// - Parameters:
    ///   - host: a host name, or a Unix socket path (CUPS_SERVER=/run/cups/cups.sock).
    init(host: String, port: Int32, resource: String, printerURI: String, name: String, timeoutSeconds: Double) throws(PrinterError) {
        var cancel: Int32 = 0
        guard let http = httpConnect2(host, port, nil, AF_UNSPEC, HTTP_ENCRYPTION_IF_REQUESTED, 1, Int32(timeoutSeconds * 1000), &cancel) else {
            throw PrinterError(code: .notConnected, message: "Printer '\(name)': no CUPS or IPP server answers at '\(host)' (\(Self.lastError())); is cupsd running (systemctl status cups)?")
        }
        // Without a callback, a read or write that waits longer than this fails instead of retrying.
        httpSetTimeout(http, timeoutSeconds, nil, nil)
        self.http = http
        self.name = name
        self.printerURI = printerURI
        self.resource = resource
    }

    deinit { httpClose(http) }

    /// libcups' message for the last failure on this thread. It is NULL when the failure was not
    /// an IPP one (a reply that is not IPP at all), so it is never unwrapped blindly.
    static func lastError() -> String {
        cupsLastErrorString().map { String(cString: $0) } ?? "no IPP answer (status \(cupsLastError().rawValue))"
    }

    /// Sends `request` (consumed) with an optional document and returns the response; throws
    /// for transport failures and IPP errors.
    func send(_ request: OpaquePointer, document: [UInt8]? = nil) throws(PrinterError) -> IPPResponse {
        // CUPS_LENGTH_VARIABLE (0): chunked. A fixed length would have to count the IPP header too,
        // and ippeveprinter answers 400 to a Content-Length of the document alone.
        var status = cupsSendRequest(http, request, resource, 0)
        if let document, status == HTTP_STATUS_CONTINUE {
            status = document.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cupsWriteRequestData(http, $0, buffer.count) }
            }
        }
        let response = cupsGetResponse(http, resource)
        ippDelete(request)
        guard let response else {
            throw PrinterError(code: .notConnected, message: "Printer '\(name)': the server gave no answer (\(Self.lastError())); is the printer or cupsd still running?")
        }
        let code = ippGetStatusCode(response)
        guard code.rawValue <= IPP_STATUS_OK_EVENTS_COMPLETE.rawValue else {
            let text = ippErrorString(code).map { String(cString: $0) } ?? "IPP status \(code.rawValue)"
            ippDelete(response)
            let notFound = code == IPP_STATUS_ERROR_NOT_FOUND
            throw PrinterError(code: notFound ? .badConfiguration : .jobFailed,
                               message: notFound
                                   ? "Printer '\(name)': no such queue or printer on the server (\(text)); check the URI against `lpstat -p`."
                                   : "Printer '\(name)': the server refused the request (\(text)).")
        }
        return IPPResponse(ipp: response)
    }

    /// A new request for `operation` on this printer, with the attributes every request needs.
    func request(_ operation: ipp_op_t) -> OpaquePointer {
        let request = ippNewRequest(operation)!
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nil, printerURI)
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, cupsUser())
        return request
    }
}

/// An IPP response, freed with the value.
final class IPPResponse {
    let ipp: OpaquePointer
    init(ipp: OpaquePointer) { self.ipp = ipp }
    deinit { ippDelete(ipp) }

    func integer(_ name: String) -> Int? {
        guard let attribute = ippFindAttribute(ipp, name, IPP_TAG_ZERO) else { return nil }
        return Int(ippGetInteger(attribute, 0))
    }

    func strings(_ name: String) -> [String] {
        guard let attribute = ippFindAttribute(ipp, name, IPP_TAG_ZERO) else { return [] }
        return (0..<ippGetCount(attribute)).compactMap { ippGetString(attribute, $0, nil).map { String(cString: $0) } }
    }
}
