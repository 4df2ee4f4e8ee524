import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL

/// Builds the hall's HTTPS application: mutual TLS (kiosks present certificates from the hall's
/// CA), the protocol routes and the morning report page.
public enum HallServerSetup {
    public static func makeApplication(
        store: any HallStorage, credentials: HallCredentials, catalog: HallCatalog,
        host: String, port: Int, limits: HallServerLimits = HallServerLimits(), logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void
    ) throws -> some ApplicationProtocol {
        let router = Router(context: HallRequestContext.self)
        HallRoutes(store: store, catalog: catalog, bodyTimeout: limits.bodyTimeout).register(in: router)
        CounterRoutes(store: store, catalog: catalog, bodyTimeout: limits.bodyTimeout).register(in: router)
        ReportRoutes(store: store).register(in: router)
        MethodNotAllowedMiddleware.register(in: router)

        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(credentials.serverCertificatePath).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: credentials.serverKeyPath, format: .pem)))
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(credentials.caCertificatePath))
        // A certificate that is presented must chain to the hall's CA, or the handshake fails.
        // None at all is let through so that the report page works in a browser and the kiosk
        // routes can answer 401 with a message instead of a bare TLS alert.
        tls.certificateVerification = .optionalVerification
        // At shutdown each idle kiosk connection gets TLS close_notify; NIOSSL then waits for the
        // peer's for up to 5 s by default, which made every stop take 5 s. Half a second is plenty
        // on a LAN, and the data is already on disk before any answer is sent.
        tls.shutdownTimeout = .milliseconds(500)
        let http = HTTP1Channel.Configuration(idleTimeout: limits.idleTimeout)
        let serverTLS = tls
        let server = HTTPServerBuilder { responder in
            HandshakeDeadline(base: try TLSChannel(HTTP1Channel(responder: responder, configuration: http), tlsConfiguration: serverTLS), timeout: limits.handshakeTimeout)
        }
        return Application(
            router: router,
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "kiosk-hall",
                                                    availableConnectionsDelegate: MaximumAvailableConnections(limits.maximumConnections, logger: logger)),
            onServerRunning: onServerRunning,
            logger: logger)
    }
}
