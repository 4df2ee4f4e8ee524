import Foundation
import KioskTestSupport
import Testing

/// The packages `make deb` builds (scripts/build-deb.sh), in .build-release/deb/.
enum DebianPackage {
    /// .build-release/deb, or $KIOSKD_DEB_DIRECTORY (packages built elsewhere, e.g. from a clean clone).
    static var directory: String {
        ProcessInfo.processInfo.environment["KIOSKD_DEB_DIRECTORY"] ?? RepositoryFiles.path(".build-release/deb")
    }

    /// The newest PACKAGE_*.deb in the output directory, or nil.
    static func path(_ package: String) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let candidates = names.filter { $0.hasPrefix(package + "_") && $0.hasSuffix(".deb") }.map { directory + "/" + $0 }
        return candidates.max { modified($0) < modified($1) }
    }

    private static func modified(_ path: String) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
    }

    /// `make test-packages` sets KIOSKD_TEST_PACKAGES after `make deb`, and there a missing
    /// package fails the tests. Elsewhere (`make test`, a bare `swift test`) they are skipped,
    /// visibly: a .deb left from an older checkout would be tested against today's sources.
    static var requested: Bool {
        ProcessInfo.processInfo.environment["KIOSKD_TEST_PACKAGES"] != nil
    }
}

/// A temporary directory with just what `dpkg --root` needs (an empty database), and packages
/// installed into it with their maintainer scripts run outside a chroot (DPKG_ROOT set, as on a
/// real system otherwise: systemd-sysusers and systemd-tmpfiles with --root).
final class PackageRoot: Sendable {
    let directory: TemporaryDirectory
    var path: String { directory.path }

    init() throws {
        directory = try TemporaryDirectory("kioskd-deb-root")
        for subdirectory in ["var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers", "etc"] {
            try FileManager.default.createDirectory(atPath: directory.file(subdirectory), withIntermediateDirectories: true)
        }
        for file in ["var/lib/dpkg/status", "var/lib/dpkg/available"] {
            _ = FileManager.default.createFile(atPath: directory.file(file), contents: nil)
        }
    }

    func file(_ relative: String) -> String { directory.file(relative) }

    /// Runs dpkg on this root; the shared libraries and fonts the package depends on are the
    /// host's business, not this root's (--force-depends).
    @discardableResult
    func dpkg(_ arguments: [String]) async throws -> (status: Int32, standardOutput: String, standardError: String) {
        let result = try await runToCompletion("/usr/bin/dpkg", ["--root=\(path)", "--force-depends", "--force-script-chrootless", "--force-confold"] + arguments, in: path, timeout: .seconds(120))
        #expect(result.status == 0, "dpkg \(arguments.joined(separator: " ")): \(result.standardOutput)\(result.standardError)")
        return result
    }

    func install(_ package: String) async throws {
        let deb = try #require(DebianPackage.path(package), "no \(package)_*.deb in \(DebianPackage.directory): run `make deb` (make test builds it)")
        try await dpkg(["--install", deb])
    }

    func text(_ relative: String) throws -> String { try String(contentsOfFile: file(relative), encoding: .utf8) }

    /// Mode (permission bits), owner and group of a file in the root, without following a symlink.
    func attributes(_ relative: String) -> (mode: mode_t, user: uid_t, group: gid_t)? {
        var info = stat()
        guard lstat(file(relative), &info) == 0 else { return nil }
        return (info.st_mode & 0o7777, info.st_uid, info.st_gid)
    }

    /// The root's /etc/passwd entry for `user`, split at ':'.
    func passwd(_ user: String) throws -> [Substring]? {
        try text("etc/passwd").split(separator: "\n").first { $0.hasPrefix(user + ":") }?.split(separator: ":", omittingEmptySubsequences: false)
    }

    /// What enabling a unit leaves under etc/systemd: a symlink, usually in a *.wants directory.
    func systemdSymlinks() -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: file("etc/systemd")) else { return [] }
        return walker.compactMap { $0 as? String }.filter { relative in
            var info = stat()
            let isLink = lstat(file("etc/systemd/" + relative), &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
            return isLink || relative.contains(".wants/") || relative.contains(".requires/")
        }
    }
}

/// The .deb files: what they hold, what installing them does to a clean root, and that the
/// packaged kioskd runs with the packaged configuration.
@Suite(
    .enabled(if: getuid() == 0, "dpkg --root and the maintainer scripts give files to kioskd: needs root (CI has it)"),
    .enabled(if: DebianPackage.requested, "the package tests run in `make test-packages` (it builds the .debs first), not in `make test`"),
    .timeLimit(.minutes(5)))
struct DebianPackageTests {
    /// Should install the binaries, the unit, the rules, the sysusers/tmpfiles files and the configuration, owned by root with the right modes
    @Test func installsItsFiles() async throws {
        let root = try PackageRoot()
        try await root.install("kioskd")
        let expected: [(String, mode_t, String?)] = [
            ("usr/bin/kioskd", 0o755, nil),
            ("usr/bin/kioskctl", 0o755, nil),
            ("usr/lib/systemd/system/kioskd.service", 0o644, "systemd/kioskd.service"),
            ("usr/lib/sysusers.d/kioskd.conf", 0o644, "systemd/sysusers.d/kioskd.conf"),
            ("usr/lib/tmpfiles.d/kioskd.conf", 0o644, "systemd/tmpfiles.d/kioskd.conf"),
            ("usr/lib/modules-load.d/kioskd.conf", 0o644, "systemd/modules-load.d/kioskd.conf"),
            ("usr/lib/udev/rules.d/70-kioskd.rules", 0o644, "udev/70-kioskd.rules"),
            ("etc/kioskd/kioskd.toml", 0o644, "packaging/kioskd/kioskd.toml"),
        ]
        for (path, mode, source) in expected {
            let attributes = try #require(root.attributes(path), "\(path) is not installed")
            #expect(attributes.mode == mode, "\(path) has mode \(String(attributes.mode, radix: 8))")
            #expect(attributes.user == 0 && attributes.group == 0, "\(path) is not root's")
            if let source {
                #expect(try root.text(path) == RepositoryFiles.text(source), "\(path) differs from \(source)")
            }
        }
        // kiosk-sim simulates hardware for development; kiosk-hall has its own package.
        #expect(root.attributes("usr/bin/kiosk-sim") == nil)
        #expect(root.attributes("usr/bin/kiosk-hall") == nil)
        let contents = try await runToCompletion("/usr/bin/dpkg-deb", ["--contents", try #require(DebianPackage.path("kioskd"))], in: root.path)
        #expect(contents.standardOutput.contains("./usr/share/doc/kioskd/README.md"))
        // The documents README points to: the configuration reference and operations above all.
        for document in ["docs/configuration.md", "docs/operations.md", "docs/hardware.md", "docs/protocols/sam.md"] {
            #expect(contents.standardOutput.contains("./usr/share/doc/kioskd/\(document)"), "\(document) is not shipped")
        }
    }

    /// Should create kioskd's user, the technician group and /var/lib/kioskd, and enable or start nothing
    @Test func maintainerScriptsCreateTheUserAndEnableNothing() async throws {
        let root = try PackageRoot()
        try await root.install("kioskd")
        let kioskd = try #require(try root.passwd("kioskd"), "no kioskd in the root's /etc/passwd")
        let uid = try #require(uid_t(kioskd[2]))
        #expect(uid > 0 && uid < 1000, "kioskd must be a system user, not \(uid)")
        #expect(kioskd[5] == "/var/lib/kioskd" && kioskd[6] == "/usr/sbin/nologin")
        #expect(try root.text("etc/group").split(separator: "\n").contains { $0.hasPrefix("kiosk-tech:") })
        let state = try #require(root.attributes("var/lib/kioskd"), "no /var/lib/kioskd")
        #expect(state.mode == 0o750 && state.user == uid)
        #expect(root.systemdSymlinks() == [], "the package enabled something")
        let status = try await runToCompletion("/usr/bin/dpkg-query", ["--admindir=\(root.file("var/lib/dpkg"))", "-W", "-f=${Status}", "kioskd"], in: root.path)
        #expect(status.standardOutput == "install ok installed")
    }

    /// Should keep an edited configuration across a reinstall and a removal, and drop it only on purge (keeping the journal)
    @Test func configurationIsAConffile() async throws {
        let root = try PackageRoot()
        try await root.install("kioskd")
        let conffiles = try await runToCompletion("/usr/bin/dpkg-query", ["--admindir=\(root.file("var/lib/dpkg"))", "-W", "-f=${Conffiles}", "kioskd"], in: root.path)
        #expect(conffiles.standardOutput.contains("/etc/kioskd/kioskd.toml "), "\(conffiles.standardOutput)")

        let edited = try root.text("etc/kioskd/kioskd.toml").replacingOccurrences(of: "K-CHANGE-ME", with: "K-0412")
        try edited.write(toFile: root.file("etc/kioskd/kioskd.toml"), atomically: false, encoding: .utf8)
        try await root.install("kioskd")
        #expect(try root.text("etc/kioskd/kioskd.toml") == edited, "reinstalling replaced the technician's configuration")

        try await root.dpkg(["--remove", "kioskd"])
        #expect(root.attributes("usr/bin/kioskd") == nil)
        #expect(try root.text("etc/kioskd/kioskd.toml") == edited)
        try await root.dpkg(["--purge", "kioskd"])
        #expect(root.attributes("etc/kioskd/kioskd.toml") == nil)
        #expect(root.attributes("var/lib/kioskd") != nil, "purge must keep the journal's directory")
    }

    /// Should ship stripped binaries with the Swift runtime inside, depending on the package of every shared library they load
    @Test func binariesAreStaticStrippedAndTheirLibrariesDepended() async throws {
        let deb = try #require(DebianPackage.path("kioskd"))
        let root = try PackageRoot()
        try await root.install("kioskd")
        let depends = try await runToCompletion("/usr/bin/dpkg-deb", ["--field", deb, "Depends"], in: root.path).standardOutput
        let dependedPackages = Set(depends.split(separator: ",").flatMap { $0.split(separator: "|") }.compactMap {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").first.map(String.init)
        })
        for package in ["fonts-noto-cjk", "fonts-hanazono", "libusb-1.0-0", "libcups2", "libfreetype6", "libc6"] {
            #expect(dependedPackages.contains(package), "Depends: lacks \(package): \(depends)")
        }
        for binary in ["kioskd", "kioskctl"] {
            let path = root.file("usr/bin/" + binary)
            let dynamic = try await runToCompletion("/usr/bin/readelf", ["--dynamic", path], in: root.path).standardOutput
            let needed = dynamic.split(separator: "\n").filter { $0.contains("(NEEDED)") }.compactMap { line -> String? in
                guard let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]") else { return nil }
                return String(line[line.index(after: open)..<close])
            }
            #expect(!needed.isEmpty)
            #expect(!needed.contains { $0.hasPrefix("libswift") || $0.hasPrefix("libFoundation") || $0.hasPrefix("libdispatch") || $0.hasPrefix("libBlocksRuntime") },
                    "\(binary) loads the Swift runtime from the system: \(needed)")
            for library in needed {
                let owner = try await runToCompletion("/usr/bin/dpkg", ["--search", "*/" + library], in: root.path)
                let packages = owner.standardOutput.split(separator: "\n").compactMap { $0.split(separator: ":").first.map(String.init) }
                #expect(packages.contains { dependedPackages.contains($0) }, "\(binary) loads \(library) (from \(packages)) but Depends: does not name it: \(depends)")
            }
            let sections = try await runToCompletion("/usr/bin/readelf", ["--section-headers", path], in: root.path).standardOutput
            #expect(!sections.contains(".symtab"), "\(binary) is not stripped")
            let version = try await runToCompletion(path, ["--version"], in: root.path)
            #expect(version.status == 0 && version.standardOutput.hasPrefix("0."), "\(binary) --version: \(version.standardOutput)\(version.standardError)")
        }
    }

    /// Should load the packaged configuration: kioskctl reads it without a warning, and the packaged kioskd starts on it (devices left out)
    @Test func packagedConfigurationLoads() async throws {
        let root = try PackageRoot()
        try await root.install("kioskd")
        let conffile = root.file("etc/kioskd/kioskd.toml")
        // kioskctl reads the configuration for the control socket, and warns when it cannot;
        // nothing listens at /run/kioskd/control.sock here, so it ends with 69.
        let kioskctl = try await runToCompletion(root.file("usr/bin/kioskctl"), ["status", "--config", conffile], in: root.path)
        #expect(!kioskctl.standardError.contains("warning:"), "the packaged configuration does not load: \(kioskctl.standardError)")
        #expect(kioskctl.status == 69, "\(kioskctl.standardError)")

        let help = try await runToCompletion(root.file("usr/bin/kioskd"), ["--help"], in: root.path).standardOutput
        if help.contains("--check-config") {
            let check = try await runToCompletion(root.file("usr/bin/kioskd"), ["--check-config", "--config", conffile], in: root.path)
            #expect(check.status == 0, "kioskd --check-config: \(check.standardOutput)\(check.standardError)")
        }

        // The same file with the journal and socket moved into the test's directory and the
        // [devices.*] tables left out (this machine's /dev/fb0 is not a kiosk's).
        let directory = try TemporaryDirectory()
        var lines: [String] = []
        for line in try root.text("etc/kioskd/kioskd.toml").split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("[") { break }
            if line.hasPrefix("state_directory") { lines.append("state_directory = \"\(directory.file("state"))\""); continue }
            if line.hasPrefix("control_socket") { lines.append("control_socket = \"\(directory.file("control.sock"))\""); continue }
            lines.append(String(line))
        }
        #expect(lines.contains { $0.hasPrefix("state_directory") } && lines.contains { $0.hasPrefix("control_socket") })
        let config = try directory.write("kioskd.toml", lines.joined(separator: "\n"))
        let notify = try NotifySocketListener(path: directory.file("notify.sock"))
        let kioskd = try ChildProcess(root.file("usr/bin/kioskd"), ["--config", config], environment: ["NOTIFY_SOCKET": notify.path], outputDirectory: directory.path)
        #expect(await notify.waitFor("READY=1", timeout: .seconds(30)) != nil, "the packaged kioskd did not get ready: \(kioskd.standardError)")
        let status = try await runToCompletion(root.file("usr/bin/kioskctl"), ["status", "--socket", directory.file("control.sock")], in: directory.path)
        #expect(status.status == 0 && status.standardOutput.contains("K-CHANGE-ME"), "\(status.standardOutput)\(status.standardError)")
        kioskd.signal(SIGTERM)
        #expect(await kioskd.waitForExit(timeout: .seconds(10)) == 0, "\(kioskd.standardError)")
    }

    /// Should install kiosk-hall with its own user, unit and options file, enabling nothing
    @Test func hallPackageInstalls() async throws {
        let root = try PackageRoot()
        try await root.install("kiosk-hall")
        let hall = try #require(try root.passwd("kiosk-hall"), "no kiosk-hall in the root's /etc/passwd")
        let uid = try #require(uid_t(hall[2]))
        #expect(uid > 0 && uid < 1000)
        #expect(root.attributes("usr/bin/kiosk-hall")?.mode == 0o755)
        #expect(try root.text("usr/lib/systemd/system/kiosk-hall.service") == RepositoryFiles.text("systemd/kiosk-hall.service"))
        #expect(root.attributes("var/lib/kiosk-hall").map { $0.mode == 0o750 && $0.user == uid } == true)
        #expect(root.attributes("usr/bin/kioskd") == nil)
        #expect(root.systemdSymlinks() == [], "the package enabled something")
        let conffiles = try await runToCompletion("/usr/bin/dpkg-query", ["--admindir=\(root.file("var/lib/dpkg"))", "-W", "-f=${Conffiles}", "kiosk-hall"], in: root.path)
        #expect(conffiles.standardOutput.contains("/etc/default/kiosk-hall "))
        let version = try await runToCompletion(root.file("usr/bin/kiosk-hall"), ["--version"], in: root.path)
        #expect(version.status == 0, "\(version.standardError)")
    }
}
