/// Where each part of a leaflet lives in the built site. A leaflet is one file at the
/// root, `<slug>.html`; only a leaflet with files of its own (images, its PDF) gets a
/// folder `<slug>/`. Folders cost far more than files to create and remove (one `mkdir`
/// takes 0.3 to 0.8 ms on ext4, a file in an existing folder about 45 µs), and hosts
/// such as GitHub Pages, Netlify and Cloudflare Pages serve `<slug>.html` at the clean
/// URL `/<slug>`.
enum SiteLayout {
    /// The leaflet's page, relative to the site root.
    static func page(of slug: String) -> String { slug + ".html" }

    /// The clean URL path of the leaflet's page below `base_url` (canonical links,
    /// sitemap, the printed address and QR code).
    static func cleanPath(of slug: String) -> String { slug }

    /// A file kept beside the leaflet's sections, relative to the site root.
    static func file(_ name: String, of slug: String) -> String { slug + "/" + name }

    /// The leaflet's PDF, relative to the site root.
    static func pdf(of slug: String) -> String { file(slug + ".pdf", of: slug) }

    /// The leaflet's PDF in one print edition: `<slug>/<slug>.large.pdf` for large print.
    static func pdf(of slug: String, profile: PrintProfile) -> String { file(profile.pdfName(for: slug), of: slug) }

    /// Slugs that would collide with the site's own files and folders.
    static let reservedSlugs: Set<String> = ["theme", "assets", "index", "404"]
}
