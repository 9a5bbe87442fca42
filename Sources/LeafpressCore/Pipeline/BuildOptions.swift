/// What to build and where: the `leafpress build` flags.
public struct BuildOptions: Sendable {
    public var contentDirectory = "content"
    /// Files here override the built-in theme's files of the same path.
    public var templatesDirectory = "templates"
    /// True when the user named the templates folder, so a missing one is an error;
    /// otherwise a missing folder means the built-in theme alone.
    public var templatesRequired = false
    public var outputDirectory = "site"
    public var includeDrafts = false
    /// Count every warning as an error (`--strict`).
    public var strict = false
    /// Overrides `base_url` from `site.yml`.
    public var baseURL: String?
    /// Worker threads; defaults to one per core.
    public var jobs = BuildOptions.defaultJobs
    /// Reference date for review checks (`next_review` passed, `reviewed` in the future);
    /// nil skips them, so library builds never depend on the clock.
    public var today: Day?
    /// Overrides `paper` from `site.yml`.
    public var paper: SiteConfig.Paper?
    /// Print leaflets to PDF into the site (`leafpress pdf`, `build --pdf`); nil prints
    /// none, unless `site.yml` says `pdf: true`.
    public var pdf: PDFOptions?
    /// Print every leaflet when `site.yml` says `pdf: true` (`build`). `serve` turns it
    /// off: it serves the PDFs of the last build while they are current instead.
    public var printWhenSiteAsks = true

    public init() {}

    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

import Foundation

/// Which leaflets `leafpress pdf` prints, and with which browser.
public struct PDFOptions: Sendable {
    /// Slugs to print; empty prints every built leaflet.
    public var slugs: [String] = []
    /// Path of a Chromium-family browser.
    public var browser: String
    /// Also print the large-print edition (`--large-print`), whatever `site.yml` `print:` says.
    public var largePrint = false

    public init(browser: String, slugs: [String] = [], largePrint: Bool = false) {
        self.browser = browser
        self.slugs = slugs
        self.largePrint = largePrint
    }
}
