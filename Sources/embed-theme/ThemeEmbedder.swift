import Foundation

/// Writes the default theme into Swift source: every non-hidden file under the theme
/// folder (the repository's `templates/`), sorted by path, as `DefaultTheme.files`. The
/// `EmbedTheme` build plugin runs it on every build, so the binary always carries the
/// folder as it is and the theme is never kept twice in git. An installed binary has no
/// repository around it, so the theme has to travel inside it.
///
/// Usage: `embed-theme THEME_FOLDER OUTPUT.swift`. Only UTF-8 text files can be embedded.
@main
struct ThemeEmbedder {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.count == 2 else { fail("usage: embed-theme THEME_FOLDER OUTPUT.swift") }
        let theme = URL(fileURLWithPath: arguments.first!).standardizedFileURL
        let output = URL(fileURLWithPath: arguments.last!)
        let source = render(files(in: theme))
        // Rewritten only when it changes, so an unchanged theme compiles nothing again.
        if (try? String(contentsOf: output, encoding: .utf8)) == source { return }
        do {
            try Data(source.utf8).write(to: output, options: .atomic)
        } catch {
            fail("cannot write \(output.path): \(error.localizedDescription)")
        }
    }

    /// (path relative to the theme folder, text) of every non-hidden regular file, sorted
    /// by the path's UTF-8 bytes.
    static func files(in theme: URL) -> [(String, String)] {
        guard let walker = FileManager.default.enumerator(at: theme, includingPropertiesForKeys: [.isSymbolicLinkKey, .isRegularFileKey, .isDirectoryKey],
                                                          options: [.skipsHiddenFiles]) else {
            fail("no theme folder at \(theme.path)")
        }
        var found: [(String, String)] = []
        for case let url as URL in walker {
            let relative = String(url.standardizedFileURL.path.dropFirst(theme.path.count + 1))
            let values = try? url.resourceValues(forKeys: [.isSymbolicLinkKey, .isRegularFileKey, .isDirectoryKey])
            if values?.isSymbolicLink == true { fail("templates/\(relative): symbolic links cannot be embedded") }
            if values?.isDirectory == true { continue }
            guard values?.isRegularFile == true else { fail("templates/\(relative): not a regular file") }
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8),
                  !text.unicodeScalars.contains("\0") else {
                fail("templates/\(relative): not UTF-8 text; only text files can be embedded in the default theme")
            }
            if relative.unicodeScalars.contains(where: { escaped.contains($0) || $0 == "\n" }) {
                fail("templates/\(relative): file names must not contain control characters")
            }
            found.append((relative, text))
        }
        return found.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
    }

    /// Characters written as escapes rather than literally: control characters other than
    /// newline and tab (a multi-line literal would turn "\r\n" into "\n"), and characters
    /// some tools treat as line breaks or invisible marks.
    static let escaped: Set<Unicode.Scalar> = Set((0..<0x20).compactMap(Unicode.Scalar.init).filter { $0 != "\n" && $0 != "\t" })
        .union(["\u{7F}", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}"])

    static func render(_ files: [(String, String)]) -> String {
        var lines = [
            "// Generated at build time by the EmbedTheme plugin (Sources/embed-theme) from templates/.",
            "",
            "/// The default theme (the repository's `templates/` folder), built into the binary: every",
            "/// build falls back to it for each file the site's templates/ does not override.",
            "public enum DefaultTheme {",
            "    /// Every file of the theme: path relative to the theme folder, and its text.",
            "    public static let files: [(path: String, contents: String)] = [",
        ]
        for (path, text) in files {
            let quoted = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            lines.append("        (\"\(quoted)\", \(rawLiteral(text))),")
        }
        lines += ["    ]", "}", ""]
        return lines.joined(separator: "\n")
    }

    /// A multi-line raw string literal whose value is exactly `text`. With n hashes,
    /// `"""` + n×`#` would end it and `\` + n×`#` start an escape: one hash more than the
    /// longest run of hashes after any quote or backslash.
    static func rawLiteral(_ text: String) -> String {
        var longest = 0, run = -1
        for character in text.unicodeScalars {
            if character == "\"" || character == "\\" {
                run = 0
            } else if character == "#", run >= 0 {
                run += 1
                longest = max(longest, run)
            } else {
                run = -1
            }
        }
        let hashes = String(repeating: "#", count: longest + 1)
        var body = ""
        for scalar in text.unicodeScalars {
            if escaped.contains(scalar) {
                body += "\\\(hashes)u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                body.unicodeScalars.append(scalar)
            }
        }
        // The newline before the closing delimiter is not part of the value.
        return "\(hashes)\"\"\"\n\(body)\n\"\"\"\(hashes)"
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("embed-theme: \(message)\n".utf8))
        exit(1)
    }
}
