/// A one-time notification form: every material and step of an integrated service on one sheet.
public struct FormSheet: Sendable, Equatable {
    public var formID: String
    public var title: String
    public var serviceName: String
    public var departments: [String]
    public var materials: [String]
    public var steps: [String]
    public var timeLimit: String
    public var fees: String
    public var location: String
    public var hotline: String
    public var printedAt: String

    public init(formID: String, title: String, serviceName: String, departments: [String], materials: [String], steps: [String], timeLimit: String, fees: String, location: String, hotline: String, printedAt: String) {
        self.formID = formID
        self.title = title
        self.serviceName = serviceName
        self.departments = departments
        self.materials = materials
        self.steps = steps
        self.timeLimit = timeLimit
        self.fees = fees
        self.location = location
        self.hotline = hotline
        self.printedAt = printedAt
    }
}
