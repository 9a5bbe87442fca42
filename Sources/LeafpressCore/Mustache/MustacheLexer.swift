/// Cuts template source into tokens, following `{{=<% %>=}}` delimiter changes as it goes
/// (they change how everything after them is read, so they cannot wait for the parser).
struct MustacheLexer {
    private let bytes: [UInt8]
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func tokens() throws(MustacheSyntaxError) -> [MustacheToken] {
        var tokens: [MustacheToken] = []
        var index = 0
        var textStart = 0
        func flushText(to end: Int) {
            if end > textStart { tokens.append(MustacheToken(kind: .text, start: textStart, end: end)) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                let lineBreak = index > textStart && bytes[index - 1] == UInt8(ascii: "\r") ? index - 1 : index
                flushText(to: lineBreak)
                tokens.append(MustacheToken(kind: .newline, start: lineBreak, end: index + 1))
                index += 1
                textStart = index
            } else if byte == open[0], matches(open, at: index) {
                flushText(to: index)
                let tag = try self.tag(at: index)
                tokens.append(tag)
                index = tag.end
                textStart = index
            } else {
                index += 1
            }
        }
        flushText(to: bytes.count)
        return tokens
    }

    /// Reads the tag whose opening delimiter is at `start`.
    private mutating func tag(at start: Int) throws(MustacheSyntaxError) -> MustacheToken {
        let inner = start + open.count
        guard inner < bytes.count else { throw unclosed(at: start) }
        let sigil = bytes[inner]
        switch sigil {
        case UInt8(ascii: "!"):
            let end = try find(close, from: inner + 1, tagStart: start)
            return MustacheToken(kind: .comment, start: start, end: end + close.count)
        case UInt8(ascii: "="):
            let end = try find([UInt8(ascii: "=")] + close, from: inner + 1, tagStart: start)
            let parts = bytes[(inner + 1)..<end].split(whereSeparator: Self.isWhitespace)
            guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
                throw MustacheSyntaxError("badly formed set-delimiter tag", at: start, in: bytes)
            }
            let tagEnd = end + 1 + close.count
            open = Array(parts[0])
            close = Array(parts[1])
            return MustacheToken(kind: .delimiters, start: start, end: tagEnd)
        case UInt8(ascii: "{"):
            let end = try find([UInt8(ascii: "}")] + close, from: inner + 1, tagStart: start)
            return try named(.variable(escaped: false), start: start, from: inner + 1, to: end, tagEnd: end + 1 + close.count)
        case UInt8(ascii: "%"):
            let end = try find(close, from: inner + 1, tagStart: start)
            return try pragma(start: start, from: inner + 1, to: end, tagEnd: end + close.count)
        default:
            let kind: MustacheToken.Kind? = switch sigil {
            case UInt8(ascii: "#"): .section
            case UInt8(ascii: "^"): .inverted
            case UInt8(ascii: "/"): .close
            case UInt8(ascii: ">"): .partial
            case UInt8(ascii: "<"): .parent
            case UInt8(ascii: "$"): .block
            case UInt8(ascii: "&"): .variable(escaped: false)
            default: nil
            }
            let nameStart = kind == nil ? inner : inner + 1
            let end = try find(close, from: nameStart, tagStart: start)
            return try named(kind ?? .variable(escaped: true), start: start, from: nameStart, to: end, tagEnd: end + close.count)
        }
    }

    /// A tag with a name between `from` and `to`, spaces around it allowed.
    private func named(_ kind: MustacheToken.Kind, start: Int, from: Int, to: Int, tagEnd: Int) throws(MustacheSyntaxError) -> MustacheToken {
        var nameStart = from, nameEnd = to
        while nameStart < nameEnd, Self.isWhitespace(bytes[nameStart]) { nameStart += 1 }
        while nameEnd > nameStart, Self.isWhitespace(bytes[nameEnd - 1]) { nameEnd -= 1 }
        guard nameStart < nameEnd else { throw MustacheSyntaxError("tag has no name", at: start, in: bytes) }
        let name = Substring(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
        if bytes[nameStart..<nameEnd].contains(where: Self.isWhitespace) {
            throw MustacheSyntaxError("tag name '\(name)' contains a space", at: nameStart, in: bytes)
        }
        return MustacheToken(kind: kind, start: start, end: tagEnd, name: name, nameOffset: nameStart)
    }

    /// `{{% CONTENT_TYPE: TEXT}}`: the one pragma, which turns HTML escaping off (for CSS).
    private func pragma(start: Int, from: Int, to: Int, tagEnd: Int) throws(MustacheSyntaxError) -> MustacheToken {
        let parts = bytes[from..<to].split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self).trimmingWhitespace() }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw MustacheSyntaxError("badly formed pragma", at: start, in: bytes)
        }
        switch (parts[0], parts[1]) {
        case ("CONTENT_TYPE", "TEXT"): return MustacheToken(kind: .pragma(escaped: false), start: start, end: tagEnd)
        case ("CONTENT_TYPE", "HTML"): return MustacheToken(kind: .pragma(escaped: true), start: start, end: tagEnd)
        default: throw MustacheSyntaxError("unknown pragma", at: start, in: bytes)
        }
    }

    /// Offset of the next `pattern` at or after `from`.
    private func find(_ pattern: [UInt8], from: Int, tagStart: Int) throws(MustacheSyntaxError) -> Int {
        var index = from
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], matches(pattern, at: index) { return index }
            index += 1
        }
        throw unclosed(at: tagStart)
    }

    private func unclosed(at start: Int) -> MustacheSyntaxError {
        MustacheSyntaxError("tag is not closed with '\(String(decoding: close, as: UTF8.self))'", at: start, in: bytes)
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}

private extension String {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
