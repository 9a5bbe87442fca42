import Foundation
import Mustache

/// The theme's Mustache templates, compiled once per build and shared by every page.
public struct TemplateSet: Sendable {
    /// Folder the templates came from, as the user gave it.
    public let directory: String
    let library: MustacheLibrary
    let names: Set<String>

    /// Templates every theme must have.
    static let required = ["index", "leaflet", "404"]

    /// Compiles every `*.mustache` under `directory` (subfolders give `partials/footer`).
    public static func load(from directory: String) throws(BuildFailure) -> TemplateSet {
        let folder = SourceFolder(directory, noun: "templates folder")
        guard folder.exists else {
            throw BuildFailure(.error("templates folder not found", at: SourceLocation(path: directory), rule: .templates))
        }
        var library = MustacheLibrary()
        var names: Set<String> = []
        var diagnostics: [Diagnostic] = []
        // Every file is read through the folder: a partial that is a link out of it, a
        // loop or a FIFO is a located error, never followed or waited on.
        let files = folder.files(under: "", diagnostics: &diagnostics).filter { $0.hasSuffix(".mustache") }
        for relative in files {
            let path = (directory as NSString).appendingPathComponent(relative)
            let name = String(relative.dropLast(".mustache".count))
            switch folder.text(relative) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            case .success(let text):
                do {
                    try library.register(MustacheTemplate(string: text), named: name)
                    names.insert(name)
                } catch let error as MustacheTemplate.ParserError {
                    diagnostics.append(.error("template syntax: \(describe(error.error))",
                                              at: SourceLocation(path: path, line: error.context.lineNumber, column: max(1, error.context.columnNumber)),
                                              rule: .template))
                } catch {
                    diagnostics.append(.error("template syntax: \(error)", at: SourceLocation(path: path), rule: .template))
                }
            }
        }
        for name in required where !names.contains(name) {
            diagnostics.append(.error("missing template '\(name).mustache'", at: SourceLocation(path: directory), rule: .templates))
        }
        if diagnostics.hasErrors { throw BuildFailure(diagnostics: diagnostics) }
        return TemplateSet(directory: directory, library: library, names: names)
    }

    /// True when the theme has a template of that name.
    public func has(_ name: String) -> Bool { names.contains(name) }

    /// Path of a template file, for messages.
    public func path(of name: String) -> String {
        (directory as NSString).appendingPathComponent(name + ".mustache")
    }

    /// Renders `name` with a page model (`LeafletPage`, `IndexPage`, `NotFoundPage`,
    /// `PrintStyle`); variables are HTML-escaped unless written `{{{raw}}}`.
    func render(_ name: String, _ context: Any) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "section closed with a different name than it was opened with"
        case .unfinishedName?: return "tag is not closed with '}}'"
        case .expectedSectionEnd?: return "section is never closed"
        case .invalidSetDelimiter?: return "badly formed set-delimiter tag"
        case .transformAppliedToInheritanceSection?: return "a transform cannot be applied to an inherited section"
        case .illegalTokenInsideInheritSection?: return "only block overrides are allowed inside a parent tag"
        case .textInsideInheritSection?: return "only block overrides are allowed inside a parent tag"
        case .invalidConfigVariableSyntax?: return "badly formed pragma"
        case .unrecognisedConfigVariable?: return "unknown pragma"
        case nil: return "\(error)"
        }
    }
}
