import CCmark
import Foundation

/// Leafpress's additions to CommonMark, applied to cmark's tree before anything reads it:
/// pipe tables, figures, callouts, then `{{> NAME}}` includes. Each included block is
/// parsed as a document of its own (so its line numbers are its file's), gets the same
/// additions, and its nodes are moved into the section inside an invisible wrapper that
/// records which file they came from.
struct ExtensionPass {
    /// How a node that came from a re-parsed snippet (a table cell, the lines before a
    /// table) maps back to the file: its snippet line and column become a file line and
    /// column.
    struct Placement {
        /// File line of each snippet line, from snippet line `firstLine`.
        var lines: [Int]
        /// Added to a snippet column on the matching line.
        var columnShifts: [Int]
        var firstLine = 1
        /// A text block of its own (cells, captions), or nil when a paragraph inside says.
        var kind: MarkdownDocument.TextBlock.Kind?

        func map(line: Int, column: Int) -> (line: Int, column: Int) {
            let index = min(max(line - firstLine, 0), lines.count - 1)
            return (lines[index], max(1, column + columnShifts[index]))
        }
    }

    let flags: Int32
    let options: MarkdownOptions
    let blocks: (any BlockProviding)?
    var placements: [OpaquePointer: Placement] = [:]
    /// Include wrappers, to the display path of the block inside them.
    var includeSources: [OpaquePointer: String] = [:]
    var findings: [MarkdownDocument.Finding] = []
    /// Blocks included, directly or through other blocks, in first-use order.
    var blocksUsed: [String] = []

    init(flags: Int32, options: MarkdownOptions, blocks: (any BlockProviding)?) {
        self.flags = flags
        self.options = options
        self.blocks = blocks
    }

    /// Applies every addition to the document `root`, parsed from `source`, which is the
    /// section (`origin` nil) or the block at display path `origin`. `stack` holds the
    /// blocks being included around it, to catch cycles.
    mutating func apply(to root: OpaquePointer, source: [UInt8], origin: String?, stack: [String]) {
        var paragraphs: [OpaquePointer] = []
        var quotes: [OpaquePointer] = []
        var includes: [(node: OpaquePointer, name: String)] = []
        if let iterator = cmark_iter_new(root) {
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_PARAGRAPH:
                    if let name = Self.includeName(node) {
                        includes.append((node, name))
                    } else {
                        paragraphs.append(node)
                    }
                case CMARK_NODE_BLOCK_QUOTE:
                    quotes.append(node)
                default:
                    break
                }
            }
            cmark_iter_free(iterator)
        }
        let lines = SourceLines(source)
        for paragraph in paragraphs where cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH {
            if convertTable(paragraph, lines: lines, source: source, origin: origin) { continue }
            let line = Int(cmark_node_get_start_line(paragraph))
            if let caption = Self.convertFigure(paragraph) {
                placements[caption] = Placement(lines: [line], columnShifts: [0], firstLine: line, kind: .paragraph)
                continue
            }
            reportInlineInclude(paragraph, origin: origin)
        }
        for quote in quotes {
            _ = Callout.convert(quote, labels: options.labels)
        }
        for include in includes {
            expand(include.node, name: include.name, origin: origin, stack: stack)
        }
    }

    // MARK: includes

    /// `NAME` when the paragraph is nothing but `{{> NAME}}`.
    static func includeName(_ paragraph: OpaquePointer) -> String? {
        var text = ""
        var child = cmark_node_first_child(paragraph)
        while let node = child {
            guard cmark_node_get_type(node) == CMARK_NODE_TEXT else { return nil }
            text += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            child = cmark_node_next(node)
        }
        guard text.hasPrefix("{{>"), text.hasSuffix("}}") else { return nil }
        let name = text.dropFirst(3).dropLast(2).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains(where: { $0 == " " || $0 == "{" || $0 == "}" }) else { return nil }
        return name
    }

    /// `{{> NAME}}` written inside other text is not included; say so rather than print it.
    private mutating func reportInlineInclude(_ paragraph: OpaquePointer, origin: String?) {
        var child = cmark_node_first_child(paragraph)
        while let node = child {
            // strstr on cmark's C string: Foundation's `String.contains(String)` goes
            // through NSString and was 2.5% of a build, for a test on every text node.
            if cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node), strstr(literal, "{{>") != nil {
                findings.append(.init(rule: .blockInline, message: "'{{> NAME}}' includes a block only when it is alone in its paragraph; put a blank line before and after it",
                                      line: Int(cmark_node_get_start_line(paragraph)), column: Int(cmark_node_get_start_column(paragraph)),
                                      source: origin))
                return
            }
            child = cmark_node_next(node)
        }
    }

    private mutating func expand(_ paragraph: OpaquePointer, name: String, origin: String?, stack: [String]) {
        let line = Int(cmark_node_get_start_line(paragraph)), column = Int(cmark_node_get_start_column(paragraph))
        guard let blocks else { return }
        if let start = stack.firstIndex(of: name) {
            let chain = (stack[start...] + [name]).joined(separator: " → ")
            findings.append(.init(rule: .blockCycle, message: "block '\(name)' includes itself (\(chain))", line: line, column: column, source: origin))
            remove(paragraph)
            return
        }
        switch blocks.block(named: name) {
        case .failed(let message, let rule):
            findings.append(.init(rule: rule, message: message, line: line, column: column, source: origin))
            remove(paragraph)
        case .found(let path, let text):
            if !blocksUsed.contains(name) { blocksUsed.append(name) }
            var bytes = Array(text.utf8)
            let parsed: OpaquePointer? = bytes.withUnsafeMutableBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, flags) }
            }
            guard let parsed, let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
            apply(to: parsed, source: bytes, origin: path, stack: stack + [name])
            // Empty tags: the wrapper only marks where the block's nodes came from.
            cmark_node_set_on_enter(wrapper, "")
            cmark_node_set_on_exit(wrapper, "")
            while let child = cmark_node_first_child(parsed) {
                cmark_node_append_child(wrapper, child)
            }
            cmark_node_free(parsed)
            includeSources[wrapper] = path
            cmark_node_replace(paragraph, wrapper)
            cmark_node_free(paragraph)
        }
    }

    private func remove(_ node: OpaquePointer) {
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    // MARK: figures

    /// An image alone in its paragraph, with a title, becomes `<figure>` with the title as
    /// its `<figcaption>` (and no longer as a tooltip, so it is not read twice).
    /// Returns the new `<figcaption>` node.
    static func convertFigure(_ paragraph: OpaquePointer) -> OpaquePointer? {
        guard let image = cmark_node_first_child(paragraph), cmark_node_next(image) == nil,
              cmark_node_get_type(image) == CMARK_NODE_IMAGE,
              let title = cmark_node_get_title(image).map({ String(cString: $0) }),
              !title.trimmingCharacters(in: .whitespaces).isEmpty,
              let figure = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK),
              let caption = cmark_node_new(CMARK_NODE_CUSTOM_INLINE),
              let text = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_on_enter(figure, "<figure>")
        cmark_node_set_on_exit(figure, "</figure>")
        cmark_node_set_on_enter(caption, "<figcaption>")
        cmark_node_set_on_exit(caption, "</figcaption>")
        cmark_node_set_literal(text, title)
        cmark_node_append_child(caption, text)
        cmark_node_set_title(image, "")
        cmark_node_append_child(figure, image)
        cmark_node_append_child(figure, caption)
        cmark_node_replace(paragraph, figure)
        cmark_node_free(paragraph)
        return caption
    }
}
