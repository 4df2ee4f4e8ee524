import HallProtocol
import NIOCore
import NIOSSL
import X509

/// Who is calling: the kiosk id in the client certificate. The TLS handshake has already checked
/// that the certificate was issued by the hall's CA (a certificate from anyone else never gets
/// this far); here we read its common name and check the kiosk is still enrolled.
enum KioskAuthentication {
    static func kioskID(of context: HallRequestContext, store: some HallStorage) async throws(HallFailure) -> String {
        let peer: NIOSSLCertificate?
        do {
            peer = try await context.channel.nioSSL_peerCertificate().get()
        } catch {
            throw HallFailure(.unauthorized, .unauthenticated, "This route needs TLS with a kiosk's client certificate.")
        }
        guard let peer else {
            throw HallFailure(.unauthorized, .unauthenticated, "No client certificate was sent. Configure [sync] client_certificate and client_key on the kiosk (issued by 'kiosk-hall enroll KIOSK-ID').")
        }
        let certificate: Certificate
        do {
            certificate = try Certificate(derEncoded: try peer.toDERBytes())
        } catch {
            throw HallFailure(.unauthorized, .unauthenticated, "The client certificate cannot be read: \(error).")
        }
        guard let kioskID = certificate.subjectCommonName, !kioskID.isEmpty else {
            throw HallFailure(.unauthorized, .unauthenticated, "The client certificate names no kiosk (no common name).")
        }
        let serial: String?
        do {
            serial = try await store.certificateSerial(kioskID: kioskID)
        } catch {
            throw HallFailure(.internalServerError, .internalError, error.message)
        }
        guard let serial else {
            throw HallFailure(.forbidden, .unauthenticated, "Kiosk '\(kioskID)' is not enrolled at this hall (or was revoked). Run 'kiosk-hall enroll \(kioskID)' on the hall server and install the new files on the kiosk.")
        }
        guard serial == certificate.serialNumber.description else {
            throw HallFailure(.forbidden, .unauthenticated, "Kiosk '\(kioskID)' presented an older certificate; it was enrolled again since. Install the files from the latest 'kiosk-hall enroll \(kioskID)' on the kiosk.")
        }
        return kioskID
    }
}
