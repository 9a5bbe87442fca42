import ArgumentParser
import Foundation
import LeafpressCore

/// `leafpress build`: the whole site into the output folder, or nothing at all.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var paths: SitePaths
    @OptionGroup var site: SiteFlags
    @OptionGroup var verbosity: VerbosityFlags

    @Flag(name: .long, help: "Count warnings as errors: the build fails on any finding.")
    var strict = false

    @Flag(name: .long, help: "Also print every leaflet to PDF (site.yml's print editions), as 'pdf: true' in site.yml does.")
    var pdf = false

    func run() throws {
        let printer = DiagnosticPrinter(verbosity: verbosity.level)
        let location = paths.resolved()
        location.announce(printer)
        var options = site.options(location)
        options.strict = strict
        if pdf {
            guard let browser = PDFPrinter.findBrowser() else {
                printer.error("--pdf needs a headless browser; install Chromium (apt-get install chromium) or set LEAFPRESS_BROWSER to its path")
                throw ExitCode.failure
            }
            options.pdf = PDFOptions(browser: browser)
        }
        let output = options.outputDirectory
        location.describeTheme(printer)
        printer.detail("output: \(PathSafety.absolute(output)) (\(output))")
        do {
            let report = try SiteBuilder(options: options).build()
            printer.print(report.diagnostics)
            printer.note(report.summary + " → \(output)/index.html")
        } catch {
            printer.print(error.diagnostics)
            printer.note(printer.failureSummary(error.diagnostics) + "; '\(output)' left unchanged")
            throw ExitCode.failure
        }
    }
}

/// Where the sources are, shared by every command.
struct SitePaths: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Content folder with site.yml and leaflets/ (default: content/ of the site the current folder is in).", valueName: "dir"))
    var content: String?

    @Option(name: .long, help: ArgumentHelp("Folder of theme files that replace the built-in theme's files of the same path (default: templates/ beside content/, if there is one).", valueName: "dir"))
    var templates: String?

    /// The site's folders: as given, or found from the current folder upward.
    func resolved() -> SiteLocation {
        SiteLocation(content: content, templates: templates)
    }
}

/// The flags of every command that writes the site (`build`, `pdf`).
struct SiteFlags: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Output folder, replaced only when the build succeeds (default: site/ beside content/).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Also build leaflets marked 'draft: true'.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: "Absolute URL the site will be published at (overrides site.yml).")
    var baseURL: String?

    @Option(name: .long, help: "Worker threads, also browsers printing at once (default: one per core).")
    var jobs: Int?

    func validate() throws {
        if let jobs, !(1...1024).contains(jobs) { throw ValidationError("--jobs must be from 1 to 1024") }
        if let baseURL, case .failure(let problem) = BaseURL.validate(baseURL) {
            throw ValidationError(problem.message(for: "--base-url"))
        }
    }

    /// Build options for these flags and the site at `location`, with today's date for review checks.
    func options(_ location: SiteLocation) -> BuildOptions {
        var options = location.options()
        options.outputDirectory = location.output(output)
        options.includeDrafts = drafts
        options.baseURL = baseURL
        if let jobs { options.jobs = jobs }
        options.today = Day.today()
        return options
    }
}
