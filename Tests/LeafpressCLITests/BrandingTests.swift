import Foundation
import Testing
import LeafpressCore

/// Branding without forking the theme (#18): `site.yml` `logo`, `logo_alt`, `accent_color`
/// and `accent_text_color`, checked at build time and used on screen and in print.
@Suite("Branding, end to end")
struct BrandingTests {
    /// A one-leaflet site whose `site.yml` ends with `branding` (lines 5 on).
    static func site(_ branding: String) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try folder.write("""
            title: Brand Test
            publisher: Brand Trust
            copyright: "© 2026 Brand Trust"
            disclaimer: "General information only."
            \(branding)
            """, to: "content/site.yml")
        try folder.write(Self.logo, to: "content/assets/brand/logo.svg")
        try folder.write("title: Visit\nsummary: Your visit.\nreviewed: 2026-03-01\n", to: "content/leaflets/visit/leaflet.yml")
        try folder.write("# About your visit\n\nCome to the front desk.\n", to: "content/leaflets/visit/01-about.md")
        try folder.write("---\nkind: emergency\n---\n# Get help now\n\n- heavy bleeding\n", to: "content/leaflets/visit/02-help.md")
        return folder
    }

    static let logo = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"40\"><rect width=\"40\" height=\"40\" fill=\"#123456\"/></svg>\n"

    @Test func logoAndAccentAreUsedOnScreenAndInPrint() throws {
        let folder = try Self.site("logo: brand/logo.svg\nlogo_alt: Brand Trust\naccent_color: \"#1A5C8A\"\n")
        let build = try runLeafpress(["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(try folder.read("site/assets/brand/logo.svg") == Self.logo)
        #expect(try folder.read("site/theme/brand.css").contains(":root { --accent: #1a5c8a; --accent-text: #ffffff; }"))
        for page in ["index.html", "visit.html", "404.html"] {
            let html = try folder.read("site/" + page)
            #expect(html.contains("<link rel=\"stylesheet\" href=\"theme/brand.css\">"), "\(page)")
            #expect(html.contains("<img class=\"site-logo\" src=\"assets/brand/logo.svg\" alt=\"Brand Trust\">"), "\(page)")
        }
        // On paper the site header is hidden; the leaflet carries its own printed logo.
        #expect(try folder.read("site/visit.html").contains("<img class=\"print-logo print-only\" src=\"assets/brand/logo.svg\" alt=\"Brand Trust\">"))
        let css = try folder.read("site/theme/style.css")
        #expect(css.contains("background: var(--accent, var(--tint))"))
        #expect(css.contains(".leaflet-header h1 { color: var(--accent, #000)"))
    }

    @Test func withoutBrandingThePagesHaveNoBrandStylesheetOrLogo() throws {
        let folder = try Self.site("")
        #expect(try runLeafpress(["build"], in: folder).status == 0)
        #expect(!folder.exists("site/theme/brand.css"))
        let html = try folder.read("site/visit.html")
        #expect(!html.contains("brand.css"))
        #expect(!html.contains("logo"))
    }

    @Test("an accent colour without 4.5:1 contrast is a located error with a darker shade to use", arguments: [
        ("accent_color: \"#7fb3d5\"", "content/site.yml:5:15: error: accent_color #7fb3d5 has a contrast of 2.25:1 against white; as text and lines on the white page it needs at least 4.5:1; a darker shade such as #577b92 has 4.51:1 [brand-contrast]"),
        ("accent_color: \"#1a5c8a\"\naccent_text_color: \"#333333\"", "content/site.yml:6:20: error: accent_color #1a5c8a has a contrast of 1.76:1 against the text it carries (accent_text_color #333333); the header text on it needs at least 4.5:1 [brand-contrast]"),
        // 4.48:1, just under the limit, must not be rounded up to pass.
        ("accent_color: \"#777777\"", "content/site.yml:5:15: error: accent_color #777777 has a contrast of 4.47:1 against white"),
    ])
    func lowContrastIsLocated(settings: String, expected: String) throws {
        let folder = try Self.site(settings)
        let build = try runLeafpress(["build"], in: folder)
        #expect(build.status != 0)
        #expect(build.stderr.contains(expected), "\(build.stderr)")
        #expect(!folder.exists("site"))
        // check reports the same finding.
        let check = try runLeafpress(["check"], in: folder)
        #expect(check.status != 0)
        #expect((check.stdout + check.stderr).contains("[brand-contrast]"))
    }

    @Test("mistakes in the branding keys are located errors with advice", arguments: [
        ("accent_color: #1a5c8a", "content/site.yml:5:1: error: YAML reads '#1a5c8a' as a comment, so 'accent_color' is empty; put the colour in quotes: accent_color: \"#1a5c8a\" [schema-type]"),
        ("accent_color: dark blue", "content/site.yml:5:15: error: 'accent_color' must be a colour written \"#rrggbb\" (in quotes), such as \"#1a5c8a\"; got 'dark blue' [schema-type]"),
        ("logo: brand/logos.svg\nlogo_alt: Brand Trust", "content/site.yml:5:7: error: logo 'brand/logos.svg' not found in content/assets/; did you mean 'brand/logo.svg'? [missing-asset]"),
        ("logo: brand/logo.svg", "content/site.yml:5:1: error: 'logo' needs 'logo_alt': the text a screen reader reads instead of the logo, such as the organisation's name [schema-required]"),
        ("logo: notes.txt\nlogo_alt: Brand Trust", "content/site.yml:5:7: error: 'logo' must be an image (SVG, PNG, JPEG, GIF, WebP or AVIF), got 'notes.txt' [schema-type]"),
        ("logo: ../leaflets/visit/01-about.md\nlogo_alt: x", "content/site.yml:5:7: error: 'logo' must"),
    ])
    func brandingMistakes(settings: String, expected: String) throws {
        let folder = try Self.site(settings)
        let build = try runLeafpress(["build"], in: folder)
        #expect(build.status != 0)
        #expect(build.stderr.contains(expected), "\(build.stderr)")
    }

    @Test func theLogoIsPrintedOnTheFirstPageOfThePDF() throws {
        // A PNG logo: poppler lists raster images, and an SVG would print as vector paths.
        let folder = try Self.site("logo: brand/logo.png\nlogo_alt: Brand Trust\naccent_color: \"#1a5c8a\"\n")
        let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGMQMgnDihiGlgQALKknAeyzZJgAAAAASUVORK5CYII=")!
        try png.write(to: URL(fileURLWithPath: folder.subpath("content/assets/brand/logo.png")))
        let pdf = try runLeafpress(["pdf"], in: folder)
        #expect(pdf.status == 0, "\(pdf.stderr)")
        let images = try runTool("/usr/bin/pdfimages", ["-list", folder.subpath("site/visit/visit.pdf")])
        let rows = images.split(separator: "\n").dropFirst(2)
        #expect(rows.contains { $0.split(separator: " ", omittingEmptySubsequences: true).first == "1" }, "no image on page 1: \(images)")
    }
}
