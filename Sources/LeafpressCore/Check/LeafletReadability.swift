/// The health-literacy figures of one leaflet: the sum of its sections' counts (grades are
/// computed from the sums, never averaged), and each section's own.
public struct LeafletReadability: Sendable, Equatable {
    /// The folder name.
    public var slug: String
    /// `title` from `leaflet.yml`.
    public var title: String
    /// The leaflet's language, or the site's.
    public var language: String
    /// Display path of the leaflet folder.
    public var path: String
    /// False when the leaflet is not in English: no grades, jargon or passive voice.
    public var graded: Bool
    /// Figures of all the sections together.
    public var stats: ReadabilityFigures
    /// Each section, in page order.
    public var sections: [SectionReadability]

    /// A leaflet's figures.
    public init(slug: String, title: String, language: String, path: String, graded: Bool,
                stats: ReadabilityFigures, sections: [SectionReadability]) {
        self.slug = slug
        self.title = title
        self.language = language
        self.path = path
        self.graded = graded
        self.stats = stats
        self.sections = sections
    }
}
