import Foundation

/// The theme a build uses: the default theme built into the binary, with each file the
/// site's templates folder holds taking the place of the built-in file of the same path.
/// A site therefore overrides one partial, one stylesheet or one i18n file and keeps
/// every later fix of the rest of the default theme.
public struct Theme: Sendable {
    /// Where one file of the theme comes from.
    public enum Source: Sendable, Equatable {
        /// The default theme's text, built into the binary.
        case builtIn(String)
        /// A file of the site's templates folder (path inside it).
        case override(String)
    }

    /// One file of the theme in effect.
    public struct File: Sendable, Equatable {
        /// Path inside the theme, such as `partials/footer.mustache`.
        public let path: String
        public let source: Source
        /// The path messages name: the override's path as the user wrote the folder, or
        /// `<built-in theme>/…` for a file that comes from the binary.
        public let displayPath: String

        public var isOverride: Bool {
            if case .override = source { return true }
            return false
        }
    }

    /// The templates folder as the user gave it (it may not exist).
    public let directory: String
    /// Every file of the theme in effect, by path inside the theme.
    public let files: [String: File]
    /// The templates folder, read only through `SourceFolder` (links out of it, loops and
    /// special files refused); nil when there is none.
    let folder: SourceFolder?

    /// How built-in files are named in messages.
    public static let builtInPrefix = "<built-in theme>"

    /// The default theme's files by path.
    static let builtIn: [String: String] = Dictionary(DefaultTheme.files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })

    /// The built-in theme alone, as a site without a templates folder gets it.
    public static var builtInOnly: Theme {
        Theme(directory: "templates", files: builtInFiles(), folder: nil)
    }

    private static func builtInFiles() -> [String: File] {
        var files: [String: File] = [:]
        for (path, text) in builtIn {
            files[path] = File(path: path, source: .builtIn(text), displayPath: builtInPrefix + "/" + path)
        }
        return files
    }

    /// The built-in theme overlaid with the files under `directory`. A missing folder is
    /// an error only when `required` (the user named it); otherwise the built-in theme is
    /// used alone. Files the default theme does not have are warned about unless they are
    /// extra static files, extra i18n languages or partials some template includes.
    public static func load(overrides directory: String, required: Bool, diagnostics: inout [Diagnostic]) -> Theme? {
        var files = builtInFiles()
        var isDirectory: ObjCBool = false
        let present = FileManager.default.fileExists(atPath: PathSafety.absolute(directory), isDirectory: &isDirectory)
        guard present else {
            if required {
                diagnostics.append(.error("templates folder not found; leave out --templates to use the built-in theme",
                                          at: SourceLocation(path: directory), rule: .templates))
                return nil
            }
            return Theme(directory: directory, files: files, folder: nil)
        }
        let folder = SourceFolder(directory, noun: "templates folder")
        guard isDirectory.boolValue, folder.exists else {
            diagnostics.append(.error("templates folder is not a folder", at: SourceLocation(path: directory), rule: .templates))
            return nil
        }
        var found: [Diagnostic] = []
        let overrides = folder.files(under: "", diagnostics: &found)
            .filter { !$0.split(separator: "/").contains(where: { $0.hasPrefix(".") }) }
        diagnostics += found
        if found.hasErrors { return nil }
        for path in overrides {
            files[path] = File(path: path, source: .override(path), displayPath: folder.display(path))
        }
        let theme = Theme(directory: directory, files: files, folder: folder)
        theme.warnAboutUnknownFiles(overrides, diagnostics: &diagnostics)
        return theme
    }

    /// True when the theme has a file at `path`.
    public func has(_ path: String) -> Bool { files[path] != nil }

    /// The text of the file at `path`: the built-in text or the override read from disk.
    /// nil when the theme has no such file; a failure is an unreadable or non-UTF-8 override.
    func text(of path: String) -> Result<String, Diagnostic>? {
        guard let file = files[path] else { return nil }
        switch file.source {
        case .builtIn(let text): return .success(text)
        case .override(let relative):
            guard let folder else { return nil }
            return folder.text(relative)
        }
    }

    /// Paths of the theme's files under `folder/` (relative to the theme), sorted.
    func paths(under folder: String) -> [String] {
        files.keys.filter { $0.hasPrefix(folder + "/") }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Paths of every template (`*.mustache`), sorted.
    var templatePaths: [String] {
        files.keys.filter { $0.hasSuffix(".mustache") }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The files taken from the templates folder, sorted by path.
    public var overrides: [File] {
        files.values.filter(\.isOverride).sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// A file the default theme does not know is most likely a misspelt override, which
    /// would otherwise be ignored without a word.
    private func warnAboutUnknownFiles(_ overrides: [String], diagnostics: inout [Diagnostic]) {
        let unknown = overrides.filter { Self.builtIn[$0] == nil }
        guard !unknown.isEmpty else { return }
        var included: Set<String> = []
        for path in templatePaths {
            guard case .success(let text)? = text(of: path) else { continue }
            included.formUnion(TemplateReferences.names(in: text).map { $0 + ".mustache" })
        }
        let known = Array(Self.builtIn.keys).sorted()
        for path in unknown {
            if path.hasPrefix("static/") { continue }
            if path.hasPrefix("i18n/"), path.hasSuffix(".yml"), !path.dropFirst("i18n/".count).contains("/") { continue }
            if path.hasSuffix(".mustache"), included.contains(path) { continue }
            var message = "'\(path)' is not a file of the default theme and no template uses it, so it is ignored"
            if let near = Suggestion.nearest(to: path, in: known) { message += "; did you mean '\(near)'?" }
            diagnostics.append(.warning(message, at: SourceLocation(path: files[path]?.displayPath ?? path), rule: .themeUnknownFile))
        }
    }
}

/// The names a Mustache template includes (`{{>name}}`) or inherits from (`{{<name}}`).
enum TemplateReferences {
    static func names(in text: String) -> [String] {
        text.matches(of: #/\{\{\s*[<>]\s*([^\s}]+)\s*\}\}/#).map { String($0.output.1) }
    }
}
