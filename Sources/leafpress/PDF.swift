import ArgumentParser
import Foundation
import LeafpressCore

/// `leafpress pdf`: builds the site and prints leaflets into it as PDFs with a headless
/// browser; each printed leaflet's page links to its PDF.
struct PDF: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site and print leaflets to PDF with headless Chromium.",
        discussion: "PDFs are written beside each leaflet page (site/<slug>/<slug>.pdf). Set LEAFPRESS_BROWSER to choose the browser.")

    @Argument(help: "Slugs of the leaflets to print (default: all).")
    var slugs: [String] = []

    @OptionGroup var paths: SitePaths

    @Option(name: .long, help: "Site folder to build and print into.")
    var output = "site"

    @Option(name: .long, help: "Paper size, A4 or Letter (default: site.yml's paper).")
    var paper: String?

    @Flag(name: .long, help: "Also build leaflets marked 'draft: true'.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: "Absolute URL the site will be published at (overrides site.yml).")
    var baseURL: String?

    @Option(name: .long, help: "Browsers printing at once (default: one per core).")
    var jobs: Int?

    func validate() throws {
        if let paper, SiteConfig.Paper.allCases.first(where: { $0.rawValue.lowercased() == paper.lowercased() }) == nil {
            throw ValidationError("--paper must be A4 or Letter")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let printer = DiagnosticPrinter()
        guard let browser = PDFPrinter.findBrowser() else {
            printer.note("error: no headless browser found; install Chromium (apt-get install chromium) or set LEAFPRESS_BROWSER to its path")
            throw ExitCode.failure
        }
        var options = BuildOptions()
        options.contentDirectory = paths.content
        options.templatesDirectory = paths.templates
        options.outputDirectory = output
        options.includeDrafts = drafts
        options.baseURL = baseURL
        options.paper = paper.flatMap { name in SiteConfig.Paper.allCases.first { $0.rawValue.lowercased() == name.lowercased() } }
        options.pdf = PDFOptions(browser: browser, slugs: slugs)
        if let jobs { options.jobs = jobs }
        do {
            let report = try SiteBuilder(options: options).build()
            printer.print(report.diagnostics)
            let printed = slugs.isEmpty ? report.manifests.map(\.slug) : slugs
            for slug in printed { printer.note("\(output)/\(slug)/\(slug).pdf") }
            printer.note(report.summary + ", \(printed.count) PDF\(printed.count == 1 ? "" : "s")")
        } catch {
            printer.print(error.diagnostics)
            printer.note(printer.failureSummary(error.diagnostics) + "; '\(output)' left unchanged")
            throw ExitCode.failure
        }
    }
}
