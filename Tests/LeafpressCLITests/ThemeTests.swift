import Foundation
import Testing
import LeafpressCore

/// The built-in theme as the fallback, file-by-file overrides from templates/,
/// `theme eject`, finding the site from a folder inside it, and the CLI's output flags.
/// Every build here goes through the real binary.
@Suite("built-in theme and overrides")
struct ThemeTests {
    /// The fixture site alone: content/ and nothing else.
    func contentOnly() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        return folder
    }

    /// `leafpress build` with no flags but `extra`, run in `folder`; it must succeed.
    @discardableResult
    func build(_ folder: TemporaryDirectory, _ extra: [String] = [], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> CommandResult {
        let result = try runLeafpress(["build"] + extra, in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// The fixture built with the repository's complete templates/ as overrides: the
    /// reference every built-in build must equal.
    func referenceSite() throws -> [String: Data] {
        let folder = try contentOnly()
        try build(folder, ["--templates", repositoryTemplates, "--output", "reference"])
        return snapshot(folder.subpath("reference"))
    }

    // MARK: the built-in theme

    @Test func siteWithOnlyContentBuildsWithTheBuiltInTheme() throws {
        let folder = try contentOnly()
        let result = try build(folder)
        #expect(!result.stderr.contains("warning:"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("→ site/index.html"))
        let site = folder.subpath("site")
        for page in ["index.html", "404.html", "wound-care.html", "knee-replacement.html"] {
            let html = try String(contentsOfFile: site + "/" + page, encoding: .utf8)
            #expect(html.contains("theme/style.css"), "\(page) links no stylesheet")
            #expect(footer(of: html)?.contains("Test Community Trust") == true, "\(page) lost its footer")
        }
        #expect(try brokenReferences(in: site) == [])
        // The built-in theme is exactly the repository's templates/: same site, byte for byte.
        expectIdentical(snapshot(site), try referenceSite())
        #expect(try String(contentsOfFile: site + "/theme/style.css", encoding: .utf8)
                == String(contentsOfFile: repositoryTemplates + "/static/style.css", encoding: .utf8))
    }

    @Test func checkWorksWithOnlyContent() throws {
        let folder = try contentOnly()
        let result = try runLeafpress(["check"], in: folder)
        #expect(result.status == 0, "stdout: \(result.stdout)\nstderr: \(result.stderr)")
        #expect(result.stdout.contains("wound-care"))
    }

    @Test func namedTemplatesFolderMustExist() throws {
        let folder = try contentOnly()
        let result = try runLeafpress(["build", "--templates", "my-theme"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("my-theme: error: templates folder not found"), "stderr: \(result.stderr)")
        #expect(!folder.exists("site"))
    }

    // MARK: overrides, file by file

    @Test func overridingOnlyTheFooterPartialAppliesIt() throws {
        let folder = try contentOnly()
        try folder.write("""
            <footer class="site-footer" id="legal">
              <p class="our-footer">Printed by the Test Community Trust leaflet team</p>
              <div class="legal" lang="{{site.language}}" dir="auto">
                <div class="disclaimer">{{{disclaimer_html}}}</div>
                <div class="copyright">{{{copyright_html}}}</div>
              </div>
            </footer>

            """, to: "templates/partials/footer.mustache")
        let result = try build(folder)
        #expect(!result.stderr.contains("warning:"), "stderr: \(result.stderr)")
        let site = folder.subpath("site")
        let pages = htmlPages(in: site)
        #expect(pages.count == 4)
        for page in pages {
            let html = try String(contentsOfFile: site + "/" + page, encoding: .utf8)
            #expect(html.contains("<p class=\"our-footer\">Printed by the Test Community Trust leaflet team</p>"), "\(page)")
            #expect(html.contains("<header class=\"site-header\">"), "\(page) lost the built-in header")
        }
        // Everything that is not a page is still the built-in theme's.
        let built = snapshot(site), reference = try referenceSite()
        #expect(built.keys.sorted() == reference.keys.sorted())
        // manifest.json records each page's hash, so it changes with the pages.
        let differing = built.keys.filter { built[$0] != reference[$0] && $0 != "manifest.json" }.sorted()
        #expect(differing == pages)
    }

    @Test func overridingOnlyTheStylesheetAppliesIt() throws {
        let folder = try contentOnly()
        let css = "/* our own look */\nbody { font-family: serif; color: #1a1a1a; }\n"
        try folder.write(css, to: "templates/static/style.css")
        try folder.write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", to: "templates/static/extra/badge.svg")
        let result = try build(folder)
        #expect(!result.stderr.contains("warning:"), "an extra static file is not unknown: \(result.stderr)")
        let site = folder.subpath("site")
        #expect(try folder.read("site/theme/style.css") == css)
        #expect(folder.exists("site/theme/extra/badge.svg"))
        let built = snapshot(site), reference = try referenceSite()
        let differing = built.keys.filter { built[$0] != reference[$0] }.sorted()
        #expect(differing == ["theme/extra/badge.svg", "theme/style.css"])
        #expect(built["theme/search.js"] != nil && built["theme/search.js"] == reference["theme/search.js"])
    }

    @Test func overridingOneInterfaceTextFileKeepsTheRestInEnglish() throws {
        let folder = try contentOnly()
        try folder.write("home: \"Every leaflet we publish\"\n", to: "templates/i18n/en.yml")
        try build(folder)
        let html = try folder.read("site/wound-care.html")
        #expect(html.contains("Every leaflet we publish"))
        #expect(!html.contains(">All leaflets<"))
        #expect(html.contains("Last reviewed"), "keys the override leaves out still come from English")
    }

    @Test func unknownThemeFileIsAWarningWithASuggestion() throws {
        let folder = try contentOnly()
        try folder.write("<footer>misspelt</footer>\n", to: "templates/partials/foter.mustache")
        try folder.write("notes\n", to: "templates/README.txt")
        let result = try build(folder)
        #expect(result.stderr.contains("templates/partials/foter.mustache: warning: 'partials/foter.mustache' is not a file of the default theme and no template uses it, so it is ignored; did you mean 'partials/footer.mustache'? [theme-unknown-file]"),
                "stderr: \(result.stderr)")
        #expect(result.stderr.contains("templates/README.txt: warning: 'README.txt' is not a file of the default theme"))
        #expect(!(try folder.read("site/index.html")).contains("misspelt"))
    }

    @Test func newPartialThatATemplateIncludesIsNoWarning() throws {
        let folder = try contentOnly()
        try folder.write("<p class=\"banner\">Trial leaflets</p>\n", to: "templates/partials/banner.mustache")
        let header = try String(contentsOfFile: repositoryTemplates + "/partials/header.mustache", encoding: .utf8)
        try folder.write(header + "{{>partials/banner}}\n", to: "templates/partials/header.mustache")
        let result = try build(folder)
        #expect(!result.stderr.contains("warning:"), "stderr: \(result.stderr)")
        #expect(try folder.read("site/index.html").contains("<p class=\"banner\">Trial leaflets</p>"))
    }

    @Test func footerFailureNamesTheFileThatRendersTheFooter() throws {
        let folder = try contentOnly()
        try folder.write("<footer class=\"site-footer\">{{{copyright_html}}}</footer>\n", to: "templates/partials/footer.mustache")
        let result = try runLeafpress(["build"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("templates/partials/footer.mustache: error: page 'wound-care.html' is missing the disclaimer in its footer"),
                "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("leaflet.mustache"))
        #expect(!folder.exists("site"))

        // A base template that drops the footer partial is the file to look at.
        try FileManager.default.removeItem(atPath: folder.subpath("templates/partials/footer.mustache"))
        let base = try String(contentsOfFile: repositoryTemplates + "/base.mustache", encoding: .utf8)
        try folder.write(base.replacingOccurrences(of: "{{>partials/footer}}", with: ""), to: "templates/base.mustache")
        let noFooter = try runLeafpress(["build"], in: folder)
        #expect(noFooter.status == 1)
        #expect(noFooter.stderr.contains("templates/base.mustache: error: page 'wound-care.html' has no <footer>"), "stderr: \(noFooter.stderr)")
    }

    // MARK: theme eject

    @Test func ejectedThemeBuildsByteIdenticallyToTheBuiltInOne() throws {
        let folder = try contentOnly()
        try build(folder, ["--output", "built-in"])
        let eject = try runLeafpress(["theme", "eject"], in: folder)
        #expect(eject.status == 0, "stderr: \(eject.stderr)")
        #expect(eject.stdout.split(separator: "\n").map(String.init) == DefaultTheme.files.map { "templates/" + $0.path })
        for file in DefaultTheme.files {
            #expect(FileManager.default.contents(atPath: folder.subpath("templates/" + file.path)) == Data(file.contents.utf8), "\(file.path)")
        }
        let result = try build(folder, ["--output", "ejected"])
        #expect(!result.stderr.contains("warning:"), "stderr: \(result.stderr)")
        expectIdentical(snapshot(folder.subpath("ejected")), snapshot(folder.subpath("built-in")))
    }

    @Test func ejectCopiesOnlyTheNamedFilesAndNeverOverwrites() throws {
        let folder = try contentOnly()
        let first = try runLeafpress(["theme", "eject", "partials/footer.mustache", "i18n"], in: folder)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout == "templates/i18n/ar.yml\ntemplates/i18n/en.yml\ntemplates/i18n/es.yml\ntemplates/partials/footer.mustache\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.subpath("templates")).sorted() == ["i18n", "partials"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.subpath("templates/partials")) == ["footer.mustache"])

        let edited = "<footer>{{{disclaimer_html}}} {{{copyright_html}}} edited</footer>\n"
        try folder.write(edited, to: "templates/partials/footer.mustache")
        let again = try runLeafpress(["theme", "eject"], in: folder)
        #expect(again.status == 0, "stderr: \(again.stderr)")
        #expect(again.stderr.contains("warning: templates/partials/footer.mustache already exists; kept it as it is"))
        #expect(try folder.read("templates/partials/footer.mustache") == edited)
        #expect(folder.exists("templates/leaflet.mustache"))
    }

    @Test func ejectOfAnUnknownFileWritesNothing() throws {
        let folder = try contentOnly()
        let result = try runLeafpress(["theme", "eject", "partials/footer.mustache", "partials/foter.mustache"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: 'partials/foter.mustache' is not a file or folder of the built-in theme; did you mean 'partials/footer.mustache'?"),
                "stderr: \(result.stderr)")
        #expect(!folder.exists("templates"))
    }

    // MARK: finding the site

    @Test func buildFromALeafletFolderFindsTheSite() throws {
        let folder = try contentOnly()
        try folder.write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", to: "templates/static/favicon.svg")
        let leaflet = try TemporaryDirectory.at(folder.subpath("content/leaflets/wound-care"))
        let result = try runLeafpress(["build", "--verbose"], in: leaflet)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("using the site in \(folder.path) (../../..)"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("  ../../../templates/static/favicon.svg"), "the site's own templates/ is used: \(result.stderr)")
        #expect(result.stderr.contains("→ ../../../site/index.html"))
        #expect(folder.exists("site/wound-care.html"))
        #expect(try folder.read("site/theme/favicon.svg") == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
        #expect(!leaflet.exists("site"))

        let check = try runLeafpress(["check"], in: leaflet)
        #expect(check.status == 0, "stderr: \(check.stderr)")
        #expect(check.stderr.contains("using the site in \(folder.path)"))

        let new = try runLeafpress(["new", "hip-replacement", "--title", "Hip Replacement"], in: leaflet)
        #expect(new.status == 0, "stderr: \(new.stderr)")
        #expect(folder.exists("content/leaflets/hip-replacement/leaflet.yml"))
    }

    @Test func themeAndReportCommandsFromALeafletFolderUseTheSite() throws {
        let folder = try contentOnly()
        let leaflet = try TemporaryDirectory.at(folder.subpath("content/leaflets/wound-care"))
        let eject = try runLeafpress(["theme", "eject", "partials/footer.mustache"], in: leaflet)
        #expect(eject.status == 0, "stderr: \(eject.stderr)")
        #expect(eject.stdout == "../../../templates/partials/footer.mustache\n")
        #expect(eject.stderr.contains("using the site in \(folder.path) (../../..)"), "stderr: \(eject.stderr)")
        #expect(folder.exists("templates/partials/footer.mustache"))
        #expect(!leaflet.exists("templates"), "eject wrote into the leaflet folder")

        let list = try runLeafpress(["theme", "list"], in: leaflet)
        #expect(list.status == 0, "stderr: \(list.stderr)")
        #expect(list.stdout.contains("partials/footer.mustache  (replaced by ../../../templates/partials/footer.mustache)"), "stdout: \(list.stdout)")
        #expect(list.stderr.contains("using the site in \(folder.path) (../../..)"), "stderr: \(list.stderr)")

        let reviews = try runLeafpress(["report", "reviews"], in: leaflet)
        #expect(reviews.status == 0, "stderr: \(reviews.stderr)")
        #expect(reviews.stdout.contains("wound-care"))
        #expect(reviews.stderr.contains("using the site in \(folder.path) (../../..)"), "stderr: \(reviews.stderr)")
    }

    @Test func buildInTheSiteFolderSaysNothingAboutDiscovery() throws {
        let folder = try contentOnly()
        let result = try build(folder)
        #expect(!result.stderr.contains("using the site in"))
    }

    @Test func noSiteAboveIsTheUsualMissingContentError() throws {
        let folder = try TemporaryDirectory()
        let result = try runLeafpress(["build"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content: error: content folder not found"), "stderr: \(result.stderr)")
    }

    // MARK: output flags

    @Test func shortOutputFlagQuietAndVerbose() throws {
        let folder = try contentOnly()
        try folder.write("x\n", to: "templates/unknown.txt")
        let short = try runLeafpress(["build", "-o", "out"], in: folder)
        #expect(short.status == 0, "stderr: \(short.stderr)")
        #expect(folder.exists("out/index.html"))

        let quiet = try runLeafpress(["build", "--quiet", "-o", "quiet"], in: folder)
        #expect(quiet.status == 0)
        #expect(quiet.stderr == "", "--quiet prints no warnings or summary: \(quiet.stderr)")
        #expect(folder.exists("quiet/index.html"))

        let verbose = try runLeafpress(["build", "--verbose", "-o", "verbose"], in: folder)
        #expect(verbose.stderr.contains("theme: the built-in theme with 1 file from templates/:\n  templates/unknown.txt"), "stderr: \(verbose.stderr)")
        #expect(verbose.stderr.contains("warning:"))

        // --verbose names the folders used, even when the site is the current folder.
        #expect(verbose.stderr.contains("using the content in \(folder.path)/content (content)"), "stderr: \(verbose.stderr)")
        #expect(verbose.stderr.contains("output: \(folder.path)/verbose (verbose)"), "stderr: \(verbose.stderr)")
        #expect(!short.stderr.contains("using the content in") && !short.stderr.contains("output:"), "stderr: \(short.stderr)")

        let both = try runLeafpress(["build", "--quiet", "--verbose"], in: folder)
        #expect(both.status == 2)

        // Errors still print with --quiet.
        try folder.write("title: [unclosed\n", to: "content/site.yml")
        let failing = try runLeafpress(["build", "-q"], in: folder)
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("content/site.yml:"))
        #expect(!failing.stderr.contains("build failed"))
    }

    @Test func serveWarnsWhenTheHostIsNotLoopback() throws {
        let folder = try contentOnly()
        // 192.0.2.1 is a documentation address no machine has: the bind fails at once,
        // after the warning, and nothing is ever served.
        let result = try runLeafpress(["serve", "--host", "192.0.2.1", "--port", "0"], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("warning: serving on 192.0.2.1, not a loopback address"), "stderr: \(result.stderr)")
        #expect(result.stdout == "")
    }

    @Test func serveOnLoopbackDoesNotWarn() throws {
        let folder = try contentOnly()
        // A second serve on the port the first one holds fails at once, after the point
        // where a non-loopback host would have been warned about.
        let running = try ServeTests.Server(folder: folder, arguments: ["--host", "127.0.0.1"])
        let second = try runLeafpress(["serve", "--host", "127.0.0.1", "--port", String(running.port)], in: folder, timeout: 120)
        #expect(second.status == 1, "stderr: \(second.stderr)")
        #expect(second.stderr.contains("error:"), "stderr: \(second.stderr)")
        #expect(!second.stderr.contains("warning:"), "stderr: \(second.stderr)")
    }

    @Test func completionScriptIsGenerated() throws {
        let folder = try TemporaryDirectory()
        let result = try runLeafpress(["--generate-completion-script", "bash"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.contains("eject"))
        #expect(result.stdout.contains("--templates"))
        // Help tells a user the flag exists (argument-parser hides it from the option list).
        let help = try runLeafpress(["--help"], in: folder)
        #expect(help.stdout.contains("--generate-completion-script bash"), "stdout: \(help.stdout)")
    }
}

extension TemporaryDirectory {
    /// A view of an existing folder inside another temporary folder (not removed on its own).
    static func at(_ path: String) throws -> TemporaryDirectory {
        try TemporaryDirectory(existing: path)
    }
}
