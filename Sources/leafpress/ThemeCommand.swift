import ArgumentParser
import Foundation
import LeafpressCore

/// `leafpress theme`: the built-in theme and the site's overrides of it.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Copy built-in theme files into templates/ to change them, or list them.",
        discussion: """
            The default theme is built into leafpress. Each file in the site's templates/ folder \
            replaces the built-in file of the same path (a partial, the stylesheet, an i18n file); \
            every other file still comes from leafpress, so theme fixes in new releases reach the site.
            """,
        subcommands: [Eject.self, List.self])

    /// `leafpress theme eject [FILE…]`.
    struct Eject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy built-in theme files into templates/ for customising; never overwrites.",
            discussion: "With no FILE, copies the whole theme. A FILE may be a folder of the theme, such as partials or i18n. Files already in templates/ are kept as they are.")

        @Argument(help: ArgumentHelp("Theme files or folders to copy, e.g. partials/footer.mustache static/style.css (default: all).", valueName: "file"))
        var files: [String] = []

        @OptionGroup var paths: SitePaths
        @OptionGroup var verbosity: VerbosityFlags

        func run() throws {
            let printer = DiagnosticPrinter(verbosity: verbosity.level)
            let location = paths.resolved()
            location.announce(printer)
            let result: ThemeEjector.Result
            do {
                result = try ThemeEjector.eject(try ThemeEjector.select(files), into: location.templates)
            } catch {
                printer.print(error.diagnostics)
                throw ExitCode.failure
            }
            if verbosity.level != .quiet { for path in result.written { print(path) } }
            for path in result.kept { printer.warning("\(path) already exists; kept it as it is") }
            printer.note("copied \(result.written.count) theme file\(result.written.count == 1 ? "" : "s") into \(location.templates)/; each one now replaces the built-in file of the same path")
        }
    }

    /// `leafpress theme list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the built-in theme's files and which ones templates/ replaces.")

        @OptionGroup var paths: SitePaths

        func run() throws {
            let location = paths.resolved()
            location.announce(DiagnosticPrinter())
            var diagnostics: [Diagnostic] = []
            let theme = Theme.load(overrides: location.templates, required: location.templatesGiven, diagnostics: &diagnostics)
            DiagnosticPrinter().print(diagnostics)
            guard let theme else { throw ExitCode.failure }
            for path in ThemeEjector.themePaths {
                let replaced = theme.files[path]?.isOverride == true
                print(replaced ? "\(path)  (replaced by \(theme.files[path]!.displayPath))" : path)
            }
            for file in theme.overrides where !ThemeEjector.themePaths.contains(file.path) {
                print("\(file.path)  (added by \(file.displayPath))")
            }
        }
    }
}
