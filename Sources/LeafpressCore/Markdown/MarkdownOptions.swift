/// How the Markdown stage converts one file.
public struct MarkdownOptions: Sendable, Equatable {
    /// Curly quotes, dashes and ellipses (`CMARK_OPT_SMART`).
    public var smartPunctuation = true
    /// Pass raw HTML through (`site.yml` `unsafe_html`). Dangerous links are removed either way.
    public var unsafeHTML = false
    /// Take the first heading out of the body as the section title.
    public var extractTitle = false
    /// Give headings ids and shift their levels under the section's `h2`.
    /// Off, the stage's HTML is exactly cmark's (used by the conformance test).
    public var sectionHeadings = true
    /// Prefix of heading ids, normally the section id, so ids are unique on the page.
    public var idPrefix = ""
    /// The section title when it comes from front matter: its anchor is taken by the
    /// section heading, so a body heading with the same text gets `-1`.
    public var title: String?
    /// Leafpress's raw HTML rules: without `unsafeHTML`, keep `<sup>`, `<sub>`, `<br>` and
    /// report any other tag as `raw-html`; with it, sanitise URL and event attributes.
    /// Off, raw HTML is exactly cmark's (used by the conformance test).
    public var rawHTMLRules = true
    /// Keep plain text blocks for readability checks.
    public var collectText = false
    /// Leafpress's additions on top of CommonMark: pipe tables, figures, callouts and
    /// `{{> block}}` includes. Off, the tree is exactly what cmark parsed.
    public var extensions = true
    /// Callout labels and table names in the leaflet's language.
    public var labels = MarkdownLabels()

    public init() {}

    /// Exactly cmark's own HTML rendering with the given flags.
    public static func plain(smart: Bool = false) -> MarkdownOptions {
        var options = MarkdownOptions()
        options.smartPunctuation = smart
        options.sectionHeadings = false
        options.rawHTMLRules = false
        options.extensions = false
        return options
    }
}
