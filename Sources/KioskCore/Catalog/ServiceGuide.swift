/// What a citizen must know before coming: the materials, the steps, how long it takes, what it
/// costs. An integrated service (一件事一次办) also has a one-time notification form to print.
public struct ServiceGuide: Codable, Sendable, Equatable {
    public var materials: [String]
    public var steps: [String]
    /// e.g. "承诺时限 5 个工作日".
    public var timeLimit: String
    /// e.g. "不收费".
    public var fees: String
    /// The one-time notification form (一次性告知单), for integrated services only.
    public var form: NotificationForm?

    public init(materials: [String], steps: [String], timeLimit: String, fees: String, form: NotificationForm? = nil) {
        self.materials = materials
        self.steps = steps
        self.timeLimit = timeLimit
        self.fees = fees
        self.form = form
    }
}
