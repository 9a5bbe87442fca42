import Foundation

/// Writes files into the staging folder. Every path is checked to stay inside it.
struct SiteWriter: Sendable {
    let root: String
    /// The site this build replaces. A file whose bytes are unchanged is hard-linked from
    /// it instead of written: no new inode, which is most of the cost of a rebuild on
    /// ext4. Files are never written in place, so sharing an inode with the old site is
    /// safe; the old site is removed after the swap.
    var previous: String?

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
            throw BuildFailure(.error("cannot write '\(relative)': \(error.localizedDescription)", at: nil, rule: .output))
        }
        if let previous, Self.unchanged(previous + "/" + relative, bytes), link(previous + "/" + relative, path) == 0 {
            return
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            throw BuildFailure(.error("cannot write '\(relative)': \(String(cString: strerror(errno)))", at: nil, rule: .output))
        }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw BuildFailure(.error("cannot write '\(relative)': \(String(cString: strerror(errno)))", at: nil, rule: .output))
            }
            offset += written
        }
    }

    /// Creates the folder `relative` (and its parents) for files written by someone else,
    /// such as the PDFs the browser prints.
    func makeFolder(_ relative: String) throws(BuildFailure) {
        _ = try resolve(relative)
        do {
            try makeParents(of: relative + "/.")
        } catch {
            throw BuildFailure(.error("cannot create '\(relative)': \(error.localizedDescription)", at: nil, rule: .output))
        }
    }

    /// Copies a source file's bytes (read through `folder`, so never from outside it and
    /// never as a link) to `relative`.
    func copy(_ source: String, in folder: SourceFolder, to relative: String) throws(BuildFailure) {
        switch folder.data(source) {
        case .failure(let diagnostic): throw BuildFailure(diagnostic)
        case .success(let data): try write(data, to: relative)
        }
    }

    func keep(_ path: String, to relative: String) throws(BuildFailure) {
        let target = try resolve(relative)
        do {
            try makeParents(of: relative)
        } catch {
            throw BuildFailure(.error("cannot write '\(relative)': \(error.localizedDescription)", at: nil, rule: .output))
        }
        if link(path, target) == 0 { return }
        // A file system without hard links gets a copy.
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BuildFailure(.error("cannot keep '\(relative)' from the previous site", at: nil, rule: .output))
        }
        try write(data, to: relative)
    }

    /// True when the regular file at `path` holds exactly `bytes`.
    private static func unchanged(_ path: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        guard bytes.count > 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: bytes.count)
        var filled = 0
        while filled < buffer.count {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 { if errno == EINTR { continue }; return false }
            if count == 0 { return false }
            filled += count
        }
        return buffer.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
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
            throw BuildFailure(.error("refusing to write outside the output folder: '\(relative)'", at: nil, rule: .output))
        }
        return root + "/" + parts.joined(separator: "/")
    }
}
