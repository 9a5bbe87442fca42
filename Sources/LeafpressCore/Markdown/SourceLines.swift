import CCmark

/// The lines of one Markdown file as bytes, to read back the exact source of a cmark
/// paragraph (cmark keeps where a block starts and ends, not its raw text).
struct SourceLines {
    private let bytes: [UInt8]
    /// Byte offset of each line's start; line n (1-based) starts at `starts[n - 1]`.
    private let starts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        self.starts = starts
    }

    var count: Int { starts.count }

    /// Line `number` (1-based) without its line ending.
    func line(_ number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= starts.count else { return [] }
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<max(start, end)]
    }

    /// The content lines of `paragraph`, with block quote markers and list indentation
    /// taken off continuation lines, or nil when its position is unknown.
    func paragraphLines(_ paragraph: OpaquePointer) -> [PipeTable.SourceLine]? {
        let first = Int(cmark_node_get_start_line(paragraph)), last = Int(cmark_node_get_end_line(paragraph))
        let column = Int(cmark_node_get_start_column(paragraph))
        guard first >= 1, last >= first, last <= count, column >= 1 else { return nil }
        // Containers from the outside in: block quotes put a `>` on every line that is
        // not a lazy continuation; list items only indent, which trimming takes care of.
        var quotes = 0
        var parent = cmark_node_parent(paragraph)
        while let node = parent {
            if cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE { quotes += 1 }
            parent = cmark_node_parent(node)
        }
        var result: [PipeTable.SourceLine] = []
        for number in first...last {
            let bytes = line(number)
            var offset = bytes.startIndex
            if number == first {
                offset = min(bytes.endIndex, bytes.startIndex + column - 1)
            } else {
                for _ in 0..<quotes {
                    var probe = offset
                    while probe < bytes.endIndex, bytes[probe] == 0x20 || bytes[probe] == 0x09 { probe += 1 }
                    guard probe < bytes.endIndex, bytes[probe] == UInt8(ascii: ">") else { break }
                    offset = probe + 1
                    if offset < bytes.endIndex, bytes[offset] == 0x20 { offset += 1 }
                }
            }
            let text = String(decoding: bytes[offset...], as: UTF8.self)
            result.append(.init(text: Substring(text), line: number, column: offset - bytes.startIndex + 1))
        }
        return result
    }
}
