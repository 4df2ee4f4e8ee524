extension SyncSettings {
    /// Reads `[sync]` from the root table; nil when the table is absent.
    static func read(from root: inout TableReader, baseDirectory: String, hallURL: String) throws(ConfigurationError) -> SyncSettings? {
        guard var reader = try root.optionalTable("sync") else { return nil }
        if !hallURL.lowercased().hasPrefix("https://") {
            throw ConfigurationError(file: reader.file, line: reader.locator.line(of: "hall_url"), key: "hall_url", problem: "must be an https:// URL when [sync] is configured: the kiosk authenticates with its client certificate over TLS")
        }
        func path(_ key: String) throws(ConfigurationError) -> String {
            let value = try reader.requiredString(key) { $0.isEmpty ? "must not be empty" : nil }
            return FilePaths.resolve(value, against: baseDirectory)
        }
        let certificate = try path("client_certificate")
        let key = try path("client_key")
        let ca = try path("hall_ca")
        let batchSize = try reader.optionalInt("batch_size", range: 1...5000) ?? defaultBatchSize
        let reconcileAt = try reader.optionalString("reconcile_at") { value in
            Self.parseTime(value) == nil ? "expected a 24-hour local time \"HH:MM\" like \"06:30\", got '\(value)'" : nil
        } ?? defaultReconcileAt
        let (hour, minute) = Self.parseTime(reconcileAt)!
        let retention = try reader.optionalInt("retention_days", range: 0...3650) ?? defaultRetentionDays
        let maximum = try reader.optionalInt("max_journal_megabytes", range: 1...1_000_000) ?? defaultMaximumJournalMegabytes
        let heartbeat = try reader.optionalInt("heartbeat_seconds", range: 1...86400) ?? defaultHeartbeatSeconds
        let catalog = try reader.optionalInt("catalog_refresh_seconds", range: 1...86400) ?? defaultCatalogRefreshSeconds
        let retry = try reader.optionalInt("retry_max_seconds", range: 1...86400) ?? defaultRetryMaximumSeconds
        try reader.rejectUnknownKeys(hint: "see docs/configuration.md, [sync]")
        return SyncSettings(
            clientCertificate: certificate, clientKey: key, hallCA: ca, batchSize: batchSize,
            reconcileHour: hour, reconcileMinute: minute, retentionDays: retention,
            maximumJournalMegabytes: maximum, heartbeatSeconds: heartbeat,
            catalogRefreshSeconds: catalog, retryMaximumSeconds: retry)
    }

    /// "HH:MM" (24-hour) as hour and minute, or nil.
    static func parseTime(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return (hour, minute)
    }
}
