/// A document to print, with the id its `FlowEvent.printed` answer will carry.
public struct PrintJob: Sendable, Equatable {
    public var id: RequestID
    public var document: PrintDocument

    public init(id: RequestID, document: PrintDocument) {
        self.id = id
        self.document = document
    }
}
