import Foundation

/// The build driver: one composition of the named stages (`BuildStage`) used by
/// `build`, `check` and `serve`: load, render leaflets, cross-leaflet checks, site-wide
/// pages, print, commit, with one "stop on errors" step (`BuildRun.stopOnErrors`).
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Everything known before any section is read: settings, theme and leaflet plans.
    struct Prepared {
        var site: SiteConfig
        var templates: TemplateSet
        var catalog: [String: UIStrings]
        var directory: SiteDirectory
        /// Builds every page's values (legal texts rendered once, interface strings).
        var pages: PageBuilder
        var scanner: ContentScanner
        var plans: [LeafletPlan]
        var targets: LinkTargets
        var siteAssets: [String]
        /// How this build prints PDFs: `leafpress pdf`, `build --pdf` or `site.yml` `pdf: true`.
        var pdf: PDFOptions?
        /// Leaflets whose PDF this build prints.
        var pdfSlugs: Set<String> = []
        /// The PDFs of the site this build replaces, kept while still current.
        var carryOver: PDFCarryOver?
        /// SHA-256 of the theme's files, part of what every PDF is printed from.
        var themeDigest = ""
        /// Leaflets whose leaflet.yml has errors: never built, but their sections are
        /// still checked so one run reports every error.
        var unloaded: [LeafletPlan] = []
        /// Shared blocks (`content/blocks/`).
        var blocks: BlockLibrary
        /// Callout labels and table names per language, from the interface strings.
        var labels: [String: MarkdownLabels] = [:]
    }

    /// What the stages after load made of the leaflets.
    struct Rendered {
        var outcomes: [LeafletOutcome]
        /// HTML pages written.
        var pages: Int
    }

    /// Builds the site; throws every finding when any is an error, leaving the old site as it was.
    public func build() throws(BuildFailure) -> BuildReport {
        var run = BuildRun(strict: options.strict)
        // The output is checked, locked and staged first: a folder that cannot be built
        // into (a mount point, someone else's files) is refused before any work, and a
        // second build of the same output waits here.
        let output = try run.failableStage(.load) { _ throws(BuildFailure) in
            try OutputDirectory.prepare(options.outputDirectory, protecting: [options.contentDirectory, options.templatesDirectory])
        }
        do throws(BuildFailure) {
            let prepared = try load(&run, previousSite: output.previousSite)
            let sink = SiteWriter(root: output.stagingPath, previous: output.previousSite)
            var rendered = try render(prepared, into: sink, run: &run)
            try run.failableStage(.print) { diagnostics throws(BuildFailure) in
                try printPDFs(prepared, outcomes: &rendered.outcomes, staging: output.stagingPath, into: sink, diagnostics: &diagnostics)
            }
            try run.stopOnErrors()
            // Written last: it records the hash of every PDF printed above.
            try run.failableStage(.print) { _ throws(BuildFailure) in try writeManifest(rendered.outcomes, into: sink) }
            try run.failableStage(.commit) { _ throws(BuildFailure) in try output.commit() }
            let pdfs = rendered.outcomes.flatMap { $0.record?.pdfs ?? [] }
            let printed = Set(prepared.pdfSlugs.flatMap { slug in printProfiles(prepared).map { SiteLayout.pdf(of: slug, profile: $0) } })
            return BuildReport(leaflets: prepared.plans.count, pages: rendered.pages, diagnostics: run.sortedDiagnostics,
                               seconds: run.elapsed, manifests: prepared.plans.map(\.manifest), stages: run.timings,
                               printProfiles: printProfiles(prepared), pdfs: pdfs.map(\.file).sorted(),
                               printedPDFs: printed.sorted())
        } catch {
            output.abort()
            throw error
        }
    }

    /// Validates everything without writing: every finding, and every section's text for
    /// the readability report, even when some leaflets have errors.
    public func check() -> CheckResult {
        var run = BuildRun(strict: options.strict)
        guard let prepared = run.stage(.load, { prepare(diagnostics: &$0) }) else {
            return CheckResult(site: nil, leaflets: [], diagnostics: run.sortedDiagnostics)
        }
        let outcomes = run.stage(.renderLeaflets) { renderLeaflets(prepared.plans, of: prepared, into: nil, keepSections: true, diagnostics: &$0) }
        run.stage(.renderLeaflets) { _ = renderLeaflets(prepared.unloaded, of: prepared, into: nil, diagnostics: &$0) }
        run.stage(.crossLeafletChecks) { diagnostics in
            checkAcrossLeaflets(outcomes, diagnostics: &diagnostics)
            diagnostics += LeafletFiles(outcomes: outcomes).unused(in: prepared.plans)
        }
        let leaflets = outcomes.map { CheckResult.Leaflet(manifest: $0.manifest, folder: $0.folder, sections: $0.sections, sources: $0.sources) }
        var blocks = Dictionary(uniqueKeysWithValues: prepared.blocks.names.map { ($0, [String]()) })
        for outcome in outcomes {
            for name in outcome.blocks { blocks[name, default: []].append(outcome.manifest.slug) }
        }
        return CheckResult(site: prepared.site, leaflets: leaflets, diagnostics: run.sortedDiagnostics,
                           blocks: blocks.mapValues { $0.sorted() })
    }

    /// What `manifest.json` would record for the content as it is now, without writing
    /// anything (no page hashes): for `report changes`. nil manifest when the content
    /// has errors. `versionLocations` says where each leaflet's `version` is written.
    public func currentManifest() -> (manifest: SiteManifest?, versionLocations: [String: SourceLocation], diagnostics: [Diagnostic]) {
        var run = BuildRun(strict: options.strict)
        guard let prepared = run.stage(.load, { prepare(diagnostics: &$0) }) else { return (nil, [:], run.sortedDiagnostics) }
        let outcomes = run.stage(.renderLeaflets) { renderLeaflets(prepared.plans, of: prepared, into: nil, hashSources: true, diagnostics: &$0) }
        run.stage(.crossLeafletChecks) { checkAcrossLeaflets(outcomes, diagnostics: &$0) }
        var locations: [String: SourceLocation] = [:]
        for plan in prepared.plans {
            locations[plan.slug] = plan.manifest.keyLocations["version"] ?? plan.manifest.location
        }
        let manifest = run.diagnostics.hasErrors ? nil : SiteManifest(leaflets: outcomes.compactMap(\.record))
        return (manifest, locations, run.sortedDiagnostics)
    }

    /// Every leaflet's settings and record, drafts included, without reading any section:
    /// for `report reviews`. nil site when `site.yml` or the theme cannot be read.
    public func records() -> (site: SiteConfig?, manifests: [LeafletManifest], diagnostics: [Diagnostic]) {
        var options = self.options
        options.includeDrafts = true
        var diagnostics: [Diagnostic] = []
        guard let prepared = SiteBuilder(options: options).prepare(diagnostics: &diagnostics) else {
            return (nil, [], diagnostics.sortedByLocation())
        }
        return (prepared.site, prepared.plans.map(\.manifest), diagnostics.sortedByLocation())
    }

    /// Stage load, stopping on its errors (for `build` and `serve`). The PDFs of
    /// `previousSite` are kept for leaflets this build does not print, while still current.
    func load(_ run: inout BuildRun, previousSite: String?) throws(BuildFailure) -> Prepared {
        let prepared = run.stage(.load) { diagnostics -> Prepared? in
            guard var prepared = prepare(diagnostics: &diagnostics) else { return nil }
            prepared.pdf = options.pdf
            if prepared.pdf == nil, prepared.site.pdf, options.printWhenSiteAsks {
                if let browser = PDFPrinter.findBrowser() {
                    prepared.pdf = PDFOptions(browser: browser)
                } else {
                    diagnostics.append(.error("'pdf: true' prints every leaflet in every build, but no headless browser was found; install Chromium (apt-get install chromium) or set LEAFPRESS_BROWSER to its path",
                                              at: prepared.site.pdfLocation, rule: .pdf))
                }
            }
            prepared.pdfSlugs = choosePDFs(prepared.plans, pdf: prepared.pdf, diagnostics: &diagnostics)
            prepared.carryOver = PDFCarryOver.load(site: previousSite)
            prepared.themeDigest = Self.digest(of: prepared.templates.theme, site: prepared.site, content: prepared.scanner.content)
            return prepared
        }
        if let prepared {
            run.levels = prepared.site.rules
            if run.hasErrors {
                // Nothing will be written, but every leaflet is still read, so one run
                // reports every error (a leaflet.yml mistake does not hide section mistakes).
                let outcomes = run.stage(.renderLeaflets) { renderLeaflets(prepared.plans + prepared.unloaded, of: prepared, into: nil, diagnostics: &$0) }
                run.stage(.crossLeafletChecks) { checkAcrossLeaflets(outcomes, diagnostics: &$0) }
            }
        }
        try run.stopOnErrors()
        guard let prepared else { throw BuildFailure(diagnostics: run.sortedDiagnostics) }
        return prepared
    }

    /// The stages from rendering leaflets to the site-wide pages, into `sink` (the staging
    /// folder, or memory for `serve`), stopping on errors after the cross-leaflet checks
    /// and after the site-wide pages.
    func render(_ prepared: Prepared, into sink: any SiteOutput, run: inout BuildRun) throws(BuildFailure) -> Rendered {
        let outcomes = run.stage(.renderLeaflets) { renderLeaflets(prepared.plans, of: prepared, into: sink, diagnostics: &$0) }
        let files = LeafletFiles(outcomes: outcomes)
        run.stage(.crossLeafletChecks) { diagnostics in
            checkAcrossLeaflets(outcomes, diagnostics: &diagnostics)
            diagnostics += files.unused(in: prepared.plans)
        }
        try run.stopOnErrors()
        let pages = try run.failableStage(.sitePages) { diagnostics throws(BuildFailure) in
            try files.publish(prepared.plans, into: sink)
            return try writeSitePages(prepared, outcomes: outcomes, into: sink, diagnostics: &diagnostics)
        }
        try run.stopOnErrors()
        return Rendered(outcomes: outcomes, pages: outcomes.reduce(pages) { $0 + $1.pages })
    }

    /// Stage print: every edition of each chosen leaflet printed from its print copy
    /// (several browsers at a time) to its PDF beside the page; the copies are then removed.
    private func printPDFs(_ prepared: Prepared, outcomes: inout [LeafletOutcome], staging: String, into sink: SiteWriter,
                           diagnostics: inout [Diagnostic]) throws(BuildFailure) {
        guard let pdf = prepared.pdf else { return }
        var jobs: [PDFPrinter.Job] = []
        var copies: [String] = []
        let sections = Dictionary(outcomes.map { ($0.manifest.slug, $0.sectionTitles) }, uniquingKeysWith: { first, _ in first })
        for plan in prepared.plans where prepared.pdfSlugs.contains(plan.slug) {
            try sink.makeFolder((SiteLayout.pdf(of: plan.slug) as NSString).deletingLastPathComponent)
            for profile in printProfiles(prepared) {
                let page = PrintRendition.page(slug: plan.slug, profile: profile)
                copies.append(page)
                var job = PDFPrinter.Job(page: "\(staging)/\(page)", pdf: "\(staging)/\(SiteLayout.pdf(of: plan.slug, profile: profile))",
                                         name: profile == .standard ? plan.slug : "\(plan.slug) (\(profile.rawValue) print)",
                                         title: plan.manifest.title, language: plan.manifest.language ?? prepared.site.language,
                                         headings: sections[plan.slug] ?? [])
                job.links = PDFMetadata.LinkBase(staging: staging, baseURL: prepared.site.baseURL)
                jobs.append(job)
            }
        }
        diagnostics += PDFPrinter(browser: pdf.browser).print(jobs, jobs: options.jobs)
        for copy in copies { try? FileManager.default.removeItem(atPath: "\(staging)/\(copy)") }
        // The record of each PDF printed now gets the hash of the file as printed.
        for index in outcomes.indices {
            guard var pdfs = outcomes[index].record?.pdfs else { continue }
            for at in pdfs.indices where pdfs[at].sha256.isEmpty {
                if let bytes = FileManager.default.contents(atPath: "\(staging)/\(pdfs[at].file)") { pdfs[at].sha256 = SourceDigest.hex(bytes) }
            }
            outcomes[index].record?.pdfs = pdfs
        }
    }

    /// Stage load: settings, theme, and a plan for every leaflet (reads only leaflet.yml files).
    func prepare(diagnostics: inout [Diagnostic]) -> Prepared? {
        let scanner = ContentScanner(contentDirectory: options.contentDirectory)
        guard var site = loadSite(scanner, diagnostics: &diagnostics) else { return nil }
        if let baseURL = options.baseURL {
            switch BaseURL.validate(baseURL) {
            case .success(let valid): site.baseURL = valid
            case .failure(let problem):
                diagnostics.append(.error(problem.message(for: "--base-url"), at: nil, rule: .schemaURL))
                return nil
            }
        }
        if let paper = options.paper { site.paper = paper }
        guard let theme = Theme.load(overrides: options.templatesDirectory, required: options.templatesRequired, diagnostics: &diagnostics) else {
            return nil
        }
        let templates: TemplateSet
        do {
            templates = try TemplateSet.load(theme: theme)
        } catch {
            diagnostics += error.diagnostics
            return nil
        }

        let blocks = BlockLibrary.load(scanner, siteLanguage: site.language, diagnostics: &diagnostics)
        for name in site.requiredBlocks where !blocks.names.contains(name) {
            var message = "required block '\(name)' does not exist in \(blocks.folder)/"
            if let near = Suggestion.nearest(to: name, in: blocks.names) { message += "; did you mean '\(near)'?" }
            diagnostics.append(.error(message, at: site.requiredBlocksLocation, rule: .blockUnknown))
        }
        let folders = scanner.leafletFolders(diagnostics: &diagnostics)
        let siteAssets = scanner.siteAssets(diagnostics: &diagnostics)
        if let logo = site.branding.logo, !siteAssets.contains(logo) {
            var message = "logo '\(logo)' not found in \(scanner.display("assets"))/"
            if let near = Suggestion.nearest(to: logo, in: siteAssets) { message += "; did you mean '\(near)'?" }
            diagnostics.append(.error(message, at: site.branding.logoLocation, rule: .missingAsset))
        }
        let planned = Parallel.map(folders.count, jobs: options.jobs) { index -> (LeafletPlan?, [Diagnostic]) in
            var found: [Diagnostic] = []
            let plan = LeafletPlan.load(folders[index], diagnostics: &found)
            return (plan, found)
        }
        var plans: [LeafletPlan] = []
        var unloaded: [LeafletPlan] = []
        var everyManifest: [LeafletManifest] = []
        var targets = LinkTargets(siteAssets: Set(siteAssets))
        for (folder, (plan, found)) in zip(folders, planned) {
            diagnostics += found
            guard let plan else {
                // Its leaflet.yml has errors (reported above), but the leaflet exists: links
                // to it and its sections are not reported as broken on top of that.
                if targets.leaflets[folder.slug] == nil, folder.hasManifest {
                    let ids = LeafletPlan.sectionIDs(for: folder.sectionFiles)
                    targets.leaflets[folder.slug] = .init(built: true, sections: ids, assets: Set(folder.assetFiles))
                    var stand = LeafletManifest(slug: folder.slug, title: folder.slug, summary: "", reviewed: Day(year: 1970, month: 1, day: 1)!,
                                                location: SourceLocation(path: folder.displayPath + "/leaflet.yml", line: 1, column: 1))
                    stand.isReviewed = false
                    unloaded.append(LeafletPlan(folder: folder, manifest: stand,
                                                sections: folder.sectionFiles.map { LeafletPlan.SectionSlot(file: $0, id: ids[$0]!) }, isStandIn: true))
                }
                continue
            }
            everyManifest.append(plan.manifest)
            let built = !plan.manifest.draft || options.includeDrafts
            targets.leaflets[plan.slug] = .init(built: built, sections: Dictionary(uniqueKeysWithValues: plan.sections.map { ($0.file, $0.id) }),
                                                assets: Set(plan.folder.assetFiles))
            if built { plans.append(plan) }
        }
        checkPlans(plans, targets: targets, governance: site.governance, diagnostics: &diagnostics)
        diagnostics += RecordRules(governance: site.governance, all: everyManifest).check(plans.map(\.manifest))
        let directory = SiteDirectory(plans: plans, siteLanguage: site.language)
        var catalog: [String: UIStrings] = [:]
        for language in directory.languages {
            catalog[language] = UIStrings.load(theme: templates.theme, language: language, diagnostics: &diagnostics)
        }
        for plan in plans {
            let folder = SiteDirectory.folder(for: plan.slug)
            if SiteDirectory.reservedSlugs.contains(plan.slug)
                || directory.languages.contains(where: { $0 != site.language && SiteDirectory.folder(for: $0) == folder }) {
                diagnostics.append(.error("slug '\(plan.slug)' is reserved for the site's own files; rename the folder", at: SourceLocation(path: plan.folder.displayPath), rule: .slug))
            }
        }
        var result = Prepared(site: site, templates: templates, catalog: catalog, directory: directory,
                        pages: PageBuilder(site: site, catalog: catalog, directory: directory),
                        scanner: scanner, plans: plans, targets: targets, siteAssets: siteAssets,
                        blocks: blocks, labels: catalog.mapValues(MarkdownLabels.init(strings:)))
        result.unloaded = unloaded
        return result
    }

    /// Stage cross-leaflet checks: anchors into other leaflets' sections, now that every
    /// page's headings are known.
    func checkAcrossLeaflets(_ outcomes: [LeafletOutcome], diagnostics: inout [Diagnostic]) {
        let pending = outcomes.flatMap(\.pendingAnchors)
        guard !pending.isEmpty else { return }
        let linked = Set(pending.map(\.slug))
        var anchors: [String: Set<UInt64>] = [:]
        for outcome in outcomes where linked.contains(outcome.manifest.slug) {
            anchors[outcome.manifest.slug] = Set(outcome.anchors)
        }
        // A link in a shared block is checked once per leaflet that includes it.
        var seen: Set<Diagnostic> = []
        for link in pending {
            guard let known = anchors[link.slug],
                  // A link into a section that failed to render is not reported twice.
                  known.contains(AnchorHash.of(file: link.file, anchor: nil)),
                  !known.contains(AnchorHash.of(file: link.file, anchor: link.anchor)) else { continue }
            let problem = Diagnostic.error("no heading with anchor '#\(link.anchor)' in \(link.slug)/\(link.file)", at: link.location, rule: .brokenLink)
            if seen.insert(problem).inserted { diagnostics.append(problem) }
        }
    }

    private func loadSite(_ scanner: ContentScanner, diagnostics: inout [Diagnostic]) -> SiteConfig? {
        let path = scanner.display("site.yml")
        guard scanner.content.exists else {
            diagnostics.append(.error("content folder not found", at: SourceLocation(path: options.contentDirectory), rule: .layout))
            return nil
        }
        switch scanner.content.text("site.yml") {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let text):
            return SiteConfig.load(yaml: text, path: path, diagnostics: &diagnostics)
        }
    }

    /// Stage render leaflets: reads, converts and renders `plans` in parallel into `sink`
    /// (nil: nothing written), and merges their findings in leaflet order.
    /// `keepSections` keeps every section's text blocks (for `check`).
    func renderLeaflets(_ plans: [LeafletPlan], of prepared: Prepared, into sink: (any SiteOutput)?,
                        keepSections: Bool = false, hashSources: Bool = false, diagnostics: inout [Diagnostic]) -> [LeafletOutcome] {
        var renderer = LeafletRenderer(templates: prepared.templates, pages: prepared.pages, targets: prepared.targets, site: prepared.site,
                                       writer: sink, keepSections: keepSections, blocks: prepared.blocks,
                                       labels: prepared.labels, pdfSlugs: prepared.pdfSlugs)
        renderer.hashSources = hashSources
        renderer.printProfiles = printProfiles(prepared)
        renderer.carryOver = prepared.carryOver
        renderer.themeDigest = prepared.themeDigest
        let configured = renderer
        let outcomes = Parallel.map(plans.count, jobs: options.jobs) { configured.render(plans[$0]) }
        // A problem inside a shared block is found in every leaflet that includes it; it
        // is reported once.
        var seen: Set<Diagnostic> = []
        for outcome in outcomes {
            for diagnostic in outcome.diagnostics where seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
        }
        return outcomes
    }

    /// The editions this build prints: `site.yml` `print:`, plus large print when asked.
    func printProfiles(_ prepared: Prepared) -> [PrintProfile] {
        guard let pdf = prepared.pdf else { return [] }
        return Set(prepared.site.print + (pdf.largePrint ? [.large] : [])).sorted()
    }

    /// `manifest.json`: the record of every published leaflet, its sources, page and PDFs.
    func writeManifest(_ outcomes: [LeafletOutcome], into writer: any SiteOutput) throws(BuildFailure) {
        try writer.write(SiteManifest(leaflets: outcomes.compactMap(\.record)).jsonData(), to: SiteManifest.fileName)
    }

    /// SHA-256 of what every page shows besides its own text: the theme's static files
    /// (its templates are part of each rendered page), the brand stylesheet and the logo.
    static func digest(of theme: Theme, site: SiteConfig, content: SourceFolder) -> String {
        var listing = site.branding.stylesheet.map { SourceDigest.hex($0.utf8) + "  brand.css\n" } ?? ""
        if let logo = site.branding.logo {
            listing += ((try? content.data("assets/" + logo).get()).map { SourceDigest.hex($0) } ?? "missing") + "  logo\n"
        }
        for path in theme.paths(under: "static").sorted() {
            let bytes: Data?
            switch theme.files[path]?.source {
            case .builtIn(let text)?: bytes = Data(text.utf8)
            case .override(let relative)?: bytes = try? theme.folder?.data(relative).get()
            case nil: bytes = nil
            }
            listing += (bytes.map { SourceDigest.hex($0) } ?? "missing") + "  " + path + "\n"
        }
        return SourceDigest.hex(listing.utf8)
    }

    /// Stage site-wide pages: the pages made from every leaflet at once (an index per
    /// language, search indexes, 404, robots and sitemap), the theme's files and the shared
    /// assets. Returns the number of HTML pages written.
    func writeSitePages(_ prepared: Prepared, outcomes: [LeafletOutcome], into writer: any SiteOutput,
                diagnostics: inout [Diagnostic]) throws(BuildFailure) -> Int {
        let (site, templates, scanner, siteAssets) = (prepared.site, prepared.templates, prepared.scanner, prepared.siteAssets)
        let builder = prepared.pages
        // Drafts (built with --drafts) get their own page but are never listed: not on an
        // index, in search or in the sitemap.
        let published = outcomes.filter { !$0.manifest.draft }
        let manifests = published.map(\.manifest)
        var pages = 0
        let directory = prepared.directory
        var pagesToWrite: [(template: String, file: String, values: any MustacheObject)] = []
        func printCSS(_ language: String) -> String {
            guard templates.has("print.css") else { return "" }
            return templates.render("print.css", builder.printStyle(title: site.title, copyright: site.copyright, language: language))
        }
        for language in directory.languages {
            let inLanguage = manifests.filter { directory.entries[$0.slug]?.language == language }
            pagesToWrite.append(("index", directory.indexPath(for: language), builder.index(inLanguage, language: language, printCSS: printCSS(language))))
            let entries = published.filter { directory.entries[$0.manifest.slug]?.language == language }.map { outcome in
                SearchIndex.Entry(slug: outcome.manifest.slug, title: outcome.manifest.title, summary: outcome.manifest.summary,
                                  setting: outcome.manifest.setting, keywords: outcome.manifest.keywords, sections: outcome.sectionTitles)
            }
            try writer.write(SearchIndex.script(entries), to: SearchIndex.fileName(for: language))
        }
        pagesToWrite.append(("404", "404.html", builder.notFound(language: site.language, printCSS: printCSS(site.language))))
        for page in pagesToWrite {
            let html = templates.render(page.template, page.values)
            if let problem = FooterCheck.verify(html, copyrightHTML: builder.siteCopyrightHTML, disclaimerHTML: builder.disclaimerHTML,
                                                template: templates.footerPath(for: page.template), page: page.file) {
                diagnostics.append(problem)
                continue
            }
            try writer.write(html, to: page.file)
            pages += 1
        }
        try writer.write(Sitemap.robots(baseURL: site.baseURL), to: "robots.txt")
        if let baseURL = site.baseURL {
            var entries = directory.languages.map { language -> Sitemap.Page in
                let path = directory.indexPath(for: language)
                return Sitemap.Page(path: path == "index.html" ? "" : String(path.dropLast("index.html".count)))
            }
            for manifest in manifests {
                let publishedSlugs = Set(manifests.map(\.slug))
                let versions = [manifest.slug] + directory.translations(of: manifest.slug).map(\.slug).filter(publishedSlugs.contains)
                let alternates = versions.count > 1 ? versions.compactMap { slug in directory.entries[slug].map { ($0.language, SiteLayout.cleanPath(of: slug)) } } : []
                entries.append(Sitemap.Page(path: SiteLayout.cleanPath(of: manifest.slug), lastModified: manifest.reviewed, alternates: alternates))
            }
            try writer.write(Sitemap.xml(entries, baseURL: baseURL), to: "sitemap.xml")
        }
        try copyTheme(templates.theme, into: writer)
        if let brand = site.branding.stylesheet { try writer.write(brand, to: "theme/brand.css") }
        for asset in siteAssets {
            try writer.copy("assets/" + asset, in: scanner.content, to: "assets/" + asset)
        }
        return pages
    }

    /// Rules that need every leaflet's metadata: translations and review dates.
    private func checkPlans(_ plans: [LeafletPlan], targets: LinkTargets, governance: GovernanceSettings, diagnostics: inout [Diagnostic]) {
        for plan in plans {
            let manifest = plan.manifest
            if let original = manifest.translationOf {
                let at = manifest.keyLocations["translation_of"] ?? manifest.location
                if original == manifest.slug {
                    diagnostics.append(.error("a leaflet cannot be a translation of itself", at: at, rule: .translationMissing))
                } else if targets.leaflets[original] == nil {
                    var message = "'translation_of' names leaflet '\(original)', which does not exist"
                    if let near = Suggestion.nearest(to: original, in: Array(targets.leaflets.keys).sorted()) { message += "; did you mean '\(near)'?" }
                    diagnostics.append(.error(message, at: at, rule: .translationMissing))
                }
            }
            // A draft not yet reviewed has no review dates to check.
            guard let today = options.today, manifest.isReviewed else { continue }
            if manifest.reviewed > today {
                diagnostics.append(.error("'reviewed' date \(manifest.reviewed) is in the future (today is \(today))",
                                          at: manifest.keyLocations["reviewed"] ?? manifest.location, rule: .reviewFuture))
            }
            let due = governance.reviewDue(manifest)
            let dueAt = manifest.keyLocations[manifest.nextReview == nil ? "reviewed" : "next_review"] ?? manifest.location
            if due < today {
                let why = manifest.nextReview == nil ? " (\(governance.maxReviewAge) months after the review on \(manifest.reviewed), site.yml governance.max_review_age)" : ""
                diagnostics.append(.warning("review was due on \(due)\(why); the leaflet needs a clinical review",
                                            at: dueAt, rule: .reviewOverdue))
            } else if !manifest.draft, today.days(until: due) <= governance.reviewDueSoon {
                let days = today.days(until: due)
                let when = days == 0 ? "today" : "in \(days) day\(days == 1 ? "" : "s") (\(due))"
                diagnostics.append(Diagnostic(.reviewDueSoon, "clinical review is due \(when); plan it now (site.yml governance.review_due_soon: \(governance.reviewDueSoon) days)",
                                              at: dueAt))
            }
        }
    }

    /// Leaflets to print: every built one, or the slugs asked for (which must exist).
    private func choosePDFs(_ plans: [LeafletPlan], pdf: PDFOptions?, diagnostics: inout [Diagnostic]) -> Set<String> {
        guard let pdf else { return [] }
        let built = plans.map(\.slug)
        if pdf.slugs.isEmpty { return Set(built) }
        for slug in pdf.slugs where !built.contains(slug) {
            var message = "no leaflet '\(slug)' to print"
            if let near = Suggestion.nearest(to: slug, in: built) { message += "; did you mean '\(near)'?" }
            diagnostics.append(.error(message, at: SourceLocation(path: options.contentDirectory + "/leaflets/" + slug), rule: .pdf))
        }
        return Set(pdf.slugs)
    }

    /// The theme's `static/` files become `theme/` in the site: built-in ones from the
    /// binary, overrides copied from the templates folder.
    private func copyTheme(_ theme: Theme, into writer: any SiteOutput) throws(BuildFailure) {
        for path in theme.paths(under: "static") {
            let target = "theme/" + path.dropFirst("static/".count)
            switch theme.files[path]?.source {
            case .builtIn(let text)?: try writer.write(text, to: target)
            case .override(let relative)?:
                guard let folder = theme.folder else { continue }
                try writer.copy(relative, in: folder, to: target)
            case nil: continue
            }
        }
    }
}
