import Foundation

/// One `readdir` pass over a folder: names with their type, without a `stat` per file,
/// which matters when a site has a hundred thousand section files.
struct DirectoryListing {
    /// What a folder entry is.
    enum EntryType { case file, directory, symlink, other }

    struct Entry {
        var name: String
        var type: EntryType
    }

    /// Entries sorted by name (byte order), hidden ones (`.name`) left out; nil if unreadable.
    static func list(_ path: String) -> [Entry]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var entries: [Entry] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let type: EntryType
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): type = .file
            case Int32(DT_DIR): type = .directory
            case Int32(DT_LNK): type = .symlink
            case Int32(DT_UNKNOWN): type = kind(of: path + "/" + name)
            default: type = .other
            }
            entries.append(Entry(name: name, type: type))
        }
        return entries.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    private static func kind(of path: String) -> EntryType {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// Every regular file under `path`, as paths relative to it, sorted. Symlinks are
    /// followed only when they stay inside `boundary`; others are reported.
    static func files(under path: String, boundary: String, display: String,
                      diagnostics: inout [Diagnostic]) -> [String] {
        var result: [String] = []
        walk(path, prefix: "", boundary: boundary, display: display, into: &result, diagnostics: &diagnostics, depth: 0)
        return result
    }

    private static func walk(_ path: String, prefix: String, boundary: String, display: String,
                             into result: inout [String], diagnostics: inout [Diagnostic], depth: Int) {
        guard depth < 32, let entries = list(path) else { return }
        for entry in entries {
            let full = path + "/" + entry.name
            let relative = prefix + entry.name
            var type = entry.type
            if type == .symlink {
                let target = PathSafety.absolute(full)
                guard PathSafety.isInside(target, boundary) else {
                    diagnostics.append(.error("symbolic link points outside the content folder; refusing to follow it",
                                              at: SourceLocation(path: display + "/" + relative), rule: .symlink))
                    continue
                }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
                type = isDirectory.boolValue ? .directory : .file
            }
            switch type {
            case .file: result.append(relative)
            case .directory:
                walk(full, prefix: relative + "/", boundary: boundary, display: display, into: &result, diagnostics: &diagnostics, depth: depth + 1)
            default: continue
            }
        }
    }
}
