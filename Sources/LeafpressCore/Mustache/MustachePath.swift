/// A variable or section name, split at its dots once when the template is compiled so
/// rendering never splits or allocates strings: `leaflet.title` is `["leaflet", "title"]`,
/// and `.` (the implicit iterator, the current context) has no components.
struct MustachePath: Sendable, Equatable {
    var components: [String]

    init(_ name: Substring) {
        components = name == "." ? [] : name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    var isImplicit: Bool { components.isEmpty }
}
