import Foundation
import Testing
import LeafpressCore

/// `leafpress report reviews` and `leafpress report changes` through the real binary:
/// CSV parsed back, JSON checked against `schemas/`, and the change report across two
/// builds of a fixture with one leaflet edited, one added and one removed.
@Suite("Reports")
struct ReportTests {
    let today = "2026-11-25"

    /// Leaflets in every review standing on 2026-11-25, and two translations of `fine`
    /// (one made from an older version). `fine`'s owner needs CSV quoting.
    func reviewSite() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try ControlSite.site(folder, extra: "governance:\n  review_due_soon: 60\n")
        try ControlSite.leaflet(folder, "overdue", reviewed: "2023-01-01", record: "next_review: 2026-01-01\n")
        try ControlSite.leaflet(folder, "soon", reviewed: "2025-01-15", record: "next_review: 2027-01-15\n" + ControlSite.record(reference: "S-1", version: 1))
        try ControlSite.leaflet(folder, "fine", reviewed: "2026-01-01", record: """
            next_review: 2028-01-01
            reference: F-1
            version: 2
            owner: 'Ward 5, "North" wing'
            changes:
              - {version: 2, date: 2026-01-01, summary: Second}
              - {version: 1, date: 2025-01-01, summary: First}

            """)
        try ControlSite.leaflet(folder, "fine-es", reviewed: "2026-01-01",
                                record: "next_review: 2028-02-01\nlanguage: es\ntranslation_of: fine\nsource_version: 1\n")
        try ControlSite.leaflet(folder, "fine-ar", reviewed: "2026-01-01",
                                record: "next_review: 2028-02-01\nlanguage: ar\ntranslation_of: fine\nsource_version: 2\n")
        try ControlSite.leaflet(folder, "computed", reviewed: "2025-06-01")
        try ControlSite.leaflet(folder, "draft", reviewed: "2026-01-01", record: "next_review: 2026-12-01\ndraft: true\n")
        return folder
    }

    @Test func reviewsCSVParsesBackOneRowPerLeafletSortedByNextReview() throws {
        let folder = try reviewSite()
        let result = try leafpress(["report", "reviews", "--today", today, "--format", "csv"], in: folder)
        #expect(result.status == 0, "a report is not a gate: \(result.stderr)")
        #expect(result.stdout.hasSuffix("\r\n"))
        let rows = parseCSV(result.stdout)
        #expect(rows.first == ["slug", "reference", "version", "language", "owner", "reviewed", "next_review", "status", "translations"])
        let body = Array(rows.dropFirst())
        #expect(body.map { $0[0] } == ["overdue", "draft", "soon", "fine", "fine-ar", "fine-es", "computed"])
        #expect(body.allSatisfy { $0.count == 9 })
        let byslug = Dictionary(uniqueKeysWithValues: body.map { ($0[0], $0) })
        #expect(byslug["overdue"]?[7] == "overdue")
        #expect(byslug["draft"]?[7] == "draft")
        #expect(byslug["soon"]?[7] == "due-soon")
        #expect(byslug["fine"]?[7] == "ok")
        #expect(byslug["computed"]?[6] == "2028-06-01", "reviewed + 36 months")
        #expect(byslug["fine"] == ["fine", "F-1", "2", "en", "Ward 5, \"North\" wing", "2026-01-01", "2028-01-01", "ok",
                                   "fine-ar (ar, current); fine-es (es, stale)"])
        #expect(byslug["overdue"]?[1] == "" && byslug["overdue"]?[2] == "", "no record: empty cells")
    }

    @Test func reviewsJSONFollowsTheSchema() throws {
        let folder = try reviewSite()
        let result = try leafpress(["report", "reviews", "--today", today, "--format", "json"], in: folder)
        #expect(result.status == 0)
        try folder.write(result.stdout, to: "reviews.json")
        #expect(try schemaProblem(jsonAt: folder.subpath("reviews.json"), schema: "report-reviews.schema.json", in: folder) == nil)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["today"] as? String == today)
        #expect(json["due_soon_days"] as? Int == 60)
        let leaflets = try #require(json["leaflets"] as? [[String: Any]])
        #expect(leaflets.map { $0["status"] as? String } == ["overdue", "draft", "due-soon", "ok", "ok", "ok", "ok"])
        let fine = try #require(leaflets.first { $0["slug"] as? String == "fine" })
        let translations = try #require(fine["translations"] as? [[String: Any]])
        #expect(translations.map { $0["slug"] as? String } == ["fine-ar", "fine-es"])
        #expect(translations.map { $0["stale"] as? Bool } == [false, true])
        #expect(translations.map { $0["source_version"] as? Int } == [2, 1])
        #expect(leaflets.first { $0["slug"] as? String == "overdue" }?["reference"] is NSNull)
    }

    @Test func reviewsHumanTableCountsEachStatus() throws {
        let folder = try reviewSite()
        let result = try leafpress(["report", "reviews", "--today", today], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("review schedule on 2026-11-25 (due soon: within 60 days)"))
        #expect(result.stdout.contains("7 leaflets: 4 ok, 1 due-soon, 1 overdue, 1 draft"), "\(result.stdout)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("2026-01-01   overdue ") }, "\(result.stdout)")
        #expect(lines.contains { $0.contains(" fine ") && $0.hasSuffix("fine-ar (ar, current); fine-es (es, stale)") }, "\(result.stdout)")
    }

    @Test func reviewsChecksItsArguments() throws {
        let folder = try reviewSite()
        let result = try leafpress(["report", "reviews", "--today", "2026-02-30"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--today must be a date written YYYY-MM-DD"))
    }

    // MARK: report changes

    @Test func changesAcrossTwoBuilds() throws {
        let folder = try TemporaryDirectory()
        try ControlSite.site(folder)
        try ControlSite.leaflet(folder, "edited", record: ControlSite.record(reference: "E-1", version: 1))
        try ControlSite.leaflet(folder, "kept", record: ControlSite.record(reference: "K-1", version: 2))
        try ControlSite.leaflet(folder, "removed", record: ControlSite.record(reference: "R-1", version: 4))
        #expect(try leafpress(["build"], in: folder).status == 0)
        try FileManager.default.copyItem(atPath: folder.subpath("site/manifest.json"), toPath: folder.subpath("old.json"))

        // One leaflet edited without raising its version, one added, one removed.
        try folder.write("# About\n\nCome to the side door.\n", to: "content/leaflets/edited/01-about.md")
        try ControlSite.leaflet(folder, "added", record: ControlSite.record(reference: "A-1", version: 1))
        try FileManager.default.removeItem(atPath: folder.subpath("content/leaflets/removed"))
        #expect(try leafpress(["build"], in: folder).status == 0)

        let human = try leafpress(["report", "changes", "old.json"], in: folder)
        #expect(human.status == 0, "\(human.stderr)")
        #expect(human.stdout == """
            changes since old.json: 1 added, 1 removed, 1 changed, 1 unchanged
            added    added (A-1, version 1)
            removed  removed (R-1, version 4)
            changed  edited (E-1): version 1 → 1  [version-not-raised]
                       edited leaflets/edited/01-about.md

            """, "\(human.stdout)")
        #expect(findings(human.stderr, rule: "version-not-raised") == [
            "content/leaflets/edited/leaflet.yml:5:1: warning: sources changed since old.json, but 'version' is still 1; raise it and add a 'changes' entry [version-not-raised]",
        ], "\(human.stderr)")

        let json = try leafpress(["report", "changes", "old.json", "--format", "json"], in: folder)
        #expect(json.status == 0)
        try folder.write(json.stdout, to: "changes.json")
        #expect(try schemaProblem(jsonAt: folder.subpath("changes.json"), schema: "report-changes.schema.json", in: folder) == nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["added"] as? [[String: Any]])?.map { $0["slug"] as? String } == ["added"])
        #expect((object["removed"] as? [[String: Any]])?.map { $0["slug"] as? String } == ["removed"])
        let changed = try #require(object["changed"] as? [[String: Any]])
        #expect(changed.map { $0["slug"] as? String } == ["edited"])
        #expect(changed.first?["flags"] as? [String] == ["version-not-raised"])
        #expect(object["unchanged"] as? Int == 1)

        // Comparing the two manifests gives the same report as comparing with the content.
        let manifests = try leafpress(["report", "changes", "old.json", "--new", "site/manifest.json", "--format", "json"], in: folder)
        #expect(manifests.status == 0)
        #expect(manifests.stdout == json.stdout)
    }

    @Test func aChangeWithARaisedVersionIsNotFlagged() throws {
        let folder = try TemporaryDirectory()
        try ControlSite.site(folder)
        try ControlSite.leaflet(folder, "updated", record: ControlSite.record(reference: "U-1", version: 1))
        #expect(try leafpress(["build", "--output", "before"], in: folder).status == 0)
        try ControlSite.leaflet(folder, "updated", record: ControlSite.record(reference: "U-1", version: 2), text: "New text.")
        let result = try leafpress(["report", "changes", "before/manifest.json"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.contains("changed  updated (U-1): version 1 → 2\n"), "\(result.stdout)")
        #expect(result.stdout.contains("edited leaflets/updated/01-about.md"))
        #expect(result.stdout.contains("edited leaflets/updated/leaflet.yml"))
        #expect(!result.stdout.contains("version-not-raised"))
        #expect(findings(result.stderr, rule: "version-not-raised").isEmpty)
    }

    @Test func anEditedSharedBlockChangesEveryLeafletThatIncludesIt() throws {
        let folder = try TemporaryDirectory()
        try ControlSite.site(folder)
        try folder.write("Call the ward on 0100 000 000.\n", to: "content/blocks/contact.md")
        try folder.write("Llame a la planta al 0100 000 000.\n", to: "content/blocks/contact.es.md")
        try ControlSite.leaflet(folder, "with-block", record: ControlSite.record(reference: "B-1", version: 1), text: "Read this.\n\n{{> contact}}")
        try ControlSite.leaflet(folder, "con-bloque", record: "language: es\n", text: "Lea esto.\n\n{{> contact}}")
        try ControlSite.leaflet(folder, "without", record: ControlSite.record(reference: "B-2", version: 1))
        #expect(try leafpress(["build"], in: folder).status == 0)
        let manifest = try JSONDecoder().decode(SiteManifest.self, from: Data(contentsOf: URL(fileURLWithPath: folder.subpath("site/manifest.json"))))
        let english = try #require(manifest.leaflets.first { $0.slug == "with-block" }?.sources.first { $0.path == "blocks/contact.md" })
        #expect(english.sha256 == (try sha256sum("content/blocks/contact.md", in: folder)))
        #expect(manifest.leaflets.first { $0.slug == "con-bloque" }?.sources.map(\.path).contains("blocks/contact.es.md") == true)
        #expect(manifest.leaflets.first { $0.slug == "without" }?.sources.contains { $0.path.hasPrefix("blocks/") } == false)

        try FileManager.default.copyItem(atPath: folder.subpath("site/manifest.json"), toPath: folder.subpath("old.json"))
        try folder.write("Call the ward on 0100 000 001.\n", to: "content/blocks/contact.md")
        let result = try leafpress(["report", "changes", "old.json"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.contains("1 changed, 2 unchanged"), "\(result.stdout)")
        #expect(result.stdout.contains("changed  with-block (B-1): version 1 → 1  [version-not-raised]\n           edited blocks/contact.md\n"), "\(result.stdout)")
    }

    @Test func changesRefusesAFileThatIsNotAManifest() throws {
        let folder = try TemporaryDirectory()
        try ControlSite.site(folder)
        try ControlSite.leaflet(folder, "one")
        try folder.write("{\"leaflets\": []}\n", to: "partial.json")
        try folder.write("not json", to: "garbage.json")
        let partial = try leafpress(["report", "changes", "partial.json"], in: folder)
        #expect(partial.status == 1)
        #expect(partial.stderr.contains("partial.json:1:1: error: not a Leafpress manifest.json: missing 'format' [manifest]"), "\(partial.stderr)")
        let garbage = try leafpress(["report", "changes", "garbage.json"], in: folder)
        #expect(garbage.status == 1)
        #expect(garbage.stderr.contains("garbage.json:1:1: error: not a Leafpress manifest.json: invalid JSON [manifest]"), "\(garbage.stderr)")
        let missing = try leafpress(["report", "changes", "nowhere.json"], in: folder)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nowhere.json: error: cannot read the manifest [manifest]"), "\(missing.stderr)")
    }
}
