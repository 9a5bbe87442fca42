/// A template that cannot be compiled, with where: the theme reports it as
/// `path:line:col: error: template syntax: message [template]`.
public struct MustacheSyntaxError: Error, Equatable, Sendable {
    /// What is wrong, in a theme author's words ("section is never closed").
    public var message: String
    /// 1-based line of the template text.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    /// An error at byte `offset` of `text`; line and column are worked out only now,
    /// because the parser keeps byte offsets and errors are rare.
    init(_ message: String, at offset: Int, in text: [UInt8]) {
        self.message = message
        var line = 1, column = 1
        for byte in text[..<min(offset, text.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.line = line
        self.column = column
    }
}
