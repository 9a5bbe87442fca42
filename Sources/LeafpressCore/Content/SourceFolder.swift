import Foundation

/// A folder Leafpress reads from: `content/` or `templates/`. Every read is resolved inside
/// it one component at a time with `openat(O_NOFOLLOW)`, so nothing outside it can be read:
///
/// - a symbolic link is followed only while its target stays inside the folder, and is then
///   read as the file it points to (a copy, never a link that would dangle in the site);
/// - a chain of links that never ends (`ln -s . a`, `a -> b -> a`) is a loop, refused;
/// - only regular files are read: files are opened with `O_NONBLOCK` and checked with
///   `fstat`, so a FIFO, socket or device can never block or feed the build.
///
/// Each refusal becomes a located error with a rule id.
public final class SourceFolder: @unchecked Sendable {
    /// The folder as the user gave it, used in messages (`content`, `./templates`).
    public let display: String
    /// Absolute path with symbolic links resolved: the folder itself may be a link the
    /// user chose; what is inside it may not leave it.
    public let root: String
    /// How messages name the folder: "content folder", "templates folder".
    let noun: String
    /// Open descriptor of the root, the start of every resolution (-1 when it is missing).
    private let rootFD: Int32

    /// Largest file read; beyond it a file is certainly not a leaflet's.
    static let maxBytes = SourceText.maxBytes
    /// Links followed while resolving one path before it counts as a loop (Linux's own limit).
    static let maxLinks = 40
    /// Folder depth below the root that a walk descends to.
    static let maxDepth = 32

    /// Why a path was not read.
    enum Refusal: Error, Equatable {
        case missing
        case outside(target: String)
        case loop
        case notRegular(kind: String)
        case notFolder
        case tooLarge
        case failed(errno: Int32)
    }

    /// What resolving a path found.
    public enum Kind: Sendable, Equatable { case file, folder, other }

    public init(_ path: String, noun: String) {
        display = path
        self.noun = noun
        root = PathSafety.absolute(path)
        rootFD = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    deinit {
        if rootFD >= 0 { close(rootFD) }
    }

    /// True when the root exists and is a folder.
    public var exists: Bool { rootFD >= 0 }

    /// The path shown in messages for `relative`.
    public func display(_ relative: String) -> String {
        guard !relative.isEmpty else { return display }
        return display.hasSuffix("/") ? display + relative : display + "/" + relative
    }

    // MARK: reading

    /// What `relative` is, following links inside the folder; nil when it does not exist
    /// or cannot be reached without leaving the folder.
    public func kind(of relative: String) -> Kind? {
        guard case .success(let fd) = resolve(relative, flags: O_RDONLY | O_NONBLOCK) else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// The bytes of the regular file at `relative`, or a located error.
    public func data(_ relative: String) -> Result<Data, Diagnostic> {
        readBytes(relative).mapError { diagnostic(for: $0, at: relative) }
    }

    /// The text of the file at `relative` (UTF-8, BOM and CRLF handled), or a located error.
    public func text(_ relative: String) -> Result<String, Diagnostic> {
        data(relative).flatMap { SourceText.decode($0, displayPath: display(relative)) }
    }

    private func readBytes(_ relative: String) -> Result<Data, Refusal> {
        let fd: Int32
        switch resolve(relative, flags: O_RDONLY | O_NONBLOCK) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let opened): fd = opened
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.failed(errno: errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(info.st_mode & S_IFMT == S_IFDIR ? .notRegular(kind: "a folder") : .notRegular(kind: Self.kindName(info.st_mode)))
        }
        guard Int(info.st_size) <= Self.maxBytes else { return .failure(.tooLarge) }
        guard let data = SourceText.read(descriptor: fd, size: Int(info.st_size)) else { return .failure(.failed(errno: errno)) }
        return .success(data)
    }

    /// Opens `relative` below the root with `flags`, one component at a time and never
    /// following a link out of the folder. The caller closes the descriptor.
    func resolve(_ relative: String, flags: Int32) -> Result<Int32, Refusal> {
        resolveWithPath(relative, flags: flags).map(\.fd)
    }

    /// `resolve`, also returning where the path really is: its relative path from the
    /// root with every link replaced by its target.
    func resolveWithPath(_ relative: String, flags: Int32) -> Result<(fd: Int32, real: String), Refusal> {
        guard rootFD >= 0 else { return .failure(.missing) }
        var pending = Array(Self.components(relative).reversed())
        var folders: [Int32] = []          // descriptors of the folders walked into, deepest last
        var names: [String] = []           // their names, so `names` is the real path
        defer { for fd in folders { close(fd) } }
        var links = 0
        while let part = pending.popLast() {
            if part == "." { continue }
            if part == ".." {
                guard let last = folders.popLast() else { return .failure(.outside(target: "..")) }
                close(last)
                names.removeLast()
                continue
            }
            let parent = folders.last ?? rootFD
            let isLast = pending.isEmpty
            let mode = isLast ? flags : O_RDONLY | O_DIRECTORY
            let fd = openat(parent, part, mode | O_NOFOLLOW | O_CLOEXEC)
            if fd >= 0 {
                if isLast { return .success((fd, (names + [part]).joined(separator: "/"))) }
                folders.append(fd)
                names.append(part)
                continue
            }
            let failure = errno
            guard let target = Self.readLink(parent, part) else {
                switch failure {
                case ENOENT: return .failure(.missing)
                case ENOTDIR: return .failure(.notFolder)
                default: return .failure(.failed(errno: failure))
                }
            }
            links += 1
            if links > Self.maxLinks { return .failure(.loop) }
            if target.hasPrefix("/") {
                // An absolute target counts only when it names a place inside the root.
                let absolute = PathSafety.absolute(target)
                guard absolute == root || PathSafety.isInside(absolute, root) else { return .failure(.outside(target: target)) }
                for fd in folders { close(fd) }
                folders = []
                names = []
                pending += Self.components(String(absolute.dropFirst(root.count))).reversed()
            } else {
                pending += Self.components(target).reversed()
            }
        }
        // The path ended on a folder (`""`, `.`, `..` or a link to a folder).
        let fd = openat(folders.last ?? rootFD, ".", flags | O_CLOEXEC)
        return fd >= 0 ? .success((fd, names.joined(separator: "/"))) : .failure(.failed(errno: errno))
    }

    // MARK: listing

    /// Entries of the folder at `relative`, or why it cannot be listed.
    func list(_ relative: String) -> Result<[DirectoryListing.Entry], Refusal> {
        switch resolve(relative, flags: O_RDONLY | O_DIRECTORY) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let fd): return .success(DirectoryListing.list(descriptor: fd))
        }
    }

    /// Every regular file under the folder at `relative`, as paths relative to it, sorted
    /// by name at each level. Links inside the root are followed (and so copied as files);
    /// links out of it, loops, folders reached twice and special files are reported.
    func files(under relative: String, diagnostics: inout [Diagnostic]) -> [String] {
        guard case .success(let (fd, real)) = resolveWithPath(relative, flags: O_RDONLY | O_DIRECTORY) else { return [] }
        var result: [String] = []
        var info = stat()
        fstat(fd, &info)
        var visited: Set<FileID> = [FileID(info)]
        walk(fd, logical: relative, prefix: "", start: real, ancestors: [FileID(info)], visited: &visited,
             into: &result, diagnostics: &diagnostics)
        return result
    }

    /// Identity of a file: device and inode.
    private struct FileID: Hashable {
        var device: UInt
        var inode: UInt
        init(_ info: stat) {
            device = UInt(info.st_dev)
            inode = UInt(info.st_ino)
        }
    }

    /// Walks the open folder `fd` (closed here). `logical` is its path from the root as
    /// written (through any links), `prefix` its path from the walk's start, `start` the
    /// real path of the walk's start. A link to a folder inside the walk would copy that
    /// folder twice (and a few such links copy it exponentially often), so it is refused;
    /// a folder outside it (a leaflet linking `content/assets/photos`) is walked once.
    private func walk(_ fd: Int32, logical: String, prefix: String, start: String, ancestors: [FileID], visited: inout Set<FileID>,
                      into result: inout [String], diagnostics: inout [Diagnostic]) {
        let entries = DirectoryListing.list(descriptor: fd)
        defer { close(fd) }
        for entry in entries {
            let relative = prefix + entry.name
            let path = logical.isEmpty ? entry.name : logical + "/" + entry.name
            if let problem = entry.nameProblem {
                diagnostics.append(.error(problem, at: SourceLocation(path: display(path)), rule: .fileName))
                continue
            }
            switch entry.type {
            case .file:
                result.append(relative)
            case .directory, .symlink:
                let opened: Result<(fd: Int32, real: String), Refusal>
                if entry.type == .directory {
                    let child = openat(fd, entry.name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                    opened = child >= 0 ? .success((child, "")) : .failure(.failed(errno: errno))
                } else {
                    opened = resolveWithPath(path, flags: O_RDONLY | O_NONBLOCK)
                }
                let child: Int32
                let real: String
                switch opened {
                case .failure(let refusal):
                    diagnostics.append(diagnostic(for: refusal, at: path, link: entry.type == .symlink))
                    continue
                case .success(let value):
                    (child, real) = value
                }
                var info = stat()
                guard fstat(child, &info) == 0 else { close(child); continue }
                switch info.st_mode & S_IFMT {
                case S_IFREG:
                    close(child)
                    result.append(relative)
                case S_IFDIR:
                    let id = FileID(info)
                    if ancestors.contains(id) {
                        close(child)
                        diagnostics.append(.error("symbolic link loop: '\(entry.name)' leads back to a folder that contains it",
                                                  at: SourceLocation(path: display(path)), rule: .symlinkLoop))
                    } else if entry.type == .symlink, start.isEmpty || real == start || real.hasPrefix(start + "/") {
                        close(child)
                        diagnostics.append(.error("symbolic link to a folder that is already part of this folder; it would be copied twice",
                                                  at: SourceLocation(path: display(path)), rule: .symlinkLoop))
                    } else if !visited.insert(id).inserted {
                        close(child)
                        diagnostics.append(.error("folder is reached a second time through a symbolic link; link files, not folders",
                                                  at: SourceLocation(path: display(path)), rule: .symlinkLoop))
                    } else if ancestors.count > Self.maxDepth {
                        close(child)
                        diagnostics.append(.error("folders are nested more than \(Self.maxDepth) levels deep",
                                                  at: SourceLocation(path: display(path)), rule: .layout))
                    } else {
                        walk(child, logical: path, prefix: relative + "/", start: start, ancestors: ancestors + [id], visited: &visited,
                             into: &result, diagnostics: &diagnostics)
                    }
                default:
                    close(child)
                    diagnostics.append(diagnostic(for: .notRegular(kind: Self.kindName(info.st_mode)), at: path))
                }
            case .other(let kind):
                diagnostics.append(diagnostic(for: .notRegular(kind: kind), at: path))
            }
        }
    }

    // MARK: messages

    /// The located error for a refusal at `relative`.
    func diagnostic(for refusal: Refusal, at relative: String, link: Bool = false) -> Diagnostic {
        let here = SourceLocation(path: display(relative))
        switch refusal {
        case .missing:
            return link ? .error("symbolic link points to nothing", at: here, rule: .symlink)
                : .error("file not found", at: here, rule: .io)
        case .outside(let target):
            return .error("symbolic link points outside the \(noun) ('\(target)'); refusing to follow it", at: here, rule: .symlink)
        case .loop:
            return .error("symbolic link loop: the links never reach a file", at: here, rule: .symlinkLoop)
        case .notRegular(let kind):
            return .error("not a regular file (\(kind)); only plain files and folders are read", at: here, rule: .specialFile)
        case .notFolder:
            return .error("a part of this path is a file, not a folder", at: here, rule: .io)
        case .tooLarge:
            return .error("file is larger than \(Self.maxBytes / 1024 / 1024) MB", at: here, rule: .io)
        case .failed(let code):
            return .error("cannot read: \(String(cString: strerror(code)))", at: here, rule: .io)
        }
    }

    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFDIR: return "a folder"
        default: return "a special file"
        }
    }

    private static func components(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// The target of the link `name` in folder `fd`, or nil when it is not a link.
    private static func readLink(_ fd: Int32, _ name: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlinkat(fd, name, &buffer, Int(PATH_MAX))
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
