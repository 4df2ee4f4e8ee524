/// Cuts a byte stream from a reader into frames.
///
/// Bytes before a sync marker are skipped and counted: readers emit stray bytes, and a
/// reader reconnected mid-frame sends the tail of an old one. A frame whose length is
/// impossible or whose checksum is wrong is reported once, and decoding resumes one byte
/// after its marker, so that a good frame hidden behind a bad one is still found. Nothing is
/// ever read beyond the bytes given.
public struct ReaderFrameDecoder: Sendable {
    private var buffer: [UInt8] = []
    private var start = 0
    /// Smallest LEN accepted: SW1 SW2 SW3 CHK.
    private let minimumLength = 4
    private let maximumLength: Int
    /// Bytes skipped while looking for a frame, for diagnostics.
    public private(set) var skippedBytes = 0

    public init(maximumLength: Int = ReaderFrame.maximumLength) {
        self.maximumLength = maximumLength
    }

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 4096 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Forgets everything buffered (before a new command: a late answer to an old one must not
    /// be taken for the new one's).
    public mutating func reset() {
        buffer.removeAll(keepingCapacity: true)
        start = 0
    }

    public var bufferedByteCount: Int { buffer.count - start }

    /// The next frame's body (everything between LEN and CHK), an error for bytes that looked
    /// like a frame and were not, or nil when more bytes are needed.
    public mutating func nextFrameBody() -> Result<[UInt8], ReaderFrameError>? {
        guard let marker = findMarker() else {
            // Keep a possible partial preamble at the end; skip the rest.
            let keep = min(ReaderFrame.syncMarker.count, buffer.count - start)
            skippedBytes += buffer.count - start - keep
            start = buffer.count - keep
            return nil
        }
        // The preamble's first AA sits before the marker; only what precedes it was stray.
        let preambleStart = marker > start && buffer[marker - 1] == 0xAA ? marker - 1 : marker
        skippedBytes += preambleStart - start
        start = marker
        let lengthIndex = marker + ReaderFrame.syncMarker.count
        guard buffer.count >= lengthIndex + 2 else { return nil }
        let length = UInt16(buffer[lengthIndex]) << 8 | UInt16(buffer[lengthIndex + 1])
        // Check the claimed length before waiting for that many bytes.
        guard (minimumLength...maximumLength).contains(Int(length)) else {
            start = marker + 1
            return .failure(.lengthOutOfRange(length))
        }
        let bodyStart = lengthIndex + 2
        let end = bodyStart + Int(length)
        guard buffer.count >= end else { return nil }
        let body = Array(buffer[bodyStart..<(end - 1)])
        let computed = ReaderFrame.checksum(buffer[lengthIndex..<(end - 1)])
        let received = buffer[end - 1]
        guard computed == received else {
            start = marker + 1
            return .failure(.checksumMismatch(computed: computed, received: received))
        }
        start = end
        return .success(body)
    }

    /// The next reader response (body = SW1 SW2 SW3 data), as `nextFrameBody`.
    public mutating func nextResponse() -> Result<ReaderResponse, ReaderFrameError>? {
        nextFrameBody().map { result in
            result.map { body in ReaderResponse(status: ReaderStatus(rawValue: body[2]), payload: Array(body[3...])) }
        }
    }

    private func findMarker() -> Int? {
        let marker = ReaderFrame.syncMarker
        var index = start
        while index + marker.count <= buffer.count {
            if buffer[index] == marker[0] && buffer[index + 1] == marker[1] && buffer[index + 2] == marker[2] && buffer[index + 3] == marker[3] {
                return index
            }
            index += 1
        }
        return nil
    }
}
