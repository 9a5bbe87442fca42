import Foundation

/// Whether a folder is a mount point: a container volume, a bind mount or another file
/// system. No rename can replace one, so the output folder must not be one.
enum MountPoints {
    /// True when `path` (absolute, symlinks resolved; `info` its `lstat`) is a mount point.
    static func isMountPoint(_ path: String, info: stat) -> Bool {
        var parent = stat()
        if lstat((path as NSString).deletingLastPathComponent, &parent) == 0, parent.st_dev != info.st_dev { return true }
        // A bind mount of the same file system keeps the device; the kernel's table knows.
        return mounted().contains(path)
    }

    /// Mount points listed in `/proc/self/mountinfo` (field 5, with `\040`-style escapes).
    private static func mounted() -> Set<String> {
        guard let table = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return [] }
        var points: Set<String> = []
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count > 4 else { continue }
            points.insert(unescape(fields[4]))
        }
        return points
    }

    private static func unescape(_ field: Substring) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(field.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "\\"), utf8.count >= 3, let value = UInt8(String(decoding: utf8.prefix(3), as: UTF8.self), radix: 8) {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
