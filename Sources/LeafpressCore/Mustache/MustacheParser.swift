/// Turns tokens into the node tree of a compiled template, in two steps:
///
/// 1. Each line is judged once: a line holding only whitespace and tags that print
///    nothing (sections, comments, partials, blocks…) is *standalone* and disappears
///    with its line break, as the Mustache spec requires, so templates can put tags on
///    lines of their own without leaving blank lines in the page. Its leading
///    whitespace becomes the indentation of a partial, parent or block on it.
/// 2. Sections, parents and blocks are nested, with located errors for bad nesting.
struct MustacheParser {
    /// A token with what the line analysis found out about it.
    private struct Item {
        var token: MustacheToken
        /// The tag's line was removed (it printed nothing but this and other silent tags).
        var standalone = false
        /// Text: it begins a source line (block indentation is removed from such text).
        var atLineStart = false
        /// Tag: the whitespace before it, when nothing else precedes it on its line.
        var leading: ArraySlice<UInt8>?
    }

    private let bytes: [UInt8]
    private var items: [Item] = []
    private var cursor = 0

    init(bytes: [UInt8], tokens: [MustacheToken]) {
        self.bytes = bytes
        items = Self.judgeLines(tokens, in: bytes)
    }

    /// Step 1: drops standalone lines' whitespace and line breaks, marks what is left.
    private static func judgeLines(_ tokens: [MustacheToken], in bytes: [UInt8]) -> [Item] {
        var items: [Item] = []
        items.reserveCapacity(tokens.count)
        // Kinds of the open sections, to tell a parent's closing tag from others.
        var open: [MustacheToken.Kind] = []
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count, tokens[lineEnd].kind != .newline { lineEnd += 1 }
            let line = tokens[lineStart..<lineEnd]
            var tags = 0, silent = true, parentTag = false
            for token in line {
                switch token.kind {
                case .text:
                    if bytes[token.start..<token.end].contains(where: { !isBlank($0) }) { silent = false }
                case let kind:
                    tags += 1
                    if !kind.canStandAlone { silent = false }
                    if kind.opensSection { open.append(kind) }
                    if kind == .parent { parentTag = true }
                    if kind == .close, let closed = open.popLast(), closed == .parent { parentTag = true }
                }
            }
            // One silent tag alone on its line; several only when a parent tag is among
            // them (`{{<base}}{{$content}}`, `{{/content}}{{/base}}`): the spec treats a
            // block's tags on one line (`{{$a}}{{/a}}`) as inline.
            let standalone = silent && (tags == 1 || (tags > 1 && parentTag))
            // The whitespace from the line's start up to the current token, while there is
            // nothing else before it.
            let lineOffset = line.first?.start ?? 0
            var leading: ArraySlice<UInt8>? = bytes[lineOffset..<lineOffset]
            for (position, token) in zip(line.indices, line) {
                if token.kind == .text {
                    let text = bytes[token.start..<token.end]
                    leading = leading != nil && text.allSatisfy(isBlank) ? bytes[lineOffset..<token.end] : nil
                    if !standalone { items.append(Item(token: token, atLineStart: position == lineStart)) }
                } else {
                    items.append(Item(token: token, standalone: standalone, leading: leading))
                    leading = nil
                }
            }
            if lineEnd < tokens.count, !standalone {
                items.append(Item(token: tokens[lineEnd]))
            }
            lineStart = lineEnd + 1
        }
        return items
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// Step 2: the whole template.
    mutating func parse() throws(MustacheSyntaxError) -> [MustacheNode] {
        var escaped = true
        return try body(closing: nil, strip: 0, escaped: &escaped)
    }

    /// Nodes up to the `{{/name}}` closing `closing` (or the end of the template).
    /// `strip`: bytes of indentation to remove from each source line (a block's own).
    private mutating func body(closing: MustacheToken?, strip: Int, escaped: inout Bool) throws(MustacheSyntaxError) -> [MustacheNode] {
        var nodes: [MustacheNode] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty { nodes.append(.text(text)); text.removeAll(keepingCapacity: true) }
        }
        while cursor < items.count {
            let item = items[cursor]
            cursor += 1
            let token = item.token
            switch token.kind {
            case .text:
                var start = token.start
                if item.atLineStart { start = skipIndentation(from: start, to: token.end, count: strip) }
                text.append(contentsOf: bytes[start..<token.end])
            case .newline:
                text.append(contentsOf: bytes[token.start..<token.end])
            case .variable(let tagEscapes):
                flush()
                nodes.append(.variable(MustachePath(token.name), escaped: tagEscapes && escaped))
            case .section, .inverted:
                flush()
                var inner = escaped
                let children = try body(closing: token, strip: strip, escaped: &inner)
                nodes.append(.section(MustachePath(token.name), inverted: token.kind == .inverted, body: children))
            case .close:
                guard let closing else {
                    throw MustacheSyntaxError("'\(token.name)' is closed but was never opened", at: token.nameOffset, in: bytes)
                }
                guard token.name == closing.name else {
                    throw MustacheSyntaxError("section closed with a different name than it was opened with", at: token.nameOffset, in: bytes)
                }
                flush()
                return nodes
            case .comment, .delimiters:
                continue
            case .pragma(let value):
                escaped = value
            case .partial:
                flush()
                nodes.append(.partial(String(token.name), indent: item.standalone ? indentation(item, strip: strip) : [], standalone: item.standalone))
            case .parent:
                flush()
                let overrides = try parentOverrides(of: token, strip: strip, escaped: escaped)
                nodes.append(.parent(String(token.name), indent: item.standalone ? indentation(item, strip: strip) : [],
                                     standalone: item.standalone, overrides: overrides))
            case .block:
                flush()
                nodes.append(try block(item, strip: strip, escaped: escaped))
            }
        }
        if closing != nil {
            throw MustacheSyntaxError("section is never closed", at: bytes.count, in: bytes)
        }
        flush()
        return nodes
    }

    /// The blocks inside `{{<name}}…{{/name}}`. Text there is ignored (the spec allows it);
    /// other tags would have nowhere to render, so they are errors.
    private mutating func parentOverrides(of parent: MustacheToken, strip: Int, escaped: Bool) throws(MustacheSyntaxError) -> [String: [MustacheNode]] {
        var overrides: [String: [MustacheNode]] = [:]
        while cursor < items.count {
            let item = items[cursor]
            cursor += 1
            switch item.token.kind {
            case .text, .newline, .comment, .delimiters:
                continue
            case .block:
                if case .block(let name, _, _, let body) = try block(item, strip: strip, escaped: escaped) { overrides[name] = body }
            case .close:
                guard item.token.name == parent.name else {
                    throw MustacheSyntaxError("section closed with a different name than it was opened with", at: item.token.nameOffset, in: bytes)
                }
                return overrides
            default:
                throw MustacheSyntaxError("only block overrides are allowed inside a parent tag", at: item.token.start, in: bytes)
            }
        }
        throw MustacheSyntaxError("section is never closed", at: bytes.count, in: bytes)
    }

    /// `{{$name}}…{{/name}}`. When its opening tag stands alone, the block's indentation
    /// is that of its first line: removed from its text here, added back (or the
    /// indentation of the block it replaces) where it is rendered, so an override can be
    /// written at any indentation and still line up in the parent.
    private mutating func block(_ item: Item, strip: Int, escaped: Bool) throws(MustacheSyntaxError) -> MustacheNode {
        let token = item.token
        var indent: [UInt8] = []
        var innerStrip = strip
        if item.standalone {
            if let first = firstLineIndentation(closing: token) {
                indent = Array(first.dropFirst(min(strip, first.count)))
                innerStrip = max(strip, first.count)
            } else {
                indent = indentation(item, strip: strip)
            }
        } else if item.leading != nil {
            indent = indentation(item, strip: strip)
        }
        var inner = escaped
        let children = try body(closing: token, strip: innerStrip, escaped: &inner)
        return .block(String(token.name), indent: indent, standalone: item.standalone, body: children)
    }

    /// Leading whitespace of the first line of the body starting at the cursor; nil when
    /// the body is empty.
    private func firstLineIndentation(closing: MustacheToken) -> ArraySlice<UInt8>? {
        guard cursor < items.count else { return nil }
        let next = items[cursor]
        switch next.token.kind {
        case .close where next.token.name == closing.name:
            return nil
        case .text:
            let text = bytes[next.token.start..<next.token.end]
            return text.prefix(while: Self.isBlank)
        default:
            return next.leading ?? bytes[0..<0]
        }
    }

    /// The whitespace before a standalone tag, less what the enclosing block removes.
    private func indentation(_ item: Item, strip: Int) -> [UInt8] {
        guard let leading = item.leading else { return [] }
        return Array(leading.dropFirst(min(strip, leading.prefix(while: Self.isBlank).count)))
    }

    private func skipIndentation(from start: Int, to end: Int, count: Int) -> Int {
        var index = start
        while index < end, index - start < count, Self.isBlank(bytes[index]) { index += 1 }
        return index
    }
}
