import Foundation
import Testing
import LeafpressCore

/// Issue #13 item 8: CI can gate on what matters. Per-rule levels in `site.yml`,
/// `--strict` on build, `review-due-soon`, and GitHub annotations.
@Suite("Rule levels, strict builds and CI output")
struct RuleLevelTests {
    /// A leaflet with a passive sentence, an overdue review, and no care card.
    func siteWithWarnings(_ siteExtra: String = "") throws -> PublishSite {
        let site = try PublishSite(site: siteExtra)
        try site.leaflet("plaster", manifest: "next_review: 2026-06-01\n",
                         sections: ["01-about.md": "# About\n\nYou will be given a new plaster.\n"], careCard: false)
        return site
    }

    @Test func siteRulesTurnOffAndRaiseRules() throws {
        let plain = try siteWithWarnings()
        let (before, found) = try plain.check()
        #expect(before.status == 0)
        #expect(found.of(.passiveVoice).count == 1)
        #expect(found.of(.reviewOverdue).map(\.severity) == ["warning"])

        let site = try siteWithWarnings("rules:\n  passive-voice: off\n  review-overdue: error\n  no-care-card: warning\n")
        let (result, findings) = try site.check()
        #expect(result.status == 1)
        #expect(findings.of(.passiveVoice).isEmpty)
        let overdue = findings.of(.reviewOverdue)
        #expect(overdue.map(\.severity) == ["error"])
        #expect(overdue.map(\.path) == [PublishSite.path("plaster/leaflet.yml")])
        #expect(overdue.map(\.line) == [4])
        #expect(findings.of(.noCareCard).map(\.severity) == ["warning"])
    }

    @Test func unknownRuleIdIsALocatedErrorWithDidYouMean() throws {
        let site = try siteWithWarnings("rules:\n  pasive-voice: off\n")
        let (result, findings) = try site.check()
        #expect(result.status == 1)
        let unknown = findings.of(.unknownRule)
        #expect(unknown.map(\.path) == ["content/site.yml"])
        #expect(unknown.map(\.line) == [6])
        #expect(unknown.map(\.column) == [3])
        #expect(unknown.first?.message.contains("unknown rule 'pasive-voice'") == true)
        #expect(unknown.first?.message.contains("did you mean 'passive-voice'?") == true)
        #expect(unknown.first?.severity == "error")
        let build = try site.build()
        #expect(build.status == 1)
        #expect(build.stderr.contains("content/site.yml:6:3: error: unknown rule 'pasive-voice' in 'rules'; did you mean 'passive-voice'?"), "\(build.stderr)")
    }

    @Test func errorsCannotBeLoweredAndLevelsMustBeKnown() throws {
        let site = try siteWithWarnings("rules:\n  broken-link: off\n  jargon: loud\n")
        let (result, findings) = try site.check()
        #expect(result.status == 1)
        let problems = findings.of(.unknownRule)
        #expect(problems.map(\.line) == [6, 7])
        #expect(problems.first?.message.contains("'broken-link'") == true && problems.first?.message.contains("always an error") == true)
        #expect(problems.last?.message.contains("off, warning or error, got 'loud'") == true)
    }

    @Test func strictBuildFailsOnWarningsAndKeepsTheOldSite() throws {
        let site = try siteWithWarnings()
        let first = try site.build()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("warning: leaflet has no 'when to get help' care card"))
        let before = snapshot(site.folder.subpath("site"))
        try site.write("leaflets/plaster/01-about.md", "# About\n\nKeep the plaster on for a day.\n")
        let strict = try site.build(["--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("content/leaflets/plaster/leaflet.yml:1:1: error: leaflet has no 'when to get help' care card"), "\(strict.stderr)")
        expectIdentical(before, snapshot(site.folder.subpath("site")))
    }

    @Test func strictBuildPassesWhenTheRuleIsOff() throws {
        let site = try siteWithWarnings("rules:\n  no-care-card: off\n  review-overdue: off\n")
        let result = try site.build(["--strict"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("care card"))
    }

    @Test func reviewDueSoonWarnsWithinTheWindow() throws {
        let site = try PublishSite()
        try site.leaflet("soon", manifest: "next_review: 2027-01-20\n", sections: ["01-about.md": "# About\n\nRest at home.\n"])
        try site.leaflet("later", manifest: "next_review: 2027-06-01\n", sections: ["01-about.md": "# About\n\nRest at home.\n"])
        let (result, findings) = try site.check()
        #expect(result.status == 0)
        let soon = findings.of(.reviewDueSoon)
        #expect(soon.map(\.path) == [PublishSite.path("soon/leaflet.yml")])
        #expect(soon.map(\.line) == [4])
        #expect(soon.first?.severity == "warning")
        #expect(soon.first?.message.contains("due in 56 days (2027-01-20)") == true)

        let narrow = try PublishSite(site: "governance:\n  review_due_soon: 30\n")
        try narrow.leaflet("soon", manifest: "next_review: 2027-01-20\n", sections: ["01-about.md": "# About\n\nRest at home.\n"])
        #expect(try narrow.check().findings.of(.reviewDueSoon).isEmpty)
    }

    @Test func githubFormatPrintsWorkflowAnnotations() throws {
        let site = try siteWithWarnings()
        try site.leaflet("links", sections: ["01-about.md": "# About\n\nSee [the guide](../no-such/).\n"])
        let result = try runLeafpress(["check", "--content", "content", "--templates", repositoryTemplates,
                                       "--today", "2026-11-25", "--format", "github"], in: site.folder)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("::error file=content/leaflets/links/01-about.md,line=3,col=5::link to unknown leaflet 'no-such' [broken-link]"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("::warning file=content/leaflets/plaster/01-about.md,line=3,col=") && $0.hasSuffix("[passive-voice]") })
        #expect(lines.contains { $0.hasPrefix("::warning file=content/leaflets/plaster/leaflet.yml,line=4,col=") })
        #expect(lines.last?.hasPrefix("leafpress check: 1 error, ") == true)
    }

    @Test func annotationMessagesAreEscaped() {
        let diagnostic = Diagnostic(.yaml, "bad: 100%\nnext", at: SourceLocation(path: "a,b:c.yml", line: 2, column: 3))
        #expect(GitHubAnnotations.line(for: diagnostic) == "::error file=a%2Cb%3Ac.yml,line=2,col=3::bad: 100%25%0Anext [yaml]")
    }
}
