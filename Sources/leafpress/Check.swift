import ArgumentParser
import Foundation
import LeafpressCore

/// `leafpress check`: every validation rule and the health-literacy report, written to
/// standard output; nothing is written to disk. Exit 1 when any finding is an error.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and report problems and readability, without writing the site.",
        discussion: "Findings print as path:line:col: severity: message [rule], grouped by file, followed by a table of each leaflet's reading grade. Exit status: 0 no errors, 1 errors (with --strict, any finding), 2 usage errors.")

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case human, json, github
    }

    @OptionGroup var paths: SitePaths
    @OptionGroup var verbosity: VerbosityFlags

    @Flag(name: .long, help: "Also check leaflets marked 'draft: true'.")
    var drafts = false

    @Option(name: .long, help: ArgumentHelp("Reference date for the review checks (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var today: String?

    @Option(name: .long, help: "Output format: human, json, or github (GitHub Actions annotations).")
    var format: Format = .human

    @Flag(name: .long, help: "Count warnings as errors.")
    var strict = false

    @Option(name: .long, help: "Worker threads (default: one per core).")
    var jobs: Int?

    func validate() throws {
        if let jobs, !(1...1024).contains(jobs) { throw ValidationError("--jobs must be from 1 to 1024") }
        if let today, Day(today) == nil { throw ValidationError("--today must be a date written YYYY-MM-DD, got '\(today)'") }
    }

    func run() throws {
        let printer = DiagnosticPrinter(verbosity: verbosity.level)
        let location = paths.resolved()
        location.announce(printer)
        location.describeTheme(printer)
        var options = location.options()
        options.includeDrafts = drafts
        options.today = today.flatMap(Day.init) ?? Day.today()
        if let jobs { options.jobs = jobs }
        let report = ContentCheck(options: options, strict: strict).run()
        switch format {
        case .human where verbosity.quiet:
            // Errors only, one per line, and nothing at all when there are none.
            let errors = report.diagnostics.filter { $0.severity == .error || strict }
            write(Data(errors.map { $0.description + "\n" }.joined().utf8))
        case .human:
            write(Data(CheckReportText(colour: Self.useColour()).render(report).utf8))
        case .json:
            write(try report.jsonData() + Data("\n".utf8))
        case .github:
            write(Data(GitHubAnnotations.render(report).utf8))
        }
        if report.hasErrors { throw ExitCode.failure }
    }

    private func write(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }

    /// Colours on a terminal only, unless `NO_COLOR` is set (https://no-color.org) or TERM is dumb.
    static func useColour() -> Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) != 0
    }
}
