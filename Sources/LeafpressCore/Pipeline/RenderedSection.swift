/// One care section after the Markdown stage, ready for the leaflet template.
public struct RenderedSection: Sendable {
    public var file: String
    /// `id` of the section on the page (from the file name).
    public var id: String
    public var title: String
    public var kind: SectionKind
    public var html: String
    /// Headings, links, images and text the Markdown stage found (its `html` is empty).
    public var document: MarkdownDocument
}
