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
        /// The text of each section file and included block file as read by the build,
        /// by display path: findings are placed in it without reading any file again.
        public var sources: [String: String] = [:]
    }

    /// nil when `site.yml` or the templates could not be read.
    public var site: SiteConfig?
    public var leaflets: [Leaflet]
    public var diagnostics: [Diagnostic]
    /// Each shared block's name → slugs of the leaflets that include it (sorted; empty
    /// when no leaflet does).
    public var blocks: [String: [String]] = [:]
}
