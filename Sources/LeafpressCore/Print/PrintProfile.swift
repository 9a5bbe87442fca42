/// A printed edition of a leaflet. `standard` is clear print (UKAAF: 12 pt or more);
/// `large` is large print (16 pt or more for everything, one column, full-width images).
public enum PrintProfile: String, Sendable, CaseIterable, Comparable {
    case standard
    case large

    /// Type sizes in points. The page number is as large as the body text, as clear-print
    /// guidance asks; the legal footer may be smaller in standard print, never below 9 pt.
    public struct Sizes: Sendable, Equatable {
        public var body: Double
        public var h1: Double
        public var h2: Double
        public var h3: Double
        /// The running header: leaflet title and, for drafts, the draft notice.
        public var header: Double
        public var pageNumber: Double
        public var legal: Double
    }

    public var sizes: Sizes {
        switch self {
        // 13 pt, not the 12 pt minimum: a little headroom for fonts that render small.
        case .standard: Sizes(body: 13, h1: 22, h2: 18, h3: 15, header: 12, pageNumber: 13, legal: 10)
        case .large: Sizes(body: 16, h1: 26, h2: 22, h3: 18, header: 16, pageNumber: 16, legal: 16)
        }
    }

    /// The smallest type size this profile promises anywhere except the legal footer.
    public static let legalMinimum = 9.0

    /// `colonoscopy.pdf` or `colonoscopy.large.pdf`.
    public func pdfName(for slug: String) -> String {
        switch self {
        case .standard: "\(slug).pdf"
        case .large: "\(slug).large.pdf"
        }
    }

    /// The interface-string key of the link to this edition on the leaflet page.
    var labelKey: String {
        switch self {
        case .standard: "pdf_label"
        case .large: "pdf_large_label"
        }
    }

    public static func < (a: PrintProfile, b: PrintProfile) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
