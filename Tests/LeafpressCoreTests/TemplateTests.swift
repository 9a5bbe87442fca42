import Foundation
import Testing
@testable import LeafpressCore

@Suite("Templates")
struct TemplateTests {
    // MARK: escaping

    /// Builds `Fixtures/escaping-site` with the repository theme and returns the output folder.
    func buildEscapingSite(into output: TemporaryDirectory) throws -> String {
        let fixtures = try #require(Bundle.module.path(forResource: "Fixtures", ofType: nil))
        var options = BuildOptions()
        options.contentDirectory = fixtures + "/escaping-site"
        options.templatesDirectory = repositoryTemplates
        options.outputDirectory = output.subpath("site")
        options.jobs = 1
        _ = try SiteBuilder(options: options).build()
        return output.subpath("site")
    }

    @Test func leafletTitleIsEscapedOnItsPage() throws {
        let output = try TemporaryDirectory()
        let site = try buildEscapingSite(into: output)
        let page = try String(contentsOfFile: site + "/unsafe-title.html", encoding: .utf8)
        #expect(page.contains("<h1 id=\"leaflet-title\">&lt;script&gt;&amp;&quot;&#39;</h1>"))
        #expect(page.contains("<title>&lt;script&gt;&amp;&quot;&#39; – Tom &amp; Jerry&#39;s &lt;Clinic&gt;</title>"))
        #expect(onlyThemeScripts(page))
        #expect(page.contains("\"name\":\"\\u003cscript\\u003e\\u0026\\\"'\""))
    }

    @Test func summaryAndSettingAreEscapedOnTheLeafletPage() throws {
        let output = try TemporaryDirectory()
        let site = try buildEscapingSite(into: output)
        let page = try String(contentsOfFile: site + "/unsafe-title.html", encoding: .utf8)
        #expect(page.contains("<p class=\"care-setting\">A &lt;b&gt;setting&lt;/b&gt;</p>"))
        #expect(page.contains("<meta name=\"description\" content=\"Summary with &lt;img src=x onerror=alert(1)&gt; &amp; more\">"))
        #expect(!page.contains("<img"))
        #expect(!page.contains("<b>"))
    }

    @Test func sectionTitleFromFrontMatterIsEscaped() throws {
        let output = try TemporaryDirectory()
        let site = try buildEscapingSite(into: output)
        let page = try String(contentsOfFile: site + "/unsafe-title.html", encoding: .utf8)
        #expect(page.contains(">About &lt;this&gt; &amp; &quot;that&quot;</h2>"))
        #expect(page.contains("<p>Body text with <code>&lt;script&gt;alert(1)&lt;/script&gt;</code> inline"))
    }

    @Test func leafletTitleIsEscapedOnTheIndex() throws {
        let output = try TemporaryDirectory()
        let site = try buildEscapingSite(into: output)
        let index = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        #expect(index.contains("<a class=\"leaflet-card__title\" href=\"unsafe-title.html\">&lt;script&gt;&amp;&quot;&#39;</a>"))
        #expect(index.contains("<h1>Tom &amp; Jerry&#39;s &lt;Clinic&gt;</h1>"))
        #expect(onlyThemeScripts(index))
    }

    // MARK: footer check

    static let copyright = "© 2026 Example Trust"
    static let disclaimer = "General information only."

    func verify(_ html: String) -> Diagnostic? {
        FooterCheck.verify(html, copyrightHTML: Self.copyright, disclaimerHTML: Self.disclaimer,
                           template: "templates/leaflet.mustache", page: "colonoscopy.html")
    }

    @Test func footerWithBothTextsPasses() {
        #expect(verify("<main>…</main><footer class=\"x\"><p>\(Self.disclaimer)</p><p>\(Self.copyright)</p></footer>") == nil)
    }

    @Test func footerWithoutDisclaimerNamesTheTemplate() {
        #expect(verify("<footer><p>\(Self.copyright)</p></footer>") == .error(
            "page 'colonoscopy.html' is missing the disclaimer in its footer; render {{{copyright_html}}} and {{{disclaimer_html}}} inside <footer>",
            at: SourceLocation(path: "templates/leaflet.mustache"), rule: .footer))
    }

    @Test func footerWithoutCopyrightNamesTheTemplate() {
        let diagnostic = verify("<footer><p>\(Self.disclaimer)</p></footer>")
        #expect(diagnostic?.location == SourceLocation(path: "templates/leaflet.mustache"))
        #expect(diagnostic?.message.hasPrefix("page 'colonoscopy.html' is missing the copyright in its footer") == true)
    }

    @Test func footerWithNeitherTextNamesBoth() {
        let diagnostic = verify("<footer></footer>")
        #expect(diagnostic?.message.contains("missing the copyright and disclaimer") == true)
    }

    @Test func textsOutsideTheFooterDoNotCount() {
        let diagnostic = verify("<p>\(Self.disclaimer) \(Self.copyright)</p><footer></footer>")
        #expect(diagnostic?.severity == .error)
        #expect(diagnostic?.rule == .footer)
    }

    @Test func pageWithoutFooterNamesTheTemplate() {
        #expect(verify("<p>\(Self.disclaimer) \(Self.copyright)</p>") == .error(
            "page 'colonoscopy.html' has no <footer> with the copyright and disclaimer",
            at: SourceLocation(path: "templates/leaflet.mustache"), rule: .footer))
    }

    // MARK: loading

    /// A minimal valid theme, plus `extra` files.
    func theme(_ extra: [String: String] = [:]) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        let footer = "<footer>{{{disclaimer_html}}} {{{copyright_html}}}</footer>"
        for name in ["index", "leaflet", "404"] {
            try folder.write("<html><body>\(name)\(footer)</body></html>\n", to: "\(name).mustache")
        }
        for (name, text) in extra { try folder.write(text, to: name) }
        return folder
    }

    @Test func validThemeLoads() throws {
        let folder = try theme(["partials/footer.mustache": "<footer></footer>"])
        let templates = try TemplateSet.load(from: folder.path)
        #expect(templates.has("index"))
        #expect(templates.has("partials/footer"))
        #expect(templates.has("print.css"), "the built-in theme fills in what the folder lacks")
        #expect(templates.path(of: "print.css") == "<built-in theme>/print.css.mustache")
        #expect(templates.path(of: "leaflet") == folder.path + "/leaflet.mustache")
    }

    @Test func repositoryThemeLoads() throws {
        let templates = try TemplateSet.load(from: repositoryTemplates)
        for name in ["index", "leaflet", "404", "base", "partials/footer", "partials/care-card", "print.css"] {
            #expect(templates.has(name), "missing \(name)")
        }
    }

    @Test func unclosedSectionIsReportedWithPathLineAndColumn() throws {
        let folder = try theme(["partials/broken.mustache": "<p>\n  {{#x}}\n  never closed\n"])
        let error = try #require(throws: BuildFailure.self) { try TemplateSet.load(from: folder.path) }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(error.diagnostics.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.rule == .template)
        #expect(diagnostic.message == "template syntax: section is never closed")
        #expect(diagnostic.location?.path == folder.path + "/partials/broken.mustache")
        #expect(diagnostic.location?.line == 4)  // the end of the file, where the parser gave up
        #expect(diagnostic.location?.column != nil)
    }

    @Test func wronglyClosedSectionIsReportedWhereItCloses() throws {
        let folder = try theme(["leaflet.mustache": "<footer>\n{{#a}}\n  x {{/b}}\n</footer>\n"])
        let error = try #require(throws: BuildFailure.self) { try TemplateSet.load(from: folder.path) }
        #expect(error.diagnostics.map(\.message).contains("template syntax: section closed with a different name than it was opened with"))
        #expect(error.diagnostics.first?.location?.path == folder.path + "/leaflet.mustache")
        #expect(error.diagnostics.first?.location?.line == 3)
    }

    @Test func unclosedSectionAtEndOfFileIsReportedAtTheEnd() throws {
        // The parser stops at the end of the file: line 1, column 7, just after `{{#a}}`.
        let folder = try theme(["partials/unclosed.mustache": "{{#a}}"])
        let error = try #require(throws: BuildFailure.self) { try TemplateSet.load(from: folder.path) }
        let location = try #require(error.diagnostics.first?.location)
        #expect(location.line == 1)
        do {
            #expect(location.column == 7)
        }
    }

    @Test func wronglyClosedSectionPointsAtTheClosingName() throws {
        // `  {{/b}}`: the parser stops at the name `b`, line 2 column 6.
        let folder = try theme(["partials/mismatch.mustache": "{{#a}}\n  {{/b}}\n"])
        let error = try #require(throws: BuildFailure.self) { try TemplateSet.load(from: folder.path) }
        let location = try #require(error.diagnostics.first?.location)
        #expect(location.line == 2)
        do {
            #expect(location.column == 6)
        }
    }

    @Test func templatesTheFolderLacksComeFromTheBuiltInTheme() throws {
        let folder = try TemporaryDirectory()
        try folder.write("<footer>{{{disclaimer_html}}} {{{copyright_html}}}</footer>\n", to: "partials/footer.mustache")
        let templates = try TemplateSet.load(from: folder.path)
        for name in ["index", "leaflet", "404", "base", "print.css"] {
            #expect(templates.has(name), "missing \(name)")
            #expect(templates.path(of: name) == "<built-in theme>/\(name).mustache")
        }
        #expect(templates.path(of: "partials/footer") == folder.path + "/partials/footer.mustache")
        // The page templates render the override, found through base.mustache's include.
        #expect(templates.footerPath(for: "leaflet") == folder.path + "/partials/footer.mustache")
    }

    @Test func footerPathNamesTheOverrideThatLostTheFooter() throws {
        // base.mustache no longer includes the footer partial: no template of the page
        // opens a <footer>, and the overridden base is the change to look at.
        let folder = try TemporaryDirectory()
        try folder.write("<html>{{$content}}{{/content}}</html>\n", to: "base.mustache")
        let templates = try TemplateSet.load(from: folder.path)
        #expect(templates.footerPath(for: "index") == folder.path + "/base.mustache")
        #expect(try TemplateSet.load(theme: .builtInOnly).footerPath(for: "404") == "<built-in theme>/partials/footer.mustache")
    }

    @Test func missingTemplatesFolderIsReportedOnlyWhenItWasNamed() throws {
        let error = try #require(throws: BuildFailure.self) { try TemplateSet.load(from: "/nonexistent/leafpress-theme") }
        #expect(error.diagnostics.map(\.rule) == [.templates])
        var diagnostics: [Diagnostic] = []
        let theme = try #require(Theme.load(overrides: "/nonexistent/leafpress-theme", required: false, diagnostics: &diagnostics))
        #expect(diagnostics == [])
        #expect(theme.overrides == [])
        #expect(theme.files.count == DefaultTheme.files.count)
    }
}

/// True when every `<script` in a page is one the theme writes itself (JSON-LD data or a
/// script file), so no content text became a script element.
func onlyThemeScripts(_ html: String) -> Bool {
    html.components(separatedBy: "<script").dropFirst().allSatisfy {
        $0.hasPrefix(" type=\"application/ld+json\">") || $0.hasPrefix(" src=\"")
    }
}

/// The inline print style of every page and the hash that lets it past the page's CSP.
@Suite("Inline print style")
struct InlinePrintStyleTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256MatchesTheFIPSVectors(input: String, hex: String) {
        #expect(SHA256.digest(Array(input.utf8)).map { String(format: "%02x", $0) }.joined() == hex)
    }

    @Test func sha256OfAMillionAs() {
        let digest = SHA256.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(digest.map { String(format: "%02x", $0) }.joined() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func everyPageHasItsPrintStyleInlineAllowedByItsHash() throws {
        let output = try TemporaryDirectory()
        try output.write("title: Print Trust\npublisher: Print Trust\ncopyright: \"© 2026 Print Trust\"\ndisclaimer: General information only.\n", to: "content/site.yml")
        try output.write("title: \"<script>&\\\"'\"\nsummary: A leaflet.\nreviewed: 2026-01-05\n", to: "content/leaflets/unsafe-title/leaflet.yml")
        try output.write("---\nkind: emergency\n---\n# Call for help\n\nCall now.\n", to: "content/leaflets/unsafe-title/01-help.md")
        var options = BuildOptions()
        options.contentDirectory = output.subpath("content")
        options.templatesDirectory = repositoryTemplates
        options.outputDirectory = output.subpath("site")
        _ = try SiteBuilder(options: options).build()
        let pages = ["index.html", "404.html", "unsafe-title.html"]
        for name in pages {
            let html = try String(contentsOfFile: output.subpath("site/" + name), encoding: .utf8)
            let css = try printStyleText(html)
            #expect(css.contains("@page"), "\(name)")
            let csp = try #require(html.firstMatch(of: #/http-equiv="Content-Security-Policy" content="([^"]*)"/#), "\(name)")
            let policy = String(csp.output.1).replacingOccurrences(of: "&#39;", with: "'")
            #expect(policy.contains("style-src 'self' '\(SHA256.cspSource(css))';"), "\(name): \(policy)")
        }
        // The title printed at the top of each sheet is the page's own.
        let leaflet = try String(contentsOfFile: output.subpath("site/unsafe-title.html"), encoding: .utf8)
        #expect(try printStyleText(leaflet).contains(CSSString.quoted("<script>&\"'")))
        #expect(!FileManager.default.fileExists(atPath: output.subpath("site/unsafe-title")), "a leaflet without files of its own gets no folder")
        #expect(!FileManager.default.fileExists(atPath: output.subpath("site/theme/print.css")))
    }

    func printStyleText(_ html: String) throws -> String {
        let style = try #require(html.firstMatch(of: #/<style media="print">([^<]*)</style>/#))
        return String(style.output.1)
    }
}

/// SHA-256 at every length around the block and padding boundaries, against `sha256sum`.
@Suite("SHA-256 lengths")
struct SHA256LengthTests {
    @Test func everyLengthAroundTheBlockBoundariesMatchesSha256sum() throws {
        let lengths = Array(0...130) + [191, 192, 193, 1000, 4096]
        var text = ""
        for length in lengths {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let hex = SHA256.digest(bytes).map { String(format: "%02x", $0) }.joined()
            text += "\(length) \(hex)\n"
            #expect(hex == SHA256.digest(bytes[...]).map { String(format: "%02x", $0) }.joined(), "slice of \(length)")
        }
        let script = "import hashlib\nfor n in \(lengths):\n    print(n, hashlib.sha256(bytes((i * 31 + 7) & 255 for i in range(n))).hexdigest())\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let expected = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text == expected)
    }
}
