import ArgumentParser
import Foundation
import LeafpressCore

/// `leafpress init`: a new site with site.yml, an example leaflet and the default theme.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scaffold a new site: content/ with site.yml and an example leaflet, and the default theme in templates/.",
        discussion: "DIR is created if it does not exist. A folder that holds anything other than hidden files (such as .git) is refused.")

    @Argument(help: ArgumentHelp("Folder to create the site in; created if missing.", valueName: "dir"))
    var directory: String

    func validate() throws {
        if directory.isEmpty { throw ValidationError("DIR must not be empty") }
    }

    func run() throws {
        let printer = DiagnosticPrinter()
        let written: [String]
        do {
            written = try SiteScaffold.write(directory: directory, today: Day.today())
        } catch {
            printer.print(error.diagnostics)
            throw ExitCode.failure
        }
        for path in written { print(path) }
        var trimmed = directory
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        let here = trimmed == "." ? "" : "cd \(shellQuoted(trimmed)) && "
        print("""

            created a new site in \(trimmed): content/site.yml, the example leaflet \
            content/leaflets/\(SiteScaffold.exampleSlug)/ and the default theme in templates/
            next steps:
              \(here)leafpress build
              then open site/index.html in a browser; edit content/site.yml, and add leaflets with
              leafpress new SLUG --title "Title"
            """)
    }
}
