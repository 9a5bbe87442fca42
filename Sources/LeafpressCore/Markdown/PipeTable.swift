/// A GitHub-style pipe table found in the source lines of one cmark paragraph, as the GFM
/// spec defines it: a header row, a delimiter row with the same number of cells, then
/// zero or more body rows (extra cells dropped, missing ones empty). Cell text is still
/// Markdown; `\|` has become `|` (GFM unescapes pipes before inline parsing).
struct PipeTable: Equatable {
    /// Column alignment from the delimiter row's colons.
    enum Alignment: Equatable {
        case none, left, center, right
    }

    /// One cell's Markdown and where it starts in the file.
    struct Cell: Equatable {
        var text: String
        /// 1-based line in the file the paragraph came from.
        var line: Int
        /// 1-based byte column of the cell's first character (of the row when empty).
        var column: Int
    }

    /// One line of paragraph content: its text (container markers removed) and the
    /// 1-based byte column where that text starts in the file.
    struct SourceLine: Equatable {
        var text: Substring
        var line: Int
        var column: Int
    }

    /// Lines of the paragraph before the header row: they stay a paragraph of their own.
    var leading: [SourceLine]
    var alignments: [Alignment]
    var header: [Cell]
    var rows: [[Cell]]

    /// The table in `lines`, or nil when the lines hold none. As in GFM, the header row is
    /// the line right above the first delimiter row whose cell count it matches.
    static func find(in lines: [SourceLine]) -> PipeTable? {
        guard lines.count >= 2 else { return nil }
        for index in 1..<lines.count {
            guard let alignments = delimiterRow(lines[index].text) else { continue }
            let header = cells(of: lines[index - 1])
            guard header.count == alignments.count else { continue }
            // A line of dashes under plain text, with no pipe anywhere, is prose.
            guard lines[index].text.contains("|") || lines[index - 1].text.contains("|") else { continue }
            var rows: [[Cell]] = []
            for line in lines[(index + 1)...] {
                var row = Array(cells(of: line).prefix(header.count))
                while row.count < header.count {
                    row.append(Cell(text: "", line: line.line, column: line.column + line.text.utf8.count))
                }
                rows.append(row)
            }
            return PipeTable(leading: Array(lines[..<(index - 1)]), alignments: alignments, header: header, rows: rows)
        }
        return nil
    }

    /// The alignments of a delimiter row (`| :-- | :-: | --: |`), or nil if it is not one.
    static func delimiterRow(_ text: Substring) -> [Alignment]? {
        let parts = split(text)
        guard !parts.isEmpty else { return nil }
        var alignments: [Alignment] = []
        for part in parts {
            let marker = part.text
            let left = marker.hasPrefix(":"), right = marker.hasSuffix(":")
            let dashes = marker.dropFirst(left ? 1 : 0).dropLast(right && marker.count > 1 ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            alignments.append(left && right ? .center : right ? .right : left ? .left : .none)
        }
        return alignments
    }

    /// The cells of a row, trimmed, with `\|` unescaped.
    static func cells(of line: SourceLine) -> [Cell] {
        split(line.text).map { part in
            Cell(text: part.text.replacingOccurrences(of: "\\|", with: "|"), line: line.line, column: line.column + part.offset)
        }
    }

    /// Splits a row at pipes that are not escaped; a leading and a trailing pipe open and
    /// close the row rather than making empty cells. Offsets are bytes into `text`.
    private static func split(_ text: Substring) -> [(text: String, offset: Int)] {
        let bytes = Array(text.utf8)
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        guard start < end else { return [] }
        if bytes[start] == UInt8(ascii: "|") { start += 1 }
        var boundaries: [(Int, Int)] = []
        var cellStart = start
        var index = start
        var closed = false
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < end {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "|") {
                boundaries.append((cellStart, index))
                cellStart = index + 1
                closed = index + 1 == end
            }
            index += 1
        }
        if !closed { boundaries.append((cellStart, end)) }
        return boundaries.map { lower, upper in
            var a = lower, b = upper
            while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
            while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
            return (String(decoding: bytes[a..<b], as: UTF8.self), a)
        }
    }
}
