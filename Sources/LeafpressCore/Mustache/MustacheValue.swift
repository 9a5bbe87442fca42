/// A value a template sees: the typed form every page model, list and JSON value maps
/// onto, so rendering switches over a few cases instead of casting `Any` at each lookup.
public enum MustacheValue {
    /// Found, but empty: falsy in sections, nothing when interpolated, and (unlike a
    /// missing key) it stops the lookup going on to enclosing contexts.
    case null
    /// A section renders its body once without pushing a context; interpolates as
    /// `true` or `false`.
    case bool(Bool)
    case int(Int)
    case double(Double)
    /// Always truthy, even when empty (the theme relies on this for optional strings
    /// written `{{#key}}…{{/key}}`: an absent value is a missing key, not an empty string).
    case string(String)
    /// A section renders its body once per element; an empty list is falsy.
    case list(any MustacheList)
    /// Something with named children (`{{leaflet.title}}`).
    case object(any MustacheObject)

    /// `.string`, or nil (a missing key) for nil, so optional model fields read
    /// `case "setting": .init(setting)`.
    public init?(_ value: String?) {
        guard let value else { return nil }
        self = .string(value)
    }

    /// `.int`, or nil (a missing key) for nil.
    public init?(_ value: Int?) {
        guard let value else { return nil }
        self = .int(value)
    }

    /// `.object`, or nil (a missing key) for nil.
    public init?(_ value: (some MustacheObject)?) {
        guard let value else { return nil }
        self = .object(value)
    }

    /// Whether a section shows its body (an inverted section shows it when false).
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .list(let list): list.count > 0
        case .int, .double, .string, .object: true
        }
    }
}

/// A type whose values templates can see.
public protocol MustacheConvertible {
    var mustacheValue: MustacheValue { get }
}

extension MustacheValue: MustacheConvertible {
    public var mustacheValue: MustacheValue { self }
}

extension String: MustacheConvertible {
    public var mustacheValue: MustacheValue { .string(self) }
}

extension Bool: MustacheConvertible {
    public var mustacheValue: MustacheValue { .bool(self) }
}

extension Int: MustacheConvertible {
    public var mustacheValue: MustacheValue { .int(self) }
}
