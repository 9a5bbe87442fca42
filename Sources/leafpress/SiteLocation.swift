import Foundation
import LeafpressCore

/// The folders a command works on. Without `--content`, the site is the nearest folder
/// from the current one upward that holds `content/site.yml`, so commands work from any
/// folder inside a site (a leaflet's folder, for instance); its `templates/` and `site/`
/// are then used too. Paths stay relative to the current folder, so the locations in
/// messages open from where the command was run.
struct SiteLocation {
    /// The site folder relative to the current folder (`.` when it is the current folder
    /// or when `--content` was given).
    var root: String
    var content: String
    var templates: String
    /// True when `--templates` was given, so the folder must exist.
    var templatesGiven: Bool

    init(content: String?, templates: String?, from directory: String = FileManager.default.currentDirectoryPath) {
        if let content {
            root = "."
            self.content = content
        } else {
            root = SiteRoot.find(from: directory) ?? "."
            self.content = SiteRoot.path("content", in: root)
        }
        self.templates = templates ?? SiteRoot.path("templates", in: root)
        templatesGiven = templates != nil
    }

    /// The output folder: the one given, or `site/` in the site folder.
    func output(_ given: String?) -> String {
        given ?? SiteRoot.path("site", in: root)
    }

    /// Build options with the content and theme folders set.
    func options() -> BuildOptions {
        var options = BuildOptions()
        options.contentDirectory = content
        options.templatesDirectory = templates
        options.templatesRequired = templatesGiven
        return options
    }

    /// Says which site is used when it is not the current folder (and, with `--verbose`,
    /// always), so a command run deep inside a site never works on a surprise.
    func announce(_ printer: DiagnosticPrinter) {
        if root != "." {
            printer.note("using the site in \(PathSafety.absolute(root)) (\(root))")
        } else {
            printer.detail("using the content in \(PathSafety.absolute(content)) (\(content))")
        }
    }

    /// With `--verbose`: which theme files come from the templates folder.
    func describeTheme(_ printer: DiagnosticPrinter) {
        guard printer.verbosity == .verbose else { return }
        var diagnostics: [Diagnostic] = []
        guard let theme = Theme.load(overrides: templates, required: templatesGiven, diagnostics: &diagnostics) else { return }
        let overrides = theme.overrides
        if overrides.isEmpty {
            printer.detail("theme: the built-in theme (no files in \(templates)/)")
        } else {
            printer.detail("theme: the built-in theme with \(overrides.count) file\(overrides.count == 1 ? "" : "s") from \(templates)/:")
            for file in overrides { printer.detail("  \(file.displayPath)") }
        }
    }
}
