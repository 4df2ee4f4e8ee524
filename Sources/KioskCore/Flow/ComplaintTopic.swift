/// What a complaint is about; journaled as `topic`.
public enum ComplaintTopic: String, Sendable, Equatable, CaseIterable {
    /// 办不成事.
    case couldNotGetItDone = "could_not_get_it_done"
    case deviceProblem = "device_problem"
    case serviceAttitude = "service_attitude"
    case waitingTime = "waiting_time"
    case other
}
