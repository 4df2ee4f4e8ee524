/// Why a citizen was dissatisfied; journaled with the rating.
public enum DissatisfactionReason: String, Sendable, Equatable, CaseIterable {
    case couldNotGetItDone = "could_not_get_it_done"
    case hardToUse = "hard_to_use"
    case deviceFault = "device_fault"
    case informationWrong = "information_wrong"
    case other
}
