/// kioskd's exit statuses (sysexits.h values where one fits), documented in docs/configuration.md.
package enum ExitStatus {
    /// Stopped cleanly on SIGTERM or SIGINT.
    package static let success: Int32 = 0
    /// Any other start-up or run-time failure; the log says which.
    package static let failure: Int32 = 1
    /// EX_CANTCREAT: the state directory cannot be created.
    package static let cannotCreate: Int32 = 73
    /// EX_CONFIG: the configuration file is missing or wrong.
    package static let badConfiguration: Int32 = 78
}

/// Why kioskd could not start (or run on): the exit status and the technician's message.
package struct StartupError: Error, CustomStringConvertible {
    package var status: Int32
    package var description: String

    package init(status: Int32, description: String) {
        self.status = status
        self.description = description
    }
}
