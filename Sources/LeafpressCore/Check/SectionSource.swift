import Foundation

/// A section file as written, for placing readability findings on the right line and
/// column: the Markdown stage gives each text block's first line relative to the body,
/// and positions inside a block in its plain text, not in the file.
///
/// A phrase (a sentence, a jargon term, a passive construction) is found by its first
/// words among the file's words, searching forward from the block's first line, so
/// Markdown syntax, line breaks and link destinations between words do not matter.
struct SectionSource: Sendable {
    /// One word of the body with where it starts.
    private struct Word: Sendable {
        var line: Int
        var column: Int
        var key: String
    }

    /// Display path of the file.
    let path: String
    /// Lines of front matter before the body: add to a body line to get the file line.
    let bodyLineOffset: Int
    private let words: [Word]

    /// Splits `text` (the whole file, LF line endings) into front matter and body. A
    /// shared block (`frontMatter` false) is all body: its `---` lines are Markdown.
    init(path: String, text: String, frontMatter: Bool = true) throws(FrontMatter.SplitError) {
        let body: Substring
        if frontMatter {
            let split = try FrontMatter.split(text)
            body = split.body
            bodyLineOffset = split.bodyLineOffset
        } else {
            body = Substring(text)
            bodyLineOffset = 0
        }
        self.path = path
        var words: [Word] = []
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for token in WordToken.tokens(in: Array(line)) {
                words.append(Word(line: index + 1, column: token.start + 1, key: token.key))
            }
        }
        self.words = words
    }

    /// The file's text as the build read it. Without it (or when it cannot be split),
    /// findings fall back to the block's line with no front matter offset; the pipeline
    /// has already reported why.
    static func load(path: String, text: String?, frontMatter: Bool) -> SectionSource {
        if let text, let source = try? SectionSource(path: path, text: text, frontMatter: frontMatter) { return source }
        return SectionSource(unreadable: path)
    }

    private init(unreadable path: String) {
        self.path = path
        bodyLineOffset = 0
        words = []
    }

    /// Where a search continues: the index of the next word to look at.
    struct Cursor: Sendable {
        var next = 0
    }

    /// The location of `phrase`, which is in the text block starting on body line
    /// `blockLine`, at or after `cursor`; the cursor moves past it. Without a match the
    /// location is the block's first line.
    func locate(_ phrase: String, blockLine: Int, before endLine: Int? = nil, cursor: inout Cursor) -> SourceLocation {
        let wanted = WordToken.tokens(in: Array(phrase)).map(\.key)
        let blockStart = words.firstIndex { $0.line >= blockLine } ?? words.count
        let start = max(cursor.next, blockStart)
        let fallback = SourceLocation(path: path, line: blockLine + bodyLineOffset, column: 1)
        guard !wanted.isEmpty, start < words.count else { return fallback }
        let end = endLine.flatMap { last in words[start...].firstIndex { $0.line >= last } } ?? words.count

        for length in Array(Set([min(wanted.count, 4), 1])).sorted(by: >) {
            let prefix = Array(wanted.prefix(length))
            var index = start
            while index + length <= end {
                if (0..<length).allSatisfy({ words[index + $0].key == prefix[$0] }) {
                    cursor.next = index + 1
                    return SourceLocation(path: path, line: words[index].line + bodyLineOffset, column: words[index].column)
                }
                index += 1
            }
        }
        return fallback
    }

    /// A section file read the first time a phrase in it must be placed, so sections
    /// without findings are never read twice.
    struct Lazy: Sendable {
        let path: String
        let text: String?
        let frontMatter: Bool
        private var loaded: SectionSource?

        init(path: String, text: String?, frontMatter: Bool) {
            self.path = path
            self.text = text
            self.frontMatter = frontMatter
        }

        /// `SectionSource.locate` on the file, reading it first if needed.
        mutating func locate(_ phrase: String, blockLine: Int, before endLine: Int?, cursor: inout Cursor) -> SourceLocation {
            let source = loaded ?? SectionSource.load(path: path, text: text, frontMatter: frontMatter)
            loaded = source
            return source.locate(phrase, blockLine: blockLine, before: endLine, cursor: &cursor)
        }
    }
}
