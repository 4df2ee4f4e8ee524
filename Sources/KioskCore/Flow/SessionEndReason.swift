/// Why a session ended, as journaled.
enum SessionEndReason: String {
    case finished
    case timeout
}
