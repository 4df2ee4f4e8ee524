// A test fixture, not part of kioskd: appends journal events one at a time and prints each
// sequence number after `append` returned, until it is killed. The tests kill it with SIGKILL
// at a moment of their choosing and check that every printed event is in the journal.
//
// Usage: journal-crash-probe JOURNAL_PATH KIOSK_ID
import Journal

#if canImport(Glibc)
import Glibc
#endif

/// Writes straight to the fd: stdio would buffer the line past the moment of the kill.
func say(_ line: String, to fd: Int32 = STDOUT_FILENO) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    say("usage: journal-crash-probe JOURNAL_PATH KIOSK_ID", to: STDERR_FILENO)
    exit(64)
}
let journal = try Journal(path: arguments[1], kioskID: arguments[2])
var index = 0
while true {
    index += 1
    let event = try await journal.append(.init(rawValue: "test.probe"), payload: ["index": index])
    say("appended \(event.sequence)")
}
