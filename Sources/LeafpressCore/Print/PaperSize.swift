/// Paper geometry for print layout. Sizes are ISO 216 (A4, A5) and ANSI (Letter).
extension SiteConfig.Paper {
    /// Width and height in points (1/72 inch), portrait.
    var points: (width: Double, height: Double) {
        switch self {
        case .a4: (595.28, 841.89)
        case .a5: (419.53, 595.28)
        case .letter: (612, 792)
        }
    }

    /// The `@page size` keyword.
    var cssSize: String {
        switch self {
        case .a4: "A4"
        case .a5: "A5"
        case .letter: "letter"
        }
    }

    /// Left and right margins in millimetres: narrower on A5 so large print keeps a
    /// usable line length.
    var sideMargin: Double {
        switch self {
        case .a4, .letter: 16
        case .a5: 12
        }
    }
}
