/// A one-time notification form (一次性告知单): one sheet listing every material and step of an
/// integrated service, printed at the kiosk. `id` is what `form.printed` journals.
public struct NotificationForm: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    /// Departments whose items the form brings together.
    public var departments: [String]

    public init(id: String, title: String, departments: [String]) {
        self.id = id
        self.title = title
        self.departments = departments
    }
}
