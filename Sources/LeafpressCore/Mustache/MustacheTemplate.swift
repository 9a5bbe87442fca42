/// A Mustache template compiled once into nodes, then rendered any number of times
/// (one theme serves every page of a build, on every thread).
public struct MustacheTemplate: Sendable {
    let nodes: [MustacheNode]

    /// Compiles `text`; a syntax error says where (line, column) and what is wrong.
    public init(_ text: String) throws(MustacheSyntaxError) {
        let bytes = Array(text.utf8)
        var lexer = MustacheLexer(bytes)
        var parser = MustacheParser(bytes: bytes, tokens: try lexer.tokens())
        nodes = try parser.parse()
    }
}
