/// A section file split into its optional YAML front matter and its Markdown body.
public struct FrontMatter: Sendable, Equatable {
    /// The YAML between the `---` lines, without them; nil when the file has none.
    public var yaml: Substring?
    /// The Markdown after the closing `---` line (or the whole file).
    public var body: Substring
    /// Lines of the file before the body: add to a body line to get the file line.
    public var bodyLineOffset: Int

    /// Lines before the YAML text (the opening `---`).
    public static let yamlLineOffset = 1

    /// Why a file's front matter could not be split.
    public enum SplitError: Error, Equatable {
        /// An opening `---` with no closing `---` or `...` line.
        case unterminated
    }

    /// Splits `text` (LF line endings). Front matter starts only at the very first line.
    public static func split(_ text: String) throws(SplitError) -> FrontMatter {
        let utf8 = text.utf8
        guard let firstLineEnd = utf8.firstIndex(of: 10),
              isFence(utf8[utf8.startIndex..<firstLineEnd], allowDots: false)
        else {
            return FrontMatter(yaml: nil, body: text[...], bodyLineOffset: 0)
        }
        var lineStart = utf8.index(after: firstLineEnd)
        var lines = 1
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 10) ?? utf8.endIndex
            lines += 1
            if isFence(utf8[lineStart..<lineEnd], allowDots: true) {
                let yaml = text[utf8.index(after: firstLineEnd)..<lineStart]
                let bodyStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
                return FrontMatter(yaml: yaml, body: text[bodyStart...], bodyLineOffset: lines)
            }
            if lineEnd == utf8.endIndex { break }
            lineStart = utf8.index(after: lineEnd)
        }
        throw .unterminated
    }

    /// `---` (or `...` to close) with optional trailing spaces: the YAML document markers.
    private static func isFence(_ line: Substring.UTF8View, allowDots: Bool) -> Bool {
        var bytes = line[...]
        while let last = bytes.last, last == 32 || last == 9 { bytes = bytes.dropLast() }
        guard bytes.count == 3 else { return false }
        if bytes.allSatisfy({ $0 == 45 }) { return true }
        return allowDots && bytes.allSatisfy({ $0 == 46 })
    }
}
