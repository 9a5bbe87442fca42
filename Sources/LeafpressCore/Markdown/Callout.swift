import CCmark
import Foundation

/// GitHub's alert syntax: a block quote whose first line is `[!NOTE]`, `[!TIP]`,
/// `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]` becomes a callout that states its level
/// as a visible label, so the level never depends on colour.
public enum Callout {
    /// The five levels GitHub defines, in its order.
    public enum Level: String, Sendable, CaseIterable {
        case note, tip, important, warning, caution
    }

    /// Replaces `quote` with a callout when its first line is a marker; returns true if it did.
    static func convert(_ quote: OpaquePointer, labels: MarkdownLabels) -> Bool {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH else { return false }
        // The marker may arrive as several text nodes ("[", "!NOTE", "]"): gather the first line.
        var marker = ""
        var lineNodes: [OpaquePointer] = []
        var child = cmark_node_first_child(paragraph)
        var lineBreak: OpaquePointer?
        while let node = child {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                lineBreak = node
                break
            }
            guard type == CMARK_NODE_TEXT else { return false }
            marker += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            lineNodes.append(node)
            child = cmark_node_next(node)
        }
        let trimmed = marker.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("[!"), trimmed.hasSuffix("]"),
              let level = Level(rawValue: String(trimmed.dropFirst(2).dropLast()).lowercased()) else { return false }

        for node in lineNodes + (lineBreak.map { [$0] } ?? []) {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        if cmark_node_first_child(paragraph) == nil {
            cmark_node_unlink(paragraph)
            cmark_node_free(paragraph)
        }
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return false }
        let label = HTMLEscaping.attribute(labels.label(for: level))
        cmark_node_set_on_enter(block, "<div class=\"callout callout-\(level.rawValue)\">\n<p class=\"callout-label\">\(label)</p>")
        cmark_node_set_on_exit(block, "</div>")
        while let node = cmark_node_first_child(quote) {
            cmark_node_append_child(block, node)
        }
        cmark_node_replace(quote, block)
        cmark_node_free(quote)
        return true
    }
}
