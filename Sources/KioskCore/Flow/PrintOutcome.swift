/// The result of one print job.
public enum PrintOutcome: Sendable, Equatable {
    case printed
    case failed(PrinterState)
}
