import CCmark

/// One pass of `cmark_iter_next` over a parsed document, copying out what later stages
/// need. Node pointers it keeps are borrowed from the tree and die with it.
///
/// Nodes that came from elsewhere are placed back where they were written: inside an
/// include wrapper they belong to that block's file; table cells and captions carry the
/// line and column of their text in the file (`ExtensionPass.Placement`).
struct TreeWalker {
    struct HeadingNode {
        var node: OpaquePointer
        var level: Int
        var text: String
        var line: Int
        var source: String?
    }

    struct ReferenceNode {
        var node: OpaquePointer
        var reference: MarkdownDocument.Reference
    }

    /// A raw HTML node (inline or block), with where it starts.
    struct HTMLNode {
        var node: OpaquePointer
        var isBlock: Bool
        var literal: String
        var line: Int
        var column: Int
        var source: String? = nil
    }

    let options: MarkdownOptions
    var htmlNodes: [HTMLNode] = []
    let placements: [OpaquePointer: ExtensionPass.Placement]
    let includeSources: [OpaquePointer: String]
    var headings: [HeadingNode] = []
    var linkNodes: [ReferenceNode] = []
    var imageNodes: [ReferenceNode] = []
    var textBlocks: [MarkdownDocument.TextBlock] = []
    /// Blocks that carry content (paragraphs, lists, code, HTML, rules, headings, tables).
    var contentBlocks = 0

    /// Text gathered for the innermost open heading, link, image and text block.
    private var headingText: String?
    private var referenceText: [(index: Int, isImage: Bool, text: String)] = []
    private var blockText: String?
    private var blockKind = MarkdownDocument.TextBlock.Kind.paragraph
    private var blockLine = 0
    private var listDepth = 0
    private var quoteDepth = 0
    private var sources: [String] = []
    private var placed: [ExtensionPass.Placement] = []

    init(options: MarkdownOptions, placements: [OpaquePointer: ExtensionPass.Placement] = [:],
         includeSources: [OpaquePointer: String] = [:]) {
        self.options = options
        self.placements = placements
        self.includeSources = includeSources
    }

    private var source: String? { sources.last }

    /// Where a node says it starts, mapped back to its file when it was re-parsed.
    private func position(_ node: OpaquePointer) -> (line: Int, column: Int) {
        let line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
        guard let placement = placed.last else { return (line, column) }
        return placement.map(line: line, column: column)
    }

    mutating func walk(_ root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var lastBlockLine = 1
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            let type = cmark_node_get_type(node)
            if let path = includeSources[node] {
                if entering { sources.append(path) } else { sources.removeLast() }
                continue
            }
            if entering, let placement = placements[node] {
                placed.append(placement)
                if let kind = placement.kind {
                    blockText = ""
                    blockKind = kind
                    blockLine = placement.lines[0]
                }
            }
            defer {
                if !entering, let placement = placements[node] {
                    if let kind = placement.kind {
                        if options.collectText, let text = blockText.map(normalise), !text.isEmpty {
                            textBlocks.append(.init(kind: kind, text: text, line: placement.lines[0], source: source))
                        }
                        blockText = nil
                    }
                    placed.removeLast()
                }
            }
            let line = position(node).line
            if line > 0 { lastBlockLine = line }

            switch type {
            case CMARK_NODE_HEADING:
                if entering {
                    headingText = ""
                    contentBlocks += 1
                } else {
                    let text = normalise(headingText ?? "")
                    headings.append(HeadingNode(node: node, level: Int(cmark_node_get_heading_level(node)), text: text, line: line, source: source))
                    if options.collectText, !text.isEmpty { textBlocks.append(.init(kind: .heading, text: text, line: line, source: source)) }
                    headingText = nil
                }
            case CMARK_NODE_PARAGRAPH:
                if entering {
                    blockText = ""
                    blockLine = line
                    blockKind = listDepth > 0 ? .listItem : (quoteDepth > 0 ? .blockQuote : .paragraph)
                    contentBlocks += 1
                } else {
                    if options.collectText, let text = blockText.map(normalise), !text.isEmpty {
                        textBlocks.append(.init(kind: blockKind, text: text, line: blockLine, source: source))
                    }
                    blockText = nil
                }
            case CMARK_NODE_ITEM:
                listDepth += entering ? 1 : -1
            case CMARK_NODE_BLOCK_QUOTE:
                quoteDepth += entering ? 1 : -1
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_THEMATIC_BREAK:
                contentBlocks += 1
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                let text = literal(node)
                let isBlock = type == CMARK_NODE_HTML_BLOCK
                // An author's comment is not content: a section of only comments is empty.
                if isBlock, !RawHTML.isOnlyComments(text) { contentBlocks += 1 }
                htmlNodes.append(HTMLNode(node: node, isBlock: isBlock, literal: text, line: line > 0 ? line : lastBlockLine,
                                          column: max(position(node).column, 1), source: source))
            case CMARK_NODE_CUSTOM_BLOCK:
                // Tables and figures are content (their rows are not counted again).
                if entering, let open = cmark_node_get_on_enter(node).map({ String(cString: $0) }),
                   open.hasPrefix("<div class=\"table-scroll\"") || open.hasPrefix("<figure>") {
                    contentBlocks += 1
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                append(literal(node))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                append(" ")
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let isImage = type == CMARK_NODE_IMAGE
                if entering {
                    let column = position(node).column
                    let reference = ReferenceNode(node: node, reference: .init(
                        destination: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                        text: "", line: line > 0 ? line : lastBlockLine, column: max(column, 1), source: source))
                    if isImage {
                        imageNodes.append(reference)
                        referenceText.append((imageNodes.count - 1, true, ""))
                    } else {
                        linkNodes.append(reference)
                        referenceText.append((linkNodes.count - 1, false, ""))
                    }
                } else if let open = referenceText.popLast() {
                    let text = normalise(open.text)
                    if open.isImage { imageNodes[open.index].reference.text = text } else { linkNodes[open.index].reference.text = text }
                }
            default:
                break
            }
        }
    }

    private mutating func append(_ text: String) {
        if headingText != nil { headingText! += text }
        if blockText != nil { blockText! += text }
        for index in referenceText.indices { referenceText[index].text += text }
    }

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private func normalise(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
