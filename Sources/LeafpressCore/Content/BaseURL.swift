/// The address a site is published at (`base_url` in site.yml, `--base-url`). It is
/// written into robots.txt, the sitemap, canonical links and QR codes, so it is checked
/// as a URL before anything uses it: http or https, a host, an optional port and path,
/// and nothing that could break out of those files (no query, fragment, user name,
/// spaces, quotes or control characters).
public enum BaseURL {
    /// The normalised URL (scheme and host in lowercase, ending in `/`), or what is wrong.
    public static func validate(_ text: String) -> Result<String, Problem> {
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) else {
            return .failure(Problem("it contains a line break or other control character"))
        }
        guard let colon = text.firstIndex(of: ":") else { return .failure(Problem("it has no scheme")) }
        let scheme = text[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { return .failure(Problem("the scheme must be http or https")) }
        let rest = text[text.index(after: colon)...]
        guard rest.hasPrefix("//") else { return .failure(Problem("it must start with \(scheme)://")) }
        let afterSlashes = rest.dropFirst(2)
        if afterSlashes.contains("?") { return .failure(Problem("it must not have a query ('?')")) }
        if afterSlashes.contains("#") { return .failure(Problem("it must not have a fragment ('#')")) }
        let authority = afterSlashes.prefix { $0 != "/" }
        let path = afterSlashes.dropFirst(authority.count)
        if authority.contains("@") { return .failure(Problem("it must not contain a user name ('@')")) }
        guard let host = checkedAuthority(String(authority)) else { return .failure(Problem("'\(authority)' is not a valid host name or port")) }
        guard path.unicodeScalars.allSatisfy(isPathCharacter) else {
            return .failure(Problem("the path may only use letters, digits, '-._~!$&'()*+,;=:@/' and %-escapes"))
        }
        guard percentEscapesAreWhole(path) else { return .failure(Problem("a '%' in the path must start an escape such as %20")) }
        var url = "\(scheme)://\(host)\(path)"
        if !url.hasSuffix("/") { url += "/" }
        return .success(url)
    }

    /// Why a base URL was refused, for the message.
    public struct Problem: Error, Equatable, Sendable {
        public let reason: String
        init(_ reason: String) { self.reason = reason }

        /// The whole message, naming the setting (`'base_url'` or `--base-url`).
        public func message(for setting: String) -> String {
            "\(setting) must be an absolute http(s) URL such as https://leaflets.example.org/ with no query or fragment: \(reason)"
        }
    }

    /// `host[:port]` in lowercase, or nil. Hosts are DNS names (letters, digits, hyphens
    /// and dots, or IDN already in `xn--` form), IPv4 addresses or bracketed IPv6.
    private static func checkedAuthority(_ authority: String) -> String? {
        var host = Substring(authority)
        var port: Substring?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let inside = host[host.index(after: host.startIndex)..<close]
            guard !inside.isEmpty, inside.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return nil }
            let after = host[host.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return nil }
                port = after.dropFirst()
            }
            host = host[...close]
        } else if let colon = host.firstIndex(of: ":") {
            port = host[host.index(after: colon)...]
            host = host[..<colon]
        }
        if let port {
            guard !port.isEmpty, port.count <= 5, port.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(port), (1...65535).contains(number) else { return nil }
        }
        if !host.hasPrefix("[") {
            let labels = host.split(separator: ".", omittingEmptySubsequences: false)
            guard !host.isEmpty, host.count <= 253, labels.allSatisfy({ label in
                (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                    && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }) else { return nil }
        }
        return host.lowercased() + (port.map { ":" + $0 } ?? "")
    }

    private static func isPathCharacter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return false }
        let c = Character(scalar)
        return c.isLetter || c.isNumber || "-._~!$&'()*+,;=:@/%".contains(c)
    }

    private static func percentEscapesAreWhole(_ path: Substring) -> Bool {
        var index = path.startIndex
        while let percent = path[index...].firstIndex(of: "%") {
            let hex = path[path.index(after: percent)...].prefix(2)
            guard hex.count == 2, hex.allSatisfy(\.isHexDigit) else { return false }
            index = path.index(percent, offsetBy: 3)
        }
        return true
    }
}
