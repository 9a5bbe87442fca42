import ArgumentParser
import Foundation
import LeafpressCore

/// `leafpress pdf`: builds the site and prints leaflets into it as PDFs with a headless
/// browser; each printed leaflet's page links to its PDF.
struct PDF: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site and print leaflets to PDF with headless Chromium.",
        discussion: "PDFs are written beside each leaflet page (site/<slug>/<slug>.pdf, and site/<slug>/<slug>.large.pdf for large print). Set LEAFPRESS_BROWSER to choose the browser.")

    @Argument(help: "Slugs of the leaflets to print (default: all).")
    var slugs: [String] = []

    @OptionGroup var paths: SitePaths
    @OptionGroup var site: SiteFlags
    @OptionGroup var verbosity: VerbosityFlags

    @Option(name: .long, help: "Paper size, A4, A5 or Letter (default: site.yml's paper).")
    var paper: String?

    @Flag(name: .customLong("large-print"), help: "Also print a large-print PDF (16 pt) of each leaflet, <slug>.large.pdf.")
    var largePrint = false

    func validate() throws {
        if let paper, SiteConfig.Paper.allCases.first(where: { $0.rawValue.lowercased() == paper.lowercased() }) == nil {
            throw ValidationError("--paper must be A4, A5 or Letter")
        }
    }

    func run() throws {
        let printer = DiagnosticPrinter(verbosity: verbosity.level)
        guard let browser = PDFPrinter.findBrowser() else {
            printer.error("no headless browser found; install Chromium (apt-get install chromium) or set LEAFPRESS_BROWSER to its path")
            throw ExitCode.failure
        }
        let location = paths.resolved()
        location.announce(printer)
        location.describeTheme(printer)
        var options = site.options(location)
        let output = options.outputDirectory
        printer.detail("output: \(PathSafety.absolute(output)) (\(output))")
        options.paper = paper.flatMap { name in SiteConfig.Paper.allCases.first { $0.rawValue.lowercased() == name.lowercased() } }
        options.pdf = PDFOptions(browser: browser, slugs: slugs, largePrint: largePrint)
        do {
            let builder = SiteBuilder(options: options)
            let report = try builder.build()
            printer.print(report.diagnostics)
            for file in report.printedPDFs { printer.note("\(output)/\(file)") }
            printer.note(report.summary)
        } catch {
            printer.print(error.diagnostics)
            printer.note(printer.failureSummary(error.diagnostics) + "; '\(output)' left unchanged")
            throw ExitCode.failure
        }
    }
}
