import Foundation

/// Reads content files as text the way authors expect: UTF-8, a leading BOM ignored,
/// Windows line endings accepted, invalid bytes reported with their position.
enum SourceText {
    /// Loads `path` (shown as `displayPath`), or returns a located error.
    static func load(path: String, displayPath: String) -> Result<String, Diagnostic> {
        guard let data = read(path) else {
            return .failure(.error("cannot read file", at: SourceLocation(path: displayPath), rule: .io))
        }
        return decode(data, displayPath: displayPath)
    }

    /// Largest file read; beyond it a section is certainly not a care section.
    static let maxBytes = 64 * 1024 * 1024

    /// The whole file in one `read` per chunk: `FileManager.contents(atPath:)` costs
    /// several system calls and copies per file, which adds up over 100,000 sections.
    /// `O_NONBLOCK` and the `fstat` check mean a FIFO is refused instead of blocking.
    static func read(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= maxBytes else { return nil }
        return read(descriptor: fd, size: Int(info.st_size))
    }

    /// Reads the open regular file `fd` of `size` bytes (fewer if it shrank meanwhile).
    static func read(descriptor fd: Int32, size: Int) -> Data? {
        var data = Data(count: size)
        var filled = 0
        let ok = data.withUnsafeMutableBytes { buffer -> Bool in
            while filled < buffer.count {
                let count = Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 { if errno == EINTR { continue }; return false }
                if count == 0 { break }
                filled += count
            }
            return true
        }
        guard ok else { return nil }
        if filled < data.count { data.removeSubrange(filled...) }
        return data
    }

    /// Decodes bytes already read.
    static func decode(_ data: Data, displayPath: String) -> Result<String, Diagnostic> {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // The standard library validates as it decodes; only a failure needs the slow
        // byte-by-byte search for a location.
        guard var text = bytes.withUnsafeBytes({ String(validating: $0, as: UTF8.self) }) else {
            let invalid = firstInvalidUTF8(bytes) ?? bytes.startIndex
            return .failure(.error(
                "invalid UTF-8 byte 0x\(String(bytes[invalid], radix: 16, uppercase: true)); save the file as UTF-8",
                at: location(ofByte: invalid, in: bytes, path: displayPath), rule: .encoding))
        }
        if text.utf8.contains(13) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(text)
    }

    /// Index of the first byte that does not start a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: Data.SubSequence) -> Data.Index? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= end else { return index }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return index
            }
            let second = bytes[index + 1]
            if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F)
                || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F) {
                return index
            }
            index += length
        }
        return nil
    }

    private static func location(ofByte target: Data.Index, in bytes: Data.SubSequence, path: String) -> SourceLocation {
        var line = 1, column = 1
        var index = bytes.startIndex
        while index < target {
            if bytes[index] == 10 { line += 1; column = 1 } else if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(path: path, line: line, column: column)
    }
}
