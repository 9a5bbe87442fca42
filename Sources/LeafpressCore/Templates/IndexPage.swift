import Mustache

/// The values of one language's index (`index.mustache`): A–Z, categories, languages, search.
struct IndexPage: Sendable, MustacheParent {
    /// One leaflet in a list.
    struct Listing: Sendable, MustacheParent {
        var title: String
        var href: String
        var summary: String
        var setting: String?

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "href": href
            case "summary": summary
            case "setting": setting
            default: nil
            }
        }
    }

    /// A group of leaflets under a heading: one letter of the A–Z, or one category.
    struct Group: Sendable, MustacheParent {
        /// The letter (A–Z groups) or the category name.
        var name: String
        var id: String
        var count: String
        var leaflets: [Listing]

        func child(named name: String) -> Any? {
            switch name {
            case "letter", "name": self.name
            case "id": id
            case "count": count
            case "leaflets": leaflets
            default: nil
            }
        }
    }

    /// The index of another language.
    struct Language: Sendable, MustacheParent {
        var lang: String
        var dir: String
        var name: String
        var href: String

        func child(named name: String) -> Any? {
            switch name {
            case "lang": lang
            case "dir": dir
            case "name": self.name
            case "href": href
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

    func child(named name: String) -> Any? {
        switch name {
        case "letters": letters
        case "categories": categories
        case "languages": languages
        case "has_languages": !languages.isEmpty
        case "search_index": searchIndex
        case "leaflet_count": leafletCount
        case "has_leaflets": hasLeaflets
        case "is_index": true
        default: basics.child(named: name)
        }
    }
}
