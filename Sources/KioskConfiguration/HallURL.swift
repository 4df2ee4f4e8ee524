/// Checks the shape of the hall URL without a network: scheme, host, optional port, no query.
enum HallURL {
    /// A problem description, or nil when `value` is an acceptable hall URL.
    static func problem(with value: String) -> String? {
        let expected = "expected an http:// or https:// URL like \"https://hall.example.gov.cn:8443\", got '\(value)'"
        let lowered = value.lowercased()
        let rest: Substring
        if lowered.hasPrefix("https://") {
            rest = value.dropFirst("https://".count)
        } else if lowered.hasPrefix("http://") {
            rest = value.dropFirst("http://".count)
        } else {
            return expected
        }
        let authority = rest.prefix(while: { $0 != "/" })
        guard !authority.isEmpty, !value.contains(where: { $0 == " " || $0 == "?" || $0 == "#" || $0.isNewline }) else {
            return expected
        }
        let hostAndPort = authority.split(separator: ":", omittingEmptySubsequences: false)
        if hostAndPort.count == 2 {
            guard let port = Int(hostAndPort[1]), (1...65535).contains(port) else {
                return "has a bad port in '\(value)'; use a number from 1 to 65535"
            }
        } else if hostAndPort.count > 2 && !authority.hasPrefix("[") {
            return expected
        }
        return hostAndPort[0].isEmpty ? expected : nil
    }
}
