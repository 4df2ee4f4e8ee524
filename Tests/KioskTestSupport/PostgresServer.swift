import Foundation

/// A private PostgreSQL server from Debian's `postgresql` package, for the hall's store tests:
/// its own data directory in a temporary directory, a Unix socket there and a loopback port.
/// PostgreSQL refuses to run as root, so under root (CI) `initdb` and `postgres` run as `nobody`
/// through `setpriv`. Local connections are trusted; TCP asks for a password (SCRAM), so that
/// the wrong-password paths can be tested.
public final class PostgresServer: Sendable {
    public let directory: TemporaryDirectory
    /// Holds `.s.PGSQL.<port>`.
    public let socketDirectory: String
    public let port: Int
    public static let superuser = "postgres"
    /// The superuser's password, for TCP connections.
    public static let password = "kiosk-hall-test-password"
    let process: ChildProcess

    /// `/usr/lib/postgresql/<newest>/bin`, or nil when the package is not installed.
    public static var binDirectory: String? {
        let base = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []).compactMap(Int.init).sorted()
        return versions.reversed().map { "\(base)/\($0)/bin" }.first { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") }
    }

    public static var isInstalled: Bool { binDirectory != nil }

    /// initdb, then the server; returns once it accepts connections on its socket.
    public static func start() async throws -> PostgresServer {
        guard let bin = binDirectory else { throw Failure(log: "PostgreSQL is not installed (apt-get install postgresql; scripts/install-deps.sh does).") }
        let directory = try TemporaryDirectory("kiosk-hall-postgres")
        let data = directory.file("data"), sockets = directory.file("sockets")
        try FileManager.default.createDirectory(atPath: sockets, withIntermediateDirectories: true)
        let passwordFile = try directory.write("superuser-password", password + "\n")
        if getuid() == 0 {
            for path in [directory.path, sockets, passwordFile] { chown(path, nobody.uid, nobody.gid) }
        }
        let initdb = asServerUser(bin + "/initdb")
        let initialized = try await runToCompletion(initdb.executable, initdb.prefix + ["-D", data, "-U", superuser, "--pwfile", passwordFile, "--auth-local=trust",
                                                                                     "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"],
                                                    in: directory.path, timeout: .seconds(120))
        guard initialized.status == 0 else { throw Failure(log: initialized.standardOutput + initialized.standardError) }
        // fsync off: the tests check the hall's logic, not the disk; they run beside 500 others.
        let port = try FreePort.pick()
        let postgres = asServerUser(bin + "/postgres")
        let child = try ChildProcess(postgres.executable, postgres.prefix + ["-D", data, "-k", sockets, "-p", "\(port)", "-c", "listen_addresses=127.0.0.1",
                                                                             "-c", "fsync=off", "-c", "max_connections=300", "-c", "shared_buffers=32MB"],
                                     outputDirectory: directory.path, label: "postgres")
        let server = PostgresServer(directory: directory, socketDirectory: sockets, port: port, process: child, bin: bin)
        let deadline = ContinuousClock.now + .seconds(60)
        while !(child.standardError.contains("database system is ready to accept connections") && FileManager.default.fileExists(atPath: server.socketPath)) {
            guard child.process.isRunning, ContinuousClock.now < deadline else {
                child.signal(SIGKILL)
                throw Failure(log: child.standardError)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return server
    }

    private init(directory: TemporaryDirectory, socketDirectory: String, port: Int, process: ChildProcess, bin: String) {
        self.directory = directory
        self.socketDirectory = socketDirectory
        self.port = port
        self.process = process
        self.bin = bin
    }

    let bin: String

    public var socketPath: String { socketDirectory + "/.s.PGSQL.\(port)" }

    /// A new empty database owned by the superuser.
    public func createDatabase(_ name: String) async throws {
        let result = try await runToCompletion(bin + "/createdb", ["-h", socketDirectory, "-p", "\(port)", "-U", Self.superuser, name], in: directory.path)
        guard result.status == 0 else { throw Failure(log: result.standardError) }
    }

    /// Runs SQL through psql on the socket (as the superuser); returns psql's unaligned output.
    @discardableResult
    public func psql(_ database: String, _ sql: String) async throws -> String {
        let result = try await runToCompletion(bin + "/psql", ["-h", socketDirectory, "-p", "\(port)", "-U", Self.superuser, "-d", database, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                                               in: directory.path)
        guard result.status == 0 else { throw Failure(log: result.standardError) }
        return result.standardOutput
    }

    /// `postgres:///DB?host=<socket directory>&port=<port>` as the superuser (trusted, no password).
    public func socketURL(_ database: String) -> String {
        "postgres://\(Self.superuser)@/\(database)?host=\(socketDirectory)&port=\(port)"
    }

    /// `postgres://postgres@127.0.0.1:<port>/DB?sslmode=disable` (needs `PostgresServer.password`).
    public func tcpURL(_ database: String) -> String {
        "postgres://\(Self.superuser)@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    /// Fast shutdown (SIGINT: roll back open transactions, then exit), then the directory goes.
    public func stop() async {
        guard process.process.isRunning else { return }
        process.signal(SIGINT)
        if await process.waitForExit(timeout: .seconds(30)) == nil { process.signal(SIGKILL) }
    }

    private static func asServerUser(_ executable: String) -> (executable: String, prefix: [String]) {
        guard getuid() == 0 else { return (executable, []) }
        return ("/usr/bin/setpriv", ["--reuid=\(Self.nobody.uid)", "--regid=\(Self.nobody.gid)", "--clear-groups", executable])
    }

    private static var nobody: (uid: uid_t, gid: gid_t) {
        guard let entry = getpwnam("nobody") else { return (65534, 65534) }
        return (entry.pointee.pw_uid, entry.pointee.pw_gid)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var log: String
        public var description: String { "The test's PostgreSQL failed:\n\(log)" }
    }
}
