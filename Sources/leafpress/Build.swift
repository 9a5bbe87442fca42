import ArgumentParser
import Foundation
import LeafpressCore

/// `leafpress build`: the whole site into the output folder, or nothing at all.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var paths: SitePaths
    @OptionGroup var site: SiteFlags

    @Flag(name: .long, help: "Count warnings as errors: the build fails on any finding.")
    var strict = false

    func run() throws {
        var options = site.options(paths)
        options.strict = strict
        let output = site.output
        let printer = DiagnosticPrinter()
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
    @Option(name: .long, help: "Content folder with site.yml and leaflets/.")
    var content = "content"

    @Option(name: .long, help: "Theme folder with the Mustache templates.")
    var templates = "templates"
}

/// The flags of every command that writes the site (`build`, `pdf`).
struct SiteFlags: ParsableArguments {
    @Option(name: .long, help: "Output folder, replaced only when the build succeeds.")
    var output = "site"

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

    /// Build options for these flags and `paths`, with today's date for review checks.
    func options(_ paths: SitePaths) -> BuildOptions {
        var options = BuildOptions()
        options.contentDirectory = paths.content
        options.templatesDirectory = paths.templates
        options.outputDirectory = output
        options.includeDrafts = drafts
        options.baseURL = baseURL
        if let jobs { options.jobs = jobs }
        options.today = Day.today()
        return options
    }
}
