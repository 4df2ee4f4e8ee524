import Testing
@testable import KioskConfiguration

/// kioskd.toml's [sync] table: every bad key gets file:line:key and what to do.
struct SyncConfigurationTests {
    let file = "/etc/kioskd/kioskd.toml"

    func text(_ sync: String, hallURL: String = "https://hall.example.gov.cn:8443") -> String {
        """
        kiosk_id = "K-0412"
        hall_url = "\(hallURL)"

        [sync]
        client_certificate = "K-0412.pem"
        client_key = "/etc/kioskd/K-0412-key.pem"
        hall_ca = "hall-ca.pem"
        \(sync)
        """
    }

    func error(_ sync: String, hallURL: String = "https://hall.example.gov.cn:8443") -> ConfigurationError? {
        do {
            _ = try KioskConfiguration.parse(text(sync, hallURL: hallURL), sourcePath: file)
            return nil
        } catch {
            return error
        }
    }

    /// Should read every [sync] key, resolving paths against the file's directory
    @Test func readsEveryKey() throws {
        let configuration = try KioskConfiguration.parse(text("""
            batch_size = 200
            reconcile_at = "05:45"
            retention_days = 7
            max_journal_megabytes = 64
            heartbeat_seconds = 30
            catalog_refresh_seconds = 600
            retry_max_seconds = 120
            """), sourcePath: file)
        let sync = try #require(configuration.sync)
        #expect(sync.clientCertificate == "/etc/kioskd/K-0412.pem")
        #expect(sync.clientKey == "/etc/kioskd/K-0412-key.pem")
        #expect(sync.hallCA == "/etc/kioskd/hall-ca.pem")
        #expect(sync.batchSize == 200)
        #expect(sync.reconcileHour == 5 && sync.reconcileMinute == 45)
        #expect(sync.retentionDays == 7)
        #expect(sync.maximumJournalMegabytes == 64)
        #expect(sync.heartbeatSeconds == 30)
        #expect(sync.catalogRefreshSeconds == 600)
        #expect(sync.retryMaximumSeconds == 120)
    }

    /// Should apply the documented defaults, and leave sync off without a [sync] table
    @Test func defaultsAndAbsence() throws {
        let sync = try #require(try KioskConfiguration.parse(text(""), sourcePath: file).sync)
        #expect(sync.batchSize == 500 && sync.reconcileHour == 6 && sync.reconcileMinute == 30 && sync.retentionDays == 30)
        let without = try KioskConfiguration.parse("kiosk_id = \"K-1\"\nhall_url = \"http://127.0.0.1:8080\"\n", sourcePath: file)
        #expect(without.sync == nil)
    }

    /// Should reject an unknown [sync] key with its line
    @Test func rejectsUnknownKey() {
        let error = error("batch_sise = 10")
        #expect(error?.line == 8)
        #expect(error?.key == "sync.batch_sise")
        #expect(error?.problem.hasPrefix("unknown key") == true)
    }

    /// Should reject out-of-range and mistyped numbers, naming the allowed range
    @Test func rejectsBadNumbers() {
        #expect(error("batch_size = 0")?.description == "/etc/kioskd/kioskd.toml:8: key 'sync.batch_size': must be from 1 to 5000, got 0")
        #expect(error("batch_size = \"many\"")?.description == "/etc/kioskd/kioskd.toml:8: key 'sync.batch_size': expected an integer, found a string")
        #expect(error("retention_days = -1")?.key == "sync.retention_days")
        #expect(error("heartbeat_seconds = 1.5")?.key == "sync.heartbeat_seconds")
    }

    /// Should reject a reconciliation time that is not HH:MM
    @Test func rejectsBadTime() {
        for bad in ["\"6:30\"", "\"24:00\"", "\"06:60\"", "\"06-30\"", "\"\"", "630"] {
            let error = error("reconcile_at = \(bad)")
            #expect(error?.key == "sync.reconcile_at", "\(bad)")
            #expect(error?.line == 8)
        }
    }

    /// Should require the three credential paths
    @Test func requiresCredentials() {
        let configuration = "kiosk_id = \"K-1\"\nhall_url = \"https://h:1\"\n[sync]\nclient_key = \"k.pem\"\nhall_ca = \"ca.pem\"\n"
        #expect(throws: ConfigurationError(file: file, key: "sync.client_certificate", problem: "is missing. Add `client_certificate = \"...\"` under [sync].")) {
            try KioskConfiguration.parse(configuration, sourcePath: file)
        }
    }

    /// Should refuse a plain http:// hall when [sync] is configured: client certificates need TLS
    @Test func requiresHTTPS() {
        let error = error("", hallURL: "http://hall.example.gov.cn:8080")
        #expect(error?.key == "hall_url")
        #expect(error?.line == 2)
        #expect(error?.problem.contains("must be an https:// URL") == true)
    }
}
