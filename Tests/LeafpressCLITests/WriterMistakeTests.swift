import Foundation
import Testing
import LeafpressCore

/// Issue #13: a fixture per writer's mistake, checked through the binary for its rule,
/// file, line and advice.
@Suite("Writer mistakes, end to end")
struct WriterMistakeTests {
    // MARK: item 9: US and UK spellings

    @Test func americanLeafletGetsJargonWarnings() throws {
        let site = try PublishSite(site: "language: en-US\n")
        try site.leaflet("us-leaflet", sections: ["01-about.md": "# About\n\nA hematologist will see you.\n\nYou will have anesthesia.\n\nDo not take NSAIDs.\n"])
        let (result, findings) = try site.check()
        #expect(result.status == 0)
        let jargon = findings.of(.jargon).filter { $0.path == PublishSite.path("us-leaflet/01-about.md") }
        #expect(jargon.map(\.line) == [3, 5, 7])
        #expect(jargon.map(\.message) == ["'hematologist' is jargon; use 'blood doctor' instead",
                                          "'anesthesia' is jargon; use 'medicine that stops you feeling pain' instead",
                                          "'NSAIDs' is jargon; use 'anti-inflammatory painkiller, such as ibuprofen' instead"])
    }

    // MARK: item 2: new, placeholders, empty keys

    @Test func newWritesADraftWithoutAReviewDate() throws {
        let site = try PublishSite()
        let result = try runLeafpress(["new", "knee", "--title", "Knee", "--content", "content"], in: site.folder)
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try site.folder.read("content/leaflets/knee/leaflet.yml")
        #expect(manifest.contains("\ndraft: true\n"))
        #expect(!manifest.contains("\nreviewed:"))
        #expect(!manifest.contains("\nnext_review:"))
        // A draft passes check and is not published by a plain build.
        let (check, findings) = try site.check()
        #expect(check.status == 0, "\(findings)")
        let inKnee = findings.filter { ($0.path ?? "").contains("/knee/") }
        #expect(inKnee.isEmpty, "\(inKnee)")
        let build = try site.build()
        #expect(build.status == 0)
        #expect(!site.folder.exists("site/knee.html"))
    }

    @Test func publishingTheScaffoldIsAPlaceholderErrorAtEveryGap() throws {
        let site = try PublishSite()
        #expect(try runLeafpress(["new", "knee", "--title", "Knee", "--content", "content"], in: site.folder).status == 0)
        // The writer removes `draft: true` and adds a review date, but fills in nothing else.
        var manifest = try site.folder.read("content/leaflets/knee/leaflet.yml")
        manifest = manifest.replacingOccurrences(of: "\ndraft: true\n", with: "\n")
            .replacingOccurrences(of: "# reviewed: YYYY-MM-DD", with: "reviewed: 2026-11-01")
        try site.write("leaflets/knee/leaflet.yml", manifest)
        let (result, findings) = try site.check()
        #expect(result.status == 1)
        let placeholders = findings.of(.placeholder)
        let lines = manifest.split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ prefix: String) -> Int? { lines.firstIndex { $0.hasPrefix(prefix) }.map { $0 + 1 } }
        let inManifest = placeholders.filter { $0.path == PublishSite.path("knee/leaflet.yml") }
        #expect(inManifest.map(\.line) == [line("summary:"), line("reviewed_by:"), line("authors:"), line("sources:")].compactMap { $0 }.sorted())
        #expect(inManifest.contains { $0.message.contains("'reviewed_by' is empty in a leaflet that is not a draft; fill it in or delete the line") })
        #expect(inManifest.contains { $0.message.contains("'summary' still holds the scaffold text") })
        let sections = Set(placeholders.compactMap(\.path).filter { $0.hasSuffix(".md") })
        #expect(sections.count == 11, "\(sections)")
        let first = try #require(placeholders.first { $0.path == PublishSite.path("knee/01-what-you-need-to-know.md") })
        let text = try site.folder.read("content/leaflets/knee/01-what-you-need-to-know.md").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(first.line == (text.firstIndex { $0.hasPrefix("Replace this") } ?? -1) + 1)
        #expect(first.column == 1)
        #expect(first.message.contains("mark the leaflet 'draft: true'"))
        let build = try site.build()
        #expect(build.status == 1)
        #expect(build.stderr.contains("[placeholder]"))
        #expect(!site.folder.exists("site/knee.html"))
    }

    @Test func emptyKeyInAPublishedLeafletIsAnError() throws {
        let site = try PublishSite()
        try site.leaflet("signed", manifest: "reviewed_by:\nauthors: []\n", sections: ["01-about.md": "# About\n\nRest.\n"])
        let (result, findings) = try site.check()
        #expect(result.status == 1)
        let empty = findings.of(.placeholder)
        #expect(empty.map(\.path) == [PublishSite.path("signed/leaflet.yml"), PublishSite.path("signed/leaflet.yml")])
        #expect(empty.map(\.line) == [4, 5])
    }

    @Test func newRefusesReservedSlugs() throws {
        let site = try PublishSite()
        for slug in ["theme", "assets"] {
            let result = try runLeafpress(["new", slug, "--title", "T", "--content", "content"], in: site.folder)
            #expect(result.status != 0)
            #expect(result.stderr.contains("slug '\(slug)' is reserved"), "\(result.stderr)")
            #expect(!site.folder.exists("content/leaflets/\(slug)"))
        }
    }
}
