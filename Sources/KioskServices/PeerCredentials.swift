/// The connecting process's identity as the kernel saw it at connect(2): Linux `struct ucred`
/// (pid_t, uid_t, gid_t), read with getsockopt(SO_PEERCRED). Same layout, so it can be read
/// straight into this struct; a peer cannot forge it.
struct PeerCredentials: Sendable, Equatable {
    var pid: Int32
    var uid: UInt32
    var gid: UInt32

    init(pid: Int32 = 0, uid: UInt32 = 0, gid: UInt32 = 0) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }
}
