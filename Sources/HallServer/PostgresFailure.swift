import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// Turns postgres-nio's errors into `HallStoreError`s a technician can act on. PSQLError's own
/// description hides the server's message on purpose; this reads it from `serverInfo`.
enum PostgresFailure {
    /// A failed first connection: `.misconfigured` (exit 78) for what the options can fix,
    /// `.unavailable` (exit 69) for a server that is not there.
    static func opening(_ postgres: PostgresLocation, _ error: any Error) -> HallStoreError {
        guard let error = error as? PSQLError else {
            return HallStoreError(code: .unavailable, message: "Unable to reach the database '\(postgres)': \(error). Check that PostgreSQL runs there.")
        }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? "refused"
            switch state {
            case "28P01", "28000":
                return HallStoreError(code: .misconfigured, message: "The database '\(postgres)' refused the login: \(message). Check the user, and the password in --database-password-file or PGPASSWORD.")
            case "3D000":
                return HallStoreError(code: .misconfigured, message: "The database '\(postgres)' does not exist: \(message). Create it (createdb -O \(postgres.user) \(postgres.database)) or fix the name in --database.")
            case "57P03", "53300":
                return HallStoreError(code: .unavailable, message: "The database '\(postgres)' cannot take connections now: \(message). Try again when PostgreSQL is up.")
            default:
                return HallStoreError(code: .misconfigured, message: "The database '\(postgres)' refused the connection: \(message) (SQLSTATE \(state)).")
            }
        case .authMechanismRequiresPassword:
            return HallStoreError(code: .misconfigured, message: "The database '\(postgres)' asks for a password and none was given. Put it in a file named by --database-password-file, or in PGPASSWORD.")
        case .unsupportedAuthMechanism, .saslError:
            return HallStoreError(code: .misconfigured, message: "The database '\(postgres)' refused the login (\(error.code)). Check the user and the password in --database-password-file or PGPASSWORD.")
        case .sslUnsupported:
            return HallStoreError(code: .misconfigured, message: "The database '\(postgres)' offers no TLS, but sslmode=\(postgres.sslMode.rawValue) requires it. Enable ssl on the server, or use sslmode=disable on a trusted network.")
        case .failedToAddSSLHandler:
            return HallStoreError(code: .misconfigured, message: "Unable to set up TLS to the database '\(postgres)': \(reason(error)). Check sslmode and sslrootcert.")
        default:
            if let underlying = error.underlying, underlying is NIOSSLError || underlying is BoringSSLError {
                return HallStoreError(code: .misconfigured, message: "The TLS handshake with the database '\(postgres)' failed: \(underlying). Check sslmode and sslrootcert (verify-full needs a certificate for the host in the URL).")
            }
            return HallStoreError(code: .unavailable, message: "Unable to reach the database '\(postgres)': \(reason(error)). Check that PostgreSQL runs there and accepts connections (listen_addresses, pg_hba.conf).")
        }
    }

    /// The most specific text an error holds: the server's message, or the underlying error.
    static func reason(_ error: any Error) -> String {
        if let error = error as? PostgresTransactionError {
            return (error.closureError ?? error.commitError ?? error.beginError ?? error.rollbackError).map(reason) ?? "\(error)"
        }
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] { return message + (error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? "") }
        if let underlying = error.underlying { return "\(underlying)" }
        return "\(error.code)"
    }
}
