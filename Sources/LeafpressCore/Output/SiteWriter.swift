import Foundation

/// Writes files into the staging folder. Every path is checked to stay inside it.
struct SiteWriter: Sendable {
    let root: String

    /// Writes `contents` to `relative` (e.g. `colonoscopy/index.html`), creating folders.
    func write(_ contents: String, to relative: String) throws(BuildFailure) {
        var text = contents
        try text.withUTF8 { bytes in Result { () throws(BuildFailure) in try write(UnsafeRawBufferPointer(bytes), to: relative) } }.get()
    }

    func write(_ data: Data, to relative: String) throws(BuildFailure) {
        try data.withUnsafeBytes { bytes in Result { () throws(BuildFailure) in try write(bytes, to: relative) } }.get()
    }

    /// One `open`/`write`/`close` per file. No `fsync` per file: the staging folder only
    /// becomes the site through the final rename, and a crash before it discards it anyway.
    private func write(_ bytes: UnsafeRawBufferPointer, to relative: String) throws(BuildFailure) {
        let path = try resolve(relative)
        do {
            try makeParents(of: relative)
        } catch {
            throw BuildFailure(.error("cannot write '\(relative)': \(error.localizedDescription)", at: nil, rule: "output"))
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            throw BuildFailure(.error("cannot write '\(relative)': \(String(cString: strerror(errno)))", at: nil, rule: "output"))
        }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw BuildFailure(.error("cannot write '\(relative)': \(String(cString: strerror(errno)))", at: nil, rule: "output"))
            }
            offset += written
        }
    }

    /// Copies a source file (never following a symlink out of its folder) to `relative`.
    func copy(from source: String, to relative: String) throws(BuildFailure) {
        let path = try resolve(relative)
        do {
            try makeParents(of: relative)
            try FileManager.default.copyItem(atPath: source, toPath: path)
        } catch {
            throw BuildFailure(.error("cannot copy to '\(relative)': \(error.localizedDescription)", at: SourceLocation(path: source), rule: "output"))
        }
    }

    /// Creates the folders between the root and a file, but never the root itself: if
    /// the staging folder was removed (interrupted build), writing fails instead of
    /// quietly recreating it.
    private func makeParents(of relative: String) throws {
        let parts = relative.split(separator: "/").dropLast()
        var path = root
        for part in parts {
            path += "/" + part
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        }
    }

    private func resolve(_ relative: String) throws(BuildFailure) -> String {
        guard let parts = PathSafety.normalise(relative), !parts.isEmpty else {
            throw BuildFailure(.error("refusing to write outside the output folder: '\(relative)'", at: nil, rule: "output"))
        }
        return root + "/" + parts.joined(separator: "/")
    }
}
