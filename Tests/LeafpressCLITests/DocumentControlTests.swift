import Foundation
import Testing
import LeafpressCore

/// The leaflet record of issue #17 through the real `leafpress` binary: schema errors,
/// the rules reference-duplicate, changes-version, approval-missing, review-overdue with
/// max_review_age and translation-stale; "Ref … · Version …" on pages and in print; the
/// stale-translation notice; JSON-LD; manifest.json.
@Suite("Document control")
struct DocumentControlTests {
    let today = "2026-11-25"

    // MARK: schema

    @Test func badRecordValuesAreLocatedSchemaErrors() throws {
        let folder = try TemporaryDirectory()
        try ControlSite.site(folder)
        try ControlSite.leaflet(folder, "bad", record: """
            reference: GI-001
            version: 0
            source_version: three
            approved:
              - name: Dr A. Smith
                date: 2026-13-01
              - just text
            changes:
              - version: 1
                date: 2026-06-01
                sumary: typo
            owner: [a, b]

            """)
        let result = try leafpress(["check", "--today", today], in: folder)
        #expect(result.status == 1)
        let yml = "content/leaflets/bad/leaflet.yml"
        let out = result.stdout
        #expect(out.contains("\(yml):5:10: error: 'version' must be a positive whole number such as 3, got 0 [schema-type]"), "\(out)")
        #expect(out.contains("\(yml):6:17: error: 'source_version' must be a positive whole number such as 3 [schema-type]"), "\(out)")
        #expect(out.contains("\(yml):8:5: error: missing required key 'role' [schema-required]"), "\(out)")
        #expect(out.contains("\(yml):9:11: error: 'date' has month 13, which is out of range (01 to 12)"), "\(out)")
        #expect(out.contains("\(yml):10:5: error: each entry of 'approved' must be a mapping"), "\(out)")
        #expect(out.contains("\(yml):14:5: warning: unknown key 'sumary'; did you mean 'summary'? [schema-unknown-key]"), "\(out)")
        #expect(out.contains("\(yml):12:5: error: missing required key 'summary' [schema-required]"), "\(out)")
        #expect(out.contains("\(yml):15:8: error: 'owner' must be text, not a list [schema-type]"), "\(out)")
    }

    @Test func governanceSettingsAreValidated() throws {
        let folder = try TemporaryDirectory()
        try ControlSite.site(folder, extra: "governance:\n  require_approval: maybe\n  max_review_age: 0\n  review_due_soon: -3\n  review_due_son: 12\n")
        try ControlSite.leaflet(folder, "plain")
        let result = try leafpress(["build"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/site.yml:7:21: error: 'require_approval' must be true or false [schema-type]"), "\(result.stderr)")
        #expect(result.stderr.contains("content/site.yml:8:19: error: 'max_review_age' must be a number of months from 1 to 1200, got 0"), "\(result.stderr)")
        #expect(result.stderr.contains("content/site.yml:9:20: error: 'review_due_soon' must be a number of days"), "\(result.stderr)")
        #expect(result.stderr.contains("content/site.yml:10:3: warning: unknown key 'review_due_son'; did you mean 'review_due_soon'?"), "\(result.stderr)")
    }

    // MARK: reference-duplicate

    @Test func duplicateReferenceIsReportedAtBothLeaflets() throws {
        let folder = try TemporaryDirectory()
        try ControlSite.site(folder)
        try ControlSite.leaflet(folder, "first", record: ControlSite.record(reference: "GI-014", version: 1))
        try ControlSite.leaflet(folder, "second", record: "category: Other\n" + ControlSite.record(reference: "gi-014", version: 1))
        try ControlSite.leaflet(folder, "third", record: ControlSite.record(reference: "GI-015", version: 1))
        let result = try leafpress(["build"], in: folder)
        #expect(result.status == 1)
        let found = findings(result.stderr, rule: "reference-duplicate")
        #expect(found.count == 2, "\(result.stderr)")
        #expect(found.contains { $0.hasPrefix("content/leaflets/first/leaflet.yml:4:1: error: reference 'GI-014' is also used by content/leaflets/second/leaflet.yml:5") })
        #expect(found.contains { $0.hasPrefix("content/leaflets/second/leaflet.yml:5:1: error: reference 'gi-014' is also used by content/leaflets/first/leaflet.yml:4") })
        #expect(!folder.exists("site/index.html"), "a failed build wrote the site")
    }

    @Test func aDraftSharingAReferenceIsStillADuplicate() throws {
        let folder = try TemporaryDirectory()
        try ControlSite.site(folder)
        try ControlSite.leaflet(folder, "published", record: ControlSite.record(reference: "GI-014", version: 1))
        try ControlSite.leaflet(folder, "draft", record: "draft: true\n" + ControlSite.record(reference: "GI-014", version: 1))
        let result = try leafpress(["build"], in: folder)
        #expect(result.status == 1)
        #expect(findings(result.stderr, rule: "reference-duplicate").count == 2, "\(result.stderr)")
    }

    // MARK: changes-version

    @Test func newestChangeMustBeTheCurrentVersion() throws {
        let folder = try TemporaryDirectory()
        try ControlSite.site(folder)
        try ControlSite.leaflet(folder, "behind", record: """
            version: 3
            changes:
              - {version: 2, date: 2026-05-01, summary: Second}
              - {version: 1, date: 2026-01-01, summary: First}

            """)
        let result = try leafpress(["check", "--today", today], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("content/leaflets/behind/leaflet.yml:6:5: error: the newest entry of 'changes' is version 2, but 'version' is 3; the newest entry must describe the current version [changes-version]"), "\(result.stdout)")
    }

    @Test func versionWithoutChangesAndChangesWithoutVersionAndWrongOrder() throws {
        let folder = try TemporaryDirectory()
        try ControlSite.site(folder)
        try ControlSite.leaflet(folder, "no-entry", record: "reference: A-1\nversion: 2\n")
        try ControlSite.leaflet(folder, "no-version", record: "changes:\n  - {version: 1, date: 2026-01-01, summary: First}\n")
        try ControlSite.leaflet(folder, "order", record: """
            version: 2
            changes:
              - {version: 1, date: 2026-01-01, summary: First}
              - {version: 2, date: 2026-05-01, summary: Second}

            """)
        let result = try leafpress(["build"], in: folder)
        #expect(result.status == 1)
        let found = findings(result.stderr, rule: "changes-version")
        #expect(found.contains { $0.hasPrefix("content/leaflets/no-entry/leaflet.yml:5:1: error: version 2 has no entry in 'changes'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("content/leaflets/no-version/leaflet.yml:4:1: error: 'changes' lists version 1 but there is no 'version'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("content/leaflets/order/leaflet.yml:7:5: error: 'changes' must be newest first: version 2 comes after version 1") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("content/leaflets/order/leaflet.yml:6:5: error: the newest entry of 'changes' is version 1, but 'version' is 2") }, "\(found)")
    }

    @Test func completeRecordBuildsWithoutFindings() throws {
        let folder = try TemporaryDirectory()
        try ControlSite.site(folder, extra: "governance:\n  require_approval: true\n")
        try ControlSite.leaflet(folder, "complete", record: ControlSite.record(reference: "GI-014", version: 3, extra: """
            approved:
              - {name: Dr A. Smith, role: Consultant, date: 2026-06-01}

            """))
        let result = try leafpress(["build"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("error:"), "\(result.stderr)")
        #expect(!result.stderr.contains("warning:"), "\(result.stderr)")
    }

    // MARK: approval-missing

    @Test func approvalIsRequiredOnOrAfterTheReviewWhenGovernanceSaysSo() throws {
        let folder = try TemporaryDirectory()
        try ControlSite.site(folder, extra: "governance:\n  require_approval: true\n")
        try ControlSite.leaflet(folder, "none", record: ControlSite.record(reference: "A-1", version: 1))
        try ControlSite.leaflet(folder, "old", record: ControlSite.record(reference: "A-2", version: 1, extra: """
            approved:
              - {name: Dr Old, role: Consultant, date: 2026-05-31}

            """))
        try ControlSite.leaflet(folder, "same-day", record: ControlSite.record(reference: "A-3", version: 1, extra: """
            approved:
              - {name: Dr New, role: Consultant, date: 2026-06-01}

            """))
        try ControlSite.leaflet(folder, "draft", record: "draft: true\n")
        let result = try leafpress(["build", "--drafts"], in: folder)
        #expect(result.status == 1)
        let found = findings(result.stderr, rule: "approval-missing")
        #expect(found.count == 2, "\(result.stderr)")
        #expect(found.contains { $0.hasPrefix("content/leaflets/none/leaflet.yml:3:1: error: site.yml requires approval, and this leaflet has no 'approved' entry") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("content/leaflets/old/leaflet.yml:11:1: error: the latest approval (2026-05-31, Dr Old) is older than the last review on 2026-06-01") }, "\(found)")
    }

    @Test func withoutRequireApprovalNoApprovalIsNeeded() throws {
        let folder = try TemporaryDirectory()
        try ControlSite.site(folder)
        try ControlSite.leaflet(folder, "none", record: ControlSite.record(reference: "A-1", version: 1))
        let result = try leafpress(["build"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(findings(result.stderr, rule: "approval-missing").isEmpty)
    }

    // MARK: review-overdue with max_review_age

    @Test func reviewWithoutNextReviewIsDueMaxReviewAgeMonthsLater() throws {
        let folder = try TemporaryDirectory()
        try ControlSite.site(folder, extra: "governance:\n  max_review_age: 24\n")
        try ControlSite.leaflet(folder, "old", reviewed: "2024-11-24")
        try ControlSite.leaflet(folder, "recent", reviewed: "2024-11-25")
        try ControlSite.leaflet(folder, "explicit", reviewed: "2024-01-01", record: "next_review: 2027-01-01\n")
        let result = try leafpress(["check", "--today", today], in: folder)
        let found = findings(result.stdout, rule: "review-overdue")
        #expect(found == ["content/leaflets/old/leaflet.yml:3:1: warning: review was due on 2026-11-24 (24 months after the review on 2024-11-24, site.yml governance.max_review_age); the leaflet needs a clinical review [review-overdue]"], "\(result.stdout)")

        // The page shows the date the review is due.
        #expect(try leafpress(["build"], in: folder).status == 0)
        let html = try folder.read("site/recent.html")
        #expect(html.contains("<time datetime=\"2026-11-25\">25 November 2026</time>"), "next review not shown")
    }

    @Test func defaultMaxReviewAgeIsThirtySixMonths() throws {
        let folder = try TemporaryDirectory()
        try ControlSite.site(folder)
        try ControlSite.leaflet(folder, "old", reviewed: "2023-11-24")
        try ControlSite.leaflet(folder, "recent", reviewed: "2023-11-25")
        let result = try leafpress(["check", "--today", today], in: folder)
        let found = findings(result.stdout, rule: "review-overdue")
        #expect(found.count == 1 && found[0].contains("review was due on 2026-11-24 (36 months"), "\(result.stdout)")
    }

    // MARK: translation-stale

    /// An original at version 3 and three Spanish translations: one made from version 1,
    /// one in step, one without `source_version`.
    func translationSite() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try ControlSite.site(folder)
        try ControlSite.leaflet(folder, "original", title: "Original", record: ControlSite.record(reference: "GI-014", version: 3))
        try ControlSite.leaflet(folder, "stale", title: "Traducción", record: """
            language: es
            translation_of: original
            source_version: 1
            reference: GI-014-ES
            version: 1
            changes:
              - {version: 1, date: 2026-02-01, summary: Primera traducción}

            """)
        try ControlSite.leaflet(folder, "in-step", title: "Traducción al día", record: """
            language: es
            translation_of: original
            source_version: 3

            """)
        try ControlSite.leaflet(folder, "unknown", title: "Traducción sin versión", record: "language: es\ntranslation_of: original\n")
        return folder
    }

    @Test func staleTranslationIsWarnedWithBothVersionsAndTheChangesSince() throws {
        let folder = try translationSite()
        let result = try leafpress(["build"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let found = findings(result.stderr, rule: "translation-stale")
        #expect(found.count == 2, "\(result.stderr)")
        #expect(found.contains("content/leaflets/stale/leaflet.yml:6:1: warning: translated from version 1 of 'original', which is now at version 3; changed since: version 3 (2026-03-01): Change number 3.; version 2 (2026-02-01): Change number 2. [translation-stale]"), "\(found)")
        #expect(found.contains { $0.hasPrefix("content/leaflets/unknown/leaflet.yml:5:1: warning: translation of 'original' has no 'source_version'; add the version of the original it was translated from (now 3)") }, "\(found)")
    }

    @Test func staleTranslationPageShowsALocalisedNoticeLinkingToTheOriginal() throws {
        let folder = try translationSite()
        #expect(try leafpress(["build"], in: folder).status == 0)
        let stale = try folder.read("site/stale.html")
        #expect(stale.contains("<p class=\"notice notice--stale\" role=\"note\">El original de este folleto se ha actualizado después de traducirlo, así que esta traducción puede no estar al día. <a href=\"original.html\" hreflang=\"en\">Leer el original actualizado</a></p>"), "notice missing")
        #expect(try brokenReferences(in: folder.subpath("site")) == [])
        for page in ["in-step", "original"] {
            #expect(!(try folder.read("site/\(page).html")).contains("notice--stale"), "\(page) shows the notice")
        }
    }

    // MARK: pages, print, JSON-LD

    @Test func pagesShowReferenceAndVersionBesideTheReviewDateInTheirLanguage() throws {
        let folder = try translationSite()
        #expect(try leafpress(["build"], in: folder).status == 0)
        let english = try folder.read("site/original.html")
        let header = try #require(english.range(of: "<dl class=\"review-dates\">").map { english[$0.lowerBound...] }?.prefix(600))
        #expect(header.contains("<time datetime=\"2026-06-01\">1 June 2026</time>"))
        #expect(header.contains("<dd>Ref GI-014 · Version 3</dd>"), "\(header)")
        let spanish = try folder.read("site/stale.html")
        #expect(spanish.contains("<dd>Ref. GI-014-ES · Versión 1</dd>"))
        // A leaflet without a record shows no empty line.
        let inStep = try folder.read("site/in-step.html")
        #expect(!inStep.contains("class=\"document-control\""))
        // The owner and the version history are in the page's about section.
        #expect(english.contains("<dt>Owner</dt><dd>Test Unit</dd>"))
        #expect(english.contains("<li>Version 3 (<time datetime=\"2026-03-01\">1 March 2026</time>): Change number 3.</li>"))
    }

    @Test func everyPrintedPageCarriesReferenceVersionAndReviewDate() throws {
        let folder = try translationSite()
        #expect(try leafpress(["build"], in: folder).status == 0)
        let style = try printStyle(of: try folder.read("site/original.html"))
        // The running header is the title, then the record line, on every printed page.
        #expect(style.contains("\"\\A\" \"Ref GI-014 · Version 3 · Last reviewed 1 June 2026\";"), "\(style)")
        let spanish = try printStyle(of: try folder.read("site/stale.html"))
        #expect(spanish.contains("\"\\A\" \"Ref. GI-014-ES · Versión 1 · Última revisión 1 de junio de 2026\";"), "\(spanish)")
    }

    @Test func jsonLDCarriesIdentifierAndVersion() throws {
        let folder = try translationSite()
        #expect(try leafpress(["build"], in: folder).status == 0)
        let html = try folder.read("site/original.html")
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        #expect(json["identifier"] as? String == "GI-014")
        #expect(json["version"] as? Int == 3)
        let plain = try folder.read("site/in-step.html")
        #expect(!plain.contains("\"identifier\""))
    }

    // MARK: manifest.json

    @Test func manifestRecordsEveryPublishedLeafletWithHashesOfItsSourcesAndPage() throws {
        let folder = try translationSite()
        try ControlSite.leaflet(folder, "draft", record: "draft: true\nreference: D-1\nversion: 1\nchanges: [{version: 1, date: 2026-01-01, summary: x}]\n")
        #expect(try leafpress(["build", "--drafts"], in: folder).status == 0)
        let path = folder.subpath("site/manifest.json")
        #expect(try schemaProblem(jsonAt: path, schema: "manifest.schema.json", in: folder) == nil)
        let manifest = try JSONDecoder().decode(SiteManifest.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(manifest.leaflets.map(\.slug) == ["in-step", "original", "stale", "unknown"], "drafts are not published")
        let original = try #require(manifest.leaflets.first { $0.slug == "original" })
        #expect(original.reference == "GI-014" && original.version == 3 && original.language == "en")
        #expect(original.reviewed == "2026-06-01" && original.nextReview == "2029-06-01")
        #expect(original.sources.map(\.path) == ["leaflets/original/01-about.md", "leaflets/original/02-help.md", "leaflets/original/leaflet.yml"])
        for source in original.sources {
            #expect(source.sha256 == (try sha256sum("content/" + source.path, in: folder)), "\(source.path)")
        }
        #expect(original.pageSHA256 == (try sha256sum("site/original.html", in: folder)))
        let stale = try #require(manifest.leaflets.first { $0.slug == "stale" })
        #expect(stale.translationOf == "original" && stale.sourceVersion == 1 && stale.language == "es")
    }

    @Test func manifestIsByteIdenticalAcrossBuildsAndJobs() throws {
        let folder = try translationSite()
        #expect(try leafpress(["build", "--jobs", "1", "--output", "one"], in: folder).status == 0)
        #expect(try leafpress(["build", "--jobs", "2", "--output", "two"], in: folder).status == 0)
        let one = try folder.read("one/manifest.json"), two = try folder.read("two/manifest.json")
        #expect(one == two)
        #expect(one.hasSuffix("}\n"))
    }
}

/// The sample site carries complete records, with one translation a version behind.
@Suite("Document control: sample content")
struct SampleRecordTests {
    @Test func sampleLeafletsCarryCompleteRecordsAndOneStaleTranslation() throws {
        let folder = try TemporaryDirectory()
        let result = try runLeafpress(["build", "--content", repositoryContent, "--templates", repositoryTemplates,
                                       "--output", folder.subpath("site")], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let stale = findings(result.stderr, rule: "translation-stale")
        #expect(stale.count == 1 && stale[0].contains("content/leaflets/colonoscopia/leaflet.yml"), "\(stale)")
        #expect(stale.first?.contains("translated from version 2 of 'colonoscopy', which is now at version 3") == true)

        let manifest = try JSONDecoder().decode(SiteManifest.self, from: Data(contentsOf: URL(fileURLWithPath: folder.subpath("site/manifest.json"))))
        #expect(manifest.leaflets.count >= 5)
        for leaflet in manifest.leaflets {
            #expect(leaflet.reference != nil && leaflet.version != nil && leaflet.owner != nil, "\(leaflet.slug)")
            #expect(!leaflet.approvals.isEmpty, "\(leaflet.slug) has no approval")
            if leaflet.translationOf != nil { #expect(leaflet.sourceVersion != nil, "\(leaflet.slug)") }
        }
        let page = try folder.read("site/colonoscopia.html")
        #expect(page.contains("notice--stale") && page.contains("href=\"colonoscopy.html\""))
        #expect(!(try folder.read("site/going-home-after-pneumonia-ar.html")).contains("notice--stale"))

        let siteYML = try String(contentsOfFile: repositoryContent + "/site.yml", encoding: .utf8)
        #expect(siteYML.contains("require_approval: true"))
    }
}

/// `leafpress serve`'s in-memory site keeps the record current on incremental rebuilds.
@Suite("Document control: serve")
struct LiveRecordTests {
    func manifest(_ site: LiveSite) throws -> SiteManifest {
        let data = try #require(site.files?[SiteManifest.fileName])
        return try JSONDecoder().decode(SiteManifest.self, from: data)
    }

    @Test func manifestFollowsATextEditAndARecordEditRechecksTranslations() throws {
        let folder = try TemporaryDirectory()
        try ControlSite.site(folder)
        try ControlSite.leaflet(folder, "original", record: ControlSite.record(reference: "GI-014", version: 1))
        try ControlSite.leaflet(folder, "copy", record: "language: es\ntranslation_of: original\nsource_version: 1\n")
        let site = LiveSite(options: buildOptions(content: folder.subpath("content"), output: folder.subpath("unused")))
        guard case .success = site.buildAll() else { Issue.record("first build failed"); return }
        let before = try manifest(site)

        // A text edit re-renders one leaflet; its hash in the manifest follows.
        try folder.write("# About\n\nCome to the side door.\n", to: "content/leaflets/original/01-about.md")
        guard case .success = site.rebuild(changed: [folder.subpath("content/leaflets/original/01-about.md")]) else {
            Issue.record("text rebuild failed"); return
        }
        let after = try manifest(site)
        #expect(before.leaflets.first { $0.slug == "original" }?.sourceSHA256 != after.leaflets.first { $0.slug == "original" }?.sourceSHA256)
        #expect(after.leaflets.first { $0.slug == "original" }?.sources.first { $0.path.hasSuffix("01-about.md") }?.sha256
                == (try sha256sum("content/leaflets/original/01-about.md", in: folder)))

        // A new version of the original makes the translation stale on its page.
        try ControlSite.leaflet(folder, "original", record: ControlSite.record(reference: "GI-014", version: 2), text: "Come to the side door.")
        guard case .success(let report) = site.rebuild(changed: [folder.subpath("content/leaflets/original/leaflet.yml")]) else {
            Issue.record("record rebuild failed"); return
        }
        #expect(report.diagnostics.contains { $0.rule == .translationStale })
        let page = String(decoding: try #require(site.files?["copy.html"]), as: UTF8.self)
        #expect(page.contains("notice--stale"))
    }
}
