/// Clinical-governance settings from `site.yml` `governance:`: whether every published
/// leaflet needs a recorded approval, how long a review stays valid, and how early a
/// coming review is flagged. One type shared by the build rules and `report reviews`.
public struct GovernanceSettings: Sendable, Equatable {
    /// `require_approval`: a non-draft leaflet needs an `approved` entry dated on or after `reviewed`.
    public var requireApproval = false
    /// `max_review_age` in months: a leaflet without `next_review` is due `reviewed` plus this.
    public var maxReviewAge = 36
    /// `review_due_soon` in days: a review due within this many days is "due soon".
    public var reviewDueSoon = 90

    public init() {}

    static let keys = ["require_approval", "max_review_age", "review_due_soon"]

    /// Reads the `governance:` mapping; problems are located at the offending value.
    static func load(_ fields: YAMLFields, diagnostics: inout [Diagnostic]) -> GovernanceSettings {
        fields.reportUnknownKeys(diagnostics: &diagnostics)
        var settings = GovernanceSettings()
        settings.requireApproval = fields.bool("require_approval", diagnostics: &diagnostics) ?? false
        if let months = fields.int("max_review_age", diagnostics: &diagnostics) {
            if (1...1200).contains(months) {
                settings.maxReviewAge = months
            } else {
                diagnostics.append(.error("'max_review_age' must be a number of months from 1 to 1200, got \(months)",
                                          at: fields.valueLocation(of: "max_review_age"), rule: .schemaType))
            }
        }
        if let days = fields.int("review_due_soon", diagnostics: &diagnostics) {
            if (0...3650).contains(days) {
                settings.reviewDueSoon = days
            } else {
                diagnostics.append(.error("'review_due_soon' must be a number of days from 0 to 3650, got \(days)",
                                          at: fields.valueLocation(of: "review_due_soon"), rule: .schemaType))
            }
        }
        return settings
    }

    /// When a leaflet's next review is due: its `next_review`, or `reviewed` plus `max_review_age`.
    public func reviewDue(_ manifest: LeafletManifest) -> Day {
        manifest.nextReview ?? manifest.reviewed.adding(months: maxReviewAge)
    }

    /// Where a leaflet stands on `today`.
    public func status(of manifest: LeafletManifest, today: Day) -> ReviewStatus {
        if manifest.draft { return .draft }
        let due = reviewDue(manifest)
        if due < today { return .overdue }
        if today.days(until: due) <= reviewDueSoon { return .dueSoon }
        return .ok
    }
}

/// A leaflet's review standing, as `report reviews` lists it.
public enum ReviewStatus: String, Sendable, Codable, CaseIterable {
    case ok
    case dueSoon = "due-soon"
    case overdue
    case draft
}
