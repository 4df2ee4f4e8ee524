import ArgumentParser
import Foundation
import HallServer

struct Enroll: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Issue a kiosk's client certificate and record the kiosk as enrolled.",
        discussion: """
            Writes KIOSK-ID.pem (certificate), KIOSK-ID-key.pem (private key, mode 0600),
            hall-ca.pem (the hall's CA, to check the hall) and hall-callback.pem (the public key that
            seals complaints' phone numbers for the hall) into the output directory. Copy them to the
            kiosk and name them in kioskd.toml's [sync] and [journey] tables. Enrolling again issues
            new credentials and keeps the kiosk's events.
            """)

    @OptionGroup var state: StateOptions

    @Argument(help: ArgumentHelp("The kiosk's id, as in its kioskd.toml (kiosk_id).", valueName: "kiosk-id"))
    var kioskID: String

    @Option(help: ArgumentHelp("Where to write the kiosk's files.", valueName: "path"))
    var output: String = "."

    @Option(name: .customLong("server-name"), help: ArgumentHelp("Host names or IPv4 addresses for the hall's server certificate, if this creates it.", valueName: "name"))
    var serverNames: [String] = ["localhost", "127.0.0.1"]

    func validate() throws {
        let allowed = kioskID.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
        guard !kioskID.isEmpty, kioskID.count <= 32, allowed else {
            throw ValidationError("A kiosk id is 1 to 32 letters, digits, '-' or '_' (as kiosk_id in kioskd.toml), got '\(kioskID)'.")
        }
    }

    func run() async throws {
        // The database first: a wrong URL or password must leave no certificate behind.
        try await state.withStorage { store in
            do {
                try await enroll(in: store)
            } catch {
                FileHandle.standardError.write(Data("kiosk-hall: unable to enroll '\(kioskID)': \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
        print("Enrolled \(kioskID). Copy \(output)/\(kioskID).pem, \(output)/\(kioskID)-key.pem, \(output)/hall-ca.pem and \(output)/hall-callback.pem to the kiosk and name them in kioskd.toml:")
        print("  [sync]\n  client_certificate = \"\(kioskID).pem\"\n  client_key = \"\(kioskID)-key.pem\"\n  hall_ca = \"hall-ca.pem\"")
        print("  [journey]\n  callback_public_key = \"hall-callback.pem\"")
    }

    private func enroll(in store: any HallStorage) async throws {
        try FileManager.default.createDirectory(atPath: state.stateDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        let credentials = HallCredentials(directory: state.credentialsDirectory)
        try credentials.prepare(serverNames: serverNames)
        let issued = try credentials.issueKioskCertificate(kioskID: kioskID)
        try await store.enroll(kioskID: kioskID, certificateSerial: issued.serialNumber)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let keyPath = output + "/\(kioskID)-key.pem"
        guard FileManager.default.createFile(atPath: keyPath, contents: Data(issued.privateKeyPEM.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw Unwritable(path: keyPath)
        }
        try issued.certificatePEM.write(toFile: output + "/\(kioskID).pem", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: credentials.caCertificatePath, toPath: output + "/hall-ca.pem.tmp")
        _ = try? FileManager.default.removeItem(atPath: output + "/hall-ca.pem")
        try FileManager.default.moveItem(atPath: output + "/hall-ca.pem.tmp", toPath: output + "/hall-ca.pem")
        _ = try credentials.callbackKey()
        _ = try? FileManager.default.removeItem(atPath: output + "/hall-callback.pem")
        try FileManager.default.copyItem(atPath: credentials.callbackPublicKeyPath, toPath: output + "/hall-callback.pem")
    }

    struct Unwritable: Error, CustomStringConvertible {
        let path: String
        var description: String { "cannot write the kiosk's private key '\(path)'; check that --output names a writable directory, then enroll again" }
    }
}
