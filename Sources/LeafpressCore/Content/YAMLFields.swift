import Foundation
import Yams

/// Reads the keys of one YAML mapping with their source positions, so every problem is
/// reported at the key or value that caused it. Problems are appended to `diagnostics`.
struct YAMLFields {
    let path: String
    /// Lines of the file before the YAML text (front matter starts after `---`).
    let lineOffset: Int
    let location: SourceLocation
    private let entries: [(key: String, keyNode: Node, value: Node)]
    private let known: [String]

    /// Parses `yaml` and expects a mapping at the top; nil (with a diagnostic) otherwise.
    /// An empty document is an empty mapping.
    static func parse(_ yaml: String, path: String, lineOffset: Int, known: [String],
                      diagnostics: inout [Diagnostic]) -> YAMLFields? {
        if let refused = YAMLGuard.check(yaml, path: path, lineOffset: lineOffset) {
            diagnostics.append(refused)
            return nil
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            diagnostics.append(yamlError(error, path: path, lineOffset: lineOffset, yaml: yaml))
            return nil
        }
        let whole = SourceLocation(path: path, line: lineOffset + 1, column: 1)
        guard let root else {
            return YAMLFields(path: path, lineOffset: lineOffset, location: whole, entries: [], known: known)
        }
        return mapping(root, path: path, lineOffset: lineOffset, known: known, what: "file", diagnostics: &diagnostics)
    }

    private static func mapping(_ node: Node, path: String, lineOffset: Int, known: [String], what: String,
                                diagnostics: inout [Diagnostic]) -> YAMLFields? {
        let here = locate(node, path: path, lineOffset: lineOffset)
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.error("\(what) must be a mapping of `key: value` lines", at: here, rule: .schemaType))
            return nil
        }
        var entries: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                diagnostics.append(.error("keys must be plain text", at: locate(key, path: path, lineOffset: lineOffset), rule: .schemaType))
                continue
            }
            entries.append((name, key, value))
        }
        return YAMLFields(path: path, lineOffset: lineOffset, location: here, entries: entries, known: known)
    }

    private init(path: String, lineOffset: Int, location: SourceLocation,
                 entries: [(key: String, keyNode: Node, value: Node)], known: [String]) {
        self.path = path
        self.lineOffset = lineOffset
        self.location = location
        self.entries = entries
        self.known = known
    }

    /// Location of a key (where editors should jump), or of the mapping when absent.
    func location(of key: String) -> SourceLocation {
        guard let entry = entries.first(where: { $0.key == key }) else { return location }
        return Self.locate(entry.keyNode, path: path, lineOffset: lineOffset)
    }

    /// Location of a key's value.
    func valueLocation(of key: String) -> SourceLocation {
        guard let entry = entries.first(where: { $0.key == key }) else { return location }
        return Self.locate(entry.value, path: path, lineOffset: lineOffset)
    }

    func has(_ key: String) -> Bool { value(key) != nil }

    /// Keys written with no value (`key:` and nothing under it, `""`, `[]`), in order.
    var emptyKeys: [String] {
        entries.compactMap { entry in
            switch entry.value {
            case .scalar(let scalar):
                let blank = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                return blank && (scalar.style != .plain || entry.value.null != nil || scalar.string.isEmpty) ? entry.key : nil
            case .sequence(let sequence):
                return sequence.isEmpty ? entry.key : nil
            case .mapping(let mapping):
                return mapping.isEmpty ? entry.key : nil
            default:
                return nil
            }
        }
    }

    /// Keys in the order they were written.
    var keys: [String] { entries.map(\.key) }

    private func value(_ key: String) -> Node? {
        guard let node = entries.first(where: { $0.key == key })?.value else { return nil }
        if case .scalar(let scalar) = node, scalar.style == .plain, node.null != nil { return nil }
        return node
    }

    /// A text value. Numbers and dates are accepted as their text; lists and maps are not.
    func string(_ key: String, required: Bool = false, diagnostics: inout [Diagnostic]) -> String? {
        guard let node = value(key) else {
            if required { diagnostics.append(.error("missing required key '\(key)'", at: location, rule: .schemaRequired)) }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            diagnostics.append(.error("'\(key)' must be text, not a \(Self.kind(of: node))", at: valueLocation(of: key), rule: .schemaType))
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            if required { diagnostics.append(.error("'\(key)' must not be empty", at: valueLocation(of: key), rule: .schemaRequired)) }
            return nil
        }
        return text
    }

    /// A list of text values.
    func stringList(_ key: String, diagnostics: inout [Diagnostic]) -> [String] {
        guard let node = value(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            diagnostics.append(.error("'\(key)' must be a list (one `- item` per line)", at: valueLocation(of: key), rule: .schemaType))
            return []
        }
        var items: [String] = []
        for item in sequence {
            guard case .scalar(let scalar) = item else {
                diagnostics.append(.error("items of '\(key)' must be text, not a \(Self.kind(of: item))",
                                          at: Self.locate(item, path: path, lineOffset: lineOffset), rule: .schemaType))
                continue
            }
            let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { items.append(text) }
        }
        return items
    }

    /// `true`/`false` (YAML 1.1 spellings such as `yes` accepted, as Yams resolves them).
    func bool(_ key: String, diagnostics: inout [Diagnostic]) -> Bool? {
        guard let node = value(key) else { return nil }
        guard let flag = node.bool else {
            diagnostics.append(.error("'\(key)' must be true or false", at: valueLocation(of: key), rule: .schemaType))
            return nil
        }
        return flag
    }

    /// A whole number, within `range` when one is given; anything else (a fraction, 1e19,
    /// `.inf`, a number out of range) is a located error naming the range.
    func int(_ key: String, in range: ClosedRange<Int>? = nil, diagnostics: inout [Diagnostic]) -> Int? {
        guard let node = value(key) else { return nil }
        guard let number = node.int, range?.contains(number) ?? true else {
            if let range {
                diagnostics.append(.error("'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(Self.shown(node))'",
                                          at: valueLocation(of: key), rule: .schemaRange))
            } else {
                diagnostics.append(.error("'\(key)' must be a whole number, got '\(Self.shown(node))'", at: valueLocation(of: key), rule: .schemaType))
            }
            return nil
        }
        return number
    }

    /// A finite number within `range` (`8`, `7.5`); `.inf`, `.nan`, 1e19 and numbers out of
    /// range are located errors naming the range, so no later conversion can trap.
    func number(_ key: String, in range: ClosedRange<Double>, diagnostics: inout [Diagnostic]) -> Double? {
        guard let node = value(key) else { return nil }
        let text = node.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
        guard case .scalar = node, let number = node.float ?? Double(text), number.isFinite, range.contains(number) else {
            diagnostics.append(.error("'\(key)' must be a number from \(Self.shown(range.lowerBound)) to \(Self.shown(range.upperBound)), got '\(Self.shown(node))'",
                                      at: valueLocation(of: key), rule: .schemaRange))
            return nil
        }
        return number
    }

    private static func shown(_ bound: Double) -> String {
        bound == bound.rounded() ? String(Int(bound)) : String(bound)
    }

    /// A value as written, shortened, for messages.
    private static func shown(_ node: Node) -> String {
        guard let text = node.scalar?.string else { return "a \(kind(of: node))" }
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    /// A calendar date written `YYYY-MM-DD`.
    func day(_ key: String, required: Bool = false, diagnostics: inout [Diagnostic]) -> Day? {
        guard let text = string(key, required: required, diagnostics: &diagnostics) else { return nil }
        guard let day = Day(text) else {
            diagnostics.append(.error(Self.dateProblem(key, text), at: valueLocation(of: key), rule: .schemaDate))
            return nil
        }
        return day
    }

    /// Why `text` is not a date: the part out of range when it is written YYYY-MM-DD.
    static func dateProblem(_ key: String, _ text: String) -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
           let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) {
            if !(1...12).contains(month) {
                return "'\(key)' has month \(parts[1]), which is out of range (01 to 12), in '\(text)'; dates are written YYYY-MM-DD"
            }
            let days = Day.daysIn(month: month, year: year)
            if !(1...days).contains(day) {
                return "'\(key)' has day \(parts[2]), which is out of range for \(parts[0])-\(parts[1]) (01 to \(days)), in '\(text)'"
            }
        }
        return "'\(key)' must be a date written YYYY-MM-DD, got '\(text)'"
    }

    /// For libyaml's "mapping values are not allowed": a value with `: ` in it that needs
    /// quotes. Names the line and gives it back fixed.
    static func quotingAdvice(_ yaml: String, line: Int) -> (message: String, line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        // libyaml reports the line of the second colon, or the line after it; try both.
        for candidate in [line, line - 1] where candidate >= 1 && candidate <= lines.count {
            let text = lines[candidate - 1]
            guard let colon = text.range(of: ": ") else { continue }
            let key = text[..<colon.lowerBound]
            let value = text[colon.upperBound...].trimmingCharacters(in: .whitespaces)
            guard !key.trimmingCharacters(in: .whitespaces).isEmpty, value.contains(": ") || value.hasSuffix(":"),
                  !value.hasPrefix("\""), !value.hasPrefix("'") else { continue }
            let quoted = "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            let column = key.count + 3
            return ("the value of '\(key.trimmingCharacters(in: .whitespaces))' contains ': ', so put the value in quotes: \(key): \(quoted)", candidate, column)
        }
        return nil
    }

    /// A nested mapping, read with its own set of known keys.
    func mapping(_ key: String, known: [String], diagnostics: inout [Diagnostic]) -> YAMLFields? {
        guard let node = value(key) else { return nil }
        return Self.mapping(node, path: path, lineOffset: lineOffset, known: known, what: "'\(key)'", diagnostics: &diagnostics)
    }

    /// A list of mappings (`- name: …` items), each read with its own set of known keys.
    /// Items that are not mappings are reported and left out.
    func mappingList(_ key: String, known: [String], diagnostics: inout [Diagnostic]) -> [YAMLFields] {
        guard let node = value(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            diagnostics.append(.error("'\(key)' must be a list of entries (one `- key: value` block per entry)", at: valueLocation(of: key), rule: .schemaType))
            return []
        }
        return sequence.compactMap { item in
            Self.mapping(item, path: path, lineOffset: lineOffset, known: known, what: "each entry of '\(key)'", diagnostics: &diagnostics)
        }
    }

    /// Warns about keys this schema does not know, suggesting the nearest known one.
    func reportUnknownKeys(diagnostics: inout [Diagnostic]) {
        for entry in entries where !known.contains(entry.key) {
            var message = "unknown key '\(entry.key)'"
            if let suggestion = Suggestion.nearest(to: entry.key, in: known) {
                message += "; did you mean '\(suggestion)'?"
            }
            diagnostics.append(.warning(message, at: Self.locate(entry.keyNode, path: path, lineOffset: lineOffset), rule: .schemaUnknownKey))
        }
    }

    private static func locate(_ node: Node, path: String, lineOffset: Int) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: lineOffset + 1, column: 1) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    private static func kind(of node: Node) -> String {
        switch node {
        case .scalar: return "single value"
        case .mapping: return "mapping"
        case .sequence: return "list"
        case .alias: return "alias"
        }
    }

    /// Turns a Yams error into a located diagnostic.
    static func yamlError(_ error: Error, path: String, lineOffset: Int, yaml: String? = nil) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case YamlError.scanner(let context, let problem, let mark, _),
             YamlError.parser(let context, let problem, let mark, _),
             YamlError.composer(let context, let problem, let mark, _):
            if problem.contains("mapping values are not allowed"), let yaml,
               let advice = quotingAdvice(yaml, line: mark.line) {
                return .error(advice.message, at: SourceLocation(path: path, line: advice.line + lineOffset, column: advice.column), rule: .yaml)
            }
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            return .error(message, at: at(mark), rule: .yaml)
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            return .error("duplicate key '\(duplicates.joined(separator: "', '"))'", at: at(context.mark), rule: .yaml)
        case YamlError.reader(let problem, _, _, _):
            return .error("invalid YAML: \(problem)", at: SourceLocation(path: path, line: lineOffset + 1, column: 1), rule: .yaml)
        default:
            return .error("invalid YAML: \(error)", at: SourceLocation(path: path, line: lineOffset + 1, column: 1), rule: .yaml)
        }
    }
}
