import Foundation

/// Watches folders (recursively) with Linux inotify and reports changed paths in batches:
/// a burst of saves (an editor writing a temporary file, then renaming it) arrives as one
/// batch once the folder has been quiet for `settle` seconds. A root that does not exist
/// yet (a `templates/` folder made after `serve` started) is watched for from its parent
/// and watched as soon as it appears.
public final class FileWatcher: @unchecked Sendable {
    private let fd: Int32
    private var folders: [Int32: String] = [:]
    /// Watches on the parent folders of missing roots: only those roots' creation counts.
    private var parents: [Int32: String] = [:]
    /// Roots that did not exist when watching began.
    private var awaited: Set<String> = []
    private let settle: Double
    private let onChange: @Sendable ([String]) -> Void
    private var thread: Thread?

    /// Watches `roots` (missing ones are skipped) and calls `onChange` on a background thread.
    public init(roots: [String], settle: Double = 0.1, onChange: @escaping @Sendable ([String]) -> Void) throws {
        fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "inotify_init1 failed: \(String(cString: strerror(errno)))"]) }
        self.settle = settle
        self.onChange = onChange
        for root in roots.map(PathSafety.absolute) {
            if FileManager.default.fileExists(atPath: root) {
                try watchTree(root)
            } else {
                awaited.insert(root)
            }
        }
        for root in awaited {
            let parent = (root as NSString).deletingLastPathComponent
            // A parent already watched as part of another root reports the new folder anyway.
            guard !folders.values.contains(parent) else { continue }
            let wd = inotify_add_watch(fd, parent, UInt32(IN_CREATE | IN_MOVED_TO))
            if wd >= 0 { parents[wd] = parent }
        }
    }

    deinit { close(fd) }

    /// Starts reporting changes.
    public func start() {
        let thread = Thread { [self] in run() }
        thread.name = "leafpress-watcher"
        self.thread = thread
        thread.start()
    }

    private static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_ATTRIB)

    private func watchTree(_ path: String) throws {
        let wd = inotify_add_watch(fd, path, Self.mask)
        if wd < 0 {
            if errno == ENOSPC {
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "too many folders to watch; raise fs.inotify.max_user_watches"])
            }
            return
        }
        folders[wd] = path
        for entry in DirectoryListing.list(path) ?? [] where entry.type == .directory {
            try watchTree(path + "/" + entry.name)
        }
    }

    private func run() {
        var pending: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let timeout: Int32 = pending.isEmpty ? -1 : Int32(settle * 1000)
            let ready = poll(&poller, 1, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if ready == 0 {
                // Quiet for `settle`: hand over the batch.
                let batch = Array(Set(pending)).sorted()
                pending.removeAll()
                onChange(batch)
                continue
            }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            pending += events(in: buffer, count: count)
        }
    }

    /// Decodes `inotify_event` records; watches new folders as they appear.
    private func events(in buffer: [UInt8], count: Int) -> [String] {
        var paths: [String] = []
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        buffer.withUnsafeBytes { raw in
            while offset + header <= count {
                let wd = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = raw[(offset + header)..<min(count, offset + header + length)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += header + length
                if let parent = parents[wd] {
                    let path = parent + "/" + name
                    if awaited.contains(path), mask & UInt32(IN_ISDIR) != 0 {
                        awaited.remove(path)
                        try? watchTree(path)
                        paths.append(path)
                    }
                    continue
                }
                guard let folder = folders[wd] else { continue }
                let path = name.isEmpty ? folder : folder + "/" + name
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    try? watchTree(path)
                }
                if mask & UInt32(IN_IGNORED) != 0 { folders[wd] = nil }
                // Editors' swap and backup files are not content.
                if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") { continue }
                paths.append(path)
            }
        }
        return paths
    }
}
