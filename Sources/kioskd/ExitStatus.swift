/// kioskd's exit statuses (sysexits.h values where one fits), documented in README.md.
enum ExitStatus {
    /// Stopped cleanly on SIGTERM or SIGINT.
    static let success: Int32 = 0
    /// Any other start-up or run-time failure; the log says which.
    static let failure: Int32 = 1
    /// EX_CANTCREAT: the state directory cannot be created.
    static let cannotCreate: Int32 = 73
    /// EX_CONFIG: the configuration file is missing or wrong.
    static let badConfiguration: Int32 = 78
}
