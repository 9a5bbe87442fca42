import Foundation

/// Path arithmetic that keeps every read inside the content and every write inside the output.
public enum PathSafety {
    /// Absolute path with `.` and `..` resolved and symlinks in existing parents followed.
    public static func absolute(_ path: String) -> String {
        let base = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: base).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// True when `inner` lies strictly inside `outer`.
    static func isInside(_ inner: String, _ outer: String) -> Bool {
        let prefix = outer.hasSuffix("/") ? outer : outer + "/"
        return inner.hasPrefix(prefix)
    }

    /// Joins a relative path to a base without ever climbing above it: nil when `relative`
    /// is absolute or its `..` steps leave the base.
    public static func normalise(_ relative: String) -> [String]? {
        if relative.hasPrefix("/") { return nil }
        var parts: [String] = []
        for component in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(component))
            }
        }
        return parts
    }
}
