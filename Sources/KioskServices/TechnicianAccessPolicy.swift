#if canImport(Glibc)
import Glibc
#endif

/// Who may use the control socket: root, kioskd's own user, and members of the technician group.
/// The socket file's mode (0660, group = technician group) keeps others out; this check is the
/// second wall, for a socket whose mode was loosened by hand.
package struct TechnicianAccessPolicy: Sendable {
    let groupName: String
    /// nil when the group does not exist on this machine: then only root and kioskd's user get in.
    package let groupID: gid_t?
    let daemonUserID: uid_t

    enum Decision: Sendable, Equatable {
        case allow
        case deny(reason: String)
    }

    /// Looks the group up now. Blocks on NSS (/etc/group): call from a thread that may block.
    package static func resolve(groupName: String) -> TechnicianAccessPolicy {
        TechnicianAccessPolicy(groupName: groupName, groupID: Self.groupID(named: groupName), daemonUserID: getuid())
    }

    /// Blocks on NSS (/etc/passwd, /etc/group): call from a thread that may block. Membership
    /// is looked up on every connection so that a technician added to the group gets in
    /// without restarting kioskd.
    func decide(_ peer: PeerCredentials) -> Decision {
        if peer.uid == 0 || peer.uid == daemonUserID { return .allow }
        let userName = Self.userName(of: peer.uid)
        let who = userName.map { "uid \(peer.uid) (\($0))" } ?? "uid \(peer.uid)"
        guard let groupID else {
            return .deny(reason: "\(who) is not root, and the technician group '\(groupName)' does not exist on this kiosk")
        }
        if peer.gid == groupID { return .allow }
        if let userName, Self.groups(ofUser: userName, primary: peer.gid).contains(groupID) { return .allow }
        return .deny(reason: "\(who) is not root or a member of the technician group '\(groupName)'")
    }

    static func groupID(named name: String) -> gid_t? {
        var group = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16384)
        guard getgrnam_r(name, &group, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return group.gr_gid
    }

    private static func userName(of uid: UInt32) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16384)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return String(cString: entry.pw_name)
    }

    private static func groups(ofUser name: String, primary: gid_t) -> [gid_t] {
        var count: Int32 = 64
        var groups = [gid_t](repeating: 0, count: Int(count))
        if getgrouplist(name, primary, &groups, &count) == -1 {
            // Too small: `count` now holds the size needed.
            groups = [gid_t](repeating: 0, count: Int(count))
            guard getgrouplist(name, primary, &groups, &count) != -1 else { return [] }
        }
        return Array(groups.prefix(Int(count)))
    }
}
