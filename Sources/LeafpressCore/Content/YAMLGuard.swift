import CYaml

/// Refuses YAML that could make composing it blow up, before it is composed: anchors and
/// aliases anywhere (a few lines of aliases expand to billions of nodes once keys are
/// compared), keys that are lists or mappings, nesting deeper than `maxDepth` (the composer
/// recurses once per level), more than `maxEvents` nodes, and documents over `maxBytes`.
/// Leaflet metadata never needs any of them.
///
/// The check runs libyaml's own event parser (the one Yams composes from) rather than
/// guessing at the syntax, so an anchor is found wherever YAML allows one: after a tag
/// (`!!seq &a`), on a key, in a flow collection, in a second document. Parsing events is
/// linear in the input and builds nothing, so the whole check is bounded by the size limit.
enum YAMLGuard {
    static let maxBytes = 256 * 1024
    static let maxDepth = 64
    static let maxEvents = 100_000

    /// A located error, or nil when the YAML may be composed. Syntax errors are left to
    /// the composer, which reports them with its own message.
    static func check(_ yaml: String, path: String, lineOffset: Int) -> Diagnostic? {
        if yaml.utf8.count > maxBytes {
            return .error("YAML is larger than \(maxBytes / 1024) KB", at: SourceLocation(path: path, line: lineOffset + 1, column: 1), rule: .yamlLimits)
        }
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return scan(&parser, path: path, lineOffset: lineOffset)
        }
    }

    /// What the parser is inside of, to know whether the next node is a mapping key.
    private enum Frame {
        case sequence
        case mapping(nextIsKey: Bool)
    }

    private static func scan(_ parser: inout yaml_parser_t, path: String, lineOffset: Int) -> Diagnostic? {
        var frames: [Frame] = []
        var events = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let at = SourceLocation(path: path, line: Int(event.start_mark.line) + 1 + lineOffset, column: Int(event.start_mark.column) + 1)
            events += 1
            if events > maxEvents {
                return .error("YAML has more than \(maxEvents) values", at: at, rule: .yamlLimits)
            }
            let anchor: UnsafeMutablePointer<yaml_char_t>?
            let opens: Bool
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_ALIAS_EVENT:
                return refusal(at)
            case YAML_SCALAR_EVENT:
                anchor = event.data.scalar.anchor
                opens = false
            case YAML_SEQUENCE_START_EVENT:
                anchor = event.data.sequence_start.anchor
                opens = true
            case YAML_MAPPING_START_EVENT:
                anchor = event.data.mapping_start.anchor
                opens = true
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                _ = frames.popLast()
                continue
            default:
                continue
            }
            if anchor != nil { return refusal(at) }
            // A node inside a mapping is its key or its value, alternately.
            if case .mapping(let nextIsKey)? = frames.last {
                if nextIsKey, opens {
                    return .error("keys must be plain text, not lists or mappings", at: at, rule: .yamlLimits)
                }
                frames[frames.count - 1] = .mapping(nextIsKey: !nextIsKey)
            }
            if opens {
                frames.append(event.type == YAML_MAPPING_START_EVENT ? .mapping(nextIsKey: true) : .sequence)
                if frames.count > maxDepth {
                    return .error("YAML is nested more than \(maxDepth) levels deep", at: at, rule: .yamlLimits)
                }
            }
        }
    }

    /// True when libyaml's scanner (below the parser the guard uses) sees an anchor or
    /// alias token anywhere before the end or the first syntax error. The fuzz target
    /// checks the guard against it.
    static func scannerFindsAnchorOrAlias(_ yaml: String) -> Bool {
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return false }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            while true {
                var token = yaml_token_t()
                guard yaml_parser_scan(&parser, &token) == 1 else { return false }
                defer { yaml_token_delete(&token) }
                switch token.type {
                case YAML_ANCHOR_TOKEN, YAML_ALIAS_TOKEN: return true
                case YAML_STREAM_END_TOKEN, YAML_NO_TOKEN: return false
                default: continue
                }
            }
        }
    }

    private static func refusal(_ at: SourceLocation) -> Diagnostic {
        .error("YAML anchors and aliases are not supported; write the value out", at: at, rule: .yamlLimits)
    }
}
