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

    @Test func aDraftWithoutAReviewSaysSoAndNeverShowsAMadeUpDate() throws {
        let site = try PublishSite()
        #expect(try runLeafpress(["new", "knee", "--title", "Knee", "--content", "content"], in: site.folder).status == 0)
        let build = try runLeafpress(["build", "--drafts", "--content", "content"], in: site.folder)
        #expect(build.status == 0, "\(build.stderr)")
        let page = try site.folder.read("site/knee.html")
        #expect(page.contains("<div><dt>Last reviewed</dt><dd>Not yet reviewed</dd></div>"))
        // Not on screen, in the printed running header, or as an empty date.
        #expect(!page.contains("1970"))
        #expect(!page.contains("datetime=\"\""))
        #expect(page.contains("\"Not yet reviewed\" \"\\A\" \"Draft — not for patient use\""))
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

    // MARK: item 5: every error in one run

    @Test func leafletYAMLErrorDoesNotHideSectionErrorsOrTheLeaflet() throws {
        let site = try PublishSite()
        try site.write("leaflets/broken/leaflet.yml", "title: Broken\nsummary: A leaflet.\nreviewed: 2026-02-30\n")
        try site.write("leaflets/broken/01-about.md", "---\ntitle: About\nkind: urgnet\n---\n\nRest.\n")
        try site.leaflet("linker", sections: ["01-about.md": "# About\n\nSee [the broken leaflet](../broken/01-about.md).\n"])
        for run in [try site.build(), try runLeafpress(["check", "--content", "content", "--templates", repositoryTemplates], in: site.folder)] {
            #expect(run.status == 1)
            let output = run.stderr + run.stdout
            #expect(output.contains("content/leaflets/broken/leaflet.yml:3:11: error:"), "\(output)")
            #expect(output.contains("content/leaflets/broken/01-about.md:3:7: error: unknown section kind 'urgnet'"), "\(output)")
            #expect(!output.contains("unknown leaflet 'broken'"), "\(output)")
            #expect(!output.contains("missing section"), "\(output)")
        }
    }

    // MARK: item 6: messages for common mistakes

    @Test func unquotedColonAdvisesQuotesWithTheFixedLine() throws {
        let site = try PublishSite()
        try site.write("leaflets/chest/leaflet.yml", "title: Chest pain: when to call 999\nsummary: A leaflet.\nreviewed: 2026-01-10\n")
        try site.write("leaflets/chest/01-about.md", PublishSite.careCard)
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/leaflets/chest/leaflet.yml:1:8: error: the value of 'title' contains ': ', so put the value in quotes: title: \"Chest pain: when to call 999\" [yaml]"), "\(result.stderr)")
    }

    @Test func outOfRangeMonthAndDayAreNamed() throws {
        let site = try PublishSite()
        try site.leaflet("month", manifest: "next_review: 2026-13-01\n", sections: ["01-about.md": "# About\n\nRest.\n"])
        try site.write("leaflets/month/leaflet.yml", "title: Month\nsummary: A leaflet.\nreviewed: 2026-13-01\n")
        try site.leaflet("day", sections: ["01-about.md": "# About\n\nRest.\n"])
        try site.write("leaflets/day/leaflet.yml", "title: Day\nsummary: A leaflet.\nreviewed: 2026-04-31\n")
        let (_, findings) = try site.check()
        let dates = findings.of(.schemaDate)
        #expect(dates.first { $0.path == PublishSite.path("month/leaflet.yml") }?.message.contains("month 13, which is out of range (01 to 12)") == true, "\(dates)")
        #expect(dates.first { $0.path == PublishSite.path("day/leaflet.yml") }?.message.contains("day 31, which is out of range for 2026-04 (01 to 30)") == true, "\(dates)")
        #expect(dates.allSatisfy { $0.line == 3 && $0.column == 11 })
    }

    @Test func brokenLinksSuggestTheNearestSlugSectionAndAnchor() throws {
        let site = try PublishSite()
        try site.leaflet("knee-replacement", sections: ["01-about.md": "# About\n\n## Before you come\n\nEat.\n"])
        try site.leaflet("linker", sections: ["01-about.md": """
            # About

            ## Your visit

            See [the knee leaflet](../knee-replacment/).

            See [about](../knee-replacement/01-abuot.md).

            See [your visit](#your-vist).

            """])
        let (result, findings) = try site.check()
        #expect(result.status == 1)
        let broken = findings.of(.brokenLink).filter { $0.path == PublishSite.path("linker/01-about.md") }
        #expect(broken.map(\.line) == [5, 7, 9])
        #expect(broken.map(\.message) == [
            "link to unknown leaflet 'knee-replacment'; did you mean 'knee-replacement'?",
            "link to missing section '01-abuot.md' of leaflet 'knee-replacement'; did you mean '01-about.md'?",
            "no heading with anchor '#your-vist' in this file; did you mean '#your-visit'?",
        ])
    }

    @Test func baseURLWithQueryOrFragmentIsRefused() throws {
        let site = try PublishSite()
        for url in ["https://x.org/?q=1", "https://x.org/#top"] {
            let result = try site.build(["--base-url", url])
            #expect(result.status != 0)
            #expect(result.stderr.contains("query") || result.stderr.contains("fragment"), "\(result.stderr)")
            #expect(!site.folder.exists("site/index.html"))
        }
    }
}
