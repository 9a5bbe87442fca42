/// Refuses YAML that could make the parser blow up before it is parsed: anchors (and so
/// aliases (a few lines of aliases expand to billions of nodes once keys are compared),
/// deep nesting (the composer recurses once per level) and oversized documents.
/// Leaflet metadata never needs any of them.
enum YAMLGuard {
    static let maxBytes = 256 * 1024
    static let maxDepth = 64

    /// A located error, or nil when the YAML may be parsed.
    static func check(_ yaml: String, path: String, lineOffset: Int) -> Diagnostic? {
        func at(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(path: path, line: line + lineOffset, column: column)
        }
        if yaml.utf8.count > maxBytes {
            return .error("YAML is larger than \(maxBytes / 1024) KB", at: at(1, 1), rule: .yamlLimits)
        }
        var line = 1, column = 0
        var lineStart = true          // still in the indentation and `- ` indicators of a line
        var indent = 0
        var nodeStart = true          // the next character begins a value or key
        var quote: Character?
        var comment = false
        var flow = 0
        var previous: Character = "\n"
        for character in yaml {
            column += 1
            defer { previous = character }
            if character == "\n" {
                line += 1; column = 0; lineStart = true; indent = 0; nodeStart = true; comment = false
                if quote == "'" || quote == "\"" { nodeStart = false }
                continue
            }
            if comment { continue }
            if let open = quote {
                if character == open { quote = nil; nodeStart = false }
                continue
            }
            if lineStart {
                if character == " " || character == "\t" { indent += 1; continue }
                if (character == "-" || character == "?") { indent += 2; continue }
                lineStart = false
                if indent > 2 * maxDepth {
                    return .error("YAML is nested more than \(maxDepth) levels deep", at: at(line, column), rule: .yamlLimits)
                }
            }
            switch character {
            case " ", "\t":
                if previous == ":" { nodeStart = true }
                continue
            case "#" where previous == " " || previous == "\t" || column == 1:
                comment = true
                continue
            case "\"", "'":
                if nodeStart {
                    quote = character
                    continue
                }
            case "&":
                // Refusing anchors is enough: an alias without an anchor is a parse error.
                guard nodeStart else { break }
                return .error("YAML anchors and aliases are not supported; write the value out", at: at(line, column), rule: .yamlLimits)
            case "[", "{":
                flow += 1
                if flow > maxDepth {
                    return .error("YAML is nested more than \(maxDepth) levels deep", at: at(line, column), rule: .yamlLimits)
                }
                nodeStart = true
                continue
            case "]", "}":
                flow = max(0, flow - 1)
            case ",":
                if flow > 0 { nodeStart = true; continue }
            case ":":
                nodeStart = false
                continue
            default:
                break
            }
            nodeStart = false
        }
        return nil
    }
}
