/// Everything a link may point at, known before any page renders: leaflets that are built,
/// their section files and ids, and asset files. Lookups are dictionary hits, so checking
/// links costs the same per leaflet however large the site.
struct LinkTargets: Sendable {
    struct Leaflet: Sendable {
        var built: Bool
        /// Section file name to its id on the page.
        var sections: [String: String]
        var assets: Set<String>
    }

    var leaflets: [String: Leaflet] = [:]
    var siteAssets: Set<String> = []
}
