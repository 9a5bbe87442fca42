import Foundation

/// schema.org JSON-LD for search engines: `MedicalWebPage` on leaflets, `WebSite` on indexes.
enum StructuredData {
    struct Organization: Encodable {
        var type = "Organization"
        var name: String
        enum CodingKeys: String, CodingKey { case type = "@type", name }
    }

    struct Person: Encodable {
        var type = "Person"
        var name: String
        enum CodingKeys: String, CodingKey { case type = "@type", name }
    }

    /// Another language version of a page.
    struct Version: Encodable {
        var type = "MedicalWebPage"
        var id: String?
        var url: String?
        var name: String
        var inLanguage: String
        enum CodingKeys: String, CodingKey { case type = "@type", id = "@id", url, name, inLanguage }
    }

    struct MedicalWebPage: Encodable {
        var context = "https://schema.org"
        var type = "MedicalWebPage"
        var id: String?
        var url: String?
        var name: String
        var description: String
        var inLanguage: String
        var lastReviewed: String?
        var audience = "https://schema.org/Patient"
        var reviewedBy: [Person]?
        var keywords: String?
        var publisher: Organization
        var copyrightHolder: Organization
        var copyrightNotice: String
        var translationOfWork: Version?
        var workTranslation: [Version]?
        /// The leaflet's `reference`.
        var identifier: String?
        /// The leaflet's `version`.
        var version: Int?
        enum CodingKeys: String, CodingKey {
            case context = "@context", type = "@type", id = "@id", url, name, description, inLanguage, lastReviewed,
                 audience, reviewedBy, keywords, publisher, copyrightHolder, copyrightNotice, translationOfWork, workTranslation,
                 identifier, version
        }
    }

    struct WebSite: Encodable {
        var context = "https://schema.org"
        var type = "WebSite"
        var url: String?
        var name: String
        var inLanguage: String
        var publisher: Organization
        var copyrightNotice: String
        enum CodingKeys: String, CodingKey { case context = "@context", type = "@type", url, name, inLanguage, publisher, copyrightNotice }
    }

    static func medicalWebPage(_ manifest: LeafletManifest, language: String, publisher: String, copyrightNotice: String,
                               translations: [SiteDirectory.Entry], baseURL: String?) -> String {
        func version(_ entry: SiteDirectory.Entry) -> Version {
            let url = baseURL.map { $0 + SiteLayout.cleanPath(of: entry.slug) }
            return Version(id: url, url: url, name: entry.title, inLanguage: entry.language)
        }
        let url = baseURL.map { $0 + SiteLayout.cleanPath(of: manifest.slug) }
        let page = MedicalWebPage(
            id: url, url: url, name: manifest.title, description: manifest.summary, inLanguage: language,
            lastReviewed: manifest.isReviewed ? manifest.reviewed.description : nil,
            reviewedBy: manifest.reviewedBy.isEmpty ? nil : manifest.reviewedBy.map { Person(name: $0) },
            keywords: manifest.keywords.isEmpty ? nil : manifest.keywords.joined(separator: ", "),
            publisher: Organization(name: publisher),
            copyrightHolder: Organization(name: manifest.copyright == nil ? publisher : copyrightNotice),
            copyrightNotice: copyrightNotice,
            translationOfWork: translations.first { $0.slug == manifest.translationOf }.map(version),
            workTranslation: translations.isEmpty ? nil : translations.map(version),
            identifier: manifest.control.reference, version: manifest.control.version)
        return script(page)
    }

    static func webSite(site: SiteConfig, language: String, copyrightNotice: String, baseURL: String?, path: String) -> String {
        script(WebSite(url: baseURL.map { $0 + path }, name: site.title, inLanguage: language,
                       publisher: Organization(name: site.publisher), copyrightNotice: copyrightNotice))
    }

    /// A `<script type="application/ld+json">` element. Keys are sorted so output is
    /// stable, and `<`, `>` and `&` are escaped so text can never close the element.
    static func script(_ value: some Encodable) -> String {
        "<script type=\"application/ld+json\">\(json(value))</script>"
    }

    /// Sorted-key JSON safe to embed in HTML.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "" }
        var result = ""
        result.reserveCapacity(data.count + 16)
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
