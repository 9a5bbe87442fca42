/// Page margins and margin-box widths for one paper size and print profile, sized so the
/// running header (title, draft notice) and the legal footer (disclaimer, copyright,
/// "Page X of Y") fit in full on every page at their profile's type size: when the text is
/// long, the margin grows; the type never shrinks and the text is never cut.
struct PrintLayout: Sendable, Equatable {
    /// Where "Page X of Y" goes in the bottom margin.
    enum PageNumberPlacement: Sendable, Equatable {
        /// Its own box beside the legal text (standard print: different type sizes).
        case beside
        /// The first line of the one footer box, above the legal text (large print: at
        /// 16 pt two boxes side by side would leave each too narrow).
        case above
    }

    var paper: SiteConfig.Paper
    var profile: PrintProfile
    /// Margins in millimetres.
    var top: Double
    var bottom: Double
    var side: Double
    /// Margin-box widths in millimetres.
    var legalWidth: Double
    var pageNumberWidth: Double
    var placement: PageNumberPlacement
    /// Line height of the margin boxes, as a multiple of their type size.
    static let lineHeight = 1.3

    /// Space kept clear between the paper's edge and the margin text (most printers cannot
    /// print the outer 4 to 5 mm), and between the margin text and the body.
    static let edgeGap = 8.0
    static let bodyGap = 4.0

    /// The layout for these texts; `header` and `legal` are lists of paragraphs,
    /// `pageLabel` the longest "Page X of Y" expected.
    init(paper: SiteConfig.Paper, profile: PrintProfile, header: [String], legal: [String], pageLabel: String) {
        self.paper = paper
        self.profile = profile
        let sizes = profile.sizes
        side = paper.sideMargin
        let content = Self.millimetres(paper.points.width) - 2 * side
        func height(lines: Int, size: Double) -> Double { Self.millimetres(Double(lines) * size * Self.lineHeight) }

        let headerLines = header.reduce(0) { $0 + TextWidth.lines($1, width: Self.pointsFrom(content), size: sizes.header) }
        top = max(16, (Self.edgeGap + height(lines: headerLines, size: sizes.header) + Self.bodyGap).rounded(.up))

        let legalText = legal.joined(separator: "\n")
        if sizes.pageNumber == sizes.legal {
            placement = .above
            legalWidth = content
            pageNumberWidth = 0
            let lines = TextWidth.lines(pageLabel + "\n" + legalText, width: Self.pointsFrom(content), size: sizes.legal)
            bottom = (Self.bodyGap + height(lines: lines, size: sizes.legal) + Self.edgeGap).rounded(.up)
        } else {
            placement = .beside
            // Room for the widest page label on one line, plus a gap before the legal text.
            pageNumberWidth = (Self.millimetres(TextWidth.ems(Substring(pageLabel)) * sizes.pageNumber) + 2).rounded(.up)
            legalWidth = content - pageNumberWidth - 4
            let legalLines = TextWidth.lines(legalText, width: Self.pointsFrom(legalWidth), size: sizes.legal)
            let text = max(height(lines: legalLines, size: sizes.legal), height(lines: 1, size: sizes.pageNumber))
            bottom = (Self.bodyGap + text + Self.edgeGap).rounded(.up)
        }
    }

    /// Width of the page's text column in millimetres.
    var contentWidth: Double { Self.millimetres(paper.points.width) - 2 * side }

    /// Height left for the leaflet on each page, in millimetres.
    var bodyHeight: Double { Self.millimetres(paper.points.height) - top - bottom }

    /// Millimetres from points, and back.
    static func millimetres(_ points: Double) -> Double { points * 25.4 / 72 }
    static func pointsFrom(_ millimetres: Double) -> Double { millimetres * 72 / 25.4 }
}
