import Foundation

/// One `readdir` pass over a folder: names with their type, without a `stat` per file,
/// which matters when a site has a hundred thousand section files.
struct DirectoryListing {
    /// What a folder entry is.
    enum EntryType: Equatable {
        case file, directory, symlink
        /// A FIFO, socket or device, named for messages ("a FIFO").
        case other(String)
    }

    struct Entry {
        /// The name, or its escaped form when `nameProblem` is set.
        var name: String
        var type: EntryType
        /// Why the name cannot be used (invalid UTF-8, control characters), when it cannot.
        var nameProblem: String?
    }

    /// Entries sorted by name (byte order), hidden ones (`.name`) left out; nil if unreadable.
    static func list(_ path: String) -> [Entry]? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return list(descriptor: fd)
    }

    /// Entries of the open folder `fd` (left open), sorted by name, hidden ones left out.
    static func list(descriptor fd: Int32) -> [Entry] {
        let copy = dup(fd)
        guard copy >= 0, let dir = fdopendir(copy) else { return [] }
        defer { closedir(dir) }
        var entries: [Entry] = []
        while let entry = readdir(dir) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix(while: { $0 != 0 })) }
            if bytes.first == UInt8(ascii: ".") { continue }
            var problem: String?
            let name: String
            if let valid = String(validating: bytes, as: UTF8.self) {
                name = valid
                if valid.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                    problem = "file name contains a control character; rename it"
                }
            } else {
                name = Self.escaped(bytes)
                problem = "file name is not valid UTF-8; rename it"
            }
            let type: EntryType
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): type = .file
            case Int32(DT_DIR): type = .directory
            case Int32(DT_LNK): type = .symlink
            case Int32(DT_FIFO): type = .other("a FIFO")
            case Int32(DT_SOCK): type = .other("a socket")
            case Int32(DT_CHR): type = .other("a character device")
            case Int32(DT_BLK): type = .other("a block device")
            default: type = problem == nil ? kind(of: name, in: fd) : .other("a special file")
            }
            entries.append(Entry(name: name, type: type, nameProblem: problem))
        }
        return entries.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// Bytes of a name that is not UTF-8, with every byte outside printable ASCII as `\xFF`.
    static func escaped(_ bytes: [UInt8]) -> String {
        bytes.map { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16, uppercase: true) }.joined()
    }

    private static func kind(of name: String, in fd: Int32) -> EntryType {
        var info = stat()
        guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .other("a special file") }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other(SourceFolder.kindName(info.st_mode))
        }
    }
}
