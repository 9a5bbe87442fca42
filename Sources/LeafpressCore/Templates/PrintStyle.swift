import Foundation
/// The values `print.css.mustache` sees for one page in one print profile: paper, computed
/// margins, type sizes, and the running header and legal footer as quoted CSS strings
/// (keys ending in `_css`), because `@page` margin boxes can only print CSS strings.
struct PrintStyle: Sendable, MustacheObject {
    var layout: PrintLayout
    var title: String
    /// The document-control line ("Ref … · Version … · Last reviewed …"), when there is one.
    var control: String?
    /// "Draft — not for patient use" on every page of a draft; nil for published leaflets.
    var draftNotice: String?
    var disclaimer: String
    var copyright: String
    /// The interface text with `{page}` and `{pages}` placeholders.
    var pageTemplate: String
    /// The copy printed to PDF by Chromium, which always has margin boxes: the end-of-page
    /// legal block kept for browsers without them (Firefox, Safari) would only repeat it.
    var forPDF: Bool
    /// `ltr` or `rtl`: the page's language (header, page number) and the site's (legal texts).
    var textDirection: String
    var legalDirection: String

    init(paper: SiteConfig.Paper, profile: PrintProfile, title: String, control: String? = nil, draftNotice: String?, disclaimer: String,
         copyright: String, pageTemplate: String, forPDF: Bool, textDirection: String = "ltr", legalDirection: String = "ltr") {
        self.title = title
        self.control = control
        self.draftNotice = draftNotice
        self.textDirection = textDirection
        self.legalDirection = legalDirection
        self.disclaimer = disclaimer
        self.copyright = copyright
        self.pageTemplate = pageTemplate
        self.forPDF = forPDF
        // Three-digit page numbers: the widest label a leaflet will need.
        let widest = pageTemplate.filling("{pages}", with: "888").filling("{page}", with: "888")
        layout = PrintLayout(paper: paper, profile: profile, header: [title, control, draftNotice].compactMap { $0 },
                             legal: [disclaimer, copyright], pageLabel: widest)
    }

    /// An error when the header and legal footer at their required sizes leave less than
    /// a third of the page for the leaflet; shortening the texts is the only honest fix.
    func problem(at location: SourceLocation?) -> Diagnostic? {
        let page = PrintLayout.millimetres(layout.paper.points.height)
        guard layout.bodyHeight < page / 3 else { return nil }
        return .error("the disclaimer and copyright need \(Int(layout.bottom)) mm of every \(layout.paper.rawValue) page at \(Self.number(layout.profile.sizes.legal)) pt (\(layout.profile.rawValue) print), "
                      + "leaving too little room for the leaflet; shorten them", at: location, rule: .printFooter)
    }

    /// "Page " counter(page) " of " counter(pages), from the interface text.
    var pageCounterCSS: String {
        var parts: [String] = []
        var rest = Substring(pageTemplate)
        while true {
            let page = rest.range(of: "{page}"), pages = rest.range(of: "{pages}")
            guard let range = [page, pages].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) else { break }
            if range.lowerBound > rest.startIndex { parts.append(CSSString.quoted(String(rest[..<range.lowerBound]))) }
            parts.append(rest[range] == "{page}" ? "counter(page)" : "counter(pages)")
            rest = rest[range.upperBound...]
        }
        if !rest.isEmpty { parts.append(CSSString.quoted(String(rest))) }
        return parts.joined(separator: " ")
    }

    /// The header (title, control line, draft notice) and legal footer as CSS `content:`.
    private var headerCSS: String {
        [title, control, draftNotice].compactMap { $0 }.map(CSSString.quoted).joined(separator: Self.newline)
    }
    private var legalCSS: String { CSSString.quoted(disclaimer) + Self.newline + CSSString.quoted(copyright) }
    private static let newline = " \"\\A\" "

    func mustacheValue(forKey key: String) -> MustacheValue? {
        let sizes = layout.profile.sizes
        switch key {
        case "profile": return .string(layout.profile.rawValue)
        case "large": return .bool(layout.profile == .large)
        case "for_pdf": return .bool(forPDF)
        case "draft": return .bool(draftNotice != nil)
        case "paper": return .string(layout.paper.cssSize)
        case "margin_top": return .string(Self.number(layout.top))
        case "margin_bottom": return .string(Self.number(layout.bottom))
        case "margin_side": return .string(Self.number(layout.side))
        case "content_width": return .string(Self.number(layout.contentWidth))
        case "legal_width": return .string(Self.number(layout.legalWidth))
        case "page_number_width": return .string(Self.number(layout.pageNumberWidth))
        case "page_number_beside": return .bool(layout.placement == .beside)
        case "line_height": return .string(Self.number(PrintLayout.lineHeight))
        case "body_gap": return .string(Self.number(PrintLayout.bodyGap))
        case "body_pt": return .string(Self.number(sizes.body))
        case "h1_pt": return .string(Self.number(sizes.h1))
        case "h2_pt": return .string(Self.number(sizes.h2))
        case "h3_pt": return .string(Self.number(sizes.h3))
        case "header_pt": return .string(Self.number(sizes.header))
        case "page_number_pt": return .string(Self.number(sizes.pageNumber))
        case "legal_pt": return .string(Self.number(sizes.legal))
        case "text_dir": return .string(textDirection)
        case "legal_dir": return .string(legalDirection)
        case "title_css": return .string(CSSString.quoted(title))
        case "control_css": return .string(CSSString.quoted(control ?? ""))
        case "draft_css": return .string(CSSString.quoted(draftNotice ?? ""))
        case "header_css": return .string(headerCSS)
        case "copyright_css": return .string(CSSString.quoted(copyright))
        case "disclaimer_css": return .string(CSSString.quoted(disclaimer))
        case "legal_css": return .string(legalCSS)
        case "page_counter_css": return .string(pageCounterCSS)
        // Large print: the page number heads the one footer box.
        case "footer_css": return .string(pageCounterCSS + Self.newline + legalCSS)
        default: return nil
        }
    }

    /// A CSS number: at most one decimal, no trailing zero, never locale-dependent.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
