import Foundation

/// A site held in memory, for `serve`: pages as bytes, copied files as their source path
/// (read when requested). Nothing is written to disk, so there is no folder to clean up
/// and the last good site keeps serving while a rebuild fails.
public final class MemoryOutput: SiteOutput, @unchecked Sendable {
    /// One file of the site.
    public enum File: Sendable, Equatable {
        case bytes(Data)
        case source(String)
    }

    private let lock = NSLock()
    private var files: [String: File]

    public init(files: [String: File] = [:]) {
        self.files = files
    }

    func write(_ contents: String, to relative: String) throws(BuildFailure) {
        try store(.bytes(Data(contents.utf8)), at: relative)
    }

    func write(_ data: Data, to relative: String) throws(BuildFailure) {
        try store(.bytes(data), at: relative)
    }

    func copy(from source: String, to relative: String) throws(BuildFailure) {
        try store(.source(source), at: relative)
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
