import Foundation

/// Builds the values each template sees. Keys are documented in the README ("Templates");
/// everything is escaped by Mustache unless its key ends in `_html` and is written `{{{…}}}`.
struct PageContext: Sendable {
    let site: SiteConfig
    let strings: UIStrings
    let baseURL: String?
    let siteCopyrightHTML: String
    let disclaimerHTML: String

    init(site: SiteConfig, strings: UIStrings, baseURL: String?) {
        self.site = site
        self.strings = strings
        self.baseURL = baseURL
        siteCopyrightHTML = InlineMarkdown.html(site.copyright, unsafeHTML: site.unsafeHTML)
        disclaimerHTML = InlineMarkdown.html(site.disclaimer, unsafeHTML: site.unsafeHTML)
    }

    /// The footer HTML a page with this copyright text must carry.
    func copyrightHTML(_ copyright: String?) -> String {
        guard let copyright, copyright != site.copyright else { return siteCopyrightHTML }
        return InlineMarkdown.html(copyright, unsafeHTML: site.unsafeHTML)
    }

    /// Values every page has: site, language, legal footers, interface strings.
    func common(root: String, language: String, title: String, description: String,
                copyright: String, canonicalPath: String?, printCSS: String) -> [String: Any] {
        var context: [String: Any] = [
            "site": ["title": site.title, "publisher": site.publisher, "language": site.language] as [String: Any],
            "root": root,
            "lang": language,
            "dir": LanguageTag.direction(of: language),
            "page_title": title,
            "description": description,
            "copyright_html": copyrightHTML(copyright),
            "disclaimer_html": disclaimerHTML,
            "t": strings.values,
            "print_css": printCSS,
            "paper": site.paper.rawValue,
            "generator": "Leafpress",
        ]
        if let baseURL, let canonicalPath { context["canonical"] = baseURL + canonicalPath }
        return context
    }

    func leaflet(_ manifest: LeafletManifest, sections: [RenderedSection], language: String, pdf: String? = nil) -> [String: Any] {
        var context = common(root: "../", language: language, title: manifest.title, description: manifest.summary,
                             copyright: manifest.copyright ?? site.copyright,
                             canonicalPath: "\(manifest.slug)/", printCSS: "print.css")
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
            "reference": "\(manifest.slug) · \(manifest.reviewed)",
            "sections": sections.map(section),
        ]
        if let setting = manifest.setting { leaflet["setting"] = setting }
        if let category = manifest.category { leaflet["category"] = category }
        if let next = manifest.nextReview {
            leaflet["next_review"] = ["iso": next.description, "display": strings.format(next)]
        }
        if let baseURL {
            let url = baseURL + manifest.slug + "/"
            leaflet["url"] = url
            if let svg = QRCode.svg(for: url, label: "\(strings["qr_label"]) \(url)") { leaflet["qr_svg_html"] = svg }
        }
        if let pdf { leaflet["pdf"] = pdf }
        context["leaflet"] = leaflet
        context["is_leaflet"] = true
        return context
    }

    private func section(_ section: RenderedSection) -> [String: Any] {
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

    func index(_ entries: [LeafletManifest], language: String) -> [String: Any] {
        var context = common(root: "", language: language, title: site.title, description: site.title,
                             copyright: site.copyright, canonicalPath: "", printCSS: "theme/print.css")
        // Categories differing only in case are one category, spelled as the first
        // leaflet (in slug order) spells it.
        var groups: [String: [LeafletManifest]] = [:]
        var spelling: [String: String] = [:]
        for manifest in entries {
            let key = (manifest.category ?? "").lowercased()
            groups[key, default: []].append(manifest)
            if spelling[key] == nil { spelling[key] = manifest.category ?? "" }
        }
        let keys = groups.keys.filter { !$0.isEmpty }.sorted() + (groups[""] == nil ? [] : [""])
        var usedIDs: Set<String> = []
        context["categories"] = keys.map { key -> [String: Any] in
            let name = spelling[key]!
            let leaflets = groups[key]!.sorted { ($0.title.lowercased(), $0.slug) < ($1.title.lowercased(), $1.slug) }
            let base = "category-" + (key.isEmpty ? "other" : Slug.anchor(for: key))
            var id = base
            var n = 2
            while !usedIDs.insert(id).inserted { id = "\(base)-\(n)"; n += 1 }
            return [
                "name": name.isEmpty ? strings["other_category"] : name,
                "id": id,
                "count": countLabel(leaflets.count),
                "leaflets": leaflets.map(listing),
            ]
        }
        context["leaflet_count"] = countLabel(entries.count)
        context["has_leaflets"] = !entries.isEmpty
        context["is_index"] = true
        return context
    }

    private func listing(_ manifest: LeafletManifest) -> [String: Any] {
        var values: [String: Any] = [
            "title": manifest.title,
            "href": "\(manifest.slug)/index.html",
            "summary": manifest.summary,
        ]
        if let setting = manifest.setting { values["setting"] = setting }
        return values
    }

    func notFound(language: String) -> [String: Any] {
        // Servers answer missing paths at any depth with this page, so relative links
        // only work from the root; with a base URL they work from everywhere.
        var context = common(root: baseURL ?? "", language: language, title: strings["not_found_title"],
                             description: strings["not_found_text"], copyright: site.copyright,
                             canonicalPath: nil, printCSS: (baseURL ?? "") + "theme/print.css")
        context["is_404"] = true
        return context
    }

    /// Values for `print.css.mustache`: CSS string literals, not HTML.
    func printStyles(title: String, copyright: String) -> [String: Any] {
        let pageLabel = strings["page_x_of_y"]
        var parts: [String] = []
        var rest = Substring(pageLabel)
        while let range = rest.range(of: "{page}") ?? rest.range(of: "{pages}") {
            let token = rest[range]
            if range.lowerBound > rest.startIndex { parts.append(CSSString.quoted(String(rest[..<range.lowerBound]))) }
            parts.append(token == "{page}" ? "counter(page)" : "counter(pages)")
            rest = rest[range.upperBound...]
        }
        if !rest.isEmpty { parts.append(CSSString.quoted(String(rest))) }
        return [
            "paper": site.paper == .a4 ? "A4" : "letter",
            "title_css": CSSString.quoted(title),
            "copyright_css": CSSString.quoted(InlineMarkdown.plainText(copyright)),
            "disclaimer_css": CSSString.quoted(InlineMarkdown.plainText(site.disclaimer)),
            "page_counter_css": parts.joined(separator: " "),
        ]
    }

    private func countLabel(_ count: Int) -> String {
        count == 1 ? strings["leaflet_count_one"] : strings["leaflet_count_other"].replacingOccurrences(of: "{count}", with: String(count))
    }
}
