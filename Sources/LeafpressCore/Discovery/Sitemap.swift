/// `sitemap.xml` (with `hreflang` alternates between translations) and `robots.txt`.
enum Sitemap {
    /// One page of the sitemap.
    struct Page {
        var path: String
        var lastModified: Day?
        /// Language versions of the page, the page itself included: (language, path).
        var alternates: [(String, String)] = []
    }

    static func xml(_ pages: [Page], baseURL: String) -> String {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """
        for page in pages.sorted(by: { $0.path < $1.path }) {
            xml += "  <url>\n    <loc>\(escape(baseURL + page.path))</loc>\n"
            if let day = page.lastModified { xml += "    <lastmod>\(day)</lastmod>\n" }
            for (language, path) in page.alternates.sorted(by: { $0.0 < $1.0 }) {
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(escape(language))\" href=\"\(escape(baseURL + path))\"/>\n"
            }
            xml += "  </url>\n"
        }
        return xml + "</urlset>\n"
    }

    static func robots(baseURL: String?) -> String {
        var text = "User-agent: *\nAllow: /\n"
        if let baseURL { text += "\nSitemap: \(baseURL)sitemap.xml\n" }
        return text
    }

    private static func escape(_ text: String) -> String {
        HTMLEscaping.attribute(text)
    }
}
