import Mustache

/// The values every page gets (README, "Values every page gets"). Each page model keeps
/// one and falls back to it for any key it does not have itself.
///
/// To add a template value: add a stored property here (or to the page model that owns
/// it), a `case "key": property` line in `child(named:)`, fill it in `PageBuilder`, and
/// document the key in the README's Templates section (a test renders every documented key).
struct PageBasics: Sendable, MustacheParent {
    /// `site.*`: settings from `site.yml`.
    struct Site: Sendable, MustacheParent {
        var title: String
        var publisher: String
        var language: String
        /// The logo's path from the site root (`assets/trust-logo.svg`); nil without one.
        var logo: String?
        var logoAlt: String?
        /// `#1a5c8a`; when set, the site has `theme/brand.css`.
        var accentColor: String?

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "publisher": publisher
            case "language": language
            case "logo": logo
            case "logo_alt": logoAlt
            case "accent_color": accentColor
            default: nil
            }
        }
    }

    /// One `hreflang` alternate of the page (`alternates`).
    struct Alternate: Sendable, MustacheParent {
        var lang: String
        var href: String

        func child(named name: String) -> Any? {
            switch name {
            case "lang": lang
            case "href": href
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

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "root": root
        case "home": home
        case "lang": lang
        case "dir": dir
        case "page_title": pageTitle
        case "description": description
        case "canonical": canonical
        case "copyright_html": copyrightHTML
        case "disclaimer_html": disclaimerHTML
        case "t": strings
        case "print_css": printCSS
        case "print_css_hash": printCSSHash
        case "paper": paper
        case "generator": "Leafpress"
        case "alternates": alternates
        case "noindex": noindex
        case "json_ld_html": jsonLDHTML
        default: nil
        }
    }
}
