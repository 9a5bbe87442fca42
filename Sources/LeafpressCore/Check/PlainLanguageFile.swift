import Foundation

/// A site's own plain-language word list, `content/plain-language.yml`: a flat YAML mapping
/// of `term: plainer alternative` lines that extends the list shipped with Leafpress
/// (`JargonList.shipped`). An entry replaces a shipped one with the same term, and a term
/// with an empty value (`oral:` or `oral: ""`) takes a shipped term off the list.
public enum PlainLanguageFile {
    /// The file's name in the content folder.
    public static let name = "plain-language.yml"

    /// The entries of `<contentDirectory>/plain-language.yml`, or none when there is no such
    /// file. Problems (bad YAML, values that are not text) are appended, located.
    public static func load(contentDirectory: String, diagnostics: inout [Diagnostic]) -> [String: String] {
        let scanner = ContentScanner(contentDirectory: contentDirectory)
        if case .failure(.missing) = scanner.content.resolve(name, flags: O_RDONLY | O_NONBLOCK) { return [:] }
        switch scanner.content.text(name) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return [:]
        case .success(let text):
            return parse(text, path: scanner.display(name), diagnostics: &diagnostics)
        }
    }

    /// The entries of one such file's text, shown as `path` in messages.
    public static func parse(_ yaml: String, path: String, diagnostics: inout [Diagnostic]) -> [String: String] {
        guard let fields = YAMLFields.parse(yaml, path: path, lineOffset: 0, known: [], diagnostics: &diagnostics) else { return [:] }
        var entries: [String: String] = [:]
        for term in fields.keys {
            guard fields.has(term) else {
                entries[term] = ""
                continue
            }
            let before = diagnostics.count
            if let alternative = fields.string(term, diagnostics: &diagnostics) {
                entries[term] = alternative
            } else if diagnostics.count == before {
                entries[term] = ""
            }
        }
        return entries
    }
}
