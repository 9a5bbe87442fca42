import Foundation

/// Finds the site a command run from any folder inside it belongs to: the nearest folder,
/// from the current one upward, that holds `content/site.yml`.
public enum SiteRoot {
    /// The site folder as a path relative to `directory` (`.`, `..`, `../..`), or nil
    /// when neither `directory` nor any folder above it holds `content/site.yml`.
    public static func find(from directory: String) -> String? {
        var folder = PathSafety.absolute(directory)
        var steps = 0
        while true {
            if isSite(folder) { return steps == 0 ? "." : Array(repeating: "..", count: steps).joined(separator: "/") }
            guard folder != "/", !folder.isEmpty else { return nil }
            folder = (folder as NSString).deletingLastPathComponent
            steps += 1
        }
    }

    /// True when `folder/content/site.yml` is a regular file (or a link to one).
    static func isSite(_ folder: String) -> Bool {
        var isDirectory: ObjCBool = false
        let path = (folder == "/" ? "" : folder) + "/content/site.yml"
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// `relative` inside the site folder `root` (as `find` returns it).
    public static func path(_ relative: String, in root: String) -> String {
        root == "." ? relative : root + "/" + relative
    }
}
