import ArgumentParser
import Foundation
import LeafpressCore

/// `leafpress init`: a new site with site.yml, an example leaflet and a .gitignore; the
/// theme stays built in until `leafpress theme eject` copies files out to change them.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scaffold a new site: content/ with site.yml and an example leaflet, and a .gitignore for the built site.",
        discussion: "DIR is created if it does not exist. A folder that holds anything other than hidden files (such as .git) is refused. No theme is written: the default theme is built into leafpress; to change it, run 'leafpress theme eject' for the files you want to edit.")

    @Argument(help: ArgumentHelp("Folder to create the site in; created if missing.", valueName: "dir"))
    var directory: String

    func validate() throws {
        if directory.isEmpty { throw ValidationError("DIR must not be empty") }
    }

    @OptionGroup var verbosity: VerbosityFlags

    func run() throws {
        let printer = DiagnosticPrinter(verbosity: verbosity.level)
        let written: [String]
        do {
            written = try SiteScaffold.write(directory: directory, today: Day.today())
        } catch {
            printer.print(error.diagnostics)
            throw ExitCode.failure
        }
        guard verbosity.level != .quiet else { return }
        for path in written { print(path) }
        var trimmed = directory
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        let here = trimmed == "." ? "" : "cd \(shellQuoted(trimmed)) && "
        print("""

            created a new site in \(trimmed): content/site.yml and the example leaflet \
            content/leaflets/\(SiteScaffold.exampleSlug)/; the theme is built into leafpress
            next steps:
              \(here)leafpress build
              then open site/index.html in a browser; edit content/site.yml, and add leaflets with
              leafpress new SLUG --title "Title"
              to change the look, copy theme files to templates/ with: leafpress theme eject [FILE...]
            """)
    }
}
