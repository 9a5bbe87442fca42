/// Cleans raw HTML that `unsafe_html: true` lets through: removes every event-handler
/// attribute (`on…`), every URL attribute whose address is not http(s), mailto, tel or
/// relative (so `javascript:`, `vbscript:`, `data:`, `file:` go, however they are spelled
/// with entities, case, whitespace or control characters), `srcdoc`, and styles that load
/// anything. A piece that ends inside a tag or comment is closed, so it cannot take over
/// the markup that follows it on the page. The tag itself stays: `<a>` without `href` shows
/// its text without being a link.
enum HTMLSanitizer {
    /// Attributes whose value is one address.
    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "poster", "data", "background", "cite", "longdesc",
        "lowsrc", "dynsrc", "ping", "manifest", "codebase", "archive", "classid", "usemap", "icon",
        "profile", "itemtype", "itemid", "xml:base", "xmlns:xlink",
    ]
    /// Attributes whose value is a list of addresses, or text that SVG animation or a
    /// `<meta>` refresh turns into an address: removed when any blocked scheme appears.
    static let addressCarryingAttributes: Set<String> = ["srcset", "imagesrcset", "content", "values", "from", "to", "by", "attributename"]
    /// Schemes that may be emitted.
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// The cleaned HTML and a description of each removal (for a warning).
    static func sanitize(_ html: String) -> (html: String, removed: [String]) {
        let scan = RawHTML.scan(html)
        var cuts: [(range: Range<String.Index>, what: String)] = []
        for tag in scan.tags where !tag.isClosing {
            for attribute in tag.attributes where isDangerous(attribute) {
                let shown = attribute.value.map { "\(attribute.name)=\"\($0.prefix(40))\"" } ?? attribute.name
                cuts.append((attribute.range, "\(shown) from <\(tag.name)>"))
            }
        }
        guard !cuts.isEmpty || scan.isUnterminated else { return (html, []) }
        var scalars = html.unicodeScalars
        for cut in cuts.reversed() {
            scalars.replaceSubrange(cut.range, with: "".unicodeScalars)
        }
        var result = String(scalars)
        var removed = cuts.map(\.what)
        if scan.isUnterminated {
            result += scan.closing
            removed.append("the rest of an unclosed tag or comment (closed with '\(scan.closing)')")
        }
        return (result, removed)
    }

    static func isDangerous(_ attribute: RawHTML.Attribute) -> Bool {
        let name = attribute.name
        if name.hasPrefix("on") || name == "srcdoc" { return true }
        guard let raw = attribute.value else { return false }
        let value = decodeEntities(raw)
        if urlAttributes.contains(name) || name.hasSuffix(":href") {
            return !isAllowedAddress(value)
        }
        if addressCarryingAttributes.contains(name) {
            return containsBlockedScheme(value)
        }
        if name == "style" {
            let compact = compacted(value)
            return compact.contains("url(") || compact.contains("expression(") || compact.contains("@import") || containsBlockedScheme(value)
        }
        return false
    }

    /// True for a relative address or one with an allowed scheme. Whitespace and control
    /// characters are ignored first, because browsers skip them inside a scheme.
    static func isAllowedAddress(_ value: String) -> Bool {
        let compact = compacted(value)
        guard let colon = compact.firstIndex(of: ":") else { return true }
        let prefix = compact[..<colon]
        // A `/`, `?` or `#` before the colon makes it a path, not a scheme.
        if prefix.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
        if prefix.isEmpty { return false }
        return allowedSchemes.contains(String(prefix))
    }

    /// True when a blocked scheme appears anywhere in the (decoded, compacted) value.
    static func containsBlockedScheme(_ value: String) -> Bool {
        let compact = compacted(value)
        return UnsafeScheme.blocked.contains { compact.contains($0 + ":") }
    }

    /// Lowercased, with every character at or below U+0020 (and U+00A0, U+FEFF) removed.
    static func compacted(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 && $0 != "\u{A0}" && $0 != "\u{FEFF}" && $0 != "\u{7F}" }))
            .lowercased()
    }

    /// Named entities that matter for reading a scheme (the rest cannot make one).
    static let namedEntities: [String: String] = [
        "colon": ":", "tab": "\t", "newline": "\n", "nbsp": "\u{A0}", "amp": "&", "lt": "<", "gt": ">",
        "quot": "\"", "apos": "'", "sol": "/", "period": ".", "lpar": "(", "rpar": ")", "num": "#",
        "quest": "?", "excl": "!", "commat": "@", "plus": "+", "minus": "-", "hyphen": "-", "dash": "-",
    ]

    /// Decodes character references once, as the browser does in an attribute value:
    /// `&#106;`, `&#x6A`, `&#0000106` (the `;` is optional for numbers) and named ones.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "&", index + 1 < scalars.count else {
                output.append(scalar)
                index += 1
                continue
            }
            var cursor = index + 1
            if scalars[cursor] == "#" {
                cursor += 1
                var hex = false
                if cursor < scalars.count, scalars[cursor] == "x" || scalars[cursor] == "X" { hex = true; cursor += 1 }
                var digits = ""
                while cursor < scalars.count, (hex ? scalars[cursor].properties.isASCIIHexDigit : ("0"..."9").contains(scalars[cursor])) {
                    digits.unicodeScalars.append(scalars[cursor])
                    cursor += 1
                }
                if !digits.isEmpty {
                    if cursor < scalars.count, scalars[cursor] == ";" { cursor += 1 }
                    let trimmed = String(digits.drop(while: { $0 == "0" }).prefix(8))
                    let number = UInt32(trimmed.isEmpty ? "0" : trimmed, radix: hex ? 16 : 10) ?? 0xFFFD
                    output.append(Unicode.Scalar(number) ?? "\u{FFFD}")
                    index = cursor
                    continue
                }
            } else {
                var name = ""
                while cursor < scalars.count, scalars[cursor].properties.isAlphabetic || ("0"..."9").contains(scalars[cursor]), name.count < 32 {
                    name.unicodeScalars.append(scalars[cursor])
                    cursor += 1
                }
                if let replacement = namedEntities[name.lowercased()] {
                    if cursor < scalars.count, scalars[cursor] == ";" { cursor += 1 }
                    output.append(contentsOf: replacement.unicodeScalars)
                    index = cursor
                    continue
                }
            }
            output.append(scalar)
            index += 1
        }
        return String(output)
    }
}
