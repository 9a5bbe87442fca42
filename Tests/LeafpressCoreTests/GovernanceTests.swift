import Testing
import LeafpressCore

/// Review-date arithmetic of the governance settings (#17): months clamp to the end of
/// shorter months, days cross leap years, and the status boundaries are where the
/// README says they are.
@Suite("Governance dates")
struct GovernanceTests {
    func day(_ text: String) -> Day { Day(text)! }

    func manifest(reviewed: String, next: String? = nil, draft: Bool = false) -> LeafletManifest {
        var manifest = LeafletManifest(slug: "x", title: "X", summary: "S", reviewed: day(reviewed),
                                       location: SourceLocation(path: "x/leaflet.yml"))
        manifest.nextReview = next.map(day)
        manifest.draft = draft
        return manifest
    }

    @Test func addingMonthsKeepsTheDayOrTakesTheLastOfAShorterMonth() {
        #expect(day("2026-08-03").adding(months: 36) == day("2029-08-03"))
        #expect(day("2026-08-31").adding(months: 6) == day("2027-02-28"))
        #expect(day("2024-02-29").adding(months: 12) == day("2025-02-28"))
        #expect(day("2023-11-30").adding(months: 3) == day("2024-02-29"))
        #expect(day("2026-12-15").adding(months: 1) == day("2027-01-15"))
        #expect(day("2026-01-15").adding(months: -1) == day("2025-12-15"))
    }

    @Test func addingDaysCrossesMonthsYearsAndLeapDays() {
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2024-02-28").adding(days: 2) == day("2024-03-01"))
        #expect(day("2026-12-31").adding(days: 1) == day("2027-01-01"))
        #expect(day("2026-11-25").adding(days: 90) == day("2027-02-23"))
        #expect(day("2026-11-25").adding(days: -365) == day("2025-11-25"))
        #expect(day("2000-01-01").days(until: day("2100-01-01")) == 36525)
        #expect(day("2027-01-01").days(until: day("2026-12-31")) == -1)
    }

    @Test func reviewIsDueAtNextReviewOrMaxReviewAgeAfterTheReview() {
        var governance = GovernanceSettings()
        #expect(governance.reviewDue(manifest(reviewed: "2026-08-03")) == day("2029-08-03"))
        #expect(governance.reviewDue(manifest(reviewed: "2026-08-03", next: "2027-01-01")) == day("2027-01-01"))
        governance.maxReviewAge = 24
        #expect(governance.reviewDue(manifest(reviewed: "2026-08-03")) == day("2028-08-03"))
    }

    @Test func statusBoundaries() {
        var governance = GovernanceSettings()
        governance.reviewDueSoon = 90
        let today = day("2026-11-25")
        #expect(governance.status(of: manifest(reviewed: "2026-01-01", next: "2026-11-24"), today: today) == .overdue)
        #expect(governance.status(of: manifest(reviewed: "2026-01-01", next: "2026-11-25"), today: today) == .dueSoon)
        #expect(governance.status(of: manifest(reviewed: "2026-01-01", next: "2027-02-23"), today: today) == .dueSoon)
        #expect(governance.status(of: manifest(reviewed: "2026-01-01", next: "2027-02-24"), today: today) == .ok)
        #expect(governance.status(of: manifest(reviewed: "2020-01-01", draft: true), today: today) == .draft)
        #expect(ReviewStatus.allCases.map(\.rawValue) == ["ok", "due-soon", "overdue", "draft"])
    }
}
