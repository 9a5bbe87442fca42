import Foundation

/// schema.org JSON-LD for search engines: `MedicalWebPage` on leaflets, `WebSite` on indexes.
enum StructuredData {
    static func medicalWebPage(_ manifest: LeafletManifest, language: String, site: SiteConfig,
                               translations: [SiteDirectory.Entry], baseURL: String?) -> String {
        let publisher: [String: Any] = ["@type": "Organization", "name": site.publisher]
        var page: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "name": manifest.title,
            "description": manifest.summary,
            "inLanguage": language,
            "lastReviewed": manifest.reviewed.description,
            "audience": "https://schema.org/Patient",
            "publisher": publisher,
            "copyrightHolder": manifest.copyright == nil ? publisher : ["@type": "Organization", "name": InlineMarkdown.plainText(manifest.copyright!)],
            "copyrightNotice": InlineMarkdown.plainText(manifest.copyright ?? site.copyright),
        ]
        if !manifest.reviewedBy.isEmpty {
            page["reviewedBy"] = manifest.reviewedBy.map { ["@type": "Person", "name": $0] }
        }
        if !manifest.keywords.isEmpty { page["keywords"] = manifest.keywords.joined(separator: ", ") }
        if let baseURL {
            page["url"] = baseURL + manifest.slug + "/"
            page["@id"] = baseURL + manifest.slug + "/"
        }
        if !translations.isEmpty {
            let versions = translations.map { other -> [String: Any] in
                var work: [String: Any] = ["@type": "MedicalWebPage", "name": other.title, "inLanguage": other.language]
                if let baseURL { work["@id"] = baseURL + other.slug + "/"; work["url"] = baseURL + other.slug + "/" }
                return work
            }
            if let original = translations.first(where: { $0.slug == manifest.translationOf }) {
                var work: [String: Any] = ["@type": "MedicalWebPage", "name": original.title, "inLanguage": original.language]
                if let baseURL { work["@id"] = baseURL + original.slug + "/" }
                page["translationOfWork"] = work
            }
            page["workTranslation"] = versions.filter { ($0["name"] as? String) != nil }
        }
        return script(page)
    }

    static func webSite(site: SiteConfig, language: String, baseURL: String?, path: String) -> String {
        var value: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": site.title,
            "inLanguage": language,
            "publisher": ["@type": "Organization", "name": site.publisher],
            "copyrightNotice": InlineMarkdown.plainText(site.copyright),
        ]
        if let baseURL { value["url"] = baseURL + path }
        return script(value)
    }

    /// A `<script type="application/ld+json">` element. Keys are sorted so output is
    /// stable, and `<` is escaped so text can never close the script element.
    static func script(_ value: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "" }
        let json = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
        return "<script type=\"application/ld+json\">\(json)</script>"
    }
}
