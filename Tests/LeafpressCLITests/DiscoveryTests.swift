import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import LeafpressCore

/// The sample site as visitors and search engines find their way through it: indexes,
/// search, languages, structured data and the sitemap.
@Suite("Discovery")
struct DiscoveryTests {
    static let baseURL = "https://leaflets.example.org/"

    /// The sample site, built once with a base URL (sitemap and canonical links need one).
    nonisolated(unsafe) static let built: Result<(site: String, report: BuildReport, folder: TemporaryDirectory), Error> = Result {
        let folder = try TemporaryDirectory()
        var options = buildOptions(content: repositoryContent, output: folder.subpath("site"))
        options.baseURL = baseURL
        let report = try SiteBuilder(options: options).build()
        // The folder is kept with the result: it is removed when released.
        return (folder.subpath("site"), report, folder)
    }

    var site: String { get throws { try Self.built.get().site } }
    var manifests: [LeafletManifest] { get throws { try Self.built.get().report.manifests } }

    func language(of manifest: LeafletManifest) -> String { manifest.language ?? "en" }

    func indexPath(for language: String) -> String { language == "en" ? "index.html" : "\(language)/index.html" }

    @Test func everyLeafletIsListedOnceInTheAToZOfItsLanguage() throws {
        let site = try site
        let manifests = try manifests
        for language in Set(manifests.map(language(of:))) {
            let index = try page(site, indexPath(for: language))
            let atoz = try #require(index.between("<section class=\"a-to-z\"", "</section>"))
            let prefix = language == "en" ? "" : "../"  // language indexes are in <lang>/
            for manifest in manifests {
                let link = "href=\"\(prefix)\(manifest.slug).html\""
                let expected = self.language(of: manifest) == language ? 1 : 0
                #expect(atoz.components(separatedBy: link).count - 1 == expected, "\(manifest.slug) on \(language) index")
            }
        }
    }

    @Test func draftsAreNotListed() throws {
        let index = try page(try site, "index.html")
        #expect(!index.contains("knee-arthroscopy"))
    }

    @Test func letterLinksJumpToLetterHeadings() throws {
        let index = try page(try site, "index.html")
        let nav = try #require(index.between("<nav class=\"letter-nav\"", "</nav>"))
        let targets = nav.components(separatedBy: "href=\"#").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(!targets.isEmpty)
        for target in targets { #expect(index.contains("id=\"\(target)\"")) }
    }

    @Test func searchIndexCoversEveryLeafletOfItsLanguage() throws {
        let site = try site
        let manifests = try manifests
        for language in Set(manifests.map(language(of:))) {
            let script = try page(site, "search-index.\(language).js")
            let json = try #require(script.between("window.LEAFPRESS_SEARCH = ", ";\n"))
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
            let expected = manifests.filter { self.language(of: $0) == language }
            #expect(Set(entries.compactMap { $0["u"] as? String }) == Set(expected.map { "\($0.slug).html" }))
            for entry in entries {
                #expect((entry["t"] as? String)?.isEmpty == false)
                #expect((entry["h"] as? [String])?.count ?? 0 >= 3, "section titles are searchable")
            }
            let index = try page(site, indexPath(for: language))
            #expect(index.contains("<script src=\"\(language == "en" ? "" : "../")search-index.\(language).js\"></script>"))
        }
    }

    @Test func searchFormIsHiddenUntilTheScriptRuns() throws {
        let index = try page(try site, "index.html")
        #expect(index.contains("<div class=\"search\" data-search hidden"))
        #expect(FileManager.default.fileExists(atPath: try site + "/theme/search.js"))
    }

    @Test func everyPageHasLangAndDir() throws {
        let site = try site
        for name in htmlPages(in: site) {
            let html = try page(site, name)
            let tag = try #require(html.between("<html", ">"), "\(name)")
            #expect(tag.contains(" lang=\""), "\(name)")
            let rtl = tag.contains("lang=\"ar\"")
            #expect(tag.contains(rtl ? "dir=\"rtl\"" : "dir=\"ltr\""), "\(name)")
        }
    }

    @Test func translationsLinkBothWays() throws {
        let site = try site
        let manifests = try manifests
        let translations = manifests.filter { $0.translationOf != nil }
        #expect(translations.count >= 2)
        for translation in translations {
            let original = try #require(translation.translationOf)
            let there = try page(site, "\(original).html")
            let back = try page(site, "\(translation.slug).html")
            #expect(there.contains("href=\"\(translation.slug).html\" hreflang=\"\(language(of: translation))\""))
            #expect(back.contains("href=\"\(original).html\" hreflang=\"en\""))
            #expect(there.contains("<link rel=\"alternate\" hreflang=\"\(language(of: translation))\" href=\"\(Self.baseURL)\(translation.slug)\">"))
            #expect(back.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"\(Self.baseURL)\(original)\">"))
        }
    }

    @Test func leafletJSONLDParsesAndCarriesTheFields() throws {
        let site = try site
        for manifest in try manifests {
            let html = try page(site, "\(manifest.slug).html")
            let json = try #require(html.between("<script type=\"application/ld+json\">", "</script>"))
            let value = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(value["@type"] as? String == "MedicalWebPage")
            #expect(value["name"] as? String == manifest.title)
            #expect(value["description"] as? String == manifest.summary)
            #expect(value["inLanguage"] as? String == language(of: manifest))
            #expect(value["lastReviewed"] as? String == manifest.reviewed.description)
            #expect(value["audience"] as? String == "https://schema.org/Patient")
            #expect((value["publisher"] as? [String: Any])?["name"] as? String == "Riverside Community Health Trust")
            #expect(value["copyrightHolder"] != nil)
            #expect((value["reviewedBy"] as? [[String: Any]])?.count == manifest.reviewedBy.count)
            #expect(value["url"] as? String == "\(Self.baseURL)\(manifest.slug)")
            if manifest.translationOf != nil {
                #expect(value["translationOfWork"] != nil)
                #expect((value["workTranslation"] as? [[String: Any]])?.isEmpty == false)
            }
        }
    }

    @Test func indexCarriesWebSiteJSONLD() throws {
        let html = try page(try site, "index.html")
        let json = try #require(html.between("<script type=\"application/ld+json\">", "</script>"))
        let value = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(value["@type"] as? String == "WebSite")
        #expect(value["url"] as? String == Self.baseURL)
    }

    @Test func sitemapIsValidXMLListingEveryPageSorted() throws {
        let site = try site
        let data = try Data(contentsOf: URL(fileURLWithPath: site + "/sitemap.xml"))
        let parser = XMLParser(data: data)
        let collector = LocCollector()
        parser.delegate = collector
        #expect(parser.parse(), "sitemap.xml is well-formed XML")
        let manifests = try manifests
        var expected = manifests.map { "\(Self.baseURL)\($0.slug)" } + [Self.baseURL]
        for language in Set(manifests.map(language(of:))) where language != "en" { expected.append("\(Self.baseURL)\(language)/") }
        #expect(collector.locations == expected.sorted())
        #expect(collector.alternates > 0, "translations carry xhtml:link hreflang alternates")
    }

    @Test func robotsPointsAtTheSitemap() throws {
        let robots = try page(try site, "robots.txt")
        #expect(robots.contains("Sitemap: \(Self.baseURL)sitemap.xml"))
    }

    @Test func canonicalLinksAndMetaDescription() throws {
        let site = try site
        for manifest in try manifests {
            let html = try page(site, "\(manifest.slug).html")
            #expect(html.contains("<link rel=\"canonical\" href=\"\(Self.baseURL)\(manifest.slug)\">"), "clean URL")
            #expect(html.contains("<meta name=\"description\" content=\""))
        }
    }

    @Test func notFoundPageIsLocalisedAndWorksFromAnyDepth() throws {
        let html = try page(try site, "404.html")
        #expect(html.contains("<h1>Page not found</h1>"))
        #expect(html.contains("href=\"\(Self.baseURL)theme/style.css\""))
    }

    @Test func withoutBaseURLThereIsNoSitemapButStillRobots() throws {
        let folder = try TemporaryDirectory()
        _ = try SiteBuilder(options: buildOptions(content: repositoryContent, output: folder.subpath("site"))).build()
        #expect(!folder.exists("site/sitemap.xml"))
        #expect(folder.exists("site/robots.txt"))
        #expect(!(try folder.read("site/index.html")).contains("rel=\"canonical\""))
    }
}

/// Collects `<loc>` texts and counts `xhtml:link` alternates.
private final class LocCollector: NSObject, XMLParserDelegate {
    var locations: [String] = []
    var alternates = 0
    private var text: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "loc" { text = "" }
        if name == "xhtml:link" || (name == "link" && qualifiedName == "xhtml:link") { alternates += 1 }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "loc", let value = text { locations.append(value) }
        if name == "loc" { text = nil }
    }
}
