/// Where the Markdown stage finds shared blocks (`{{> NAME}}`): the renderer gives it the
/// blocks of the site in the leaflet's language.
public protocol BlockProviding: Sendable {
    /// The block called `name`, or why there is none to include.
    func block(named name: String) -> BlockLookup
}

/// The answer to a block lookup.
public enum BlockLookup: Sendable, Equatable {
    /// The block's Markdown, and its display path (`content/blocks/contact.es.md`), which
    /// its own findings and links are located in.
    case found(path: String, text: String)
    /// No block to include: a message for the writer and its rule id.
    case failed(message: String, rule: Rule)
}
