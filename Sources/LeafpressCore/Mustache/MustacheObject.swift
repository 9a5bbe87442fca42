/// A value with named children: the page models, `[String: String]` interface strings,
/// JSON objects. Templates look keys up with `{{key}}` and `{{a.b}}`.
public protocol MustacheObject: MustacheConvertible {
    /// The child called `key`, or nil when there is none, so the lookup goes on to the
    /// enclosing contexts (the Mustache context stack). Keys are the names written in the
    /// template, parsed once, so looking one up allocates nothing.
    func mustacheValue(forKey key: String) -> MustacheValue?
}

extension MustacheObject {
    public var mustacheValue: MustacheValue { .object(self) }
}

extension Dictionary: MustacheConvertible, MustacheObject where Key == String, Value: MustacheConvertible {
    public func mustacheValue(forKey key: String) -> MustacheValue? { self[key]?.mustacheValue }
}
