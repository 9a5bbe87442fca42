/// Raw HTML written inside Markdown: a small tokenizer that follows the browser's rules
/// for where a tag, an attribute and a comment begin and end, and the decisions made on
/// top of it. Without `unsafe_html`, only `<sup>`, `<sub>` and `<br>` without attributes
/// are kept (they carry meaning: 10⁴, H₂O, a line break in a dose) and comments are
/// authors' notes; anything else is a `raw-html` error, never silently dropped.
enum RawHTML {
    /// One attribute of a tag, with the span it occupies in the source.
    struct Attribute {
        /// Lowercased, as the browser compares it.
        var name: String
        /// The value as written (entities not decoded), nil for a bare attribute.
        var value: String?
        /// Span in `html.unicodeScalars`.
        var range: Range<String.Index>
    }

    /// One start or end tag.
    struct Tag {
        /// Lowercased tag name.
        var name: String
        var isClosing: Bool
        var attributes: [Attribute]
        var range: Range<String.Index>
    }

    /// What one piece of raw HTML holds.
    struct Scan {
        var tags: [Tag] = []
        /// Text outside tags and comments, other than whitespace.
        var hasText = false
        /// True when the input ends inside a tag, a quoted value or a comment: the
        /// browser would carry on into whatever follows it on the page.
        var isUnterminated = false
        /// What to append so that nothing spills into the next piece of the page.
        var closing = ""
    }

    /// Tags kept without `unsafe_html`, when written without attributes.
    static let meaningfulTags: Set<String> = ["sup", "sub", "br"]

    /// Tokenizes `html` the way the HTML standard does for tags, attributes and comments.
    static func scan(_ html: String) -> Scan {
        var scan = Scan()
        let text = html.unicodeScalars
        var index = text.startIndex
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
        }
        func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
        }
        func starts(with prefix: String, at position: String.UnicodeScalarView.Index) -> Bool {
            text[position...].starts(with: prefix.unicodeScalars)
        }
        while index < text.endIndex {
            let scalar = text[index]
            guard scalar == "<" else {
                if !isSpace(scalar) { scan.hasText = true }
                index = text.index(after: index)
                continue
            }
            let start = index
            let next = text.index(after: index)
            guard next < text.endIndex else { scan.hasText = true; break }
            if starts(with: "!--", at: next) {
                // Comment: `<!-->` and `<!--->` close at once; otherwise `-->` or `--!>`.
                var cursor = text.index(next, offsetBy: 3)
                if cursor < text.endIndex, text[cursor] == ">" { index = text.index(after: cursor); continue }
                if starts(with: "->", at: cursor) { index = text.index(cursor, offsetBy: 2); continue }
                var closed = false
                while cursor < text.endIndex {
                    if starts(with: "-->", at: cursor) { cursor = text.index(cursor, offsetBy: 3); closed = true; break }
                    if starts(with: "--!>", at: cursor) { cursor = text.index(cursor, offsetBy: 4); closed = true; break }
                    cursor = text.index(after: cursor)
                }
                if !closed { scan.isUnterminated = true; scan.closing = " -->" }
                index = cursor
                continue
            }
            let isClosing = text[next] == "/"
            let nameStart = isClosing ? text.index(after: next) : next
            if text[next] == "!" || text[next] == "?" || (isClosing && nameStart < text.endIndex && !isLetter(text[nameStart])) {
                // Declarations, processing instructions and `</ x>` are bogus comments up to `>`.
                var cursor = next
                while cursor < text.endIndex, text[cursor] != ">" { cursor = text.index(after: cursor) }
                if cursor == text.endIndex { scan.isUnterminated = true; scan.closing = ">" } else { cursor = text.index(after: cursor) }
                index = cursor
                continue
            }
            guard nameStart < text.endIndex, isLetter(text[nameStart]) else {
                scan.hasText = true
                index = next
                continue
            }
            var cursor = nameStart
            while cursor < text.endIndex, !isSpace(text[cursor]), text[cursor] != "/", text[cursor] != ">" {
                cursor = text.index(after: cursor)
            }
            let name = String(String.UnicodeScalarView(text[nameStart..<cursor])).lowercased()
            var attributes: [Attribute] = []
            var finished = false
            while cursor < text.endIndex {
                let current = text[cursor]
                if isSpace(current) || current == "/" { cursor = text.index(after: cursor); continue }
                if current == ">" { cursor = text.index(after: cursor); finished = true; break }
                // Attribute name: up to whitespace, `/`, `>` or `=` (a leading `=` belongs to the name).
                let attributeStart = cursor
                cursor = text.index(after: cursor)
                while cursor < text.endIndex, !isSpace(text[cursor]), text[cursor] != "/", text[cursor] != ">", text[cursor] != "=" {
                    cursor = text.index(after: cursor)
                }
                let attributeName = String(String.UnicodeScalarView(text[attributeStart..<cursor])).lowercased()
                var lookahead = cursor
                while lookahead < text.endIndex, isSpace(text[lookahead]) { lookahead = text.index(after: lookahead) }
                var value: String?
                if lookahead < text.endIndex, text[lookahead] == "=" {
                    cursor = text.index(after: lookahead)
                    while cursor < text.endIndex, isSpace(text[cursor]) { cursor = text.index(after: cursor) }
                    if cursor < text.endIndex, text[cursor] == "\"" || text[cursor] == "'" {
                        let quote = text[cursor]
                        let valueStart = text.index(after: cursor)
                        var valueEnd = valueStart
                        while valueEnd < text.endIndex, text[valueEnd] != quote { valueEnd = text.index(after: valueEnd) }
                        value = String(String.UnicodeScalarView(text[valueStart..<valueEnd]))
                        if valueEnd == text.endIndex {
                            scan.isUnterminated = true
                            scan.closing = String(quote) + ">"
                            cursor = valueEnd
                        } else {
                            cursor = text.index(after: valueEnd)
                        }
                    } else {
                        let valueStart = cursor
                        while cursor < text.endIndex, !isSpace(text[cursor]), text[cursor] != ">" { cursor = text.index(after: cursor) }
                        value = String(String.UnicodeScalarView(text[valueStart..<cursor]))
                    }
                }
                attributes.append(Attribute(name: attributeName, value: value,
                                            range: attributeStart..<cursor))
            }
            if !finished, !scan.isUnterminated { scan.isUnterminated = true; scan.closing = ">" }
            scan.tags.append(Tag(name: name, isClosing: isClosing, attributes: attributes,
                                 range: start..<cursor))
            index = cursor
        }
        return scan
    }

    /// True when `html` holds only comments and whitespace: an author's note.
    static func isOnlyComments(_ html: String) -> Bool {
        let scan = scan(html)
        return scan.tags.isEmpty && !scan.hasText && !scan.isUnterminated
    }

    /// A tag kept even without `unsafe_html`.
    static func isMeaningful(_ tag: Tag) -> Bool {
        meaningfulTags.contains(tag.name) && tag.attributes.isEmpty && !(tag.isClosing && tag.name == "br")
    }

    /// The first tag of `html` that is not kept without `unsafe_html`, or nil when every
    /// tag is `<sup>`, `<sub>` or `<br>` without attributes.
    static func firstForbiddenTag(_ html: String) -> Tag? {
        let scan = scan(html)
        if let tag = scan.tags.first(where: { !isMeaningful($0) }) { return tag }
        if scan.isUnterminated { return scan.tags.last ?? Tag(name: "!--", isClosing: false, attributes: [], range: html.startIndex..<html.endIndex) }
        return nil
    }

    /// `<sup>`, `</sub>`, `<br>`: the kept tags written the one way.
    static func normalised(_ html: String) -> String {
        scan(html).tags.map { "<\($0.isClosing ? "/" : "")\($0.name)>" }.joined()
    }

    /// The message for a tag that is not allowed: names it and says what to write instead.
    static func message(for tag: Tag) -> String {
        let written = tag.name == "!--" ? "an unclosed HTML comment" : "raw HTML <\(tag.isClosing ? "/" : "")\(tag.name)>"
        return "\(written) is not published (unsafe_html is off); \(advice(for: tag))"
    }

    /// The Markdown that does the same job as `tag`.
    static func advice(for tag: Tag) -> String {
        switch tag.name {
        case "sup", "sub", "br":
            return "write <\(tag.name)> without attributes"
        case "b", "strong":
            return "write **bold text** in Markdown"
        case "i", "em", "cite", "u":
            return "write *emphasised text* in Markdown"
        case "a":
            return "write a link as [link text](address)"
        case "img":
            return "write an image as ![what it shows](file.png)"
        case "h1", "h2", "h3", "h4", "h5", "h6":
            return "start a heading line with # (## for a smaller heading)"
        case "ul", "li":
            return "start each list item with '- '"
        case "ol":
            return "number each list item '1. ', '2. '"
        case "p", "div", "span", "section", "article", "font", "center":
            return "write plain Markdown paragraphs separated by a blank line"
        case "table", "tr", "td", "th", "thead", "tbody":
            return "write a table as Markdown rows: | column | column |"
        case "blockquote":
            return "start each quoted line with '> '"
        case "code", "pre", "kbd", "samp":
            return "put code between `backticks`, or a block between ``` fences"
        case "hr":
            return "write a line with --- between blank lines"
        case "!--":
            return "close the comment with -->"
        default:
            return "write it in Markdown, or set 'unsafe_html: true' in site.yml if the site really needs raw HTML"
        }
    }
}
