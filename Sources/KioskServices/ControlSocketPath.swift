#if canImport(Glibc)
import Glibc
#endif
import ControlProtocol

/// Getting the control socket's path ready before bind(2), and its permissions right after.
enum ControlSocketPath {
    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    /// Creates the parent directory if needed and removes a stale socket left by a kioskd that
    /// died. Throws if another kioskd answers on the path, or the path is something else.
    static func prepare(_ path: String) throws {
        let parent = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        if !parent.isEmpty, access(parent, F_OK) != 0 {
            guard mkdir(parent, 0o755) == 0 || errno == EEXIST else {
                throw SetupError(description: "Unable to create '\(parent)' for the control socket: \(String(cString: strerror(errno))).")
            }
        }
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFSOCK else {
            throw SetupError(description: "'\(path)' exists and is not a socket; remove it or set control_socket to another path.")
        }
        do {
            _ = try ControlClient(socketPath: path, timeoutSeconds: 2).send(.status)
            throw SetupError(description: "Another kioskd is already serving '\(path)'; stop it first ('systemctl stop kioskd').")
        } catch let error as SetupError {
            throw error
        } catch {
            // Nothing answers: a stale socket from a kioskd that did not shut down cleanly.
            unlink(path)
        }
    }

    /// Mode 0660 and the technician group, so that only root, kioskd's user and technicians can
    /// connect at all. Returns a warning when the group could not be set.
    static func restrict(_ path: String, groupID: gid_t?) throws -> String? {
        guard chmod(path, 0o660) == 0 else {
            throw SetupError(description: "Unable to set mode 0660 on '\(path)': \(String(cString: strerror(errno))).")
        }
        guard let groupID else { return nil }
        if chown(path, uid_t.max, groupID) != 0 {
            return "Unable to give '\(path)' to the technician group (\(String(cString: strerror(errno)))); only root and kioskd's user can connect"
        }
        return nil
    }
}
