/// The values of the 404 page (`404.mustache`).
struct NotFoundPage: Sendable, MustacheObject {
    var basics: PageBasics

    func mustacheValue(forKey key: String) -> MustacheValue? {
        switch key {
        case "is_404": .bool(true)
        default: basics.mustacheValue(forKey: key)
        }
    }
}
