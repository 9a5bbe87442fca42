import ArgumentParser
import Foundation
import LeafpressCore

/// `leafpress new`: a leaflet folder with the standard care sections to fill in.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scaffold a new leaflet with the standard care sections.",
        discussion: """
            Writes <content>/leaflets/SLUG/leaflet.yml and one Markdown file per care section, \
            each with a guiding comment and placeholder text starting 'Replace this'. \
            Never overwrites an existing leaflet.
            """)

    @Argument(help: "Folder name of the leaflet: lowercase letters, digits and single hyphens, e.g. knee-replacement.")
    var slug: String

    @Option(name: .long, help: "Title of the leaflet, e.g. \"Knee Replacement\".")
    var title: String

    @Option(name: .long, help: "Care setting shown with the title, e.g. \"Day Surgery\".")
    var setting: String?

    @Option(name: .long, help: "Category that groups leaflets on the index.")
    var category: String?

    @Option(name: .long, help: ArgumentHelp("Content folder with site.yml and leaflets/ (default: content/ of the site the current folder is in).", valueName: "dir"))
    var content: String?

    @OptionGroup var verbosity: VerbosityFlags

    func validate() throws {
        if let problem = LeafletScaffold.slugProblem(slug) { throw ValidationError(problem) }
        for (flag, value) in [("--title", Optional(title)), ("--setting", setting), ("--category", category)] {
            if let value, let problem = LeafletScaffold.textProblem(value) { throw ValidationError("\(flag) \(problem)") }
        }
    }

    func run() throws {
        let printer = DiagnosticPrinter(verbosity: verbosity.level)
        let location = SiteLocation(content: content, templates: nil)
        location.announce(printer)
        let written: [String]
        do {
            written = try LeafletScaffold.write(slug: slug, title: title, setting: setting, category: category,
                                                content: location.content, today: Day.today())
        } catch {
            printer.print(error.diagnostics)
            throw ExitCode.failure
        }
        if verbosity.level != .quiet { for path in written { print(path) } }
        let build = content.map { "leafpress build --content \(shellQuoted($0))" } ?? "leafpress build"
        if verbosity.level != .quiet { print("created leaflet '\(slug)' with \(written.count - 1) sections; replace the 'Replace this' placeholders, then run '\(build)'") }
    }
}

/// `text` as one shell word, quoted only when it needs to be.
func shellQuoted(_ text: String) -> String {
    let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./+:@%,=")
    if !text.isEmpty, text.allSatisfy({ safe.contains($0) }) { return text }
    return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
