/// The values of one language's index (`index.mustache`): A–Z, categories, languages, search.
struct IndexPage: Sendable, MustacheObject {
    /// One leaflet in a list.
    struct Listing: Sendable, MustacheObject {
        var title: String
        var href: String
        var summary: String
        var setting: String?

        func mustacheValue(forKey key: String) -> MustacheValue? {
            switch key {
            case "title": .string(title)
            case "href": .string(href)
            case "summary": .string(summary)
            case "setting": .init(setting)
            default: nil
            }
        }
    }

    /// A group of leaflets under a heading: one letter of the A–Z, or one category.
    struct Group: Sendable, MustacheObject {
        /// The letter (A–Z groups) or the category name.
        var name: String
        var id: String
        var count: String
        var leaflets: [Listing]

        func mustacheValue(forKey key: String) -> MustacheValue? {
            switch key {
            case "letter", "name": .string(name)
            case "id": .string(id)
            case "count": .string(count)
            case "leaflets": .list(leaflets)
            default: nil
            }
        }
    }

    /// The index of another language.
    struct Language: Sendable, MustacheObject {
        var lang: String
        var dir: String
        var name: String
        var href: String

        func mustacheValue(forKey key: String) -> MustacheValue? {
            switch key {
            case "lang": .string(lang)
            case "dir": .string(dir)
            case "name": .string(name)
            case "href": .string(href)
            default: nil
            }
        }
    }

    var basics: PageBasics
    var letters: [Group]
    var categories: [Group]
    var languages: [Language]
    var searchIndex: String
    var leafletCount: String
    var hasLeaflets: Bool

    func mustacheValue(forKey key: String) -> MustacheValue? {
        switch key {
        case "letters": .list(letters)
        case "categories": .list(categories)
        case "languages": .list(languages)
        case "has_languages": .bool(!languages.isEmpty)
        case "search_index": .string(searchIndex)
        case "leaflet_count": .string(leafletCount)
        case "has_leaflets": .bool(hasLeaflets)
        case "is_index": .bool(true)
        default: basics.mustacheValue(forKey: key)
        }
    }
}
