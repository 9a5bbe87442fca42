import Foundation

/// Builds the typed values of each page (`LeafletPage`, `IndexPage`, `NotFoundPage`,
/// `PrintStyle`) once per page, with the JSON-LD, QR code and print style ready, so
/// templates only read values. Keys are documented in the README ("Templates").
struct PageBuilder: Sendable {
    let site: SiteConfig
    /// Interface strings per language; every language of the directory is present.
    let catalog: [String: UIStrings]
    let directory: SiteDirectory
    let baseURL: String?
    let siteCopyrightHTML: String
    let disclaimerHTML: String
    /// Plain-text forms, for JSON-LD and print CSS strings (computed once, not per page).
    let siteCopyrightText: String
    let disclaimerText: String
    let siteValues: PageBasics.Site

    init(site: SiteConfig, catalog: [String: UIStrings], directory: SiteDirectory) {
        self.site = site
        self.catalog = catalog
        self.directory = directory
        self.baseURL = site.baseURL
        siteCopyrightHTML = InlineMarkdown.html(site.copyright, unsafeHTML: site.unsafeHTML)
        disclaimerHTML = InlineMarkdown.html(site.disclaimer, unsafeHTML: site.unsafeHTML)
        siteCopyrightText = InlineMarkdown.plainText(site.copyright)
        disclaimerText = InlineMarkdown.plainText(site.disclaimer)
        siteValues = PageBasics.Site(title: site.title, publisher: site.publisher, language: site.language,
                                     logo: site.branding.logo.map { "assets/" + $0 }, logoAlt: site.branding.logoAlt,
                                     accentColor: site.branding.accentColor?.hex)
    }

    func copyrightText(_ copyright: String?) -> String {
        guard let copyright, copyright != site.copyright else { return siteCopyrightText }
        return InlineMarkdown.plainText(copyright)
    }

    func strings(_ language: String) -> UIStrings {
        catalog[language] ?? catalog[site.language] ?? .english
    }

    /// The footer HTML a page with this copyright text must carry.
    func copyrightHTML(_ copyright: String?) -> String {
        guard let copyright, copyright != site.copyright else { return siteCopyrightHTML }
        return InlineMarkdown.html(copyright, unsafeHTML: site.unsafeHTML)
    }

    /// Values every page has: site, language, legal footers, interface strings, print style.
    func basics(root: String, language: String, title: String, description: String,
                copyright: String, canonicalPath: String?, printCSS: String) -> PageBasics {
        PageBasics(site: siteValues, root: root, home: root + directory.indexPath(for: language),
                   lang: language, dir: LanguageTag.direction(of: language), pageTitle: title, description: description,
                   canonical: canonicalPath.flatMap { path in baseURL.map { $0 + path } },
                   copyrightHTML: copyrightHTML(copyright), disclaimerHTML: disclaimerHTML,
                   strings: strings(language).values,
                   // The print style goes inline, allowed by its hash in the page's CSP: no
                   // stylesheet file per leaflet.
                   printCSS: printCSS, printCSSHash: printCSS.isEmpty ? nil : SHA256.cspSource(printCSS),
                   paper: site.paper.rawValue)
    }

    // MARK: Leaflet pages

    /// `printCSS`: the page's print style (inline, allowed by its hash in the CSP);
    /// `pdfs`: the print editions printed in this build, linked with their type size.
    func leaflet(_ manifest: LeafletManifest, sections: [RenderedSection], language: String, printCSS: String = "",
                 pdfs: [PrintProfile] = []) -> LeafletPage {
        let strings = strings(language)
        var basics = basics(root: "", language: language, title: manifest.title, description: manifest.summary,
                            copyright: manifest.copyright ?? site.copyright,
                            canonicalPath: SiteLayout.cleanPath(of: manifest.slug), printCSS: printCSS)
        let url = baseURL.map { $0 + SiteLayout.cleanPath(of: manifest.slug) }
        let translations = directory.translations(of: manifest.slug)
        if !translations.isEmpty {
            let versions = [(manifest.slug, language)] + translations.map { ($0.slug, $0.language) }
            basics.alternates = versions.sorted { $0.1 < $1.1 }.map { slug, lang in
                PageBasics.Alternate(lang: lang, href: baseURL.map { $0 + SiteLayout.cleanPath(of: slug) } ?? SiteLayout.page(of: slug))
            }
        }
        basics.jsonLDHTML = StructuredData.medicalWebPage(manifest, language: language, publisher: site.publisher,
                                                          copyrightNotice: copyrightText(manifest.copyright),
                                                          translations: translations, baseURL: baseURL)
        var leaflet = LeafletPage.Leaflet(
            slug: manifest.slug, title: manifest.title, summary: manifest.summary,
            setting: manifest.setting, category: manifest.category, keywords: manifest.keywords,
            // Without `next_review`, the review is due `governance.max_review_age` months after the last one.
            // A draft not yet reviewed has no review dates: the page says so (`t.not_reviewed`).
            reviewed: manifest.isReviewed ? date(manifest.reviewed, strings) : nil,
            nextReview: manifest.isReviewed ? date(site.governance.reviewDue(manifest), strings) : nil,
            reviewedBy: manifest.reviewedBy, authors: manifest.authors, sources: manifest.sources,
            reference: RecordPresentation.line(manifest.control, strings: strings) ?? (manifest.isReviewed ? "\(manifest.slug) · \(manifest.reviewed)" : manifest.slug),
            record: RecordPresentation(manifest, strings: strings, original: directory.original(of: manifest.slug)),
            url: url, qrSVGHTML: url.flatMap { QRCode.svg(for: $0, label: "\(strings["qr_label"]) \($0)") },
            pdf: pdfs.contains(.standard) ? SiteLayout.pdf(of: manifest.slug) : nil,
            pdfs: pdfs.map { profile in
                let size = PrintStyle.number(profile.sizes.body)
                return LeafletPage.PDFLink(href: SiteLayout.pdf(of: manifest.slug, profile: profile), profile: profile.rawValue, size: size,
                                          label: strings[profile.labelKey].replacingOccurrences(of: "{size}", with: size))
            },
            sections: sections.map { section($0, strings: strings) },
            translations: translations.map { other in
                LeafletPage.Translation(lang: other.language, dir: LanguageTag.direction(of: other.language), title: other.title,
                                        languageName: self.strings(other.language)["language_name"], href: SiteLayout.page(of: other.slug))
            })
        // A draft (built only with --drafts) must never pass for a published leaflet.
        leaflet.draft = manifest.draft
        basics.noindex = manifest.draft
        return LeafletPage(basics: basics, leaflet: leaflet)
    }

    private func date(_ day: Day, _ strings: UIStrings) -> LeafletPage.DateValues {
        LeafletPage.DateValues(iso: day.description, display: strings.format(day))
    }

    private func section(_ section: RenderedSection, strings: UIStrings) -> LeafletPage.Section {
        var careCard: LeafletPage.CareCard?
        if section.kind.isCareCard {
            let key = section.kind.rawValue.replacingOccurrences(of: "-", with: "_")
            careCard = LeafletPage.CareCard(kind: section.kind, label: strings["\(key)_label"], prefix: strings["\(key)_prefix"])
        }
        return LeafletPage.Section(
            id: section.id, titleID: "\(section.id)--\(Slug.anchor(for: section.title))", title: section.title,
            kind: section.kind, html: section.html,
            headings: section.document.headings.filter { $0.level == 3 }.map { LeafletPage.Heading(id: $0.id, text: $0.text) },
            careCard: careCard)
    }

    // MARK: Index pages

    /// The index of one language: A–Z with letter links, by category, search, languages.
    func index(_ entries: [LeafletManifest], language: String, printCSS: String = "") -> IndexPage {
        let strings = strings(language)
        let isRoot = language == directory.siteLanguage
        let root = isRoot ? "" : "../"
        let path = directory.indexPath(for: language)
        let folderPath = isRoot ? "" : String(path.dropLast("index.html".count))
        var basics = basics(root: root, language: language, title: site.title, description: site.title,
                            copyright: site.copyright, canonicalPath: folderPath, printCSS: printCSS)
        basics.jsonLDHTML = StructuredData.webSite(site: site, language: language, copyrightNotice: siteCopyrightText,
                                                   baseURL: baseURL, path: folderPath)
        let sorted = Self.byTitle(entries)

        var letters: [(letter: String, leaflets: [LeafletManifest])] = []
        for manifest in sorted {
            let letter = Self.initial(of: manifest.title)
            if letters.last?.letter == letter { letters[letters.count - 1].leaflets.append(manifest) } else { letters.append((letter, [manifest])) }
        }
        var letterIDs = UniqueIDs()
        let letterGroups = letters.map { group in
            let id = letterIDs.claim("letter-" + (Slug.anchor(for: group.letter).isEmpty ? "other" : Slug.anchor(for: group.letter)))
            return IndexPage.Group(name: group.letter, id: id, count: countLabel(group.leaflets.count, strings),
                                   leaflets: group.leaflets.map { listing($0, root: root) })
        }

        // Categories differing only in case are one category, spelled as the first
        // leaflet (in slug order) spells it.
        var groups: [String: [LeafletManifest]] = [:]
        var spelling: [String: String] = [:]
        for manifest in entries.sorted(by: { $0.slug < $1.slug }) {
            let key = (manifest.category ?? "").lowercased()
            groups[key, default: []].append(manifest)
            if spelling[key] == nil { spelling[key] = manifest.category ?? "" }
        }
        let keys = groups.keys.filter { !$0.isEmpty }.sorted { (Self.sortKey($0), $0) < (Self.sortKey($1), $1) } + (groups[""] == nil ? [] : [""])
        var categoryIDs = UniqueIDs()
        let categories = keys.map { key in
            let name = spelling[key]!
            let leaflets = Self.byTitle(groups[key]!)
            let id = categoryIDs.claim("category-" + (key.isEmpty || Slug.anchor(for: key).isEmpty ? "other" : Slug.anchor(for: key)))
            return IndexPage.Group(name: name.isEmpty ? strings["other_category"] : name, id: id,
                                   count: countLabel(leaflets.count, strings), leaflets: leaflets.map { listing($0, root: root) })
        }
        let languages = directory.languages.filter { $0 != language }.map { other in
            IndexPage.Language(lang: other, dir: LanguageTag.direction(of: other), name: self.strings(other)["language_name"],
                               href: root + directory.indexPath(for: other))
        }
        return IndexPage(basics: basics, letters: letterGroups, categories: categories, languages: languages,
                         searchIndex: root + SearchIndex.fileName(for: language),
                         leafletCount: countLabel(entries.count, strings), hasLeaflets: !entries.isEmpty)
    }

    private func listing(_ manifest: LeafletManifest, root: String) -> IndexPage.Listing {
        IndexPage.Listing(title: manifest.title, href: root + SiteLayout.page(of: manifest.slug),
                          summary: manifest.summary, setting: manifest.setting)
    }

    /// Leaflets in A–Z order of title (slug breaks ties), keys computed once each.
    static func byTitle(_ manifests: [LeafletManifest]) -> [LeafletManifest] {
        manifests.map { (sortKey($0.title), $0) }.sorted { ($0.0, $0.1.slug) < ($1.0, $1.1.slug) }.map(\.1)
    }

    /// Sort key that ignores case and accents, without depending on the machine's locale.
    static func sortKey(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// The A–Z letter a title is filed under: its first letter without accents.
    static func initial(of title: String) -> String {
        guard let first = title.first(where: { $0.isLetter || $0.isNumber }) else { return "#" }
        if first.isNumber { return "#" }
        return String(first).folding(options: [.diacriticInsensitive], locale: nil).uppercased()
    }

    // MARK: Other pages

    func notFound(language: String, printCSS: String = "") -> NotFoundPage {
        let strings = strings(language)
        // Servers answer missing paths at any depth with this page, so relative links
        // only work from the root; with a base URL they work from everywhere.
        return NotFoundPage(basics: basics(root: baseURL ?? "", language: language, title: strings["not_found_title"],
                                    description: strings["not_found_text"], copyright: site.copyright,
                                    canonicalPath: nil, printCSS: printCSS))
    }

    /// The document-control line printed on every page of a leaflet: reference and
    /// version (when the leaflet has them) beside the date of the last review.
    func printedControlLine(_ manifest: LeafletManifest, language: String) -> String {
        let strings = strings(language)
        let reviewed = manifest.isReviewed ? "\(strings["last_reviewed"]) \(strings.format(manifest.reviewed))" : strings["not_reviewed"]
        return [RecordPresentation.line(manifest.control, strings: strings), reviewed].compactMap { $0 }.joined(separator: " · ")
    }

    /// Values for `print.css.mustache` in one print edition. `control` is the leaflet's
    /// "Ref … · Version … · Last reviewed …" line ("" on index pages); `draft` puts the
    /// draft notice on every printed page; `forPDF` is the copy Chromium prints.
    func printStyle(title: String, copyright: String?, language: String, control: String = "", profile: PrintProfile = .standard,
                    draft: Bool = false, forPDF: Bool = false) -> PrintStyle {
        let strings = strings(language)
        return PrintStyle(paper: site.paper, profile: profile, title: title, control: control.isEmpty ? nil : control,
                          draftNotice: draft ? strings["draft_print"] : nil, disclaimer: disclaimerText, copyright: copyrightText(copyright),
                          pageTemplate: strings["page_x_of_y"], forPDF: forPDF,
                          textDirection: LanguageTag.direction(of: language), legalDirection: LanguageTag.direction(of: site.language))
    }

    private func countLabel(_ count: Int, _ strings: UIStrings) -> String {
        count == 1 ? strings["leaflet_count_one"] : strings["leaflet_count_other"].replacingOccurrences(of: "{count}", with: String(count))
    }
}
