/// One finding about the content or templates, printed in the compiler format
/// `path:line:col: error: message [rule]`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad a finding is: errors stop a build, warnings do not.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    /// The rule that produced the finding (printed as its id, e.g. `unknown-kind`).
    public var rule: Rule?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, rule: Rule? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.rule = rule
    }

    /// A finding at its rule's default level (`Rule.defaultLevel`).
    public init(_ rule: Rule, _ message: String, at location: SourceLocation?) {
        self.init(rule.defaultLevel, message, at: location, rule: rule)
    }

    public static func error(_ message: String, at location: SourceLocation?, rule: Rule? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, rule: rule)
    }

    public static func warning(_ message: String, at location: SourceLocation?, rule: Rule? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, rule: rule)
    }

    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(SourceLocation.escaped(message))"
        if let rule { text += " [\(rule)]" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// True when any finding is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Findings in file, line and column order, so output never depends on scheduling.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            if la != lb {
                guard let la else { return true }
                guard let lb else { return false }
                return la < lb
            }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// A single finding can be thrown or carried in a `Result`.
extension Diagnostic: Error {}
