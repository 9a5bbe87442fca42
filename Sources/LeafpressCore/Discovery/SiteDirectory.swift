/// Who is on the site before any page renders: each built leaflet's language and its
/// translations, and the languages that get an index. Leaflet pages use it for the
/// language switcher and `hreflang` links.
struct SiteDirectory: Sendable {
    /// One built leaflet, as other pages refer to it.
    struct Entry: Sendable {
        var slug: String
        var title: String
        var language: String
        /// Slug of the original leaflet (its own slug when it is not a translation).
        var group: String
        /// The leaflet's `version`, for translations to compare their `source_version` with.
        var version: Int?
    }

    let siteLanguage: String
    private(set) var entries: [String: Entry] = [:]
    private var groups: [String: [String]] = [:]
    /// Every language with at least one leaflet, plus the site's, site language first.
    private(set) var languages: [String]

    init(plans: [LeafletPlan], siteLanguage: String) {
        self.siteLanguage = siteLanguage
        let slugs = Set(plans.map(\.slug))
        for plan in plans {
            let manifest = plan.manifest
            let group = manifest.translationOf.flatMap { slugs.contains($0) ? $0 : nil } ?? manifest.slug
            let entry = Entry(slug: manifest.slug, title: manifest.title, language: manifest.language ?? siteLanguage, group: group,
                              version: manifest.control.version)
            entries[manifest.slug] = entry
            groups[group, default: []].append(manifest.slug)
        }
        let others = Set(entries.values.map(\.language)).subtracting([siteLanguage]).sorted()
        languages = [siteLanguage] + others
    }

    /// The other language versions of a leaflet, in language order.
    func translations(of slug: String) -> [Entry] {
        guard let entry = entries[slug] else { return [] }
        return (groups[entry.group] ?? []).filter { $0 != slug }.compactMap { entries[$0] }
            .sorted { ($0.language, $0.slug) < ($1.language, $1.slug) }
    }

    /// The built leaflet `slug` translates, if any.
    func original(of slug: String) -> Entry? {
        guard let entry = entries[slug], entry.group != slug else { return nil }
        return entries[entry.group]
    }

    /// Where a language's index lives, relative to the site root.
    func indexPath(for language: String) -> String {
        language == siteLanguage ? "index.html" : "\(Self.folder(for: language))/index.html"
    }

    /// Folder name of a language's index: the tag in lowercase.
    static func folder(for language: String) -> String { language.lowercased() }

    /// Names that slugs may not take, because the site uses them itself.
    static var reservedSlugs: Set<String> { SiteLayout.reservedSlugs }
}
