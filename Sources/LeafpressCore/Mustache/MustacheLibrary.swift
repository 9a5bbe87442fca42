/// Named compiled templates that include each other (`{{>partials/footer}}`,
/// `{{<base}}`): a theme.
public struct MustacheLibrary: Sendable {
    private var templates: [String: MustacheTemplate] = [:]

    public init() {}

    public mutating func register(_ template: MustacheTemplate, named name: String) {
        templates[name] = template
    }

    public func template(named name: String) -> MustacheTemplate? { templates[name] }

    /// Renders template `name` with `value` as the context; nil when there is no such
    /// template. Partials and parents the theme lacks render as nothing, as the spec says.
    public func render(_ value: some MustacheConvertible, withTemplate name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var renderer = MustacheRenderer(library: self, context: value.mustacheValue)
        renderer.render(template.nodes)
        return renderer.result
    }
}
