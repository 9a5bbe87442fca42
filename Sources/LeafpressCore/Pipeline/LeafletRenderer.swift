import Foundation

/// What rendering one leaflet produced; small, so ten thousand of them fit in memory
/// after their pages have been written out.
struct LeafletOutcome: Sendable {
    var manifest: LeafletManifest
    var folder: String
    var diagnostics: [Diagnostic] = []
    var pendingAnchors: [LinkResolver.PendingAnchor] = []
    /// A 64-bit hash of `file#anchor` for every heading anchor of every section, for
    /// links from other leaflets: ten thousand of these stay in memory for the whole
    /// build, and hashes take an eighth of the space of the strings.
    var anchors: [UInt64] = []
    /// Shared blocks the leaflet includes, directly or through other blocks, sorted.
    var blocks: [String] = []
    /// Sections with their documents (only kept when text is collected, for `check`).
    var sections: [RenderedSection] = []
    var pages = 0
    /// Section titles in page order, for the search index.
    var sectionTitles: [String] = []
    /// The leaflet's entry in `manifest.json` (nil for drafts and when sources are not hashed).
    var record: SiteManifest.Leaflet?
}

/// Reads, converts and renders one leaflet and writes its page: the per-leaflet stage
/// that runs in parallel.
struct LeafletRenderer: Sendable {
    let templates: TemplateSet
    let pages: PageBuilder
    let targets: LinkTargets
    let site: SiteConfig
    /// nil when nothing is written (`check`).
    let writer: (any SiteOutput)?
    /// Keep each section's document (text blocks for `check`).
    let keepSections: Bool
    /// The site's shared blocks, for `{{> NAME}}`.
    var blocks: BlockLibrary
    /// Callout labels and table names per language.
    var labels: [String: MarkdownLabels] = [:]
    /// Leaflets whose page links to a PDF printed in this build.
    var pdfSlugs: Set<String> = []
    /// Hash every source file for `manifest.json` (always when pages are written).
    var hashSources = false
    /// The print editions printed for them (`site.yml` `print:`, `--large-print`).
    var printProfiles: [PrintProfile] = []

    func render(_ plan: LeafletPlan) -> LeafletOutcome {
        var outcome = LeafletOutcome(manifest: plan.manifest, folder: plan.folder.displayPath)
        // Where each key was written matters only while the leaflet is checked.
        defer { outcome.manifest.keyLocations = [:] }
        var sections: [RenderedSection] = []
        let hashing = hashSources || writer != nil
        var sources: [SiteManifest.Source] = hashing ? [SiteManifest.Source(path: "leaflets/\(plan.slug)/leaflet.yml", sha256: plan.manifestSHA256)] : []
        for slot in plan.sections {
            if let section = convert(slot, of: plan, outcome: &outcome, hashing: hashing, sources: &sources) { sections.append(section) }
        }
        let language = plan.manifest.language ?? site.language
        outcome.blocks = Set(sections.flatMap(\.document.blocks)).sorted()
        if hashing, !plan.manifest.draft {
            // The shared blocks it includes are part of what the leaflet says: hash the
            // file of each block in the leaflet's language.
            for name in outcome.blocks {
                guard case .found(let path, let text) = blocks.lookup(name, language: language) else { continue }
                let relative = path.hasPrefix(blocks.folder + "/") ? "blocks/" + path.dropFirst(blocks.folder.count + 1) : path
                sources.append(SiteManifest.Source(path: relative, sha256: SourceDigest.hex(text.utf8)))
            }
            outcome.record = SiteManifest.Leaflet(manifest: plan.manifest, language: language, governance: site.governance,
                                                  sources: sources, pageSHA256: nil)
        }
        if !plan.manifest.draft {
            for name in site.requiredBlocks where !outcome.blocks.contains(name) {
                outcome.diagnostics.append(.error("the leaflet does not include the required block '\(name)'; add a paragraph '{{> \(name)}}' to one of its sections",
                                                  at: plan.manifest.location, rule: .blockRequired))
            }
        }
        if !plan.isStandIn, !sections.isEmpty, !sections.contains(where: { $0.kind.isCareCard }) {
            outcome.diagnostics.append(.warning("leaflet has no 'when to get help' care card (a section with kind emergency, urgent or non-urgent)",
                                                at: plan.manifest.location, rule: .noCareCard))
        }
        if keepSections { outcome.sections = sections }
        outcome.sectionTitles = sections.map(\.title)
        guard !outcome.diagnostics.hasErrors, let writer else { return outcome }

        let printed = pdfSlugs.contains(plan.slug) ? printProfiles : []
        var printCSS = ""
        if templates.has("print.css") {
            let styles = pages.printStyle(title: plan.manifest.title, copyright: plan.manifest.copyright, language: language,
                                             control: pages.printedControlLine(plan.manifest, language: language), draft: plan.manifest.draft)
            if let problem = styles.problem(at: plan.manifest.keyLocations["copyright"] ?? plan.manifest.location) {
                outcome.diagnostics.append(problem)
                return outcome
            }
            printCSS = templates.render("print.css", styles)
        }
        let values = pages.leaflet(plan.manifest, sections: sections, language: language, printCSS: printCSS, pdfs: printed)
        let html = templates.render("leaflet", values)
        let page = SiteLayout.page(of: plan.slug)
        if let problem = FooterCheck.verify(html, copyrightHTML: pages.copyrightHTML(plan.manifest.copyright),
                                            disclaimerHTML: pages.disclaimerHTML,
                                            template: templates.footerPath(for: "leaflet"), page: page) {
            outcome.diagnostics.append(problem)
            return outcome
        }
        do {
            try writer.write(html, to: page)
            outcome.record?.pageSHA256 = SourceDigest.hex(html.utf8)
            if templates.has("print.css"), !printed.isEmpty {
                try writePrintCopies(plan, language: language, sections: sections, printed: printed, writer: writer, outcome: &outcome)
            }
            for asset in plan.folder.assetFiles {
                try writer.copy(plan.folder.relativePath + "/" + asset, in: plan.folder.content, to: SiteLayout.file(asset, of: plan.slug))
            }
        } catch {
            outcome.diagnostics.append(contentsOf: error.diagnostics)
        }
        outcome.pages = 1
        return outcome
    }

    /// For each edition printed to PDF, a copy of the page with that edition's print style,
    /// which Chromium prints; `SiteBuilder` removes the copies once the PDFs exist.
    private func writePrintCopies(_ plan: LeafletPlan, language: String, sections: [RenderedSection], printed: [PrintProfile],
                                  writer: any SiteOutput, outcome: inout LeafletOutcome) throws(BuildFailure) {
        let manifest = plan.manifest
        var printSections = sections
        for index in printSections.indices {
            printSections[index].html = PrintRendition.demotingSubheadings(printSections[index].html)
        }
        for profile in printed {
            let styles = pages.printStyle(title: manifest.title, copyright: manifest.copyright, language: language,
                                             control: pages.printedControlLine(manifest, language: language),
                                             profile: profile, draft: manifest.draft, forPDF: true)
            if let problem = styles.problem(at: manifest.keyLocations["copyright"] ?? manifest.location) {
                outcome.diagnostics.append(problem)
                continue
            }
            let page = templates.render("leaflet", pages.leaflet(manifest, sections: printSections, language: language,
                                                                   printCSS: templates.render("print.css", styles), pdfs: printed))
            try writer.write(page, to: PrintRendition.page(slug: plan.slug, profile: profile))
        }
    }

    /// With `hashing`, `sources` receives the section file's hash for `manifest.json`.
    /// `placeholder`: scaffold text ("Replace this …") still in a section of a leaflet that
    /// is not a draft, at its line and column.
    static func placeholders(in body: Substring, path: String, lineOffset: Int) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: LeafletScaffold.placeholderMarker) else { continue }
            let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
            found.append(Diagnostic(.placeholder, "scaffold text \"\(line[range.lowerBound...].prefix(60))\" is still here; write the section, or mark the leaflet 'draft: true' until it is ready",
                                    at: SourceLocation(path: path, line: lineOffset + index + 1, column: column)))
        }
        return found
    }

    private func convert(_ slot: LeafletPlan.SectionSlot, of plan: LeafletPlan, outcome: inout LeafletOutcome,
                         hashing: Bool, sources: inout [SiteManifest.Source]) -> RenderedSection? {
        let path = plan.folder.displayPath + "/" + slot.file
        let text: String
        let loaded: Result<String, Diagnostic>
        if hashing {
            // Hashed as the bytes on disk, so `sha256sum` on the file gives the same value.
            switch plan.folder.data(slot.file) {
            case .success(let bytes):
                sources.append(SiteManifest.Source(path: "leaflets/\(plan.slug)/\(slot.file)", sha256: SourceDigest.hex(bytes)))
                loaded = SourceText.decode(bytes, displayPath: path)
            case .failure(let diagnostic):
                loaded = .failure(diagnostic)
            }
        } else {
            loaded = plan.folder.text(slot.file)
        }
        switch loaded {
        case .failure(let diagnostic):
            outcome.diagnostics.append(diagnostic)
            return nil
        case .success(let value):
            text = value
        }
        let split: FrontMatter
        do {
            split = try FrontMatter.split(text)
        } catch {
            outcome.diagnostics.append(.error("front matter opened with '---' is never closed", at: SourceLocation(path: path, line: 1, column: 1), rule: .frontMatter))
            return nil
        }
        let header = split.yaml.map { SectionHeader.load(yaml: $0, path: path, diagnostics: &outcome.diagnostics) } ?? SectionHeader()

        var options = MarkdownOptions()
        options.unsafeHTML = site.unsafeHTML
        options.extractTitle = header.title == nil
        options.title = header.title
        options.idPrefix = slot.id
        options.collectText = keepSections
        let language = plan.manifest.language ?? site.language
        options.labels = labels[language] ?? MarkdownLabels()
        var links = LinkResolver(targets: targets, slug: plan.slug, path: path, lineOffset: split.bodyLineOffset)
        links.baseURL = site.baseURL
        var warnings: [Diagnostic] = []
        let document = MarkdownConverter.convert(split.body, options: options, links: &links, blocks: blocks.provider(language: language)) { message, line, column in
            warnings.append(.warning(message, at: SourceLocation(path: path, line: line + split.bodyLineOffset, column: column), rule: .unsafeLink))
        }
        outcome.diagnostics += warnings + links.diagnostics
        if !plan.manifest.draft {
            outcome.diagnostics += Self.placeholders(in: split.body, path: path, lineOffset: split.bodyLineOffset)
        }
        for finding in document.findings {
            // Findings inside a shared block are placed in the block's own file.
            let at = finding.source.map { SourceLocation(path: $0, line: finding.line, column: finding.column) }
                ?? SourceLocation(path: path, line: finding.line + split.bodyLineOffset, column: finding.column)
            outcome.diagnostics.append(Diagnostic(finding.rule, finding.message, at: at))
        }
        outcome.pendingAnchors += links.pendingAnchors

        guard let title = header.title ?? document.title else {
            outcome.diagnostics.append(.error("section has no title: add 'title:' front matter or start it with a heading", at: SourceLocation(path: path, line: 1, column: 1), rule: .sectionTitle))
            return nil
        }
        if document.isEmpty {
            outcome.diagnostics.append(.error("section is empty", at: SourceLocation(path: path, line: split.bodyLineOffset + 1, column: 1), rule: .emptySection))
            return nil
        }
        for image in document.images where image.text.isEmpty {
            let at = image.source.map { SourceLocation(path: $0, line: image.line, column: image.column) }
                ?? SourceLocation(path: path, line: image.line + split.bodyLineOffset, column: image.column)
            outcome.diagnostics.append(.error("image '\(image.destination)' has no alt text; describe it in the brackets: ![what it shows](\(image.destination))",
                                              at: at, rule: .imageAlt))
        }
        var previousLevel = document.titleLevel
        for heading in document.headings where heading.source == nil {
            if let previous = previousLevel, heading.sourceLevel > previous + 1 {
                outcome.diagnostics.append(.warning("heading level jumps from \(previous) to \(heading.sourceLevel); use \(String(repeating: "#", count: previous + 1))",
                                                    at: SourceLocation(path: path, line: heading.line + split.bodyLineOffset, column: 1), rule: .headingSkip))
            }
            previousLevel = heading.sourceLevel
        }
        var anchors = Set(document.anchors.keys)
        anchors.insert(Slug.anchor(for: title))
        outcome.anchors += anchors.sorted().map { AnchorHash.of(file: slot.file, anchor: $0) }
        outcome.anchors.append(AnchorHash.of(file: slot.file, anchor: nil))
        var stripped = document
        stripped.html = ""
        return RenderedSection(file: slot.file, id: slot.id, title: title, kind: header.kind, html: document.html, document: stripped)
    }
}
