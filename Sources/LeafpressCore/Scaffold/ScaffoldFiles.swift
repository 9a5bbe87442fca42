import Foundation

/// File-system steps shared by `leafpress new` and `leafpress init`: create folders that
/// must not exist yet, write files that must not exist yet, and undo it all on failure.
struct ScaffoldFiles {
    /// Paths created so far, newest last, for `rollBack()`.
    private(set) var created: [String] = []

    /// True when anything (even a dangling symbolic link) is at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Creates one folder whose parent exists; false when something is already there.
    mutating func makeFolder(_ path: String, display: String) throws(BuildFailure) -> Bool {
        if mkdir(path, 0o755) == 0 {
            created.append(path)
            return true
        }
        if errno == EEXIST { return false }
        throw BuildFailure(.error("cannot create folder: \(String(cString: strerror(errno)))", at: SourceLocation(path: display)))
    }

    /// Creates `path` and any missing folders above it, remembering the ones it made.
    mutating func makeFolders(_ path: String, display: String) throws(BuildFailure) {
        var missing: [String] = []
        var folder = path
        while !Self.exists(folder), folder != "/", !folder.isEmpty {
            missing.append(folder)
            folder = (folder as NSString).deletingLastPathComponent
        }
        for folder in missing.reversed() {
            if !(try makeFolder(folder, display: display)), !Self.isDirectory(folder) {
                throw BuildFailure(.error("cannot create folder: a file is in the way", at: SourceLocation(path: display)))
            }
        }
    }

    /// Writes a new file; never replaces an existing one.
    mutating func write(_ text: String, to path: String, display: String) throws(BuildFailure) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            let reason = Self.exists(path) ? "file already exists; refusing to overwrite" : "cannot write file: \(error.localizedDescription)"
            throw BuildFailure(.error(reason, at: SourceLocation(path: display)))
        }
        created.append(path)
    }

    /// Removes everything this value created, newest first.
    func rollBack() {
        for path in created.reversed() {
            if Self.isDirectory(path) {
                rmdir(path)
            } else {
                unlink(path)
            }
        }
    }

    /// `folder/relative` for messages, without doubled or trailing slashes; `.` is left out.
    static func display(_ folder: String, _ relative: String = "") -> String {
        var base = folder
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        if relative.isEmpty { return base.isEmpty ? "." : base }
        if base.isEmpty || base == "." { return relative }
        return base == "/" ? "/" + relative : base + "/" + relative
    }
}

extension Day {
    /// The same date a year later (29 February becomes 28 February).
    var nextYear: Day {
        guard year < 9999 else { return self }
        return Day(year: year + 1, month: month, day: day) ?? Day(year: year + 1, month: month, day: 28)!
    }
}
