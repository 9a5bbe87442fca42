import Foundation

/// `leafpress theme eject`: copies files of the built-in theme into the site's templates
/// folder, where they override the built-in ones and can be edited. Never replaces a file
/// that is already there, so running it again after editing loses nothing.
public enum ThemeEjector {
    /// What one eject did, as `<templates>/<path>` for messages.
    public struct Result: Sendable, Equatable {
        /// Files copied out of the binary.
        public var written: [String] = []
        /// Files that were already in the templates folder and were left as they are.
        public var kept: [String] = []
    }

    /// Every path of the built-in theme, in the order `eject` writes them.
    public static var themePaths: [String] { DefaultTheme.files.map(\.path) }

    /// The built-in files `requested` names: each a file of the theme (`partials/footer.mustache`)
    /// or a folder of it (`partials`, `static/`); none means the whole theme. A name the
    /// theme does not have is an error, and then nothing is written.
    public static func select(_ requested: [String]) throws(BuildFailure) -> [String] {
        let all = themePaths
        guard !requested.isEmpty else { return all }
        var chosen: [String] = []
        var problems: [Diagnostic] = []
        for name in requested {
            let parts = PathSafety.normalise(name) ?? []
            var key = parts.joined(separator: "/")
            // Accept the path as it will be on disk too: templates/partials/footer.mustache.
            if parts.first == "templates", !all.contains(where: { $0 == key || $0.hasPrefix(key + "/") }) {
                key = parts.dropFirst().joined(separator: "/")
            }
            let matches = all.filter { !key.isEmpty && ($0 == key || $0.hasPrefix(key + "/")) }
            if matches.isEmpty {
                var message = "'\(name)' is not a file or folder of the built-in theme"
                if let near = Suggestion.nearest(to: key, in: all) { message += "; did you mean '\(near)'?" }
                message += " (run 'leafpress theme list' to see them all)"
                problems.append(.error(message, at: nil))
            }
            for match in matches where !chosen.contains(match) { chosen.append(match) }
        }
        if !problems.isEmpty { throw BuildFailure(diagnostics: problems) }
        return all.filter { chosen.contains($0) }
    }

    /// Copies `paths` (theme paths from `select`) into `directory`, creating it and any
    /// subfolders; files already there are kept. On a failure, removes what it wrote.
    public static func eject(_ paths: [String], into directory: String) throws(BuildFailure) -> Result {
        let root = PathSafety.absolute(directory)
        let display = ScaffoldFiles.display(directory)
        let texts = Dictionary(DefaultTheme.files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        var files = ScaffoldFiles()
        var result = Result()
        do throws(BuildFailure) {
            if ScaffoldFiles.exists(root), !ScaffoldFiles.isDirectory(root) {
                throw BuildFailure(.error("exists and is not a folder", at: SourceLocation(path: display)))
            }
            for path in paths {
                guard let text = texts[path], let parts = PathSafety.normalise(path), !parts.isEmpty else { continue }
                let target = root + "/" + parts.joined(separator: "/")
                let shown = ScaffoldFiles.display(display, parts.joined(separator: "/"))
                if ScaffoldFiles.exists(target) {
                    result.kept.append(shown)
                    continue
                }
                try files.makeFolders((target as NSString).deletingLastPathComponent, display: shown)
                try files.write(text, to: target, display: shown)
                result.written.append(shown)
            }
        } catch {
            files.rollBack()
            throw error
        }
        return result
    }
}
