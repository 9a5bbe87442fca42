import CCmark

/// Turns a paragraph that holds a pipe table into cmark custom nodes: the table's markup
/// comes from Leafpress, every cell's inline content is parsed and escaped by cmark.
///
/// ```html
/// <div class="table-scroll" role="region" tabindex="0" aria-label="Fasting times">
/// <table>
/// <caption>Fasting times</caption>
/// <thead>…<th scope="col" class="align-right">…</th>…</thead>
/// <tbody>…<td class="align-right">…</td>…</tbody>
/// </table>
/// </div>
/// ```
/// The box scrolls sideways on its own when the table is wider than the screen; it can be
/// focused (so keyboard users can scroll it) and is named after the caption.
extension ExtensionPass {
    /// What a cell is parsed behind: a space written as a character reference, so the
    /// cell can never start a block (`# x`, `- x`, `> x`) and stays inline content.
    private static let cellPrefix = "&#32;"

    mutating func convertTable(_ paragraph: OpaquePointer, lines: SourceLines, source: [UInt8], origin: String?) -> Bool {
        guard let contentLines = lines.paragraphLines(paragraph), let table = PipeTable.find(in: contentLines) else { return false }

        // One snippet holds the lines before the table (if any) and then every cell as a
        // paragraph of its own; the file follows when it may define link references.
        var snippet = ""
        var snippetLine = 1
        if !table.leading.isEmpty {
            snippet += table.leading.map { String($0.text) }.joined(separator: "\n") + "\n\n"
            snippetLine += table.leading.count + 1
        }
        let cells = table.header + table.rows.flatMap { $0 }
        var cellLines: [Int] = []
        for cell in cells {
            snippet += Self.cellPrefix + cell.text + "\n\n"
            cellLines.append(snippetLine)
            snippetLine += 2
        }
        if source.contains(UInt8(ascii: "]")) {
            snippet += String(decoding: source, as: UTF8.self)
        }
        var bytes = Array(snippet.utf8)
        let parsed: OpaquePointer? = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, flags) }
        }
        guard let parsed else { return false }
        defer { cmark_node_free(parsed) }
        var parts: [OpaquePointer] = []
        var child = cmark_node_first_child(parsed)
        while let node = child, parts.count < cells.count + (table.leading.isEmpty ? 0 : 1) {
            parts.append(node)
            child = cmark_node_next(node)
        }
        guard parts.count == cells.count + (table.leading.isEmpty ? 0 : 1) else { return false }

        // The lines before the header row stay a paragraph (or become the caption).
        var leading: OpaquePointer?
        if !table.leading.isEmpty {
            let node = parts.removeFirst()
            cmark_node_unlink(node)
            placements[node] = Placement(lines: table.leading.map(\.line), columnShifts: table.leading.map { $0.column - 1 }, firstLine: 1)
            cmark_node_insert_before(paragraph, node)
            leading = node
        }

        let caption = takeCaption(before: paragraph, leading: leading, leadingLines: table.leading)
        let headerLine = table.header.first?.line ?? Int(cmark_node_get_start_line(paragraph))
        if caption == nil {
            findings.append(.init(rule: .tableCaption, message: "table has no caption; write 'Table: what it shows' in a paragraph right before it",
                                  line: headerLine, column: table.header.first?.column ?? 1, source: origin))
        }

        guard let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return false }
        let name = caption.map { Self.plainText($0) }
            ?? options.labels.table + ": " + table.header.map { $0.text.isEmpty ? "-" : $0.text }.joined(separator: ", ")
        cmark_node_set_on_enter(wrapper, "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(HTMLEscaping.attribute(name))\">\n<table>")
        cmark_node_set_on_exit(wrapper, "</table>\n</div>")
        if let caption { cmark_node_append_child(wrapper, caption) }

        var cellIndex = 0
        func row(_ cells: [PipeTable.Cell], header: Bool) -> OpaquePointer? {
            guard let tr = Self.block("<tr>", "</tr>") else { return nil }
            for (column, cell) in cells.enumerated() {
                let tag = header ? "th" : "td"
                var open = "<\(tag)"
                if header { open += " scope=\"col\"" }
                switch table.alignments[column] {
                case .none: break
                case .left: open += " class=\"align-left\""
                case .center: open += " class=\"align-center\""
                case .right: open += " class=\"align-right\""
                }
                guard let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
                cmark_node_set_on_enter(node, open + ">")
                cmark_node_set_on_exit(node, "</\(tag)>")
                let part = parts[cellIndex]
                Self.dropPrefix(of: part)
                while let inline = cmark_node_first_child(part) {
                    cmark_node_append_child(node, inline)
                }
                placements[node] = Placement(lines: [cell.line], columnShifts: [cell.column - 1 - Self.cellPrefix.utf8.count],
                                             firstLine: cellLines[cellIndex], kind: header ? .heading : .tableCell)
                cellIndex += 1
                cmark_node_append_child(tr, node)
            }
            return tr
        }
        if let thead = Self.block("<thead>", "</thead>"), let tr = row(table.header, header: true) {
            cmark_node_append_child(thead, tr)
            cmark_node_append_child(wrapper, thead)
        }
        if !table.rows.isEmpty, let tbody = Self.block("<tbody>", "</tbody>") {
            for cells in table.rows {
                if let tr = row(cells, header: false) { cmark_node_append_child(tbody, tr) }
            }
            cmark_node_append_child(wrapper, tbody)
        }
        cmark_node_replace(paragraph, wrapper)
        cmark_node_free(paragraph)
        return true
    }

    /// A `Table: …` paragraph right before the table (or the lines before its header row)
    /// becomes a `<caption>` holding the paragraph's inline content without `Table: `.
    private mutating func takeCaption(before table: OpaquePointer, leading: OpaquePointer?, leadingLines: [PipeTable.SourceLine]) -> OpaquePointer? {
        guard let paragraph = leading ?? cmark_node_previous(table), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(first).map({ String(cString: $0) }), literal.hasPrefix("Table: "),
              let caption = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return nil }
        let rest = literal.dropFirst("Table: ".count)
        if rest.isEmpty {
            cmark_node_unlink(first)
            cmark_node_free(first)
        } else {
            cmark_node_set_literal(first, String(rest))
        }
        cmark_node_set_on_enter(caption, "<caption>")
        cmark_node_set_on_exit(caption, "</caption>")
        while let inline = cmark_node_first_child(paragraph) {
            cmark_node_append_child(caption, inline)
        }
        if var placement = placements.removeValue(forKey: paragraph) {
            placement.kind = .paragraph
            placements[caption] = placement
        } else {
            let line = Int(cmark_node_get_start_line(paragraph))
            placements[caption] = Placement(lines: [line], columnShifts: [0], firstLine: line, kind: .paragraph)
        }
        cmark_node_unlink(paragraph)
        cmark_node_free(paragraph)
        return caption
    }

    /// Removes the space the cell prefix became.
    private static func dropPrefix(of paragraph: OpaquePointer) {
        guard let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(first).map({ String(cString: $0) }), literal.hasPrefix(" ") else { return }
        if literal.count == 1 {
            cmark_node_unlink(first)
            cmark_node_free(first)
        } else {
            cmark_node_set_literal(first, String(literal.dropFirst()))
        }
    }

    private static func block(_ open: String, _ close: String) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return nil }
        cmark_node_set_on_enter(node, open)
        cmark_node_set_on_exit(node, close)
        return node
    }

    /// The text of a node's inline content, for an accessible name.
    static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += cmark_node_get_literal(child).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}
