/// The front matter of one section file.
struct SectionHeader: Sendable, Equatable {
    var title: String?
    var kind: SectionKind = .info

    static let keys = ["title", "kind"]

    /// Reads the YAML between the `---` lines of a section file.
    static func load(yaml: Substring, path: String, diagnostics: inout [Diagnostic]) -> SectionHeader {
        var header = SectionHeader()
        if yaml.allSatisfy(\.isWhitespace) { return header }
        if let fast = fastPath(yaml, path: path, diagnostics: &diagnostics) { return fast }
        guard let fields = YAMLFields.parse(String(yaml), path: path, lineOffset: FrontMatter.yamlLineOffset,
                                            known: keys, diagnostics: &diagnostics) else { return header }
        fields.reportUnknownKeys(diagnostics: &diagnostics)
        header.title = fields.string("title", diagnostics: &diagnostics)
        if let kind = fields.string("kind", diagnostics: &diagnostics) {
            header.kind = parseKind(kind, at: fields.valueLocation(of: "kind"), diagnostics: &diagnostics)
        }
        return header
    }

    static func parseKind(_ text: String, at location: SourceLocation, diagnostics: inout [Diagnostic]) -> SectionKind {
        if let kind = SectionKind(rawValue: text) { return kind }
        let expected = SectionKind.allCases.map(\.rawValue)
        var message = "unknown section kind '\(text)' (expected one of \(expected.joined(separator: ", ")))"
        if let suggestion = Suggestion.nearest(to: text, in: expected) { message += "; did you mean '\(suggestion)'?" }
        diagnostics.append(.error(message, at: location, rule: .unknownKind))
        return .info
    }

    /// Most section front matter is one or two plain `key: value` lines. Reading those
    /// directly skips a YAML parser per file; anything unusual (quotes, colons in values,
    /// comments, lists, anchors) goes to the full parser so its rules still apply.
    private static func fastPath(_ yaml: Substring, path: String, diagnostics: inout [Diagnostic]) -> SectionHeader? {
        var header = SectionHeader()
        var seen: Set<Substring> = []
        var lineNumber = FrontMatter.yamlLineOffset
        var pendingKind: (String, SourceLocation)?
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty { continue }
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let key = line[..<colon]
            var value = line[line.index(after: colon)...]
            guard value.first == " ", key == "title" || key == "kind", !seen.contains(key) else { return nil }
            value = value.drop(while: { $0 == " " })
            while value.last == " " { value = value.dropLast() }
            guard let first = value.first, isPlainStart(first),
                  !Self.hasYAMLMarker(value), value.last != ":",
                  !["null", "~"].contains(value.lowercased()) else { return nil }
            seen.insert(key)
            if key == "title" {
                header.title = String(value)
            } else {
                pendingKind = (String(value), SourceLocation(path: path, line: lineNumber, column: key.count + 3))
            }
        }
        if let (text, location) = pendingKind {
            header.kind = parseKind(text, at: location, diagnostics: &diagnostics)
        }
        return header
    }

    /// `: `, ` #` or a tab: the value needs the full YAML parser. Scanned as UTF-8 bytes,
    /// because Foundation's `contains(_: String)` goes through NSString (a measurable part
    /// of loading 100,000 section files).
    private static func hasYAMLMarker(_ value: Substring) -> Bool {
        var previous: UInt8 = 0
        for byte in value.utf8 {
            if byte == UInt8(ascii: "\t") || (previous == UInt8(ascii: ":") && byte == UInt8(ascii: " "))
                || (previous == UInt8(ascii: " ") && byte == UInt8(ascii: "#")) { return true }
            previous = byte
        }
        return false
    }

    /// Characters that start a plain YAML scalar with no special meaning.
    private static func isPlainStart(_ c: Character) -> Bool {
        !"-?:,[]{}#&*!|>'\"%@`~".contains(c) && !c.isWhitespace
    }
}
