import Foundation

/// Writes files into the staging folder. Every path is checked to stay inside it.
struct SiteWriter: Sendable {
    let root: String

    /// Writes `contents` to `relative` (e.g. `colonoscopy/index.html`), creating folders.
    func write(_ contents: String, to relative: String) throws(BuildFailure) {
        try write(Data(contents.utf8), to: relative)
    }

    func write(_ data: Data, to relative: String) throws(BuildFailure) {
        let path = try resolve(relative)
        do {
            try makeParents(of: relative)
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw BuildFailure(.error("cannot write '\(relative)': \(error.localizedDescription)", at: nil, rule: "output"))
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
