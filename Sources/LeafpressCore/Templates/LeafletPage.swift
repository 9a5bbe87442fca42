import Mustache

/// The values of one leaflet's page (`leaflet.mustache`): the common values and
/// `leaflet.*`, built once per page with its JSON-LD and QR code already made.
struct LeafletPage: Sendable, MustacheParent {
    /// A date as a `<time>` element needs it.
    struct DateValues: Sendable, MustacheParent {
        var iso: String
        var display: String

        func child(named name: String) -> Any? {
            switch name {
            case "iso": iso
            case "display": display
            default: nil
            }
        }
    }

    /// A subheading of a section, for in-page navigation.
    struct Heading: Sendable, MustacheParent {
        var id: String
        var text: String

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "text": text
            default: nil
            }
        }
    }

    /// What a care card section shows of its level.
    struct CareCard: Sendable, MustacheParent {
        var kind: SectionKind
        var label: String
        var prefix: String

        func child(named name: String) -> Any? {
            switch name {
            case "level": kind.rawValue
            case "label": label
            case "prefix": prefix
            case "is_emergency": kind == .emergency
            case "is_urgent": kind == .urgent
            case "is_non_urgent": kind == .nonUrgent
            default: nil
            }
        }
    }

    /// One care section of the leaflet.
    struct Section: Sendable, MustacheParent {
        var id: String
        var titleID: String
        var title: String
        var kind: SectionKind
        var html: String
        var headings: [Heading]
        /// nil for information sections.
        var careCard: CareCard?

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "title_id": titleID
            case "title": title
            case "kind": kind.rawValue
            case "html": html
            case "headings": headings
            case "care_card": careCard
            default: nil
            }
        }
    }

    /// Another language version of the leaflet, for the language switcher.
    struct Translation: Sendable, MustacheParent {
        var lang: String
        var dir: String
        var title: String
        var languageName: String
        var href: String

        func child(named name: String) -> Any? {
            switch name {
            case "lang": lang
            case "dir": dir
            case "title": title
            case "language_name": languageName
            case "href": href
            default: nil
            }
        }
    }

    /// `leaflet.*`.
    struct Leaflet: Sendable, MustacheParent {
        var slug: String
        var title: String
        var summary: String
        var setting: String?
        var category: String?
        var keywords: [String]
        var reviewed: DateValues
        var nextReview: DateValues
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

        func child(named name: String) -> Any? {
            switch name {
            case "slug": slug
            case "title": title
            case "summary": summary
            case "setting": setting
            case "category": category
            case "keywords": keywords
            case "reviewed": reviewed
            case "next_review": nextReview
            case "reviewed_by": reviewedBy
            case "has_reviewed_by": !reviewedBy.isEmpty
            case "authors": authors
            case "has_authors": !authors.isEmpty
            case "sources": sources
            case "has_sources": !sources.isEmpty
            case "reference": reference
            case "record": record
            case "url": url
            case "qr_svg_html": qrSVGHTML
            case "pdf": pdf
            case "pdfs": pdfs
            case "has_pdfs": !pdfs.isEmpty
            case "sections": sections
            case "translations": translations
            case "has_translations": !translations.isEmpty
            case "draft": draft
            default: nil
            }
        }
    }

    /// A link to one printed edition: "Large print (PDF, 16 pt)".
    struct PDFLink: Sendable, MustacheParent {
        var href: String
        /// `standard` or `large`.
        var profile: String
        /// Body type size in pt.
        var size: String
        var label: String

        func child(named name: String) -> Any? {
            switch name {
            case "href": href
            case "profile": profile
            case "size": size
            case "label": label
            default: nil
            }
        }
    }

    var basics: PageBasics
    var leaflet: Leaflet

    func child(named name: String) -> Any? {
        switch name {
        case "leaflet": leaflet
        case "is_leaflet": true
        default: basics.child(named: name)
        }
    }
}
