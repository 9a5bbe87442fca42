/// What `leafpress check` found: every diagnostic, and each leaflet's sections with the
/// plain text the readability report is computed from.
public struct CheckResult: Sendable {
    /// One leaflet as checked.
    public struct Leaflet: Sendable {
        public var manifest: LeafletManifest
        /// Folder for messages, e.g. `content/leaflets/colonoscopy`.
        public var folder: String
        /// Sections that could be read, in page order.
        public var sections: [RenderedSection]
    }

    /// nil when `site.yml` or the templates could not be read.
    public var site: SiteConfig?
    public var leaflets: [Leaflet]
    public var diagnostics: [Diagnostic]
    /// Each shared block's name → slugs of the leaflets that include it (sorted; empty
    /// when no leaflet does).
    public var blocks: [String: [String]] = [:]
}
