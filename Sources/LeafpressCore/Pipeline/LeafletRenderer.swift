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
    /// The text of each section and included block file by display path (only for `check`).
    var sources: [String: String] = [:]
    var pages = 0
    /// Site paths of the files its sections point at (its own, other leaflets', shared assets).
    var files: Set<String> = []
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
    /// The previous site's PDFs, kept for leaflets not printed in this build.
    var carryOver: PDFCarryOver?
    /// SHA-256 of the theme's files, part of what every PDF is printed from.
    var themeDigest = ""

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
        if keepSections {
            outcome.sections = sections
            for name in outcome.blocks {
                if case .found(let path, let text) = blocks.lookup(name, language: language) { outcome.sources[path] = text }
            }
        }
        outcome.sectionTitles = sections.map(\.title)
        guard !outcome.diagnostics.hasErrors, let writer else { return outcome }

        let printed = pdfSlugs.contains(plan.slug) ? printProfiles : []
        var printCSS = ""
        var editions = PDFEditions()
        if templates.has("print.css") {
            let styles = pages.printStyle(title: plan.manifest.title, copyright: plan.manifest.copyright, language: language,
                                             control: pages.printedControlLine(plan.manifest, language: language), draft: plan.manifest.draft)
            if let problem = styles.problem(at: plan.manifest.keyLocations["copyright"] ?? plan.manifest.location) {
                outcome.diagnostics.append(problem)
                return outcome
            }
            printCSS = templates.render("print.css", styles)
            editions = pdfEditions(plan, language: language, sections: sections, printed: printed, outcome: &outcome)
        }
        let values = pages.leaflet(plan.manifest, sections: sections, language: language, printCSS: printCSS, pdfs: editions.linked)
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
            outcome.record?.pdfs = editions.records
            for (profile, copy) in editions.copies {
                try writer.write(copy, to: PrintRendition.page(slug: plan.slug, profile: profile))
            }
            for (path, record) in editions.kept {
                try writer.keep(path, to: record.file)
            }
        } catch {
            outcome.diagnostics.append(contentsOf: error.diagnostics)
        }
        outcome.pages = 1
        return outcome
    }

    /// The PDF editions of one leaflet's page in this build.
    struct PDFEditions {
        /// Editions the page links to, printed now or kept.
        var linked: [PrintProfile] = []
        /// Print copies of the page to print now (`SiteBuilder` removes them afterwards).
        var copies: [(PrintProfile, String)] = []
        /// Previous PDFs kept: their path in the previous site and their record.
        var kept: [(String, SiteManifest.PDF)] = []
        /// Every edition for `manifest.json`; those printed now get their hash after printing.
        var records: [SiteManifest.PDF] = []
    }

    /// Which PDF editions the page has: those printed in this build (`printed`), and the
    /// previous site's PDFs whose print copy, shown files and theme are unchanged. Any other
    /// previous PDF is dropped with a `pdf-dropped` warning.
    private func pdfEditions(_ plan: LeafletPlan, language: String, sections: [RenderedSection], printed: [PrintProfile],
                             outcome: inout LeafletOutcome) -> PDFEditions {
        var editions = PDFEditions()
        // Drafts never keep a PDF from an earlier build.
        let previous = plan.manifest.draft ? [] : carryOver?.records[plan.slug] ?? []
        guard !printed.isEmpty || !previous.isEmpty else { return editions }
        let manifest = plan.manifest
        var printSections = sections
        for index in printSections.indices {
            printSections[index].html = PrintRendition.demotingSubheadings(printSections[index].html)
        }
        for profile in PrintProfile.allCases {
            let old = previous.first { $0.edition == profile.rawValue }
            guard printed.contains(profile) || old != nil else { continue }
            let styles = pages.printStyle(title: manifest.title, copyright: manifest.copyright, language: language,
                                          control: pages.printedControlLine(manifest, language: language),
                                          profile: profile, draft: manifest.draft, forPDF: true)
            if let problem = styles.problem(at: manifest.keyLocations["copyright"] ?? manifest.location) {
                outcome.diagnostics.append(problem)
                continue
            }
            // The copy never links to PDFs (those links are screen-only), so what is printed
            // does not depend on which editions exist.
            let copy = templates.render("leaflet", pages.leaflet(manifest, sections: printSections, language: language,
                                                                 printCSS: templates.render("print.css", styles), pdfs: []))
            let stamp = printStamp(copy, files: outcome.files, content: plan.folder.content)
            let file = SiteLayout.pdf(of: plan.slug, profile: profile)
            if printed.contains(profile) {
                editions.copies.append((profile, copy))
                editions.records.append(SiteManifest.PDF(file: file, edition: profile.rawValue, sha256: "", printSHA256: stamp))
                editions.linked.append(profile)
            } else if let old, let carryOver {
                if old.printSHA256 == stamp, let path = carryOver.verifiedPath(of: old, slug: plan.slug, profile: profile) {
                    editions.kept.append((path, old))
                    editions.records.append(old)
                    editions.linked.append(profile)
                } else {
                    let why = old.printSHA256 == stamp ? "the file in the previous site is missing or is not the one printed"
                                                        : "the leaflet, a file it shows or the theme changed since it was printed"
                    let command = profile == .large && !site.print.contains(.large) ? "leafpress pdf --large-print" : "leafpress pdf"
                    outcome.diagnostics.append(Diagnostic(.pdfDropped,
                        "the PDF \(file) is left out of the site: \(why); print it again with '\(command) \(plan.slug)', or set 'pdf: true' in site.yml to print PDFs in every build",
                        at: manifest.location))
                }
            }
        }
        return editions
    }

    /// SHA-256 of everything a PDF edition is made from: its print copy, the bytes of each
    /// file the page shows and the theme's files.
    private func printStamp(_ copy: String, files: Set<String>, content: SourceFolder) -> String {
        var listing = SourceDigest.hex(copy.utf8) + "  page\n"
        for file in files.sorted() {
            let digest = (try? content.data(LeafletFiles.sourcePath(of: file)).get()).map { SourceDigest.hex($0) } ?? "missing"
            listing += digest + "  " + file + "\n"
        }
        listing += themeDigest + "  theme\n"
        return SourceDigest.hex(listing.utf8)
    }

    /// With `hashing`, `sources` receives the section file's hash for `manifest.json`.
    /// `placeholder`: scaffold text ("Replace this …") still in a section of a leaflet that
    /// is not a draft, at its line and column.
    static func placeholders(in body: Substring, path: String, lineOffset: Int) -> [Diagnostic] {
        // Almost no section has one: one byte search first, because splitting every
        // section into lines and searching each through Foundation was a tenth of a build.
        let present = body.utf8.withContiguousStorageIfAvailable { ByteSearch.find(LeafletScaffold.placeholderMarker, in: $0) != nil }
        guard present ?? true else { return [] }
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
        if keepSections { outcome.sources[path] = text }
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
        outcome.files.formUnion(links.files)

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
