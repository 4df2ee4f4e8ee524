import Foundation
import KioskTestSupport
import Testing

/// A systemd unit file as systemd reads it: sections of `Key=value` lines, a key repeated as often
/// as it is given, comments and blank lines ignored. Enough for the checks below, not a full
/// implementation (no line continuations, no specifiers).
struct UnitFile {
    struct Entry: Equatable {
        var section: String
        var key: String
        var value: String
    }

    var entries: [Entry] = []

    init(text: String, name: String) throws {
        var section: String?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw UnitFileError(description: "\(name):\(index + 1): '\(line)' opens a section without closing it") }
                section = String(line.dropFirst().dropLast())
                continue
            }
            guard let section else { throw UnitFileError(description: "\(name):\(index + 1): '\(line)' comes before any [Section]") }
            guard let equals = line.firstIndex(of: "=") else { throw UnitFileError(description: "\(name):\(index + 1): '\(line)' is not Key=value") }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            entries.append(Entry(section: section, key: key, value: line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)))
        }
    }

    /// Every value given for `key` in `section`, in order.
    func values(_ key: String, in section: String = "Service") -> [String] {
        entries.filter { $0.section == section && $0.key == key }.map(\.value)
    }

    /// The value systemd uses for a single-valued key: the last one given.
    func value(_ key: String, in section: String = "Service") -> String? { values(key, in: section).last }

    /// The words of every value given for a list-valued key (SupplementaryGroups=, RestrictAddressFamilies=).
    func words(_ key: String, in section: String = "Service") -> [String] {
        values(key, in: section).flatMap { $0.split(separator: " ").map(String.init) }
    }
}

struct UnitFileError: Error, CustomStringConvertible {
    var description: String
}

/// The units in systemd/: hardening that systemd-analyze scores, and everything kioskd still needs
/// to do its job under that hardening.
struct SystemdUnitTests {
    static let kioskdUnit = "systemd/kioskd.service"
    static let hallUnit = "systemd/kiosk-hall.service"

    static func unit(_ relative: String) throws -> UnitFile {
        try UnitFile(text: RepositoryFiles.text(relative), name: relative)
    }

    static var systemdAnalyze: String? { RepositoryFiles.tool("/usr/bin/systemd-analyze", "/bin/systemd-analyze") }

    /// `systemd-analyze security --offline=true UNIT`'s "Overall exposure level" number.
    static func exposure(of relative: String) async throws -> Double {
        let analyze = try #require(systemdAnalyze, "systemd-analyze is missing: `make deps` installs systemd")
        let directory = try TemporaryDirectory()
        let result = try await runToCompletion(analyze, ["security", "--offline=true", RepositoryFiles.path(relative)], in: directory.path)
        let output = result.standardOutput + result.standardError
        // "→ Overall exposure level for kioskd.service: 1.9 OK 🙂"
        let line = try #require(output.split(separator: "\n").first { $0.contains("Overall exposure level for") }, "no exposure level in:\n\(output)")
        let number = try #require(line.split(separator: ":").last?.split(separator: " ").first, "no number in '\(line)'")
        return try #require(Double(number), "'\(number)' is not a number in '\(line)'")
    }

    /// Should keep kioskd.service's exposure at or under 2.0
    @Test func kioskdExposureAtMostTwo() async throws {
        let exposure = try await Self.exposure(of: Self.kioskdUnit)
        #expect(exposure <= 2.0, "systemd-analyze security scores kioskd.service \(exposure); it must stay at or under 2.0")
    }

    /// Should keep kiosk-hall.service's exposure at or under 2.0
    @Test func hallExposureAtMostTwo() async throws {
        let exposure = try await Self.exposure(of: Self.hallUnit)
        #expect(exposure <= 2.0, "systemd-analyze security scores kiosk-hall.service \(exposure); it must stay at or under 2.0")
    }

    /// Should make a unit that lets everything through score far above 2.0, so the score parsing is not vacuous
    @Test func openUnitScoresHigh() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("open.service", "[Service]\nExecStart=/bin/true\n")
        let analyze = try #require(Self.systemdAnalyze, "systemd-analyze is missing: `make deps` installs systemd")
        let result = try await runToCompletion(analyze, ["security", "--offline=true", directory.file("open.service")], in: directory.path)
        #expect(result.standardOutput.contains("Overall exposure level for open.service: 9."), "\(result.standardOutput)")
    }

    /// Should keep the notify protocol, the watchdog, restarts, kioskd's own user and its directories
    @Test func kioskdServiceContract() throws {
        let unit = try Self.unit(Self.kioskdUnit)
        #expect(unit.value("Type") == "notify")
        let watchdog = try #require(unit.value("WatchdogSec"), "no WatchdogSec=")
        #expect(!["0", "infinity", ""].contains(watchdog), "WatchdogSec=\(watchdog) turns the watchdog off")
        #expect(unit.value("Restart") == "always")
        #expect(unit.value("ExecStart") == "/usr/bin/kioskd --config /etc/kioskd/kioskd.toml")
        #expect(unit.value("User") == "kioskd")
        #expect(unit.value("Group") == "kioskd")
        #expect(unit.value("DynamicUser") == nil, "the journal belongs to a static user")
        let groups = Set(unit.words("SupplementaryGroups"))
        for group in ["video", "input", "lp", "dialout", "kiosk-tech"] {
            #expect(groups.contains(group), "SupplementaryGroups= lacks \(group)")
        }
        #expect(unit.value("StateDirectory") == "kioskd")
        #expect(unit.value("RuntimeDirectory") == "kioskd")
        #expect(unit.value("ConfigurationDirectory") == "kioskd")
        #expect(unit.value("WantedBy", in: "Install") == "multi-user.target")
    }

    /// Should leave every device kioskd drives reachable: the host's /dev, and each device class allowed read-write
    @Test func kioskdDevicesStayReachable() throws {
        let unit = try Self.unit(Self.kioskdUnit)
        #expect(["no", "false", nil].contains(unit.value("PrivateDevices")), "PrivateDevices= hides hot-plugged readers and printers")
        #expect(unit.value("PrivateUsers") == nil || unit.value("PrivateUsers") == "no", "PrivateUsers= unmaps the device groups")
        let allowed = unit.values("DeviceAllow")
        if let policy = unit.value("DevicePolicy"), policy != "auto" || !allowed.isEmpty {
            // The class names as the kernel lists them in /proc/devices, and what kioskd opens there.
            let needed = [
                "char-fb": "/dev/fb0 (major 29)",
                "char-drm": "/dev/dri/card0 (226)",
                "char-input": "/dev/input/event* (13)",
                "char-ttyS": "/dev/ttyS* (4)",
                "char-ttyUSB": "/dev/ttyUSB* (188)",
                "char-ttyACM": "/dev/ttyACM* (166)",
                "char-usb_device": "/dev/bus/usb/*/* for libusb (189)",
                "char-usb": "/dev/usb/lp* (usblp, 180)",
                "/dev/tty0": "the console, for KD_GRAPHICS",
            ]
            for (device, what) in needed {
                let entry = allowed.first { $0.split(separator: " ").first.map(String.init) == device }
                #expect(entry?.hasSuffix(" rw") == true || entry?.hasSuffix(" rwm") == true, "DeviceAllow= must give \(device) rw: \(what)")
            }
            // A class allowed by name exists only once its driver is loaded: these load at boot.
            let modules = try RepositoryFiles.text("systemd/modules-load.d/kioskd.conf").split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
            for module in ["usblp", "usbserial", "cdc_acm", "drm"] {
                #expect(modules.contains(module), "modules-load.d/kioskd.conf must load \(module) before kioskd starts")
            }
            #expect(unit.values("After", in: "Unit").joined(separator: " ").contains("systemd-modules-load.service"))
        }
        #expect(unit.words("CapabilityBoundingSet").contains("CAP_SYS_TTY_CONFIG") && unit.words("AmbientCapabilities").contains("CAP_SYS_TTY_CONFIG"),
                "KDSETMODE on the console needs CAP_SYS_TTY_CONFIG")
    }

    /// Should let kioskd reach the hall, printers, CUPS and libusb's hot-plug events, and write its journal and socket
    @Test func kioskdNetworkAndFilesStayReachable() throws {
        let unit = try Self.unit(Self.kioskdUnit)
        let families = Set(unit.words("RestrictAddressFamilies"))
        #expect(families.isSuperset(of: ["AF_UNIX", "AF_INET", "AF_INET6", "AF_NETLINK"]), "RestrictAddressFamilies=\(families.sorted())")
        #expect(!families.contains { $0.hasPrefix("~") }, "a deny list in RestrictAddressFamilies= is unexpected")
        #expect(unit.value("PrivateNetwork") == nil || unit.value("PrivateNetwork") == "no")
        #expect(!unit.words("IPAddressDeny").contains("any") || !unit.values("IPAddressAllow").isEmpty, "IPAddressDeny=any without IPAddressAllow= cuts off the hall")
        // /var/lib/kioskd and /run/kioskd are writable under ProtectSystem=strict only as these directories.
        let hidden = unit.words("InaccessiblePaths") + unit.words("ReadOnlyPaths")
        for path in ["/var/lib/kioskd", "/run/kioskd", "/run/cups", "/run/cups/cups.sock", "/usr/bin/espeak-ng", "/dev"] {
            #expect(!hidden.contains { path.hasPrefix($0.trimmingCharacters(in: CharacterSet(charactersIn: "-+"))) }, "\(path) is hidden or read-only")
        }
        #expect(unit.value("ProtectSystem") == "strict")
    }

    /// Should keep every system call kioskd makes allowed by the SystemCallFilter= lines, applied in order
    @Test func kioskdSystemCallsStayAllowed() async throws {
        let unit = try Self.unit(Self.kioskdUnit)
        let analyze = try #require(Self.systemdAnalyze, "systemd-analyze is missing: `make deps` installs systemd")
        let directory = try TemporaryDirectory()
        var groups: [String: Set<String>] = [:]
        func expand(_ name: String) async throws -> Set<String> {
            guard name.hasPrefix("@") else { return [name] }
            if let known = groups[name] { return known }
            let result = try await runToCompletion(analyze, ["syscall-filter", name], in: directory.path)
            #expect(result.status == 0, "systemd-analyze syscall-filter \(name): \(result.standardError)")
            var calls: Set<String> = []
            for raw in result.standardOutput.split(separator: "\n").dropFirst() {
                let word = raw.trimmingCharacters(in: .whitespaces)
                if word.isEmpty || word.hasPrefix("#") { continue }
                calls.formUnion(try await expand(word))
            }
            groups[name] = calls
            return calls
        }
        // The first line makes it an allow list; later lines add to it, or take away with "~".
        let lines = unit.values("SystemCallFilter")
        #expect(lines.first?.hasPrefix("@") == true, "SystemCallFilter= should start with an allow list, e.g. @system-service")
        var allowed: Set<String> = []
        for value in lines {
            let deny = value.hasPrefix("~")
            for name in value.dropFirst(deny ? 1 : 0).split(separator: " ").map(String.init) {
                let calls = try await expand(name)
                if deny { allowed.subtract(calls) } else { allowed.formUnion(calls) }
            }
        }
        #expect(allowed.count > 100, "SystemCallFilter= leaves only \(allowed.count) calls")
        // Devices (ioctl, mmap), the journal (fsync, fdatasync, rename), the control socket
        // (SO_PEERCRED, chmod, chown to the technician group), NIO's event loop, espeak-ng (execve).
        let needed = ["ioctl", "mmap", "munmap", "openat", "read", "write", "pread64", "pwrite64", "fsync", "fdatasync",
                      "ftruncate", "fcntl", "flock", "rename", "unlink", "mkdir", "chmod", "fchmod", "chown", "fchown",
                      "socket", "bind", "listen", "accept4", "connect", "sendmsg", "recvmsg", "getsockopt", "setsockopt",
                      "epoll_create1", "epoll_ctl", "epoll_wait", "eventfd2", "timerfd_create", "poll", "ppoll",
                      "clone", "clone3", "execve", "wait4", "kill", "prctl", "futex", "sched_getaffinity", "getrandom",
                      "clock_nanosleep", "statx", "newfstatat", "getdents64", "pipe2"]
        for call in needed {
            #expect(allowed.contains(call), "SystemCallFilter= refuses \(call)")
        }
    }

    /// Should give kiosk-hall its own user and no devices, and keep its state directory
    @Test func hallServiceContract() throws {
        let unit = try Self.unit(Self.hallUnit)
        #expect(unit.value("User") == "kiosk-hall")
        #expect(unit.value("StateDirectory") == "kiosk-hall")
        #expect(unit.value("PrivateDevices") == "yes")
        #expect(unit.value("Restart") == "always")
        let exec = try #require(unit.value("ExecStart"))
        #expect(exec.hasPrefix("/usr/bin/kiosk-hall serve --state-directory /var/lib/kiosk-hall"))
    }

    /// Should create both services' users and the technician group with systemd-sysusers, and their directories with systemd-tmpfiles
    @Test(.enabled(if: getuid() == 0, "systemd-tmpfiles gives the directories to kioskd: needs root (CI has it)"))
    func sysusersAndTmpfilesCreateTheUsers() async throws {
        let sysusers = try #require(RepositoryFiles.tool("/usr/bin/systemd-sysusers", "/bin/systemd-sysusers"), "systemd-sysusers is missing: `make deps` installs systemd")
        let tmpfiles = try #require(RepositoryFiles.tool("/usr/bin/systemd-tmpfiles", "/bin/systemd-tmpfiles"))
        let root = try TemporaryDirectory("kioskd-sysusers")
        for directory in ["etc", "usr/lib/sysusers.d", "usr/lib/tmpfiles.d", "var/lib"] {
            try FileManager.default.createDirectory(atPath: root.file(directory), withIntermediateDirectories: true)
        }
        for name in ["kioskd.conf", "kiosk-hall.conf"] {
            try FileManager.default.copyItem(atPath: RepositoryFiles.path("systemd/sysusers.d/" + name), toPath: root.file("usr/lib/sysusers.d/" + name))
            try FileManager.default.copyItem(atPath: RepositoryFiles.path("systemd/tmpfiles.d/" + name), toPath: root.file("usr/lib/tmpfiles.d/" + name))
        }
        let users = try await runToCompletion(sysusers, ["--root=\(root.path)", "kioskd.conf", "kiosk-hall.conf"], in: root.path)
        #expect(users.status == 0, "\(users.standardError)")
        let passwd = try String(contentsOfFile: root.file("etc/passwd"), encoding: .utf8)
        let group = try String(contentsOfFile: root.file("etc/group"), encoding: .utf8)
        let kioskd = try #require(passwd.split(separator: "\n").first { $0.hasPrefix("kioskd:") }, "no kioskd in \(passwd)").split(separator: ":", omittingEmptySubsequences: false)
        #expect(Int(kioskd[2])! < 1000, "kioskd must be a system user")
        #expect(kioskd[5] == "/var/lib/kioskd" && kioskd[6] == "/usr/sbin/nologin")
        #expect(passwd.contains("\nkiosk-hall:") || passwd.hasPrefix("kiosk-hall:"))
        #expect(group.split(separator: "\n").contains { $0.hasPrefix("kiosk-tech:") })

        let directories = try await runToCompletion(tmpfiles, ["--root=\(root.path)", "--create", "kioskd.conf", "kiosk-hall.conf"], in: root.path)
        #expect(directories.status == 0, "\(directories.standardError)")
        var info = stat()
        #expect(stat(root.file("var/lib/kioskd"), &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o750)
        #expect(String(info.st_uid) == kioskd[2])
    }
}
