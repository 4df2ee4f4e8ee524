import Foundation
import NIOSSL
import PostgresNIO

/// A PostgreSQL database as `kiosk-hall --database` names it:
/// `postgres://USER@HOST:PORT/DB?sslmode=verify-full` over TCP, or
/// `postgres://USER@/DB?host=/run/postgresql` on the Unix socket in that directory (libpq's forms).
/// The password never comes from the URL: `--database-password-file` or PGPASSWORD sets `password`.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// The socket file, `<directory>/.s.PGSQL.<port>`.
        case unixSocket(path: String)
    }

    /// libpq's `sslmode` values. `prefer` (the default) and `allow` try TLS without checking the
    /// server; `verify-ca` checks its chain; `verify-full` its chain and name.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var endpoint: Endpoint
    public var user: String
    public var database: String
    public var sslMode: SSLMode
    /// `sslrootcert`: the CA file for verify-ca and verify-full; the system's roots without it.
    public var sslRootCertificate: String?
    public var password: String?

    /// `postgres://user@host:port/db`, with no password: for messages and logs.
    public var description: String {
        switch endpoint {
        case .tcp(let host, let port): "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
        case .unixSocket(let path): "postgres://\(user)@/\(database)?host=\((path as NSString).deletingLastPathComponent)"
        }
    }

    /// Parses `url`; a URL that holds a password, an unknown parameter or no database is refused
    /// with a message that says how to write it (`.misconfigured`).
    public init(url: String) throws(HallStoreError) {
        func refuse(_ problem: String) -> HallStoreError {
            HallStoreError(code: .misconfigured, message: "The database URL '\(Self.redacted(url))' \(problem). Write it as postgres://USER@HOST:5432/DB or postgres://USER@/DB?host=/run/postgresql.")
        }
        guard let components = URLComponents(string: url), let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme) else {
            throw refuse("is not a postgres:// URL")
        }
        guard components.password == nil else {
            throw HallStoreError(code: .misconfigured, message: "The database URL '\(Self.redacted(url))' holds a password; a command line is visible to every user. Put the password in a file named by --database-password-file (mode 0600) or in PGPASSWORD.")
        }
        var parameters: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard ["host", "port", "sslmode", "sslrootcert"].contains(item.name) else {
                throw refuse("has the parameter '\(item.name)', which kiosk-hall does not know (it knows host, port, sslmode and sslrootcert)")
            }
            parameters[item.name] = item.value ?? ""
        }
        let database = String(components.percentEncodedPath.dropFirst()).removingPercentEncoding ?? ""
        guard !database.isEmpty, !database.contains("/") else { throw refuse("names no database (the path after the host)") }
        let portText = parameters["port"] ?? components.port.map(String.init) ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else { throw refuse("has the port '\(portText)', not 1 to 65535") }
        let host = parameters["host"] ?? components.host ?? ""
        if host.hasPrefix("/") {
            endpoint = .unixSocket(path: host + "/.s.PGSQL.\(port)")
        } else {
            guard !host.isEmpty else { throw refuse("names no host (for the Unix socket, add ?host=/path/to/socket/directory)") }
            endpoint = .tcp(host: host, port: port)
        }
        let modeText = parameters["sslmode"] ?? "prefer"
        guard let mode = SSLMode(rawValue: modeText) else {
            throw refuse("has sslmode '\(modeText)'; use one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        sslMode = mode
        sslRootCertificate = parameters["sslrootcert"]
        let user = components.user ?? ProcessInfo.processInfo.environment["PGUSER"] ?? Self.currentUserName()
        guard !user.isEmpty else { throw refuse("names no user (postgres://USER@...)") }
        self.user = user
        self.database = database
    }

    /// The URL with anything between '//' and '@' that holds a ':' hidden.
    static func redacted(_ url: String) -> String {
        guard let start = url.range(of: "//"), let at = url[start.upperBound...].firstIndex(of: "@") else { return url }
        let credentials = url[start.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":…" + String(url[at...])
    }

    private static func currentUserName() -> String {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "" }
        return String(cString: name)
    }

    // MARK: postgres-nio's configurations

    /// The TLS settings that `sslMode` asks for (none on a Unix socket, as libpq).
    func tlsConfiguration() throws(HallStoreError) -> TLSConfiguration? {
        if case .unixSocket = endpoint { return nil }
        var tls = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case .disable: return nil
        case .allow, .prefer, .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        if let sslRootCertificate, sslMode == .verifyCA || sslMode == .verifyFull {
            guard FileManager.default.isReadableFile(atPath: sslRootCertificate) else {
                throw HallStoreError(code: .misconfigured, message: "The database URL's sslrootcert '\(sslRootCertificate)' cannot be read. Name the CA file that signed the PostgreSQL server's certificate.")
            }
            tls.trustRoots = .file(sslRootCertificate)
        }
        return tls
    }

    func connectionConfiguration() throws(HallStoreError) -> PostgresConnection.Configuration {
        switch endpoint {
        case .unixSocket(let path):
            return PostgresConnection.Configuration(unixSocketPath: path, username: user, password: password, database: database)
        case .tcp(let host, let port):
            let tls: PostgresConnection.Configuration.TLS
            if let configuration = try tlsConfiguration() {
                let context: NIOSSLContext
                do {
                    context = try NIOSSLContext(configuration: configuration)
                } catch {
                    throw HallStoreError(code: .misconfigured, message: "Unable to set up TLS for '\(self)': \(error). Check sslrootcert.")
                }
                tls = sslMode == .allow || sslMode == .prefer ? .prefer(context) : .require(context)
            } else {
                tls = .disable
            }
            return PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
    }

    func clientConfiguration() throws(HallStoreError) -> PostgresClient.Configuration {
        switch endpoint {
        case .unixSocket(let path):
            return PostgresClient.Configuration(unixSocketPath: path, username: user, password: password, database: database)
        case .tcp(let host, let port):
            let tls: PostgresClient.Configuration.TLS
            if let configuration = try tlsConfiguration() {
                tls = sslMode == .allow || sslMode == .prefer ? .prefer(configuration) : .require(configuration)
            } else {
                tls = .disable
            }
            return PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
    }
}
