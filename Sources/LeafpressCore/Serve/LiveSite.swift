import Foundation

/// The site as `serve` keeps it: built into memory, and rebuilt on change reusing every
/// leaflet whose files did not change. A failed rebuild leaves the last good site in place.
public final class LiveSite: @unchecked Sendable {
    /// What one (re)build did.
    public struct Rebuild: Sendable {
        /// True when everything was rebuilt (theme, settings or the set of files changed).
        public var full: Bool
        /// Leaflets read and rendered again.
        public var leaflets: Int
        public var seconds: Double
        /// Warnings of the whole site.
        public var diagnostics: [Diagnostic]
    }

    public let options: BuildOptions
    private let builder: SiteBuilder
    private let contentRoot: String
    private let templatesRoot: String
    private let lock = NSLock()
    private var prepared: SiteBuilder.Prepared?
    private var outcomes: [String: LeafletOutcome] = [:]
    private var output: MemoryOutput?
    private var failure: BuildFailure?

    public init(options: BuildOptions) {
        var options = options
        // Printing takes seconds per leaflet: serve shows the PDFs of the last build instead.
        options.printWhenSiteAsks = false
        self.options = options
        builder = SiteBuilder(options: options)
        contentRoot = PathSafety.absolute(options.contentDirectory)
        templatesRoot = PathSafety.absolute(options.templatesDirectory)
    }

    /// The files of the last good build, or nil before the first one succeeded.
    public var files: [String: MemoryOutput.File]? { lock.withLock { output?.snapshot } }

    /// Why the last build failed, while it is still failing.
    public var lastFailure: BuildFailure? { lock.withLock { failure } }

    /// Builds everything from scratch.
    public func buildAll() -> Result<Rebuild, BuildFailure> {
        lock.withLock { record(fullBuild()) }
    }

    /// Rebuilds after the files at `paths` (absolute) changed.
    public func rebuild(changed paths: [String]) -> Result<Rebuild, BuildFailure> {
        lock.withLock {
            guard var prepared, output != nil, let slugs = changedLeaflets(paths, prepared: &prepared) else {
                return record(fullBuild())
            }
            if slugs.isEmpty {
                self.prepared = prepared
                return .success(Rebuild(full: false, leaflets: 0, seconds: 0, diagnostics: []))
            }
            return record(incremental(slugs, prepared: prepared))
        }
    }

    private func record(_ result: Result<Rebuild, BuildFailure>) -> Result<Rebuild, BuildFailure> {
        switch result {
        case .success: failure = nil
        case .failure(let error): failure = error
        }
        return result
    }

    /// Leaflets whose own files changed; nil when the change needs a full rebuild.
    /// An edited shared block stands for the leaflets that include it; `prepared` then
    /// gets the blocks as they are now.
    private func changedLeaflets(_ paths: [String], prepared: inout SiteBuilder.Prepared) -> Set<String>? {
        var slugs: Set<String> = []
        let leaflets = contentRoot + "/leaflets/"
        let blocks = contentRoot + "/blocks/"
        var blocksEdited = false
        for path in paths {
            if PathSafety.isInside(path, templatesRoot) || path == templatesRoot { return nil }
            guard PathSafety.isInside(path, contentRoot) else { continue }
            if path.hasPrefix(blocks) {
                let file = String(path.dropFirst(blocks.count))
                guard let (name, _) = BlockLibrary.parse(fileName: file), file.hasSuffix(".md"),
                      prepared.blocks.names.contains(name) else { return nil }
                blocksEdited = true
                for (slug, outcome) in outcomes where outcome.blocks.contains(name) { slugs.insert(slug) }
                continue
            }
            guard path.hasPrefix(leaflets) else {
                // site.yml, assets/ and anything else in the content folder.
                return nil
            }
            let rest = path.dropFirst(leaflets.count)
            guard let slug = rest.split(separator: "/").first.map(String.init), rest.contains("/") else { return nil }
            guard prepared.plans.contains(where: { $0.slug == slug }) else { return nil }
            slugs.insert(slug)
        }
        if blocksEdited {
            var found: [Diagnostic] = []
            let reloaded = BlockLibrary.load(prepared.scanner, siteLanguage: prepared.site.language, diagnostics: &found)
            // A block added, removed or renamed changes which includes resolve: rebuild all.
            guard found.isEmpty, reloaded.files == prepared.blocks.files else { return nil }
            prepared.blocks = reloaded
        }
        return slugs
    }

    /// The build's stages from load to the site-wide pages, into memory.
    private func fullBuild() -> Result<Rebuild, BuildFailure> {
        var run = BuildRun()
        let sink = MemoryOutput()
        let prepared: SiteBuilder.Prepared
        let rendered: SiteBuilder.Rendered
        do {
            prepared = try builder.load(&run, previousSite: OutputDirectory.existingSite(at: PathSafety.absolute(options.outputDirectory)))
            rendered = try builder.render(prepared, into: sink, run: &run)
            try builder.writeManifest(rendered.outcomes, into: sink)
        } catch {
            return .failure(error)
        }
        self.prepared = prepared
        outcomes = Dictionary(uniqueKeysWithValues: rendered.outcomes.map { ($0.manifest.slug, $0) })
        output = sink
        return .success(Rebuild(full: true, leaflets: rendered.outcomes.count, seconds: run.elapsed, diagnostics: run.sortedDiagnostics))
    }

    /// Re-plans and re-renders only `slugs` through the same stages; the index pages are
    /// made again from every leaflet's cached outcome. Changes that other pages depend on
    /// (titles, languages, translations, drafts, the set of section files) fall back to a
    /// full build.
    private func incremental(_ slugs: Set<String>, prepared old: SiteBuilder.Prepared) -> Result<Rebuild, BuildFailure> {
        var run = BuildRun()
        var prepared = old
        var replanned: [LeafletPlan] = []
        for slug in slugs.sorted() {
            guard let index = prepared.plans.firstIndex(where: { $0.slug == slug }) else { return fullBuild() }
            let before = prepared.plans[index]
            let plan = run.stage(.load) { diagnostics in
                LeafletPlan.load(prepared.scanner.folder(named: slug, diagnostics: &diagnostics), diagnostics: &diagnostics)
            }
            guard let plan else { return .failure(BuildFailure(diagnostics: run.sortedDiagnostics)) }
            let a = before.manifest, b = plan.manifest
            // The record and review dates feed rules across leaflets (duplicate references,
            // approvals, stale translations) and other leaflets' pages (the stale notice).
            if a.title != b.title || a.language != b.language || a.translationOf != b.translationOf || a.draft != b.draft
                || a.control != b.control || a.reviewed != b.reviewed || a.nextReview != b.nextReview
                || before.folder.sectionFiles != plan.folder.sectionFiles {
                return fullBuild()
            }
            prepared.plans[index] = plan
            prepared.targets.leaflets[slug]?.assets = Set(plan.folder.assetFiles)
            replanned.append(plan)
        }
        let scratch = MemoryOutput()
        let next = MemoryOutput(files: output?.snapshot ?? [:])
        var merged = outcomes
        do {
            try run.stopOnErrors()
            var fresh: [Diagnostic] = []
            let rendered = builder.renderLeaflets(replanned, of: prepared, into: scratch, diagnostics: &fresh)
            // A leaflet that now points at other files changes what other leaflets publish.
            if rendered.contains(where: { outcomes[$0.manifest.slug]?.files != $0.files }) { return fullBuild() }
            for outcome in rendered { merged[outcome.manifest.slug] = outcome }
            let ordered = prepared.plans.compactMap { merged[$0.slug] }
            let files = LeafletFiles(outcomes: ordered)
            // The findings of the whole site: cached leaflets' and the re-rendered ones'.
            run.stage(.renderLeaflets) { diagnostics in for outcome in ordered { diagnostics += outcome.diagnostics } }
            run.stage(.crossLeafletChecks) { diagnostics in
                builder.checkAcrossLeaflets(ordered, diagnostics: &diagnostics)
                diagnostics += files.unused(in: prepared.plans)
            }
            try run.stopOnErrors()

            for slug in slugs {
                next.removeAll(under: SiteLayout.file("", of: slug))
                next.removeAll(under: SiteLayout.page(of: slug))
            }
            next.merge(scratch)
            try files.publish(replanned, into: next)
            // Index pages, search and sitemap depend on leaflet metadata and section titles
            // only; an edit to section text leaves them as they are.
            let listingsChanged = rendered.contains { outcome in
                guard let before = outcomes[outcome.manifest.slug] else { return true }
                return Self.listing(before) != Self.listing(outcome)
            }
            // The audit trail always follows the pages: a text edit changes hashes.
            try next.write(SiteManifest(leaflets: ordered.compactMap(\.record)).jsonData(), to: SiteManifest.fileName)
            if listingsChanged {
                _ = try run.failableStage(.sitePages) { diagnostics throws(BuildFailure) in
                    try builder.writeSitePages(prepared, outcomes: ordered, into: next, diagnostics: &diagnostics)
                }
                try run.stopOnErrors()
            }
        } catch {
            return .failure(error)
        }
        self.prepared = prepared
        outcomes = merged
        output = next
        return .success(Rebuild(full: false, leaflets: replanned.count, seconds: run.elapsed, diagnostics: run.sortedDiagnostics))
    }

    /// What the index pages, search index and sitemap show of a leaflet.
    private static func listing(_ outcome: LeafletOutcome) -> [String] {
        let m = outcome.manifest
        return [m.title, m.summary, m.setting ?? "", m.category ?? "", m.reviewed.description, m.keywords.joined(separator: "\u{1F}")]
            + outcome.sectionTitles
    }
}
