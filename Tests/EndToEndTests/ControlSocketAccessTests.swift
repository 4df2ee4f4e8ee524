import ControlProtocol
import Foundation
import KioskTestSupport
import Testing

/// The control socket answers root, kioskd's own user and the technician group, nobody else.
/// Running a client as another user needs root, which CI has.
@Suite(.enabled(if: getuid() == 0, "needs root to run kioskctl as another user"))
struct ControlSocketAccessTests {
    /// Should keep other users out with the socket's mode (0660), and kioskctl should say so, exit 77
    @Test func otherUserIsKeptOutByTheSocketMode() async throws {
        let kioskd = try await KioskdInstance()
        var info = stat()
        stat(kioskd.socketPath, &info)
        #expect(info.st_mode & 0o777 == 0o660)

        let result = try await kioskd.kioskctl(["status"], asUser: "nobody")
        #expect(result.status == 77)
        #expect(result.standardError.contains("Access denied to '\(kioskd.socketPath)'"))
        #expect(await kioskd.stop() == 0)
    }

    /// Should refuse a peer outside the group by SO_PEERCRED even when the socket's mode was
    /// loosened by hand, and log the refusal
    @Test func peerCredentialsAreChecked() async throws {
        // Group 'daemon' exists on every Debian system, and nobody is not in it.
        let kioskd = try await KioskdInstance(technicianGroup: "daemon")
        chmod(kioskd.socketPath, 0o666)

        let result = try await kioskd.kioskctl(["status"], asUser: "nobody")
        #expect(result.status == 77)
        #expect(result.standardError.contains("uid 65534 (nobody) is not root or a member of the technician group 'daemon'"))
        #expect(result.standardOutput.isEmpty)
        // The daemon still serves root.
        #expect(try await kioskd.kioskctl(["status"]).status == 0)
        #expect(await kioskd.stop() == 0)
        #expect(kioskd.process.standardError.contains("Refused a control connection"))
        #expect(kioskd.process.standardError.contains("peer.uid=65534"))
    }

    /// Should refuse everyone but root and kioskd's user when the technician group does not exist
    @Test func missingGroupAdmitsOnlyRoot() async throws {
        let kioskd = try await KioskdInstance(technicianGroup: "no-such-group-kioskd")
        chmod(kioskd.socketPath, 0o666)
        let result = try await kioskd.kioskctl(["status"], asUser: "nobody")
        #expect(result.status == 77)
        #expect(result.standardError.contains("the technician group 'no-such-group-kioskd' does not exist on this kiosk"))
        #expect(try await kioskd.kioskctl(["status"]).status == 0)
        #expect(await kioskd.stop() == 0)
    }

    /// Should answer a member of the technician group (here nobody, in group nogroup)
    @Test func technicianGroupMemberIsAnswered() async throws {
        let kioskd = try await KioskdInstance(technicianGroup: "nogroup")
        var info = stat()
        stat(kioskd.socketPath, &info)
        #expect(info.st_gid == 65534)

        let result = try await kioskd.kioskctl(["status", "--json"], asUser: "nobody")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("\"kioskID\" : \"K-TEST\""))
        #expect(await kioskd.stop() == 0)
    }
}
