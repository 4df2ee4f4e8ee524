public enum MaintenanceAction: Sendable, Equatable {
    case setOutOfService(Bool)
    case exit
}
