import Foundation
import CCmark

/// The only place that touches cmark: parses a file into cmark's tree, walks it once to
/// learn headings, links, images and text, rewrites what the site needs, renders HTML,
/// and frees the tree before returning. No C pointer leaves `convert`.
public enum MarkdownConverter {
    /// Converts `markdown` with `options`, asking `links` for every destination.
    /// Findings (unsafe links) are appended to `diagnostics` with `lineOffset` added.
    public static func convert<Links: LinkRewriting>(
        _ markdown: Substring, options: MarkdownOptions, links: inout Links,
        warn: (String, Int, Int) -> Void = { _, _, _ in }
    ) -> MarkdownDocument {
        var flags = CMARK_OPT_VALIDATE_UTF8
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        if options.unsafeHTML { flags |= CMARK_OPT_UNSAFE }

        var text = markdown
        let root: OpaquePointer? = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, flags) }
        }
        guard let root else { return MarkdownDocument(html: "", isEmpty: true) }
        defer { cmark_node_free(root) }

        var walker = TreeWalker(options: options)
        walker.walk(root)

        var document = MarkdownDocument(html: "", isEmpty: walker.contentBlocks == 0)
        document.textBlocks = walker.textBlocks
        document.links = walker.linkNodes.map(\.reference)
        document.images = walker.imageNodes.map(\.reference)

        // The title heading leaves the body: the template renders it as the section's h2.
        var bodyHeadings = walker.headings
        if options.extractTitle, let first = bodyHeadings.first {
            document.title = first.text
            document.titleLevel = first.level
            bodyHeadings.removeFirst()
            document.isEmpty = walker.contentBlocks <= 1
            cmark_node_unlink(first.node)
            cmark_node_free(first.node)
        }

        if options.sectionHeadings {
            let shift: Int
            if let titleLevel = document.titleLevel {
                shift = 2 - titleLevel
            } else {
                shift = 3 - (bodyHeadings.map(\.level).min() ?? 3)
            }
            var used: [String: Int] = [:]
            if let title = document.title ?? options.title {
                let anchor = Slug.anchor(for: title)
                used[anchor] = 1
                document.anchors[anchor] = options.idPrefix
            }
            for heading in bodyHeadings {
                let anchor = uniqueAnchor(Slug.anchor(for: heading.text), used: &used)
                let id = options.idPrefix.isEmpty ? anchor : "\(options.idPrefix)--\(anchor)"
                let level = min(6, max(3, heading.level + shift))
                document.anchors[anchor] = id
                document.headings.append(.init(level: level, sourceLevel: heading.level, text: heading.text,
                                               anchor: anchor, id: id, line: heading.line))
                replaceWithAnchoredHeading(heading.node, level: level, id: id)
            }
        } else {
            for heading in bodyHeadings {
                let anchor = Slug.anchor(for: heading.text)
                document.headings.append(.init(level: heading.level, sourceLevel: heading.level, text: heading.text,
                                               anchor: anchor, id: anchor, line: heading.line))
            }
        }

        for reference in walker.linkNodes + walker.imageNodes {
            let isImage = cmark_node_get_type(reference.node) == CMARK_NODE_IMAGE
            let destination = reference.reference.destination
            let output: String
            if UnsafeScheme.isBlocked(destination) {
                warn("removed unsafe \(isImage ? "image source" : "link") '\(destination.prefix(40))'", reference.reference.line, reference.reference.column)
                output = ""
            } else {
                output = links.rewrite(destination, isImage: isImage, line: reference.reference.line,
                                       column: reference.reference.column, anchors: document.anchors)
            }
            if output != destination { cmark_node_set_url(reference.node, output) }
            if !isImage, !output.isEmpty, let printURL = links.printURL(for: output) {
                wrapLink(reference.node, href: output, printURL: printURL)
            }
        }

        if let rendered = cmark_render_html(root, flags) {
            document.html = String(cString: rendered)
            free(rendered)
        }
        return document
    }

    /// GitHub's rule for repeated headings: `notes`, `notes-1`, `notes-2`.
    private static func uniqueAnchor(_ anchor: String, used: inout [String: Int]) -> String {
        guard let count = used[anchor] else {
            used[anchor] = 1
            return anchor
        }
        used[anchor] = count + 1
        let candidate = "\(anchor)-\(count)"
        return used[candidate] == nil ? uniqueAnchor(candidate, used: &used) : uniqueAnchor(candidate + "-", used: &used)
    }

    /// Gives a link a `data-print-url` attribute (the print stylesheet shows it after the
    /// link text) by replacing it with a custom inline that carries the same tag.
    private static func wrapLink(_ link: OpaquePointer, href: String, printURL: String) {
        guard let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        var tag = "<a href=\"\(HTMLEscaping.attribute(href))\""
        if let title = cmark_node_get_title(link).map({ String(cString: $0) }), !title.isEmpty {
            tag += " title=\"\(HTMLEscaping.attribute(title))\""
        }
        tag += " data-print-url=\"\(HTMLEscaping.attribute(printURL))\">"
        cmark_node_set_on_enter(inline, tag)
        cmark_node_set_on_exit(inline, "</a>")
        while let child = cmark_node_first_child(link) {
            cmark_node_append_child(inline, child)
        }
        cmark_node_replace(link, inline)
        cmark_node_free(link)
    }

    /// cmark's renderer cannot put attributes on a heading; a custom block carrying the
    /// opening and closing tags keeps the children rendered (and escaped) by cmark itself.
    private static func replaceWithAnchoredHeading(_ heading: OpaquePointer, level: Int, id: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(HTMLEscaping.attribute(id))\">")
        cmark_node_set_on_exit(block, "</h\(level)>")
        while let child = cmark_node_first_child(heading) {
            cmark_node_append_child(block, child)
        }
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
    }
}
