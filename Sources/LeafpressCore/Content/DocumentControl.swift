/// A leaflet's document-control record from `leaflet.yml`: the team's reference, the
/// version, who owns it, who approved it, what changed in each version, and (on a
/// translation) which version of the original it was translated from.
public struct DocumentControl: Sendable, Equatable {
    /// One sign-off: `{name, role, date}`.
    public struct Approval: Sendable, Equatable {
        public var name: String
        public var role: String
        public var date: Day
    }

    /// One entry of the change history: `{version, date, summary}`.
    public struct Change: Sendable, Equatable {
        public var version: Int
        public var date: Day
        public var summary: String
        /// Where the entry starts, for the `changes-version` rule.
        public var location: SourceLocation
    }

    /// `reference`, e.g. `GI-014`; unique across the site.
    public var reference: String?
    /// `version`, a positive whole number raised at each approved change.
    public var version: Int?
    /// `owner`: the responsible clinician or team.
    public var owner: String?
    /// `approved`, in the order written.
    public var approvals: [Approval] = []
    /// `changes`, newest first.
    public var changes: [Change] = []
    /// `source_version`: on a translation, the original's version it was translated from.
    public var sourceVersion: Int?

    public init() {}

    /// True when the record says anything at all.
    public var isEmpty: Bool {
        reference == nil && version == nil && owner == nil && approvals.isEmpty && changes.isEmpty && sourceVersion == nil
    }

    /// The newest approval, if any.
    public var latestApproval: Approval? { approvals.max { $0.date < $1.date } }

    /// Change entries newer than `version`, newest first.
    public func changes(since version: Int) -> [Change] {
        changes.filter { $0.version > version }
    }

    static let keys = ["reference", "version", "owner", "approved", "changes", "source_version"]
    static let approvalKeys = ["name", "role", "date"]
    static let changeKeys = ["version", "date", "summary"]

    /// Reads the record's keys from `leaflet.yml`; every problem is located at its value.
    static func load(_ fields: YAMLFields, diagnostics: inout [Diagnostic]) -> DocumentControl {
        var control = DocumentControl()
        control.reference = fields.string("reference", diagnostics: &diagnostics)
        if let reference = control.reference, reference.contains(where: { $0.isNewline }) {
            diagnostics.append(.error("'reference' must be one line", at: fields.valueLocation(of: "reference"), rule: .schemaType))
        }
        control.version = positive("version", in: fields, diagnostics: &diagnostics)
        control.owner = fields.string("owner", diagnostics: &diagnostics)
        control.sourceVersion = positive("source_version", in: fields, diagnostics: &diagnostics)
        for entry in fields.mappingList("approved", known: approvalKeys, diagnostics: &diagnostics) {
            entry.reportUnknownKeys(diagnostics: &diagnostics)
            let name = entry.string("name", required: true, diagnostics: &diagnostics)
            let role = entry.string("role", required: true, diagnostics: &diagnostics)
            let date = entry.day("date", required: true, diagnostics: &diagnostics)
            if let name, let role, let date { control.approvals.append(Approval(name: name, role: role, date: date)) }
        }
        for entry in fields.mappingList("changes", known: changeKeys, diagnostics: &diagnostics) {
            entry.reportUnknownKeys(diagnostics: &diagnostics)
            let version = positive("version", in: entry, required: true, diagnostics: &diagnostics)
            let date = entry.day("date", required: true, diagnostics: &diagnostics)
            let summary = entry.string("summary", required: true, diagnostics: &diagnostics)
            if let version, let date, let summary {
                control.changes.append(Change(version: version, date: date, summary: summary, location: entry.location))
            }
        }
        return control
    }

    /// A whole number of 1 or more.
    private static func positive(_ key: String, in fields: YAMLFields, required: Bool = false, diagnostics: inout [Diagnostic]) -> Int? {
        guard fields.has(key) else {
            if required { diagnostics.append(.error("missing required key '\(key)'", at: fields.location, rule: .schemaRequired)) }
            return nil
        }
        let before = diagnostics.count
        let number = fields.int(key, diagnostics: &diagnostics)
        if diagnostics.count > before {
            diagnostics[before...].indices.forEach { diagnostics[$0].message = "'\(key)' must be a positive whole number such as 3" }
            return nil
        }
        guard let number, number >= 1 else {
            diagnostics.append(.error("'\(key)' must be a positive whole number such as 3, got \(number.map(String.init) ?? "nothing")",
                                      at: fields.valueLocation(of: key), rule: .schemaType))
            return nil
        }
        return number
    }
}
