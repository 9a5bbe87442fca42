import Foundation

/// Builds the values each template sees. Keys are documented in the README ("Templates");
/// everything is escaped by Mustache unless its key ends in `_html` and is written `{{{…}}}`.
struct PageContext: Sendable {
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

    init(site: SiteConfig, catalog: [String: UIStrings], directory: SiteDirectory) {
        self.site = site
        self.catalog = catalog
        self.directory = directory
        self.baseURL = site.baseURL
        siteCopyrightHTML = InlineMarkdown.html(site.copyright, unsafeHTML: site.unsafeHTML)
        disclaimerHTML = InlineMarkdown.html(site.disclaimer, unsafeHTML: site.unsafeHTML)
        siteCopyrightText = InlineMarkdown.plainText(site.copyright)
        disclaimerText = InlineMarkdown.plainText(site.disclaimer)
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

    /// Values every page has: site, language, legal footers, interface strings.
    func common(root: String, language: String, title: String, description: String,
                copyright: String, canonicalPath: String?, printCSS: String) -> [String: Any] {
        let strings = strings(language)
        var context: [String: Any] = [
            "site": ["title": site.title, "publisher": site.publisher, "language": site.language] as [String: Any],
            "root": root,
            "home": root + directory.indexPath(for: language),
            "lang": language,
            "dir": LanguageTag.direction(of: language),
            "page_title": title,
            "description": description,
            "copyright_html": copyrightHTML(copyright),
            "disclaimer_html": disclaimerHTML,
            "t": strings.values,
            // The page's print style goes inline, allowed by its hash in the page's CSP:
            // no stylesheet file per leaflet.
            "print_css": printCSS,
            "paper": site.paper.rawValue,
            "generator": "Leafpress",
        ]
        if !printCSS.isEmpty { context["print_css_hash"] = SHA256.cspSource(printCSS) }
        if let baseURL, let canonicalPath { context["canonical"] = baseURL + canonicalPath }
        return context
    }

    // MARK: Leaflet pages

    func leaflet(_ manifest: LeafletManifest, sections: [RenderedSection], language: String, printCSS: String = "",
                 pdf: String? = nil) -> [String: Any] {
        let strings = strings(language)
        var context = common(root: "", language: language, title: manifest.title, description: manifest.summary,
                             copyright: manifest.copyright ?? site.copyright,
                             canonicalPath: SiteLayout.cleanPath(of: manifest.slug), printCSS: printCSS)
        var leaflet: [String: Any] = [
            "slug": manifest.slug,
            "title": manifest.title,
            "summary": manifest.summary,
            "keywords": manifest.keywords,
            "reviewed": ["iso": manifest.reviewed.description, "display": strings.format(manifest.reviewed)],
            "reviewed_by": manifest.reviewedBy,
            "has_reviewed_by": !manifest.reviewedBy.isEmpty,
            "has_authors": !manifest.authors.isEmpty,
            "has_sources": !manifest.sources.isEmpty,
            "authors": manifest.authors,
            "sources": manifest.sources,
            "reference": RecordPresentation.line(manifest.control, strings: strings) ?? "\(manifest.slug) · \(manifest.reviewed)",
            "record": RecordPresentation(manifest, strings: strings, original: directory.original(of: manifest.slug)).values,
            "sections": sections.map { section($0, strings: strings) },
        ]
        if let setting = manifest.setting { leaflet["setting"] = setting }
        if let category = manifest.category { leaflet["category"] = category }
        // Without `next_review`, the review is due `governance.max_review_age` months after the last one.
        let next = site.governance.reviewDue(manifest)
        leaflet["next_review"] = ["iso": next.description, "display": strings.format(next)]
        if let baseURL {
            let url = baseURL + SiteLayout.cleanPath(of: manifest.slug)
            leaflet["url"] = url
            if let svg = QRCode.svg(for: url, label: "\(strings["qr_label"]) \(url)") { leaflet["qr_svg_html"] = svg }
        }
        if let pdf { leaflet["pdf"] = pdf }

        let translations = directory.translations(of: manifest.slug)
        leaflet["translations"] = translations.map { other -> [String: Any] in
            ["lang": other.language, "dir": LanguageTag.direction(of: other.language), "title": other.title,
             "language_name": self.strings(other.language)["language_name"], "href": SiteLayout.page(of: other.slug)]
        }
        leaflet["has_translations"] = !translations.isEmpty
        if !translations.isEmpty {
            let versions = [(manifest.slug, language)] + translations.map { ($0.slug, $0.language) }
            context["alternates"] = versions.sorted { $0.1 < $1.1 }.map { slug, lang in
                ["lang": lang, "href": baseURL.map { $0 + SiteLayout.cleanPath(of: slug) } ?? SiteLayout.page(of: slug)]
            }
        }
        context["json_ld_html"] = StructuredData.medicalWebPage(manifest, language: language, publisher: site.publisher,
                                                               copyrightNotice: copyrightText(manifest.copyright),
                                                               translations: translations, baseURL: baseURL)
        context["leaflet"] = leaflet
        context["is_leaflet"] = true
        return context
    }

    /// The document-control line printed on every page of a leaflet: reference and
    /// version (when the leaflet has them) beside the date of the last review.
    func printedControlLine(_ manifest: LeafletManifest, language: String) -> String {
        let strings = strings(language)
        let reviewed = "\(strings["last_reviewed"]) \(strings.format(manifest.reviewed))"
        return [RecordPresentation.line(manifest.control, strings: strings), reviewed].compactMap { $0 }.joined(separator: " · ")
    }

    private func section(_ section: RenderedSection, strings: UIStrings) -> [String: Any] {
        var values: [String: Any] = [
            "id": section.id,
            "title_id": "\(section.id)--\(Slug.anchor(for: section.title))",
            "title": section.title,
            "kind": section.kind.rawValue,
            "html": section.html,
            "headings": section.document.headings.filter { $0.level == 3 }.map { ["id": $0.id, "text": $0.text] },
        ]
        if section.kind.isCareCard {
            let key = section.kind.rawValue.replacingOccurrences(of: "-", with: "_")
            values["care_card"] = [
                "level": section.kind.rawValue,
                "label": strings["\(key)_label"],
                "prefix": strings["\(key)_prefix"],
                "is_emergency": section.kind == .emergency,
                "is_urgent": section.kind == .urgent,
                "is_non_urgent": section.kind == .nonUrgent,
            ]
        }
        return values
    }

    // MARK: Index pages

    /// The index of one language: A–Z with letter links, by category, search, languages.
    func index(_ entries: [LeafletManifest], language: String, printCSS: String = "") -> [String: Any] {
        let strings = strings(language)
        let isRoot = language == directory.siteLanguage
        let root = isRoot ? "" : "../"
        let path = directory.indexPath(for: language)
        var context = common(root: root, language: language, title: site.title, description: site.title,
                             copyright: site.copyright, canonicalPath: isRoot ? "" : String(path.dropLast("index.html".count)),
                             printCSS: printCSS)
        let sorted = Self.byTitle(entries)

        var letters: [(letter: String, leaflets: [LeafletManifest])] = []
        for manifest in sorted {
            let letter = Self.initial(of: manifest.title)
            if letters.last?.letter == letter { letters[letters.count - 1].leaflets.append(manifest) } else { letters.append((letter, [manifest])) }
        }
        var letterIDs = UniqueIDs()
        context["letters"] = letters.map { group -> [String: Any] in
            let id = letterIDs.claim("letter-" + (Slug.anchor(for: group.letter).isEmpty ? "other" : Slug.anchor(for: group.letter)))
            return ["letter": group.letter, "id": id, "count": countLabel(group.leaflets.count, strings),
                    "leaflets": group.leaflets.map { listing($0, root: root) }]
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
        context["categories"] = keys.map { key -> [String: Any] in
            let name = spelling[key]!
            let leaflets = Self.byTitle(groups[key]!)
            let id = categoryIDs.claim("category-" + (key.isEmpty || Slug.anchor(for: key).isEmpty ? "other" : Slug.anchor(for: key)))
            return [
                "name": name.isEmpty ? strings["other_category"] : name,
                "id": id,
                "count": countLabel(leaflets.count, strings),
                "leaflets": leaflets.map { listing($0, root: root) },
            ]
        }
        let others = directory.languages.filter { $0 != language }
        context["languages"] = others.map { other -> [String: Any] in
            ["lang": other, "dir": LanguageTag.direction(of: other), "name": self.strings(other)["language_name"],
             "href": root + directory.indexPath(for: other)]
        }
        context["has_languages"] = !others.isEmpty
        context["search_index"] = root + SearchIndex.fileName(for: language)
        context["leaflet_count"] = countLabel(entries.count, strings)
        context["has_leaflets"] = !entries.isEmpty
        context["json_ld_html"] = StructuredData.webSite(site: site, language: language, copyrightNotice: siteCopyrightText,
                                                         baseURL: baseURL, path: isRoot ? "" : String(path.dropLast("index.html".count)))
        context["is_index"] = true
        return context
    }

    private func listing(_ manifest: LeafletManifest, root: String) -> [String: Any] {
        var values: [String: Any] = [
            "title": manifest.title,
            "href": root + SiteLayout.page(of: manifest.slug),
            "summary": manifest.summary,
        ]
        if let setting = manifest.setting { values["setting"] = setting }
        return values
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

    func notFound(language: String, printCSS: String = "") -> [String: Any] {
        let strings = strings(language)
        // Servers answer missing paths at any depth with this page, so relative links
        // only work from the root; with a base URL they work from everywhere.
        var context = common(root: baseURL ?? "", language: language, title: strings["not_found_title"],
                             description: strings["not_found_text"], copyright: site.copyright,
                             canonicalPath: nil, printCSS: printCSS)
        context["is_404"] = true
        return context
    }

    /// Values for `print.css.mustache`: CSS string literals, not HTML.
    /// `control` is the leaflet's "Ref … · Version … · Last reviewed …" line ("" on index pages).
    func printStyles(title: String, copyright: String, language: String, control: String = "") -> [String: Any] {
        var parts: [String] = []
        var rest = Substring(strings(language)["page_x_of_y"])
        while true {
            let page = rest.range(of: "{page}"), pages = rest.range(of: "{pages}")
            guard let range = [page, pages].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) else { break }
            if range.lowerBound > rest.startIndex { parts.append(CSSString.quoted(String(rest[..<range.lowerBound]))) }
            parts.append(rest[range] == "{page}" ? "counter(page)" : "counter(pages)")
            rest = rest[range.upperBound...]
        }
        if !rest.isEmpty { parts.append(CSSString.quoted(String(rest))) }
        return [
            "paper": site.paper == .a4 ? "A4" : "letter",
            "title_css": CSSString.quoted(title),
            "copyright_css": CSSString.quoted(copyrightText(copyright)),
            "disclaimer_css": CSSString.quoted(disclaimerText),
            "page_counter_css": parts.joined(separator: " "),
            "control_css": CSSString.quoted(control),
        ]
    }

    private func countLabel(_ count: Int, _ strings: UIStrings) -> String {
        count == 1 ? strings["leaflet_count_one"] : strings["leaflet_count_other"].replacingOccurrences(of: "{count}", with: String(count))
    }
}
