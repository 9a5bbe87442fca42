/// What a successful build did, for the summary line and for callers such as `serve`.
public struct BuildReport: Sendable {
    public var leaflets: Int
    public var pages: Int
    /// Warnings (a successful build has no errors).
    public var diagnostics: [Diagnostic]
    /// Wall time in seconds.
    public var seconds: Double
    /// Every leaflet that was built, in slug order.
    public var manifests: [LeafletManifest]
    /// How long each stage took, in the order they ran.
    public var stages: [StageTiming] = []
    /// The print editions printed to PDF (empty unless PDFs were asked for).
    public var printProfiles: [PrintProfile] = []
    /// Every PDF in the new site, relative to it: printed now or kept from the last build.
    public var pdfs: [String] = []
    /// The PDFs printed by this build.
    public var printedPDFs: [String] = []

    /// `built 3 leaflets (5 pages) in 0.08 s, 0 warnings`
    public var summary: String {
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let time = (seconds * 100).rounded() / 100
        var text = "built \(leaflets) leaflet\(leaflets == 1 ? "" : "s") (\(pages) pages)"
        if !pdfs.isEmpty {
            let kept = pdfs.count - printedPDFs.count
            text += ", \(pdfs.count) PDF\(pdfs.count == 1 ? "" : "s") (\(printedPDFs.count) printed, \(kept) kept)"
        }
        return text + " in \(time) s, \(warnings) warning\(warnings == 1 ? "" : "s")"
    }
}
