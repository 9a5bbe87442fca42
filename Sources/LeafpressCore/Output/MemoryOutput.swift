import Foundation

/// A site held in memory, for `serve`: every file as the bytes the build produced, copied
/// files included (read at build time, never at request time). Nothing is written to disk,
/// so there is no folder to clean up and the last good site keeps serving while a rebuild
/// fails.
public final class MemoryOutput: SiteOutput, @unchecked Sendable {
    /// One file of the site: its bytes.
    public typealias File = Data

    private let lock = NSLock()
    private var files: [String: File]

    public init(files: [String: File] = [:]) {
        self.files = files
    }

    func write(_ contents: String, to relative: String) throws(BuildFailure) {
        try store(Data(contents.utf8), at: relative)
    }

    func write(_ data: Data, to relative: String) throws(BuildFailure) {
        try store(data, at: relative)
    }

    /// Reads the source now: `serve` only ever serves bytes a successful build read, never
    /// a file as it is on disk at request time.
    func copy(_ source: String, in folder: SourceFolder, to relative: String) throws(BuildFailure) {
        switch folder.data(source) {
        case .failure(let diagnostic): throw BuildFailure(diagnostic)
        case .success(let data): try store(data, at: relative)
        }
    }

    func keep(_ path: String, to relative: String) throws(BuildFailure) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BuildFailure(.error("cannot read '\(relative)' from the built site", at: nil, rule: .output))
        }
        try store(data, at: relative)
    }

    private func store(_ file: File, at relative: String) throws(BuildFailure) {
        guard let parts = PathSafety.normalise(relative), !parts.isEmpty else {
            throw BuildFailure(.error("refusing to write outside the output folder: '\(relative)'", at: nil, rule: .output))
        }
        let key = parts.joined(separator: "/")
        lock.withLock { files[key] = file }
    }

    /// Every file, keyed by its path relative to the site root.
    public var snapshot: [String: File] { lock.withLock { files } }

    /// Drops every file under `prefix` (a leaflet's folder before it is rendered again).
    func removeAll(under prefix: String) {
        lock.withLock { files = files.filter { !$0.key.hasPrefix(prefix) } }
    }

    /// Adds every file of `other`, replacing files at the same paths.
    func merge(_ other: MemoryOutput) {
        let incoming = other.snapshot
        lock.withLock { files.merge(incoming) { $1 } }
    }
}
