/// `leafpress check` as one call: the shared validation of the pipeline (without writing
/// anything), then the health-literacy pass with the site's thresholds and word list.
public struct ContentCheck: Sendable {
    /// Content, templates, drafts, jobs and the reference date (`today`) of the review checks.
    public var options: BuildOptions
    /// Count warnings as errors.
    public var strict: Bool

    /// A check of the content that `options` names.
    public init(options: BuildOptions, strict: Bool = false) {
        self.options = options
        self.strict = strict
    }

    /// Runs every rule and returns the report; never writes to disk.
    public func run() -> CheckReport {
        let result = SiteBuilder(options: options).check()
        let settings = result.site?.readability ?? SiteConfig.Readability()
        var extra: [Diagnostic] = []
        var findings = HealthLiteracyCheck.Findings()
        if let site = result.site {
            let entries = PlainLanguageFile.load(contentDirectory: options.contentDirectory, diagnostics: &extra)
            let pass = HealthLiteracyCheck(settings: site.readability, jargon: JargonList(merging: entries), siteLanguage: site.language)
            findings = pass.run(result, jobs: options.jobs)
        }
        return CheckReport(result: result, readability: findings, extra: extra, contentDirectory: options.contentDirectory,
                           settings: settings, today: options.today, strict: strict)
    }
}
