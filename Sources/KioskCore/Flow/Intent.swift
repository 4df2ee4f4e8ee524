/// What a tap meant. KioskUI resolves a touch on the current screen to one of these.
public enum Intent: Sendable, Equatable {
    /// Anywhere on the attract screen (not a corner): start.
    case wake
    case service(String)
    case takeTicket
    case printForm
    case checkIn
    case progressInquiry
    case help
    case digit(Int)
    case deleteDigit
    case submit
    /// 1 very dissatisfied ... 5 very satisfied.
    case rating(Int)
    case dissatisfactionReason(DissatisfactionReason)
    case skipRating
    case complaintTopic(ComplaintTopic)
    case continueSession
    case back
    case home
    /// "I am done": goes to the rating, then ends the session.
    case finish
    case language(Language)
    case elderlyMode(Bool)
    /// A tap in one of the screen's corners (the hidden maintenance gesture on the attract screen).
    case corner(ScreenCorner)
    case maintenance(MaintenanceAction)
}

public enum ScreenCorner: Sendable, Equatable {
    case topLeft, topRight, bottomRight, bottomLeft
}

public enum MaintenanceAction: Sendable, Equatable {
    case setOutOfService(Bool)
    case exit
}

/// Why a citizen was dissatisfied; journaled with the rating.
public enum DissatisfactionReason: String, Sendable, Equatable, CaseIterable {
    case couldNotGetItDone = "could_not_get_it_done"
    case hardToUse = "hard_to_use"
    case deviceFault = "device_fault"
    case informationWrong = "information_wrong"
    case other
}

/// What a complaint is about; journaled as `topic`.
public enum ComplaintTopic: String, Sendable, Equatable, CaseIterable {
    /// 办不成事.
    case couldNotGetItDone = "could_not_get_it_done"
    case deviceProblem = "device_problem"
    case serviceAttitude = "service_attitude"
    case waitingTime = "waiting_time"
    case other
}
