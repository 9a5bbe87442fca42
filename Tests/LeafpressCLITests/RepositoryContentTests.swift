import Foundation
import Testing
import LeafpressCore

/// One build of the repository's own sample site (`content/` with `templates/`).
@Suite("Repository content")
struct RepositoryContentTests {
    func build(into folder: TemporaryDirectory, drafts: Bool = false) throws -> (String, BuildReport) {
        let site = folder.subpath("site")
        let report = try SiteBuilder(options: buildOptions(content: repositoryContent, output: site, drafts: drafts, jobs: 4)).build()
        return (site, report)
    }

    @Test func sampleSiteBuildsWithEveryFooterAndLink() throws {
        let folder = try TemporaryDirectory()
        let (site, report) = try build(into: folder)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(report.leaflets > 0)

        let yaml = try String(contentsOfFile: repositoryContent + "/site.yml", encoding: .utf8)
        let copyright = try #require(siteValue("copyright", in: yaml))
        let disclaimer = try #require(siteValue("disclaimer", in: yaml))
        let pages = htmlPages(in: site)
        #expect(pages.count == report.pages)
        #expect(pages.contains("index.html"))
        #expect(pages.contains("404.html"))
        for manifest in report.manifests {
            #expect(!manifest.draft)
            #expect(pages.contains("\(manifest.slug).html"))
            let footer = try #require(footer(of: try page(site, "\(manifest.slug).html")))
            #expect(footer.contains(InlineMarkdown.html(manifest.copyright ?? copyright)), "\(manifest.slug)")
        }
        for name in pages {
            let footer = try #require(footer(of: try page(site, name)), "\(name) has no <footer>")
            if !name.contains("/") {
                #expect(footer.contains(InlineMarkdown.html(copyright)), "\(name) lacks the copyright")
            }
            #expect(footer.contains(InlineMarkdown.html(disclaimer)), "\(name) lacks the disclaimer")
        }
        #expect(try brokenReferences(in: site) == [])
        for name in pages {
            #expect(duplicateIDs(in: try page(site, name)) == [], "\(name)")
        }
    }

    @Test func sampleSiteWithDraftsHasNoBrokenReferences() throws {
        let folder = try TemporaryDirectory()
        let (site, report) = try build(into: folder, drafts: true)
        // One page per leaflet, the 404 page, and one index per language.
        let languages = Set(report.manifests.map { $0.language ?? "en" })
        #expect(htmlPages(in: site).count == report.leaflets + 1 + languages.count)
        #expect(try brokenReferences(in: site) == [])
    }

    @Test func sampleSiteBuildsIdenticallyFromTheCommandLine() throws {
        let folder = try TemporaryDirectory()
        let (site, _) = try build(into: folder)
        let result = try runLeafpress(["build", "--content", repositoryContent, "--templates", repositoryTemplates, "--output", "cli"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        expectIdentical(snapshot(folder.subpath("cli")), snapshot(site))
    }

    /// A top-level scalar of `site.yml`, unquoted: enough for the sample file.
    private func siteValue(_ key: String, in yaml: String) -> String? {
        for line in yaml.split(separator: "\n") where line.hasPrefix(key + ":") {
            var value = line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
