import Foundation

/// The theme's Mustache templates, compiled once per build and shared by every page.
public struct TemplateSet: Sendable {
    /// The theme the templates came from (built-in files and overrides).
    public let theme: Theme
    let library: MustacheLibrary
    /// Template name (`partials/footer`) to the names it includes or inherits from.
    let references: [String: [String]]
    /// Templates whose own text opens a `<footer>`.
    let footerTemplates: Set<String>

    /// Compiles every `*.mustache` of `theme` (subfolders give names like `partials/footer`).
    public static func load(theme: Theme) throws(BuildFailure) -> TemplateSet {
        var library = MustacheLibrary()
        var references: [String: [String]] = [:]
        var footerTemplates: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for relative in theme.templatePaths {
            let name = String(relative.dropLast(".mustache".count))
            let path = theme.files[relative]?.displayPath ?? relative
            switch theme.text(of: relative) {
            case .failure(let diagnostic)?:
                diagnostics.append(diagnostic)
            case nil:
                continue
            case .success(let text)?:
                do throws(MustacheSyntaxError) {
                    try library.register(MustacheTemplate(text), named: name)
                    references[name] = TemplateReferences.names(in: text)
                    if text.contains("<footer") { footerTemplates.insert(name) }
                } catch {
                    diagnostics.append(.error("template syntax: \(error.message)",
                                              at: SourceLocation(path: path, line: error.line, column: error.column), rule: .template))
                }
            }
        }
        if diagnostics.hasErrors { throw BuildFailure(diagnostics: diagnostics) }
        return TemplateSet(theme: theme, library: library, references: references, footerTemplates: footerTemplates)
    }

    /// The built-in theme overlaid with the templates under `directory`, which must exist.
    public static func load(from directory: String) throws(BuildFailure) -> TemplateSet {
        var diagnostics: [Diagnostic] = []
        guard let theme = Theme.load(overrides: directory, required: true, diagnostics: &diagnostics) else {
            throw BuildFailure(diagnostics: diagnostics)
        }
        return try load(theme: theme)
    }

    /// True when the theme has a template of that name.
    public func has(_ name: String) -> Bool { references[name] != nil }

    /// Path of a template file, for messages: the override, or the built-in file.
    public func path(of name: String) -> String {
        theme.files[name + ".mustache"]?.displayPath ?? (theme.directory as NSString).appendingPathComponent(name + ".mustache")
    }

    /// The file that renders the page footer of template `name`: the first template,
    /// following includes and inheritance breadth-first from `name`, whose text opens a
    /// `<footer>`. When none does, the first template of that chain the site overrides
    /// (the change that lost the footer), or else `name` itself.
    public func footerPath(for name: String) -> String {
        var queue = [name]
        var seen: Set<String> = [name]
        var index = 0
        while index < queue.count {
            let current = queue[index]
            index += 1
            if footerTemplates.contains(current) { return path(of: current) }
            for next in references[current] ?? [] where !seen.contains(next) {
                seen.insert(next)
                queue.append(next)
            }
        }
        let overridden = queue.first { theme.files[$0 + ".mustache"]?.isOverride == true }
        return path(of: overridden ?? name)
    }

    /// Renders `name` with a page model (`LeafletPage`, `IndexPage`, `NotFoundPage`,
    /// `PrintStyle`); variables are HTML-escaped unless written `{{{raw}}}`.
    func render(_ name: String, _ page: some MustacheObject) -> String {
        library.render(page, withTemplate: name) ?? ""
    }
}
