import Foundation

/// Substring search on UTF-8 bytes (`memchr` for the first byte, `memcmp` for the rest):
/// pages are searched on every build, and `String.range(of:)` goes through Foundation's
/// UTF-16 machinery.
enum ByteSearch {
    /// Offset of the first occurrence of `needle` in `haystack`, if any.
    static func find(_ needle: String, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern -> Int? in
            guard let first = pattern.first else { return 0 }
            guard let base = haystack.baseAddress, haystack.count >= pattern.count else { return nil }
            let last = haystack.count - pattern.count
            var offset = 0
            while offset <= last {
                guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
                let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + position, pattern.baseAddress!, pattern.count) == 0 { return position }
                offset = position + 1
            }
            return nil
        }
    }
}
