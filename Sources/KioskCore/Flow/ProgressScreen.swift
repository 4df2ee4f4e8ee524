public enum ProgressScreen: Sendable, Equatable {
    case found(caseNumber: String, status: String, nextStep: String)
    case notFound(caseNumber: String)
    /// The hall cannot be reached: says so and what to do.
    case offline
}
