/// The version of kioskd, kioskctl and the journal format they write, shown by `kioskctl status`
/// and sent to the hall with every start.
public enum KioskVersion {
    public static let current = "0.1.0"
}
