/// A list a section iterates (`{{#leaflet.sections}}…{{/leaflet.sections}}`). A protocol
/// rather than `[MustacheValue]`, so a page model's `[Section]` is handed over as it is
/// instead of being copied into a new array on every lookup.
public protocol MustacheList {
    var count: Int { get }
    func mustacheValue(at index: Int) -> MustacheValue
}

extension Array: MustacheList where Element: MustacheConvertible {
    public func mustacheValue(at index: Int) -> MustacheValue { self[index].mustacheValue }
}

extension Array: MustacheConvertible where Element: MustacheConvertible {
    public var mustacheValue: MustacheValue { .list(self) }
}
