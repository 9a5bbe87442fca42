/// The health-literacy figures of one section file.
public struct SectionReadability: Sendable, Equatable, Encodable {
    /// File name in the leaflet folder, e.g. `02-how-to-prepare.md`.
    public var file: String
    /// Display path, e.g. `content/leaflets/colonoscopy/02-how-to-prepare.md`.
    public var path: String
    /// The section heading.
    public var title: String
    /// `info`, `emergency`, `urgent` or `non-urgent`.
    public var kind: String
    /// Figures of the section's prose.
    public var stats: ReadabilityFigures

    /// A section's figures.
    public init(file: String, path: String, title: String, kind: String, stats: ReadabilityFigures) {
        self.file = file
        self.path = path
        self.title = title
        self.kind = kind
        self.stats = stats
    }
}
