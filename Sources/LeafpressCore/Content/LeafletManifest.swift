/// A leaflet's metadata from `leaflets/<slug>/leaflet.yml`.
public struct LeafletManifest: Sendable, Equatable {
    public var slug: String
    public var title: String
    public var setting: String?
    public var summary: String
    public var category: String?
    public var keywords: [String] = []
    /// nil means the site's language.
    public var language: String?
    public var translationOf: String?
    public var reviewed: Day
    public var nextReview: Day?
    public var reviewedBy: [String] = []
    public var authors: [String] = []
    public var sources: [String] = []
    /// Overrides the site's copyright for content licensed from a third party.
    public var copyright: String?
    /// Explicit order of section files; nil means file-name order.
    public var sections: [String]?
    public var draft = false
    /// False for a draft written without `reviewed` (then `reviewed` is a stand-in that
    /// is never shown as a review date).
    public var isReviewed = true
    /// Reference, version, owner, approvals, change history and source version.
    public var control = DocumentControl()
    /// Where each key was written, for diagnostics of later stages.
    public var keyLocations: [String: SourceLocation] = [:]
    /// Where the file starts.
    public var location: SourceLocation

    public init(slug: String, title: String, summary: String, reviewed: Day, location: SourceLocation) {
        self.slug = slug
        self.title = title
        self.summary = summary
        self.reviewed = reviewed
        self.location = location
    }

    static let keys = ["title", "setting", "summary", "category", "keywords", "language", "translation_of",
                       "reviewed", "next_review", "reviewed_by", "authors", "sources", "copyright", "sections", "draft"] + DocumentControl.keys

    /// Reads `leaflet.yml`; nil when a required key is missing or a value is unusable.
    static func load(yaml: String, slug: String, path: String, diagnostics: inout [Diagnostic]) -> LeafletManifest? {
        let before = diagnostics.count
        guard let fields = YAMLFields.parse(yaml, path: path, lineOffset: 0, known: keys, diagnostics: &diagnostics) else { return nil }
        fields.reportUnknownKeys(diagnostics: &diagnostics)
        let title = fields.string("title", required: true, diagnostics: &diagnostics)
        let summary = fields.string("summary", required: true, diagnostics: &diagnostics)
        // A draft may not have been reviewed yet; anything published must say when it was.
        let draft = fields.bool("draft", diagnostics: &diagnostics) ?? false
        let reviewed = fields.day("reviewed", required: !draft, diagnostics: &diagnostics)
        var manifest = LeafletManifest(slug: slug, title: title ?? "", summary: summary ?? "",
                                       reviewed: reviewed ?? Day(year: 1970, month: 1, day: 1)!,
                                       location: SourceLocation(path: path, line: 1, column: 1))
        manifest.setting = fields.string("setting", diagnostics: &diagnostics)
        manifest.category = fields.string("category", diagnostics: &diagnostics)
        manifest.keywords = fields.stringList("keywords", diagnostics: &diagnostics)
        if let language = fields.string("language", diagnostics: &diagnostics) {
            if LanguageTag.isValid(language) {
                // Tags are case-insensitive: `EN` on an `en` site is the site's language.
                manifest.language = LanguageTag.canonical(language)
            } else {
                diagnostics.append(.error("'language' must be a BCP 47 tag such as 'en' or 'es-MX', got '\(language)'", at: fields.valueLocation(of: "language"), rule: .schemaLanguage))
            }
        }
        manifest.translationOf = fields.string("translation_of", diagnostics: &diagnostics)
        manifest.nextReview = fields.day("next_review", diagnostics: &diagnostics)
        manifest.reviewedBy = fields.stringList("reviewed_by", diagnostics: &diagnostics)
        manifest.authors = fields.stringList("authors", diagnostics: &diagnostics)
        manifest.sources = fields.stringList("sources", diagnostics: &diagnostics)
        manifest.copyright = fields.string("copyright", diagnostics: &diagnostics)
        if fields.has("sections") {
            manifest.sections = fields.stringList("sections", diagnostics: &diagnostics)
        }
        manifest.draft = draft
        manifest.isReviewed = reviewed != nil
        // Placeholders are reported, but the leaflet still loads: its sections get checked too.
        var gaps: [Diagnostic] = []
        if !draft {
            // `reviewed_by:` with nothing under it: a scaffold gap, not a decision.
            for key in fields.emptyKeys {
                gaps.append(Diagnostic(.placeholder, "'\(key)' is empty in a leaflet that is not a draft; fill it in or delete the line",
                                              at: fields.location(of: key)))
            }
            if let summary = manifest.summary as String?, summary.contains(LeafletScaffold.placeholderMarker) {
                gaps.append(Diagnostic(.placeholder, "'summary' still holds the scaffold text \"\(LeafletScaffold.placeholderMarker) …\"; write the summary, or mark the leaflet 'draft: true'",
                                              at: fields.valueLocation(of: "summary")))
            }
        }
        manifest.control = DocumentControl.load(fields, diagnostics: &diagnostics)
        for key in keys where fields.has(key) {
            manifest.keyLocations[key] = fields.location(of: key)
        }
        let failed = diagnostics[before...].hasErrors
        diagnostics += gaps
        return failed ? nil : manifest
    }
}
