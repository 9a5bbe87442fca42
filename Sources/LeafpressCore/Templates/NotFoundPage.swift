import Mustache

/// The values of the 404 page (`404.mustache`).
struct NotFoundPage: Sendable, MustacheParent {
    var basics: PageBasics

    func child(named name: String) -> Any? {
        switch name {
        case "is_404": true
        default: basics.child(named: name)
        }
    }
}
