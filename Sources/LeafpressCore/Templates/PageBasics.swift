/// The values every page gets (README, "Values every page gets"). Each page model keeps
/// one and falls back to it for any key it does not have itself.
///
/// To add a template value: add a stored property here (or to the page model that owns
/// it), a `case "key": .string(property)` line in `mustacheValue(forKey:)`, fill it in `PageBuilder`, and
/// document the key in the README's Templates section (a test renders every documented key).
struct PageBasics: Sendable, MustacheObject {
    /// `site.*`: settings from `site.yml`.
    struct Site: Sendable, MustacheObject {
        var title: String
        var publisher: String
        var language: String
        /// The logo's path from the site root (`assets/trust-logo.svg`); nil without one.
        var logo: String?
        var logoAlt: String?
        /// `#1a5c8a`; when set, the site has `theme/brand.css`.
        var accentColor: String?

        func mustacheValue(forKey key: String) -> MustacheValue? {
            switch key {
            case "title": .string(title)
            case "publisher": .string(publisher)
            case "language": .string(language)
            case "logo": .init(logo)
            case "logo_alt": .init(logoAlt)
            case "accent_color": .init(accentColor)
            default: nil
            }
        }
    }

    /// One `hreflang` alternate of the page (`alternates`).
    struct Alternate: Sendable, MustacheObject {
        var lang: String
        var href: String

        func mustacheValue(forKey key: String) -> MustacheValue? {
            switch key {
            case "lang": .string(lang)
            case "href": .string(href)
            default: nil
            }
        }
    }

    var site: Site
    /// Relative path from the page to the site root: `""` or `"../"`.
    var root: String
    /// Relative link to the index of the page's language.
    var home: String
    var lang: String
    var dir: String
    var pageTitle: String
    var description: String
    /// Absolute URL of the page; only with `base_url`.
    var canonical: String?
    var copyrightHTML: String
    var disclaimerHTML: String
    /// Interface strings of the page's language (`t.<key>`).
    var strings: [String: String]
    /// The page's print style, rendered from `print.css.mustache`, placed inline.
    var printCSS: String
    /// CSP source (`sha256-…`) that allows the inline print style; nil without one.
    var printCSSHash: String?
    var paper: String
    var alternates: [Alternate] = []
    /// True on a draft's page: search engines are asked not to index it.
    var noindex = false
    /// A `<script type="application/ld+json">` element, ready to write raw.
    var jsonLDHTML: String?

    func mustacheValue(forKey key: String) -> MustacheValue? {
        switch key {
        case "site": .object(site)
        case "root": .string(root)
        case "home": .string(home)
        case "lang": .string(lang)
        case "dir": .string(dir)
        case "page_title": .string(pageTitle)
        case "description": .string(description)
        case "canonical": .init(canonical)
        case "copyright_html": .string(copyrightHTML)
        case "disclaimer_html": .string(disclaimerHTML)
        case "t": .object(strings)
        case "print_css": .string(printCSS)
        case "print_css_hash": .init(printCSSHash)
        case "paper": .string(paper)
        case "generator": .string("Leafpress")
        case "alternates": .list(alternates)
        case "noindex": .bool(noindex)
        case "json_ld_html": .init(jsonLDHTML)
        default: nil
        }
    }
}
