/// The values of one leaflet's page (`leaflet.mustache`): the common values and
/// `leaflet.*`, built once per page with its JSON-LD and QR code already made.
struct LeafletPage: Sendable, MustacheObject {
    /// A date as a `<time>` element needs it.
    struct DateValues: Sendable, MustacheObject {
        var iso: String
        var display: String

        func mustacheValue(forKey key: String) -> MustacheValue? {
            switch key {
            case "iso": .string(iso)
            case "display": .string(display)
            default: nil
            }
        }
    }

    /// A subheading of a section, for in-page navigation.
    struct Heading: Sendable, MustacheObject {
        var id: String
        var text: String

        func mustacheValue(forKey key: String) -> MustacheValue? {
            switch key {
            case "id": .string(id)
            case "text": .string(text)
            default: nil
            }
        }
    }

    /// What a care card section shows of its level.
    struct CareCard: Sendable, MustacheObject {
        var kind: SectionKind
        var label: String
        var prefix: String

        func mustacheValue(forKey key: String) -> MustacheValue? {
            switch key {
            case "level": .string(kind.rawValue)
            case "label": .string(label)
            case "prefix": .string(prefix)
            case "is_emergency": .bool(kind == .emergency)
            case "is_urgent": .bool(kind == .urgent)
            case "is_non_urgent": .bool(kind == .nonUrgent)
            default: nil
            }
        }
    }

    /// One care section of the leaflet.
    struct Section: Sendable, MustacheObject {
        var id: String
        var titleID: String
        var title: String
        var kind: SectionKind
        var html: String
        var headings: [Heading]
        /// nil for information sections.
        var careCard: CareCard?

        func mustacheValue(forKey key: String) -> MustacheValue? {
            switch key {
            case "id": .string(id)
            case "title_id": .string(titleID)
            case "title": .string(title)
            case "kind": .string(kind.rawValue)
            case "html": .string(html)
            case "headings": .list(headings)
            case "care_card": .init(careCard)
            default: nil
            }
        }
    }

    /// Another language version of the leaflet, for the language switcher.
    struct Translation: Sendable, MustacheObject {
        var lang: String
        var dir: String
        var title: String
        var languageName: String
        var href: String

        func mustacheValue(forKey key: String) -> MustacheValue? {
            switch key {
            case "lang": .string(lang)
            case "dir": .string(dir)
            case "title": .string(title)
            case "language_name": .string(languageName)
            case "href": .string(href)
            default: nil
            }
        }
    }

    /// `leaflet.*`.
    struct Leaflet: Sendable, MustacheObject {
        var slug: String
        var title: String
        var summary: String
        var setting: String?
        var category: String?
        var keywords: [String]
        /// nil for a draft not yet reviewed.
        var reviewed: DateValues?
        var nextReview: DateValues?
        var reviewedBy: [String]
        var authors: [String]
        var sources: [String]
        var reference: String
        /// The document-control record (`leaflet.record.*`).
        var record: RecordPresentation
        /// The page's absolute URL, with `base_url`.
        var url: String?
        /// SVG of a QR code for `url`, ready to write raw.
        var qrSVGHTML: String?
        /// Relative link to the leaflet's standard PDF, when one is printed.
        var pdf: String?
        /// Every printed edition (standard, large print), with its type size.
        var pdfs: [PDFLink] = []
        var sections: [Section]
        var translations: [Translation]
        /// A draft built with `--drafts`: the page says so on screen and in print.
        var draft = false

        func mustacheValue(forKey key: String) -> MustacheValue? {
            switch key {
            case "slug": .string(slug)
            case "title": .string(title)
            case "summary": .string(summary)
            case "setting": .init(setting)
            case "category": .init(category)
            case "keywords": .list(keywords)
            case "reviewed": .init(reviewed)
            case "next_review": .init(nextReview)
            case "reviewed_by": .list(reviewedBy)
            case "has_reviewed_by": .bool(!reviewedBy.isEmpty)
            case "authors": .list(authors)
            case "has_authors": .bool(!authors.isEmpty)
            case "sources": .list(sources)
            case "has_sources": .bool(!sources.isEmpty)
            case "reference": .string(reference)
            case "record": .object(record)
            case "url": .init(url)
            case "qr_svg_html": .init(qrSVGHTML)
            case "pdf": .init(pdf)
            case "pdfs": .list(pdfs)
            case "has_pdfs": .bool(!pdfs.isEmpty)
            case "sections": .list(sections)
            case "translations": .list(translations)
            case "has_translations": .bool(!translations.isEmpty)
            case "draft": .bool(draft)
            default: nil
            }
        }
    }

    /// A link to one printed edition: "Large print (PDF, 16 pt)".
    struct PDFLink: Sendable, MustacheObject {
        var href: String
        /// `standard` or `large`.
        var profile: String
        /// Body type size in pt.
        var size: String
        var label: String

        func mustacheValue(forKey key: String) -> MustacheValue? {
            switch key {
            case "href": .string(href)
            case "profile": .string(profile)
            case "size": .string(size)
            case "label": .string(label)
            default: nil
            }
        }
    }

    var basics: PageBasics
    var leaflet: Leaflet

    func mustacheValue(forKey key: String) -> MustacheValue? {
        switch key {
        case "leaflet": .object(leaflet)
        case "is_leaflet": .bool(true)
        default: basics.mustacheValue(forKey: key)
        }
    }
}
