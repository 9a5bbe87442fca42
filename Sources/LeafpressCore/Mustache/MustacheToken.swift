/// One piece of template source as the lexer cuts it: literal text (never containing a
/// line break), a line break, or a tag. Offsets are bytes of the UTF-8 source.
struct MustacheToken {
    /// What a tag does, from its sigil.
    enum Kind: Equatable {
        case text
        /// `\n` or `\r\n`: kept apart so the parser can judge each line for standalone tags.
        case newline
        /// `{{name}}`; `{{{name}}}` and `{{&name}}` are not escaped.
        case variable(escaped: Bool)
        case section
        case inverted
        case close
        case comment
        case partial
        case parent
        case block
        case delimiters
        /// `{{% CONTENT_TYPE: TEXT}}` (no escaping from here on) or `HTML`.
        case pragma(escaped: Bool)

        /// Tags that vanish with their whole line when nothing but whitespace shares it.
        var canStandAlone: Bool {
            switch self {
            case .text, .newline, .variable: false
            default: true
            }
        }

        /// Tags whose body runs to a matching `{{/name}}`.
        var opensSection: Bool {
            switch self {
            case .section, .inverted, .parent, .block: true
            default: false
            }
        }
    }

    var kind: Kind
    /// Source range: the text, line break, or the whole tag with its delimiters.
    var start: Int
    var end: Int
    /// The tag's name (`leaflet.title`, `partials/footer`); empty for text.
    var name: Substring = ""
    /// Where the name starts, for errors about it.
    var nameOffset: Int = 0
}
