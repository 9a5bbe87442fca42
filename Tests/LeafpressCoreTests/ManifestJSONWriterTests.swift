import Foundation
import Testing
@testable import LeafpressCore

/// `manifest.json` is written by hand for speed and memory; its bytes must stay those
/// `JSONEncoder` wrote (pretty-printed, sorted keys, unescaped slashes), which older sites'
/// manifests and `report changes` were made with.
@Suite("manifest.json writer")
struct ManifestJSONWriterTests {
    static func leaflet(_ slug: String, title: String, pdfs: [SiteManifest.PDF]?, optionals: Bool) -> SiteManifest.Leaflet {
        SiteManifest.Leaflet(slug: slug, title: title, reference: optionals ? "GI/014" : nil, version: optionals ? 3 : nil,
                             owner: optionals ? "Dr \"Q\" \\ Owner" : nil, language: "es", reviewed: "2026-08-03", nextReview: "2027-08-03",
                             approvals: optionals ? [.init(name: "A. Name", role: "Lead\tnurse", date: "2026-08-01")] : [],
                             translationOf: optionals ? "colonoscopy" : nil, sourceVersion: optionals ? 2 : nil,
                             sources: [.init(path: "leaflets/\(slug)/01-intro.md", sha256: String(repeating: "ab", count: 32))],
                             sourceSHA256: String(repeating: "0f", count: 32), page: "\(slug).html",
                             pageSHA256: optionals ? String(repeating: "9", count: 64) : nil, pdfs: pdfs)
    }

    @Test func bytesMatchJSONEncoder() throws {
        let awkward = "Café – “quotes” \u{01}\u{1F}\u{7F} <b>&</b> / é 🙂 \r\n\u{0C}\u{08}"
        let manifest = SiteManifest(leaflets: [
            Self.leaflet("b-leaflet", title: awkward, pdfs: [.init(file: "b/b.pdf", edition: "standard", sha256: "s", printSHA256: "p")], optionals: true),
            Self.leaflet("a-leaflet", title: "Plain", pdfs: nil, optionals: false),
        ])
        #expect(String(decoding: manifest.jsonData(), as: UTF8.self) == String(decoding: manifest.encoderJSONData(), as: UTF8.self))
        #expect(SiteManifest(leaflets: []).jsonData() == SiteManifest(leaflets: []).encoderJSONData())
    }

    @Test func theSampleSiteManifestMatchesJSONEncoder() throws {
        var options = BuildOptions()
        options.contentDirectory = packageRoot + "/content"
        options.templatesDirectory = repositoryTemplates
        options.jobs = 1
        let folder = try TemporaryDirectory()
        options.outputDirectory = folder.path + "/site"
        _ = try SiteBuilder(options: options).build()
        let written = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/site/manifest.json"))
        let manifest = try JSONDecoder().decode(SiteManifest.self, from: written)
        #expect(manifest.leaflets.count >= 3)
        #expect(written == manifest.encoderJSONData())
    }
}
