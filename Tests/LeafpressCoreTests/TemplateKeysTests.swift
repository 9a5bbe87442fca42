import Foundation
import Testing
@testable import LeafpressCore

/// Every key the README's Templates section documents for theme authors resolves to a
/// value in the page model of its scope, rendered through the theme's Mustache renderer.
@Suite("Template keys documented in the README")
struct TemplateKeysTests {
    /// The README tables, by the line that introduces each.
    enum Scope: String, CaseIterable {
        case page = "Values every page gets:"
        case leaflet = "Leaflet pages (`leaflet.mustache`) also get `leaflet`, with:"
        case section = "Each of `leaflet.sections`:"
        case index = "Index pages (`index.mustache`) also get:"
        case print = "`print.css.mustache` gets:"
    }

    /// Keys of the first column of each scope's table.
    static func documentedKeys() throws -> [Scope: [String]] {
        let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
        var keys: [Scope: [String]] = [:]
        var scope: Scope?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if let found = Scope(rawValue: String(line)) { scope = found; continue }
            if line.hasPrefix("#") || line.hasPrefix("To add a value") { scope = nil }
            guard let scope, line.hasPrefix("| `") else { continue }
            let firstCell = line.dropFirst(2).prefix { $0 != "|" }
            for match in firstCell.matches(of: #/`([^`]+)`/#) {
                keys[scope, default: []].append(String(match.output.1).replacingOccurrences(of: "<key>", with: "contents"))
            }
        }
        return keys
    }

    /// `[key:X]` when `key` resolves to something a section renders for (`[key:XX…]`, one
    /// per item, for a list).
    static func probe(_ keys: [String]) -> String {
        keys.map { "[\($0):{{#\($0)}}X{{/\($0)}}]" }.joined()
    }

    /// Keys the probe found a value for.
    static func found(in rendered: String) -> Set<String> {
        Set(rendered.matches(of: #/\[([^:\]]+):X+\]/#).map { String($0.output.1) })
    }

    struct Pages {
        var leaflet: LeafletPage
        /// Its Spanish translation, made from an older version (it shows the stale notice).
        var translation: LeafletPage
        var index: IndexPage
        var notFound: NotFoundPage
        var print: PrintStyle
        /// Large print of a draft, as printed to PDF: the flags `print` has off.
        var largePrint: PrintStyle
    }

    /// Page models of the sample site's colonoscopy leaflet (it has a translation), with
    /// every optional field filled in and a base URL.
    static func pages() throws -> Pages {
        var options = BuildOptions()
        options.contentDirectory = packageRoot + "/content"
        options.templatesDirectory = repositoryTemplates
        options.baseURL = "https://leaflets.example.org/"
        options.jobs = 1
        let builder = SiteBuilder(options: options)
        var diagnostics: [Diagnostic] = []
        let prepared = try #require(builder.prepare(diagnostics: &diagnostics))
        let plan = try #require(prepared.plans.first { $0.slug == "colonoscopy" })
        let translation = try #require(prepared.plans.first { $0.slug == "colonoscopia" })
        let outcomes = builder.renderLeaflets([plan, translation], of: prepared, into: nil, keepSections: true, diagnostics: &diagnostics)
        let outcome = outcomes[0]
        #expect(!diagnostics.hasErrors)
        var manifest = plan.manifest
        manifest.setting = manifest.setting ?? "Day Surgery"
        manifest.category = manifest.category ?? "Digestive health"
        manifest.keywords += ["bowel"]
        manifest.reviewedBy += ["A. Reviewer"]
        manifest.authors += ["A. Writer"]
        manifest.sources += ["A source"]
        manifest.nextReview = manifest.nextReview ?? Day("2030-01-01")
        let pages = prepared.pages
        return Pages(
            leaflet: pages.leaflet(manifest, sections: outcome.sections, language: "en", printCSS: "@page {}", pdfs: [.standard, .large]),
            translation: pages.leaflet(translation.manifest, sections: outcomes[1].sections, language: "es", printCSS: "@page {}"),
            index: pages.index(prepared.plans.map(\.manifest), language: "en", printCSS: "@page {}"),
            notFound: pages.notFound(language: "en", printCSS: "@page {}"),
            print: pages.printStyle(title: manifest.title, copyright: "© Trust", language: "en"),
            largePrint: pages.printStyle(title: manifest.title, copyright: "© Trust", language: "en", control: "Ref X", profile: .large,
                                         draft: true, forPDF: true))
    }

    /// Renders `template` with `model` through a theme folder holding it.
    static func render(_ template: String, _ model: some MustacheObject) throws -> String {
        let folder = try TemporaryDirectory()
        for name in ["index", "leaflet", "404"] { try folder.write("<footer></footer>\n", to: "\(name).mustache") }
        try folder.write(template, to: "probe.mustache")
        return try TemplateSet.load(from: folder.path).render("probe", model)
    }

    @Test func everyScopeHasDocumentedKeys() throws {
        let keys = try Self.documentedKeys()
        for scope in Scope.allCases {
            #expect((keys[scope]?.count ?? 0) >= 2, "README has no table for \(scope.rawValue)")
        }
    }

    @Test func pageKeysRenderOnEveryKindOfPage() throws {
        let keys = try #require(try Self.documentedKeys()[.page])
        let pages = try Self.pages()
        let rendered = [
            try Self.render(Self.probe(keys), pages.leaflet),
            try Self.render(Self.probe(keys), pages.index),
            try Self.render(Self.probe(keys), pages.notFound),
        ]
        let found = rendered.map(Self.found(in:))
        for key in keys {
            #expect(found.contains { $0.contains(key) }, "\(key) renders on no page")
        }
        // Keys every page has (the 404 has no canonical URL: it answers for any address).
        for key in ["site.title", "root", "home", "lang", "dir", "page_title", "description", "copyright_html",
                    "disclaimer_html", "print_css", "print_css_hash", "paper", "generator", "t.contents"] where keys.contains(key) {
            #expect(found.allSatisfy { $0.contains(key) }, "\(key) is missing on some page")
        }
        #expect(rendered[0].contains("[is_leaflet:X]") && !rendered[0].contains("[is_index:X]"))
        #expect(rendered[1].contains("[is_index:X]") && !rendered[1].contains("[is_404:X]"))
        #expect(rendered[2].contains("[is_404:X]") && !rendered[2].contains("[is_leaflet:X]"))
    }

    @Test func leafletKeysRender() throws {
        let keys = try #require(try Self.documentedKeys()[.leaflet])
        let pages = try Self.pages()
        let probe = Self.probe(keys.map { "leaflet." + $0 })
        let found = Self.found(in: try Self.render(probe, pages.leaflet)).union(Self.found(in: try Self.render(probe, pages.translation)))
        for key in keys { #expect(found.contains("leaflet." + key), "leaflet.\(key)") }
    }

    @Test func sectionKeysRenderOnSomeSection() throws {
        let keys = try #require(try Self.documentedKeys()[.section])
        let html = try Self.render("{{#leaflet.sections}}\(Self.probe(keys)){{/leaflet.sections}}", try Self.pages().leaflet)
        let found = Self.found(in: html)
        for key in keys { #expect(found.contains(key), "\(key) renders on no section") }
    }

    @Test func indexKeysRender() throws {
        let keys = try #require(try Self.documentedKeys()[.index])
        let html = try Self.render(Self.probe(keys), try Self.pages().index)
        let found = Self.found(in: html)
        for key in keys { #expect(found.contains(key), "\(key)") }
        // The sample site has Spanish and Arabic leaflets: the English index lists their indexes.
        #expect(html.contains("[languages:XX]"))
        #expect(html.contains("[has_languages:X]"))
    }

    @Test func printKeysRender() throws {
        let keys = try #require(try Self.documentedKeys()[.print])
        let pages = try Self.pages()
        let found = try [pages.print, pages.largePrint].reduce(into: Set<String>()) { found, style in
            found.formUnion(Self.found(in: try Self.render("{{% CONTENT_TYPE: TEXT}}" + Self.probe(keys), style)))
        }
        for key in keys { #expect(found.contains(key), "\(key)") }
    }

    @Test func valuesAreTheirTypedForms() throws {
        let pages = try Self.pages()
        let html = try Self.render("{{leaflet.reviewed.iso}}|{{leaflet.url}}|{{#leaflet.sections}}{{#care_card}}{{level}};{{/care_card}}{{/leaflet.sections}}|{{canonical}}", pages.leaflet)
        let parts = html.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        #expect(parts[0].firstMatch(of: #/^\d{4}-\d{2}-\d{2}$/#) != nil)
        #expect(parts[1] == "https://leaflets.example.org/colonoscopy")
        #expect(parts[2].contains("emergency;"))
        #expect(parts[3] == "https://leaflets.example.org/colonoscopy")
    }
}
