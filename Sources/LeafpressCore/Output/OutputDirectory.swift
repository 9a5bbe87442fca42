import Foundation

/// The output folder, owned by Leafpress. The site is written into a staging folder beside
/// it and swapped in with one atomic `renameat2(RENAME_EXCHANGE)` only when the whole build
/// succeeded, so the output path always names a complete site: the previous one until the
/// exchange, the new one after it. A failed, interrupted or killed build leaves the
/// previous site exactly as it was.
///
/// A `flock` on the folder that holds the output makes a second build of the same output
/// wait for the first (no lock file is left behind; the kernel drops the lock when a
/// build ends, even by `kill -9`). Holding it, a build removes what killed builds left
/// behind (staging folders, and on file systems without the exchange a site moved aside)
/// before it starts.
public struct OutputDirectory: Sendable {
    /// File that marks a folder as Leafpress output, so it is never confused with user files.
    public static let markerName = ".leafpress-output"

    /// The output folder as the user gave it.
    public let path: String
    /// Absolute, normalised path of the output folder.
    public let absolutePath: String
    /// Where this build writes; exchanged with `path` on commit.
    public let stagingPath: String
    /// Folders this build created on the way to the output (`a`, `a/b` for `a/b/site`),
    /// outermost first; removed again if the build fails.
    let createdParents: [String]
    /// The held lock; closing it releases the lock.
    let lock: OutputLock

    /// The site being replaced, when there is one.
    public var previousSite: String? { Self.existingSite(at: absolutePath) }

    /// `path` when it holds a site Leafpress built (it has the marker file).
    public static func existingSite(at path: String) -> String? {
        FileManager.default.fileExists(atPath: path + "/" + markerName) ? path : nil
    }

    /// Checks that `path` may be (re)built, takes the lock and creates an empty staging
    /// folder beside it. `protected` folders (content, templates) may neither contain nor
    /// lie inside the output. Every refusal comes before anything is written.
    public static func prepare(_ path: String, protecting protected: [String]) throws(BuildFailure) -> OutputDirectory {
        let absolute = PathSafety.absolute(path)
        let here = SourceLocation(path: path)
        let home = PathSafety.absolute(NSHomeDirectory())
        if absolute == "/" || absolute == home {
            throw BuildFailure(.error("refusing to use '\(absolute)' as the output folder", at: here, rule: .output))
        }
        for folder in protected {
            let other = PathSafety.absolute(folder)
            if absolute == other || PathSafety.isInside(absolute, other) || PathSafety.isInside(other, absolute) {
                throw BuildFailure(.error("output folder overlaps '\(folder)'; choose a separate folder such as 'site'", at: here, rule: .output))
            }
        }
        try checkOwnership(absolute, at: here)

        let parent = (absolute as NSString).deletingLastPathComponent
        let name = (absolute as NSString).lastPathComponent
        let created = try createParents(of: absolute, at: here)
        let lock: OutputLock
        do {
            lock = try OutputLock.acquire(parent, output: path)
        } catch {
            removeCreated(created)
            throw BuildFailure(.error("cannot lock the folder that holds the output: \(error.reason)", at: here, rule: .output))
        }
        Interruption.registerCreated(created)
        // Checked again under the lock: a build that held it may have just changed things.
        do throws(BuildFailure) {
            try checkOwnership(absolute, at: here)
        } catch {
            lock.release()
            removeCreated(created)
            throw error
        }
        recoverLeftovers(in: parent, name: name)

        let staging = (parent as NSString).appendingPathComponent(".\(name).leafpress-staging-\(getpid())")
        Interruption.register(staging)
        let problem = createStaging(staging)
        if let problem {
            try? FileManager.default.removeItem(atPath: staging)
            Interruption.unregister(staging)
            lock.release()
            removeCreated(created)
            throw BuildFailure(.error("cannot create the staging folder beside the output: \(problem)", at: here, rule: .output))
        }
        return OutputDirectory(path: path, absolutePath: absolute, stagingPath: staging, createdParents: created, lock: lock)
    }

    /// Refuses a path that is not a folder, a folder of someone else's files, and a mount
    /// point (which no rename can replace).
    private static func checkOwnership(_ absolute: String, at here: SourceLocation) throws(BuildFailure) {
        var info = stat()
        guard lstat(absolute, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw BuildFailure(.error("output path exists and is not a folder", at: here, rule: .output))
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? []
        if !entries.isEmpty, !entries.contains(markerName) {
            throw BuildFailure(.error("output folder is not empty and was not written by Leafpress; refusing to replace it", at: here, rule: .output))
        }
        if MountPoints.isMountPoint(absolute, info: info) {
            throw BuildFailure(.error("output folder is a mount point (a separate volume); Leafpress replaces the output folder as a whole and cannot replace a mount point. Build into a folder inside it, such as '\((here.path as NSString).appendingPathComponent("site"))'",
                                      at: here, rule: .output))
        }
    }

    /// Creates the missing folders above `absolute`; returns them, outermost first.
    private static func createParents(of absolute: String, at here: SourceLocation) throws(BuildFailure) -> [String] {
        var missing: [String] = []
        var folder = (absolute as NSString).deletingLastPathComponent
        while folder != "/", !FileManager.default.fileExists(atPath: folder) {
            missing.insert(folder, at: 0)
            folder = (folder as NSString).deletingLastPathComponent
        }
        var created: [String] = []
        for folder in missing {
            if mkdir(folder, 0o755) != 0, errno != EEXIST {
                let reason = String(cString: strerror(errno))
                removeCreated(created)
                throw BuildFailure(.error("cannot create '\(folder)': \(reason)", at: here, rule: .output))
            }
            created.append(folder)
        }
        return created
    }

    /// An empty staging folder with the ownership mark, or why it could not be made.
    private static func createStaging(_ staging: String) -> String? {
        try? FileManager.default.removeItem(atPath: staging)
        guard mkdir(staging, 0o755) == 0 else { return String(cString: strerror(errno)) }
        let marker = Array("Written by Leafpress. This folder is replaced on every build.\n".utf8)
        let fd = open(staging + "/" + markerName, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        let written = marker.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == marker.count else { return String(cString: strerror(written < 0 ? errno : ENOSPC)) }
        return nil
    }

    /// Moves the staged site into place with one atomic exchange and removes the old site.
    public func commit() throws(BuildFailure) {
        let result: Result<Void, BuildFailure> = Interruption.critical {
            do throws(BuildFailure) {
                try swap()
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        Interruption.unregister(stagingPath)
        Interruption.registerCreated([])
        lock.release()
        try result.get()
    }

    private func swap() throws(BuildFailure) {
        let fm = FileManager.default
        var info = stat()
        let hadPrevious = lstat(absolutePath, &info) == 0
        if !hadPrevious {
            guard rename(stagingPath, absolutePath) == 0 else { throw failure(errno) }
            return
        }
        switch AtomicRename.exchange(stagingPath, absolutePath) {
        case .done:
            // The staging path now holds the old site. If this build is killed while
            // removing it, the next build removes the rest.
            try? fm.removeItem(atPath: stagingPath)
        case .unsupported:
            // File systems without RENAME_EXCHANGE: the old site is moved aside first, so a
            // kill between the two renames leaves it beside the output, and the next build
            // (or `recoverLeftovers`) puts it back.
            let aside = stagingPath.replacingOccurrences(of: ".leafpress-staging-", with: ".leafpress-previous-")
            guard rename(absolutePath, aside) == 0 else { throw failure(errno) }
            guard rename(stagingPath, absolutePath) == 0 else {
                let code = errno
                _ = rename(aside, absolutePath)
                throw failure(code)
            }
            try? fm.removeItem(atPath: aside)
        case .failed(let code):
            throw failure(code)
        }
    }

    private func failure(_ code: Int32) -> BuildFailure {
        abort()
        return BuildFailure(.error("cannot move the new site into place: \(String(cString: strerror(code))); the previous site is unchanged",
                                   at: SourceLocation(path: path), rule: .output))
    }

    /// Throws the staged files away and removes the folders this build created; the
    /// previous site is untouched.
    public func abort() {
        try? FileManager.default.removeItem(atPath: stagingPath)
        Interruption.unregister(stagingPath)
        Interruption.registerCreated([])
        lock.release()
        Self.removeCreated(createdParents)
    }

    /// Removes folders this build created (innermost first), only while they are empty.
    static func removeCreated(_ created: [String]) {
        for folder in created.reversed() where rmdir(folder) != 0 { break }
    }

    /// With the lock held no other build of this output runs, so every staging folder
    /// beside it is a killed build's. A site moved aside by the fallback swap is put back
    /// when the output is missing, and removed otherwise.
    private static func recoverLeftovers(in parent: String, name: String) {
        let fm = FileManager.default
        let output = (parent as NSString).appendingPathComponent(name)
        for entry in ((try? fm.contentsOfDirectory(atPath: parent)) ?? []).sorted()
        where entry.hasPrefix(".\(name).leafpress-staging-") || entry.hasPrefix(".\(name).leafpress-previous-") {
            let full = (parent as NSString).appendingPathComponent(entry)
            var info = stat()
            if entry.contains(".leafpress-previous-"), lstat(output, &info) != 0,
               fm.fileExists(atPath: full + "/" + markerName), rename(full, output) == 0 {
                continue
            }
            try? fm.removeItem(atPath: full)
        }
    }
}

/// An exclusive `flock` on the folder holding the output, held until released or the
/// process ends (the kernel drops it even after `kill -9`).
final class OutputLock: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var released = false

    /// Why the lock could not be taken.
    struct Failure: Error { let reason: String }

    private init(fd: Int32) {
        self.fd = fd
    }

    /// Takes the lock on `folder`, waiting (with a note on standard error naming `output`)
    /// while another build holds it.
    static func acquire(_ folder: String, output: String) throws(Failure) -> OutputLock {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw Failure(reason: reason)
            }
            FileHandle.standardError.write(Data("waiting for another leafpress build beside '\(output)' to finish…\n".utf8))
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let reason = String(cString: strerror(errno))
                    close(fd)
                    throw Failure(reason: reason)
                }
            }
        }
        return OutputLock(fd: fd)
    }

    /// Releases the lock (once).
    func release() {
        lock.withLock {
            guard !released else { return }
            released = true
            close(fd)
        }
    }

    deinit { release() }
}
