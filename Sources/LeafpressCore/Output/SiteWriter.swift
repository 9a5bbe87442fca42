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
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw BuildFailure(.error("cannot write '\(relative)': \(error.localizedDescription)", at: nil, rule: "output"))
        }
    }

    /// Copies a source file (never following a symlink out of its folder) to `relative`.
    func copy(from source: String, to relative: String) throws(BuildFailure) {
        let path = try resolve(relative)
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: source, toPath: path)
        } catch {
            throw BuildFailure(.error("cannot copy to '\(relative)': \(error.localizedDescription)", at: SourceLocation(path: source), rule: "output"))
        }
    }

    private func resolve(_ relative: String) throws(BuildFailure) -> String {
        guard let parts = PathSafety.normalise(relative), !parts.isEmpty else {
            throw BuildFailure(.error("refusing to write outside the output folder: '\(relative)'", at: nil, rule: "output"))
        }
        return root + "/" + parts.joined(separator: "/")
    }
}
