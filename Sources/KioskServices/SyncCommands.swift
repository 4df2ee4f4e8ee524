import ControlProtocol
import HallSync

/// The control socket's "sync.status" and "sync.now".
enum SyncCommands {
    static func answer(_ command: ControlCommand, sync: HallSyncService?, hallURL: String) async -> ControlResponse {
        guard let sync else {
            return ControlResponse(ok: true, sync: SyncStatus(enabled: false, hallURL: hallURL, state: "disabled"))
        }
        if command == .syncNow {
            return ControlResponse(ok: true, sync: await sync.syncNow())
        }
        return ControlResponse(ok: true, sync: await sync.status())
    }
}
