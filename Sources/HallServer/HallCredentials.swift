import Crypto
import Foundation
import SwiftASN1
import X509
import KioskValues

/// The hall's certificate authority and its own server certificate, as PEM files in the hall's
/// state directory. Every kiosk gets a client certificate signed by this CA (`kiosk-hall enroll`);
/// the certificate's common name is the kiosk id, which is how the hall knows who is calling.
///
/// All methods read and write files: call them from a thread that may block.
public struct HallCredentials: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public var caCertificatePath: String { directory + "/ca.pem" }
    var caKeyPath: String { directory + "/ca-key.pem" }
    public var serverCertificatePath: String { directory + "/server.pem" }
    public var serverKeyPath: String { directory + "/server-key.pem" }
    /// The key that opens complaints' phone numbers (`CallbackPhone`): private, and the public
    /// half every kiosk gets from `kiosk-hall enroll` as hall-callback.pem.
    var callbackKeyPath: String { directory + "/callback-key.pem" }
    public var callbackPublicKeyPath: String { directory + "/callback-public.pem" }

    /// The callback key, made on first use (mode 0600; its public half beside it).
    public func callbackKey() throws -> P256.KeyAgreement.PrivateKey {
        if let pem = try? String(contentsOfFile: callbackKeyPath, encoding: .utf8) {
            return try P256.KeyAgreement.PrivateKey(pemRepresentation: pem)
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let key = P256.KeyAgreement.PrivateKey()
        try write(key.pemRepresentation, to: callbackKeyPath, mode: 0o600)
        try write(key.publicKey.pemRepresentation, to: callbackPublicKeyPath, mode: 0o644)
        return key
    }

    /// Creates the CA and the server certificate if they do not exist yet. The server certificate
    /// names `serverNames` (host names and IP addresses the kiosks use in `hall_url`).
    public func prepare(serverNames: [String]) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if !FileManager.default.fileExists(atPath: caCertificatePath) {
            let key = P256.Signing.PrivateKey()
            let name = try DistinguishedName { CommonName("kiosk-hall CA") }
            let now = Date()
            let certificate = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(),
                publicKey: .init(key.publicKey),
                notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(20 * 365 * 86400),
                issuer: name, subject: name,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                    Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                },
                issuerPrivateKey: .init(key))
            try write(key.pemRepresentation, to: caKeyPath, mode: 0o600)
            try write(try certificate.serializeAsPEM().pemString, to: caCertificatePath, mode: 0o644)
        }
        if !FileManager.default.fileExists(atPath: serverCertificatePath) {
            let issued = try issue(commonName: serverNames.first ?? "localhost", serverNames: serverNames, usage: .serverAuth)
            try write(issued.privateKeyPEM, to: serverKeyPath, mode: 0o600)
            try write(issued.certificatePEM, to: serverCertificatePath, mode: 0o644)
        }
    }

    public struct Issued: Sendable {
        public var certificatePEM: String
        public var privateKeyPEM: String
        /// As the hall compares it when the kiosk connects.
        public var serialNumber: String
    }

    /// A client certificate for `kioskID`, valid for ten years, signed by the hall's CA.
    public func issueKioskCertificate(kioskID: String) throws -> Issued {
        try issue(commonName: kioskID, serverNames: [], usage: .clientAuth)
    }

    private func issue(commonName: String, serverNames: [String], usage: ExtendedKeyUsage.Usage) throws -> Issued {
        let caKey = try P256.Signing.PrivateKey(pemRepresentation: String(contentsOfFile: caKeyPath, encoding: .utf8))
        let caCertificate = try Certificate(pemEncoded: String(contentsOfFile: caCertificatePath, encoding: .utf8))
        let key = P256.Signing.PrivateKey()
        let now = Date()
        let alternativeNames = serverNames.map { name -> GeneralName in
            if let address = IPv4Address(name) { return .ipAddress(ASN1OctetString(contentBytes: ArraySlice(address.bytes))) }
            return .dnsName(name)
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(),
            publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(10 * 365 * 86400),
            issuer: caCertificate.subject,
            subject: try DistinguishedName { CommonName(commonName) },
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([usage])
                if !alternativeNames.isEmpty { SubjectAlternativeNames(alternativeNames) }
            },
            issuerPrivateKey: .init(caKey))
        return Issued(certificatePEM: try certificate.serializeAsPEM().pemString, privateKeyPEM: key.pemRepresentation, serialNumber: certificate.serialNumber.description)
    }

    private func write(_ text: String, to path: String, mode: Int) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }
}

/// Dotted-quad IPv4 text, for certificates' subject alternative names.
struct IPv4Address {
    let bytes: [UInt8]

    init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard let byte = UInt8(part) else { return nil }
            bytes.append(byte)
        }
        self.bytes = bytes
    }
}

extension Certificate {
    /// The subject's common name: for a kiosk's client certificate, the kiosk id.
    var subjectCommonName: String? {
        for relativeName in subject {
            for attribute in relativeName where attribute.type == .RDNAttributeType.commonName {
                return String(describing: attribute.value)
            }
        }
        return nil
    }
}
