import Foundation
import Testing
import LeafpressCore

/// Whole builds of a small fixture site through `SiteBuilder`, checked on the files written.
@Suite("Site build")
struct SiteBuildTests {
    static let siteCopyrightHTML = InlineMarkdown.html(FixtureSite.copyright)
    static let disclaimerHTML = InlineMarkdown.html(FixtureSite.disclaimer)
    static let overrideCopyrightHTML = InlineMarkdown.html(FixtureSite.overrideCopyright)

    @Test func buildWritesOnePagePerLeafletIndexAnd404() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        let report = try SiteBuilder(options: buildOptions(content: folder.subpath("content"), output: folder.subpath("site"))).build()
        #expect(report.leaflets == 2)
        #expect(report.pages == 4)
        #expect(report.manifests.map(\.slug) == ["knee-replacement", "wound-care"])
        #expect(report.diagnostics.isEmpty)
        #expect(htmlPages(in: folder.subpath("site")) == ["404.html", "index.html", "knee-replacement.html", "wound-care.html"])
    }

    @Test func assetsAndThemeAreCopied() throws {
        let folder = try TemporaryDirectory()
        let site = try buildFixture(in: folder)
        let files = snapshot(site)
        #expect(files["assets/diagram.svg"] == FileManager.default.contents(atPath: folder.subpath("content/assets/diagram.svg")))
        #expect(files["wound-care/dressing.png"] == Data("not really a PNG\n".utf8))
        #expect(files["wound-care/docs/checklist.txt"] != nil)
        #expect(files["theme/style.css"] != nil)
        #expect(files.keys.filter { $0.hasSuffix(".css") }.sorted() == ["theme/style.css"], "print styles are inside each page")
        #expect(files[OutputDirectory.markerName] != nil)
    }

    @Test func everyPageCarriesCopyrightAndDisclaimerInItsFooter() throws {
        let folder = try TemporaryDirectory()
        let site = try buildFixture(in: folder, drafts: true)
        let pages = htmlPages(in: site)
        #expect(pages.count == 5)
        for name in pages {
            let footer = try #require(footer(of: try page(site, name)), "\(name) has no <footer>")
            let copyright = name == "knee-replacement.html" ? Self.overrideCopyrightHTML : Self.siteCopyrightHTML
            #expect(footer.contains(copyright), "\(name) footer lacks the copyright")
            #expect(footer.contains(Self.disclaimerHTML), "\(name) footer lacks the disclaimer")
        }
    }

    @Test func disclaimerMarkdownIsRenderedInline() throws {
        let folder = try TemporaryDirectory()
        let site = try buildFixture(in: folder)
        let footer = try #require(footer(of: try page(site, "index.html")))
        #expect(footer.contains("<div class=\"disclaimer\">This leaflet is <em>general information</em> only. Ask your care team for advice.</div>"))
    }

    @Test func everyRelativeReferenceResolves() throws {
        let folder = try TemporaryDirectory()
        let site = try buildFixture(in: folder, drafts: true)
        #expect(try brokenReferences(in: site) == [])
    }

    @Test func linksAreRewrittenToOutputPages() throws {
        let folder = try TemporaryDirectory()
        let site = try buildFixture(in: folder)
        let html = try page(site, "wound-care.html")
        #expect(html.contains("<a href=\"knee-replacement.html\">knee leaflet</a>"))
        #expect(html.contains("<a href=\"knee-replacement.html#risks--blood-clots\">blood clots</a>"))
        #expect(html.contains("<img src=\"assets/diagram.svg\" alt=\"A diagram of a wound\" />"))
        #expect(html.contains("<a href=\"wound-care/dressing.png\">dressing</a>"))
        #expect(html.contains("<a href=\"#about--looking-after-the-wound\">looking after the wound</a>"))
        #expect(html.contains("<h3 id=\"about--looking-after-the-wound\">"))
    }

    @Test func sectionsAppearInFileNameOrder() throws {
        let folder = try TemporaryDirectory()
        let site = try buildFixture(in: folder)
        let html = try page(site, "wound-care.html")
        let ids = html.matches(of: #/<section id="([^"]+)"/#).map { String($0.output.1) }
        #expect(ids == ["about", "when-to-get-help", "urgent", "non-urgent", "follow-up"])
        let contents = html.matches(of: #/<li[^>]*><a href="#([^"]+)">/#).map { String($0.output.1) }
        #expect(contents == ids)
    }

    @Test func sectionsAppearInListedOrder() throws {
        let folder = try TemporaryDirectory()
        let site = try buildFixture(in: folder)
        let html = try page(site, "knee-replacement.html")
        let ids = html.matches(of: #/<section id="([^"]+)"/#).map { String($0.output.1) }
        #expect(ids == ["c-exercises", "a-overview", "risks"])
    }

    @Test(arguments: [
        ("emergency", "when-to-get-help", "Emergency", "Emergency advice:", "When to call an emergency number"),
        ("urgent", "urgent", "Urgent", "Urgent advice:", "Contact your care team today"),
        ("non-urgent", "non-urgent", "Non-urgent", "Non-urgent advice:", "Mention at your next appointment"),
    ])
    func careCardsCarryTheirLevel(level: String, id: String, label: String, prefix: String, title: String) throws {
        let folder = try TemporaryDirectory()
        let site = try buildFixture(in: folder)
        let html = try page(site, "wound-care.html")
        let start = try #require(html.range(of: "<section id=\"\(id)\""))
        let card = html[start.lowerBound...]
        let end = try #require(card.range(of: "</section>"))
        let section = card[..<end.upperBound]
        #expect(section.hasPrefix("<section id=\"\(id)\" class=\"care-card care-card--\(level)\""))
        #expect(section.contains("<span>\(label)</span></p>"))
        #expect(section.contains("<h2 id=\"\(id)--\(Slug.anchor(for: title))\"><span class=\"visually-hidden\">\(prefix) </span>\(title)</h2>"))
        #expect(html.contains("<li class=\"contents__card contents__card--\(level)\"><a href=\"#\(id)\">\(title)</a></li>"))
    }

    @Test func informationSectionsAreNotCareCards() throws {
        let folder = try TemporaryDirectory()
        let site = try buildFixture(in: folder)
        let html = try page(site, "wound-care.html")
        #expect(html.contains("<section id=\"about\" class=\"section\" aria-labelledby=\"about--about-this-leaflet\">"))
        #expect(html.contains("<h2 id=\"about--about-this-leaflet\">About this leaflet</h2>"))
        #expect(html.matches(of: #/class="care-card /#).count == 3)
    }

    @Test func copyrightOverrideShowsOnItsLeafletOnly() throws {
        let folder = try TemporaryDirectory()
        let site = try buildFixture(in: folder)
        let knee = try #require(footer(of: try page(site, "knee-replacement.html")))
        #expect(knee.contains(Self.overrideCopyrightHTML))
        #expect(!knee.contains(Self.siteCopyrightHTML))
        let index = try #require(footer(of: try page(site, "index.html")))
        #expect(index.contains(Self.siteCopyrightHTML))
        #expect(!index.contains(Self.overrideCopyrightHTML))
        let wound = try #require(footer(of: try page(site, "wound-care.html")))
        #expect(wound.contains(Self.siteCopyrightHTML))
    }

    @Test func copyrightOverrideIsPrintedOnEveryPageOfItsLeaflet() throws {
        let folder = try TemporaryDirectory()
        let site = try buildFixture(in: folder)
        let knee = try printStyle(of: try page(site, "knee-replacement.html"))
        #expect(knee.contains(CSSString.quoted(FixtureSite.overrideCopyright)))
        let wound = try printStyle(of: try page(site, "wound-care.html"))
        #expect(wound.contains(CSSString.quoted(FixtureSite.copyright)))
        #expect(wound.contains(CSSString.quoted("This leaflet is general information only. Ask your care team for advice.")))
    }

    @Test func draftsAreNotBuiltByDefault() throws {
        let folder = try TemporaryDirectory()
        let site = try buildFixture(in: folder)
        #expect(!FileManager.default.fileExists(atPath: site + "/hip-draft.html"))
        #expect(!(try page(site, "index.html")).contains("hip-draft"))
    }

    @Test func draftsAreBuiltWithIncludeDrafts() throws {
        let folder = try TemporaryDirectory()
        let site = try buildFixture(in: folder, drafts: true)
        let html = try page(site, "hip-draft.html")
        #expect(html.contains("<h1 id=\"leaflet-title\">Hip Replacement</h1>"))
        #expect(html.contains("<a href=\"knee-replacement.html#a-overview\">knee leaflet</a>"))
        // Built for review, but never listed: the index does not lead readers to a draft.
        #expect(!(try page(site, "index.html")).contains("hip-draft"))
    }

    @Test func linkToADraftFailsTheBuildUnlessDraftsAreBuilt() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        try folder.write("# Follow-up\n\nSee the [hip leaflet](../hip-draft/).\n", to: "content/leaflets/wound-care/10-follow-up.md")
        let options = buildOptions(content: folder.subpath("content"), output: folder.subpath("site"))
        let failure = try #require(throws: BuildFailure.self) { try SiteBuilder(options: options).build() }
        #expect(failure.diagnostics.map(\.rule) == [.brokenLink])
        #expect(failure.diagnostics.first?.location == SourceLocation(path: folder.subpath("content") + "/leaflets/wound-care/10-follow-up.md", line: 3, column: 9))
        var withDrafts = options
        withDrafts.includeDrafts = true
        #expect(throws: Never.self) { try SiteBuilder(options: withDrafts).build() }
    }

    @Test func failedBuildLeavesThePreviousSiteUnchanged() throws {
        let folder = try TemporaryDirectory()
        let site = try buildFixture(in: folder)
        let before = snapshot(site)
        try folder.write("---\nkind: urgent\n---\n# Risks\n\n## Blood clots\n\nSee [missing](../nowhere/).\n", to: "content/leaflets/knee-replacement/02-risks.md")
        let failure = try #require(throws: BuildFailure.self) {
            try SiteBuilder(options: buildOptions(content: folder.subpath("content"), output: site)).build()
        }
        #expect(failure.diagnostics.map(\.message) == ["link to unknown leaflet 'nowhere'"])
        expectIdentical(snapshot(site), before)
        #expect(leftovers(besides: site) == [])
    }

    @Test func successfulRebuildReplacesTheSite() throws {
        let folder = try TemporaryDirectory()
        let site = try buildFixture(in: folder, drafts: true)
        #expect(FileManager.default.fileExists(atPath: site + "/hip-draft.html"))
        try buildFixture(in: folder, drafts: false)
        #expect(!FileManager.default.fileExists(atPath: site + "/hip-draft.html"))
        #expect(leftovers(besides: site) == [])
    }

    @Test(arguments: ["index", "404", "theme", "assets"])
    func slugThatWouldOverwriteASiteFileIsRefused(slug: String) throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        try FileManager.default.copyItem(atPath: folder.subpath("content/leaflets/wound-care"), toPath: folder.subpath("content/leaflets/\(slug)"))
        let options = buildOptions(content: folder.subpath("content"), output: folder.subpath("site"))
        let failure = try #require(throws: BuildFailure.self) { try SiteBuilder(options: options).build() }
        #expect(failure.diagnostics.filter { $0.severity == .error }.map(\.rule) == [.slug])
    }

    @Test func outputFolderWithOtherFilesIsNeverReplaced() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        try folder.write("my thesis\n", to: "site/thesis.txt")
        let failure = try #require(throws: BuildFailure.self) {
            try SiteBuilder(options: buildOptions(content: folder.subpath("content"), output: folder.subpath("site"))).build()
        }
        #expect(failure.diagnostics.map(\.rule) == [.output])
        #expect(snapshot(folder.subpath("site")) == ["thesis.txt": Data("my thesis\n".utf8)])
        #expect(leftovers(besides: folder.subpath("site")) == [])
    }

    @Test func outputInsideTheContentFolderIsRefused() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        let failure = try #require(throws: BuildFailure.self) {
            try SiteBuilder(options: buildOptions(content: folder.subpath("content"), output: folder.subpath("content/site"))).build()
        }
        #expect(failure.diagnostics.map(\.rule) == [.output])
        #expect(!folder.exists("content/site"))
    }

    @Test func baseURLAddsAbsoluteURLsButKeepsInternalLinksRelative() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        var options = buildOptions(content: folder.subpath("content"), output: folder.subpath("site"))
        options.baseURL = "https://leaflets.example.org/test"
        _ = try SiteBuilder(options: options).build()
        let site = folder.subpath("site")
        let html = try page(site, "wound-care.html")
        #expect(html.contains("<link rel=\"canonical\" href=\"https://leaflets.example.org/test/wound-care\">"))
        #expect(html.contains("<a href=\"knee-replacement.html#risks--blood-clots\" data-print-url=\"https://leaflets.example.org/test/knee-replacement#risks--blood-clots\">blood clots</a>"))
        #expect(html.contains("<a class=\"url\" href=\"https://leaflets.example.org/test/wound-care\">https://leaflets.example.org/test/wound-care</a>"))
        #expect(html.contains("<svg"))
        #expect(try brokenReferences(in: site) == [])
    }

    @Test func idsAreUniqueOnEveryPage() throws {
        let folder = try TemporaryDirectory()
        let site = try buildFixture(in: folder, drafts: true)
        for name in htmlPages(in: site) {
            #expect(duplicateIDs(in: try page(site, name)) == [], "\(name)")
        }
    }

    @Test func headingRepeatingAFrontMatterTitleGetsItsOwnID() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        try folder.write("---\ntitle: Exercises\n---\n\n## Exercises\n\nBend your knee.\n", to: "content/leaflets/knee-replacement/03-c-exercises.md")
        let site = try buildFixture(in: folder)
        let html = try page(site, "knee-replacement.html")
        do {
            #expect(duplicateIDs(in: html) == [])
        }
    }

    @Test func categoriesDifferingOnlyInCaseGetDistinctIDs() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        let manifest = try folder.read("content/leaflets/knee-replacement/leaflet.yml")
        try folder.write(manifest.replacingOccurrences(of: "category: Bones and joints", with: "category: skin"), to: "content/leaflets/knee-replacement/leaflet.yml")
        let site = try buildFixture(in: folder)
        let index = try page(site, "index.html")
        do {
            #expect(duplicateIDs(in: index) == [])
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let folder = try TemporaryDirectory()
        let first = try buildFixture(in: folder, drafts: true, output: "first")
        let second = try buildFixture(in: folder, drafts: true, output: "second")
        expectIdentical(snapshot(first), snapshot(second))
    }

    @Test func parallelismDoesNotChangeTheOutput() throws {
        let folder = try TemporaryDirectory()
        let serial = try buildFixture(in: folder, drafts: true, jobs: 1, output: "serial")
        let parallel = try buildFixture(in: folder, drafts: true, jobs: 4, output: "parallel")
        expectIdentical(snapshot(serial), snapshot(parallel))
    }

    @Test func sectionsGiveTemplatesTheirSubheadings() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        let theme = folder.subpath("theme")
        try FileManager.default.copyItem(atPath: repositoryTemplates, toPath: theme)
        let leaflet = try folder.read("theme/leaflet.mustache")
        try folder.write(leaflet.replacingOccurrences(of: "{{$content}}", with: """
            {{$content}}<ul class="sub">{{#leaflet.sections}}{{#headings}}<li><a href="#{{id}}">{{text}}</a></li>{{/headings}}{{/leaflet.sections}}</ul>
            """), to: "theme/leaflet.mustache")
        let site = folder.subpath("site")
        _ = try SiteBuilder(options: buildOptions(content: folder.subpath("content"), output: site, templates: theme)).build()
        let html = try page(site, "knee-replacement.html")
        #expect(html.contains("<ul class=\"sub\"><li><a href=\"#risks--blood-clots\">Blood clots</a></li></ul>"))
    }

    @Test func themeWhoseFooterDropsTheDisclaimerFailsTheBuild() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        let theme = folder.subpath("theme")
        try FileManager.default.copyItem(atPath: repositoryTemplates, toPath: theme)
        try folder.write("""
            <footer class="site-footer">
              <div class="copyright">{{{copyright_html}}}</div>
            </footer>

            """, to: "theme/partials/footer.mustache")
        let site = folder.subpath("site")
        let failure = try #require(throws: BuildFailure.self) {
            try SiteBuilder(options: buildOptions(content: folder.subpath("content"), output: site, templates: theme)).build()
        }
        #expect(!failure.diagnostics.isEmpty)
        for diagnostic in failure.diagnostics {
            #expect(diagnostic.rule == .footer)
            #expect(diagnostic.location?.path == theme + "/partials/footer.mustache")
            #expect(diagnostic.message.contains("is missing the disclaimer in its footer"))
        }
        #expect(failure.description.contains(theme + "/partials/footer.mustache: error: page '"))
        #expect(!FileManager.default.fileExists(atPath: site))
        #expect(leftovers(besides: site) == [])
    }

    @Test func unknownKindFailsTheBuildAtItsLocation() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        try folder.write("---\ntitle: Contact your care team today\nkind: urgnet\n---\n\n- a fever\n", to: "content/leaflets/wound-care/03-urgent.md")
        let failure = try #require(throws: BuildFailure.self) {
            try SiteBuilder(options: buildOptions(content: folder.subpath("content"), output: folder.subpath("site"))).build()
        }
        #expect(failure.diagnostics.map(\.description) == [
            folder.subpath("content") + "/leaflets/wound-care/03-urgent.md:3:7: error: unknown section kind 'urgnet' (expected one of info, emergency, urgent, non-urgent); did you mean 'urgent'? [unknown-kind]",
        ])
    }

    @Test func sectionWithOnlyATitleFailsTheBuild() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        try folder.write("# Exercises\n", to: "content/leaflets/knee-replacement/03-c-exercises.md")
        var failure: BuildFailure?
        do {
            _ = try SiteBuilder(options: buildOptions(content: folder.subpath("content"), output: folder.subpath("site"))).build()
        } catch {
            failure = error
        }
        do {
            #expect(failure?.diagnostics.map(\.rule) == [.emptySection])
        }
    }
}
