/// The level of each rule for this site: the catalog's default, changed by `site.yml`
/// `rules:` (`passive-voice: off`, `review-overdue: error`) and by `--strict`.
public struct RuleLevels: Sendable, Equatable {
    /// What a rule's findings become.
    public enum Level: String, Sendable, CaseIterable {
        case off, warning, error
    }

    /// Levels set in `site.yml`; rules not listed keep their default.
    public var levels: [Rule: Level] = [:]

    public init(_ levels: [Rule: Level] = [:]) {
        self.levels = levels
    }

    /// The level findings of `rule` get on this site.
    public func level(of rule: Rule) -> Level {
        levels[rule] ?? (rule.defaultLevel == .error ? .error : .warning)
    }

    /// Reads `rules:`: each key a rule id, each value off, warning or error. An unknown
    /// id (with "did you mean"), an unknown level, or lowering a rule that is an error by
    /// default is an `unknown-rule` error at the key or value.
    static func load(_ fields: YAMLFields, diagnostics: inout [Diagnostic]) -> RuleLevels {
        var result = RuleLevels()
        let ids = Rule.allCases.map(\.id)
        for key in fields.keys {
            guard let rule = Rule(id: key) else {
                var message = "unknown rule '\(key)' in 'rules'"
                if let near = Suggestion.nearest(to: key, in: ids) { message += "; did you mean '\(near)'?" }
                diagnostics.append(Diagnostic(.unknownRule, message + " (the README lists every rule)", at: fields.location(of: key)))
                continue
            }
            guard let text = fields.string(key, diagnostics: &diagnostics) else {
                diagnostics.append(Diagnostic(.unknownRule, "rule '\(key)' needs a level: off, warning or error", at: fields.location(of: key)))
                continue
            }
            guard let level = Level(rawValue: text.lowercased()) else {
                diagnostics.append(Diagnostic(.unknownRule, "level of '\(key)' must be off, warning or error, got '\(text)'", at: fields.valueLocation(of: key)))
                continue
            }
            if level != .error, !rule.canBeLowered {
                diagnostics.append(Diagnostic(.unknownRule, "rule '\(key)' finds content that would be published wrong, so it is always an error and cannot be set to \(level.rawValue)",
                                              at: fields.valueLocation(of: key)))
                continue
            }
            result.levels[rule] = level
        }
        return result
    }

    /// `diagnostics` at this site's levels: findings of rules set `off` are left out, the
    /// others take their rule's level; with `strict` every remaining warning is an error.
    /// Applying it twice gives the same result.
    public func apply(_ diagnostics: [Diagnostic], strict: Bool = false) -> [Diagnostic] {
        diagnostics.compactMap { diagnostic in
            var diagnostic = diagnostic
            if let rule = diagnostic.rule, let level = levels[rule] {
                switch level {
                case .off: return nil
                case .warning: diagnostic.severity = .warning
                case .error: diagnostic.severity = .error
                }
            }
            if strict { diagnostic.severity = .error }
            return diagnostic
        }
    }
}
